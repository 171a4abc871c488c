import {
  canEditPlanning,
  checkInSchema,
  Forbidden,
  goalSchema,
  groupSchema,
  Invalid,
  parseOrInvalid,
  planSchema,
  themeSchema,
  unitSchema,
  type Actor,
  type CheckIn,
  type Goal,
  type Group,
  type Person,
  type Plan,
  type Theme,
  type Unit,
} from '../../domain';
import {
  countChanges,
  importChanges,
  isApplicable,
  isReimportSheet,
  mapTable,
  pickSheet,
  readReimportSheet,
  type ChangeCounts,
  type ImportChange,
  type ImportDraft,
  type ImportOptions,
  type Table,
} from '../../domain/import';
import type { Collection } from '../../ports';
import type { CommandContext } from '../context';
import { updateSummary } from '../submit-check-in';
import { readTable } from './read-table';

/**
 * Importing an existing goal table: `previewImport` reads the file and the site and says what
 * would happen, writing nothing; `applyImport` does the same and then writes it — creates,
 * updates with If-Match, check-ins exactly once by submission id — and reports what changed.
 * The HTTP API, the admin page and `npm run import` all call these two.
 */

export interface ImportRequest extends ImportOptions {
  bytes: Uint8Array;
  fileName?: string;
}

export interface ImportPreview {
  fileName?: string;
  draft: ImportDraft;
  changes: ImportChange[];
  counts: ChangeCounts;
  /** False while any problem is an error: apply refuses. */
  applicable: boolean;
}

export interface ImportResult extends ImportPreview {
  /** What was written, in order (creates and updates only). */
  written: { entity: ImportChange['entity']; key: string; action: 'create' | 'update' }[];
}

function requireAdmin(actor: Actor): void {
  if (!canEditPlanning(actor)) throw new Forbidden('Only admins import goal tables');
}

async function mapAll<T, R>(items: readonly T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += n) out.push(...(await Promise.all(items.slice(i, i + n).map(f))));
  return out;
}

function knownPeople(groups: readonly Group[], goals: readonly Goal[], records: readonly { key: string; upn?: string; name: string }[]): Person[] {
  const out: Person[] = [];
  const add = (p: Person) => {
    if (!p.id.startsWith('name:') && !out.some((x) => x.id === p.id)) out.push(p);
  };
  for (const g of groups) [...g.members, ...g.owners].forEach(add);
  for (const g of goals) g.responsiblePersons.forEach(add);
  for (const r of records) if (r.upn) add({ id: r.key, upn: r.upn, name: r.name });
  return out;
}

interface Stored {
  plan?: { value: Plan; etag: string };
  themes: Map<string, { value: Theme; etag: string }>;
  goals: Map<string, { value: Goal; etag: string }>;
}

async function build(ctx: CommandContext, req: ImportRequest): Promise<{ preview: ImportPreview; stored: Stored; table: Table }> {
  const table = await readTable(req.bytes, req.fileName ? { fileName: req.fileName } : {});
  const [plan, groups, units, people] = await Promise.all([ctx.repo.plans.find(req.planKey), ctx.repo.groups.list(), ctx.repo.units.list(), ctx.repo.people.list()]);
  const [themes, goals] = plan
    ? await Promise.all([ctx.repo.themes.list({ planKey: req.planKey }), ctx.repo.goals.list({ planKey: req.planKey })])
    : [{ items: [], invalid: [] }, { items: [], invalid: [] }];
  const { bytes: _b, fileName: _f, ...options } = req;
  const existing = {
    ...(plan ? { plan: plan.value } : {}),
    groups: groups.items.map((g) => g.value),
    units: units.items.map((u) => u.value),
    people: knownPeople(groups.items.map((g) => g.value), goals.items.map((g) => g.value), people.items.map((p) => p.value)),
  };
  // The board report's Excel carries its own data sheet for re-import: read that, not the headers.
  // (Unless the admin chose another sheet: then that one is read by its headers.)
  const chosen = options.sheet === undefined || options.sheet === '' ? undefined : pickSheet(table, options.sheet);
  const dataSheet = chosen ? (isReimportSheet(chosen) ? chosen : undefined) : table.sheets.find(isReimportSheet);
  const reimport = dataSheet ? readReimportSheet(dataSheet, table.sheets.map((x) => x.name), existing, options) : undefined;
  const draft = reimport?.draft ?? mapTable(table, existing, options);
  if (reimport?.problems) draft.problems.push(...reimport.problems);
  const found = await mapAll(draft.checkIns, 8, async (c) => ((await ctx.repo.findCheckInBySubmission(c.submissionId)) ? c.submissionId : undefined));
  const changes = importChanges(draft, {
    ...(plan ? { plan: plan.value } : {}),
    themes: themes.items.map((t) => t.value),
    goals: goals.items.map((g) => g.value),
    existingSubmissions: new Set(found.filter((x): x is string => !!x)),
  });
  const stored: Stored = {
    ...(plan ? { plan: { value: plan.value, etag: plan.etag } } : {}),
    themes: new Map(themes.items.map((t) => [t.value.key, { value: t.value, etag: t.etag }])),
    goals: new Map(goals.items.map((g) => [g.value.key, { value: g.value, etag: g.etag }])),
  };
  const preview: ImportPreview = { ...(req.fileName ? { fileName: req.fileName } : {}), draft, changes, counts: countChanges(changes), applicable: isApplicable(draft) };
  return { preview, stored, table };
}

/** What an import of this file would do. Writes nothing. */
export async function previewImport(ctx: CommandContext, actor: Actor, req: ImportRequest): Promise<ImportPreview> {
  requireAdmin(actor);
  return (await build(ctx, req)).preview;
}

/** Imports the file: refuses when the preview has errors; otherwise writes what changed and lists it. */
export async function applyImport(ctx: CommandContext, actor: Actor, req: ImportRequest): Promise<ImportResult> {
  requireAdmin(actor);
  const { preview, stored } = await build(ctx, req);
  if (!preview.applicable) {
    const errors = preview.draft.problems.filter((p) => p.severity === 'error');
    throw new Invalid(
      `The file cannot be imported yet: ${errors.map((p) => p.message).join('; ')}`,
      errors.map((p) => ({ path: p.row !== undefined ? `row ${p.row}${p.column ? ` column ${p.column}` : ''}` : p.column ? `column ${p.column}` : 'file', message: p.message })),
    );
  }
  const written: ImportResult['written'] = [];
  const write = async <T extends { key: string }>(c: ImportChange, col: Collection<T>, schema: Parameters<typeof parseOrInvalid<T>>[0], etag: string | undefined) => {
    if (c.action === 'unchanged') return;
    const value = parseOrInvalid(schema, c.value, `${c.entity} ${c.key}${c.row ? ` (row ${c.row})` : ''}`);
    if (c.action === 'create') await col.create(value);
    else await col.update(value, etag ?? '');
    written.push({ entity: c.entity, key: c.key, action: c.action });
  };
  const of = (e: ImportChange['entity']) => preview.changes.filter((c) => c.entity === e);
  // Referenced things first, so a reader during the import never meets a dangling key.
  await mapAll(of('unit'), 8, (c) => write<Unit>(c, ctx.repo.units, unitSchema, undefined));
  await mapAll(of('group'), 8, (c) => write<Group>(c, ctx.repo.groups, groupSchema, undefined));
  for (const c of of('plan')) await write<Plan>(c, ctx.repo.plans, planSchema, stored.plan?.etag);
  // Themes one by one in file order: a parent is written before its children.
  for (const c of of('theme')) await write<Theme>(c, ctx.repo.themes, themeSchema, stored.themes.get(c.key)?.etag);
  await mapAll(of('goal'), 8, (c) => write<Goal>(c, ctx.repo.goals, goalSchema, stored.goals.get(c.key)?.etag));
  const now = ctx.clock.now().toISOString();
  const author = { id: actor.id, upn: actor.upn, name: actor.name };
  // A goal's check-ins in file order, one after another (each updates the goal's summary with
  // If-Match); different goals' eight at a time: a 500-goal table was 1,500 sequential round trips.
  const byGoal = new Map<string, ImportChange[]>();
  for (const c of of('checkIn')) {
    if (c.action !== 'create') continue;
    const goalKey = (c.value as ImportDraft['checkIns'][number]).goalKey;
    byGoal.set(goalKey, [...(byGoal.get(goalKey) ?? []), c]);
  }
  const created = new Set<string>();
  await mapAll([...byGoal.values()], 8, async (changes) => {
    for (const c of changes) {
      const d = c.value as ImportDraft['checkIns'][number];
      const checkIn: CheckIn = parseOrInvalid(
        checkInSchema,
        {
          key: d.key,
          goalKey: d.goalKey,
          planKey: d.planKey,
          period: d.period,
          ...(d.unit ? { unit: d.unit } : {}),
          status: d.status,
          narrative: d.narrative,
          ...(d.language ? { language: d.language } : {}),
          ...(d.indicatorValue !== undefined ? { indicatorValue: d.indicatorValue } : {}),
          author,
          submittedAt: now,
          source: 'import',
          submissionId: d.submissionId,
        },
        `check-in of row ${d.row}`,
      );
      await ctx.repo.checkIns.create(checkIn);
      await updateSummary(ctx, checkIn);
      created.add(c.key);
    }
  });
  // Listed in file order, whatever order they were written in.
  for (const c of of('checkIn')) if (created.has(c.key)) written.push({ entity: 'checkIn', key: c.key, action: 'create' });
  return { ...preview, written };
}
