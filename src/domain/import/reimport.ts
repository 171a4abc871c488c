import {
  goalSchema,
  groupSchema,
  keySchema,
  localeSchema,
  periodSchema,
  planSchema,
  summaryAsOf,
  themeSchema,
  unitSchema,
  OVERALL,
  orderThemes,
  type CheckIn,
  type Goal,
  type Group,
  type Locale,
  type Person,
  type Plan,
  type Theme,
  type Unit,
} from '..';
import { z } from 'zod';
import { copiedKey } from '../life-cycle';
import type { ImportCheckIn, ImportDraft, ImportExisting, ImportOptions, ImportProblem, ImportRow } from './map-table';
import type { TableSheet } from './table';
import { normalize, slug, stableHash } from './text';

/**
 * The board report's Excel carries one more, hidden sheet meant for re-import: the plan as data,
 * one entity per row (`kind`, `key`, the entity as JSON), with every text in every language and
 * each reporting slot's latest status as of the report's period. Importing that file (into an
 * empty site, or as another plan key) reproduces the plan without guessing at headers. People are
 * kept by name only (ids and addresses of one tenant mean nothing in another) and matched again
 * on import where the match is unambiguous; groups come with their names, not their members.
 */

export const REIMPORT_SHEET = 'Tavoitteet-data';
/** A1 of the sheet: what it is, and the format's version. */
export const REIMPORT_MARKER = 'tavoitteet-reimport/1';

export type ReimportKind = 'plan' | 'unit' | 'group' | 'theme' | 'goal' | 'status';

const statusRowSchema = z.object({
  goalKey: keySchema,
  unit: keySchema.optional(),
  period: periodSchema,
  status: z.number().int(),
  narrative: z.string(),
  language: localeSchema.optional(),
  indicatorValue: z.number().finite().optional(),
});
export type ReimportStatus = z.infer<typeof statusRowSchema>;

export interface ReimportInput {
  plan: Plan;
  themes: readonly Theme[];
  goals: readonly Goal[];
  groups: readonly Group[];
  units: readonly Unit[];
  checkIns: readonly CheckIn[];
  /** The report's period: the latest status per slot at or before it. */
  asOf: string;
  /** Every theme of the plan (an unfiltered report), not only those above the goals given. */
  allThemes?: boolean;
}

/** The rows of the sheet after its marker and header: `[kind, key, JSON]`, referenced things first. */
export function reimportRows(input: ReimportInput): [ReimportKind, string, string][] {
  const { archivedAt: _a, ...plan } = input.plan;
  const goals = input.goals.filter((g) => g.planKey === plan.key);
  const byKey = new Map(input.themes.map((t) => [t.key, t]));
  const themeKeys = new Set<string>();
  if (input.allThemes) for (const t of input.themes) if (t.planKey === plan.key) themeKeys.add(t.key);
  for (const g of goals) for (let t = byKey.get(g.themeKey); t && !themeKeys.has(t.key); t = t.parentKey ? byKey.get(t.parentKey) : undefined) themeKeys.add(t.key);
  const unitKeys = new Set([...plan.units, ...goals.flatMap((g) => g.units)]);
  const groupKeys = new Set(goals.flatMap((g) => g.responsibleGroupKeys));
  const out: [ReimportKind, string, string][] = [['plan', plan.key, JSON.stringify(plan)]];
  for (const u of input.units) if (unitKeys.has(u.key)) out.push(['unit', u.key, JSON.stringify(u)]);
  for (const g of input.groups) if (groupKeys.has(g.key)) out.push(['group', g.key, JSON.stringify({ key: g.key, name: g.name })]);
  for (const t of orderThemes(input.themes.filter((x) => themeKeys.has(x.key)))) out.push(['theme', t.key, JSON.stringify(t)]);
  const byGoal = new Map<string, CheckIn[]>();
  for (const c of input.checkIns) byGoal.set(c.goalKey, [...(byGoal.get(c.goalKey) ?? []), c]);
  for (const g of goals) {
    const { summary: _s, ...goal } = g;
    out.push(['goal', g.key, JSON.stringify({ ...goal, responsiblePersons: g.responsiblePersons.map((p) => ({ name: p.name })) })]);
  }
  for (const g of goals) {
    const mine = byGoal.get(g.key) ?? [];
    for (const [slot, entry] of Object.entries(summaryAsOf(mine, input.asOf))) {
      const c = mine.find((x) => x.key === entry.checkInKey);
      if (!c) continue;
      const status: ReimportStatus = {
        goalKey: g.key,
        ...(slot !== OVERALL ? { unit: slot } : {}),
        period: c.period,
        status: c.status,
        narrative: c.narrative,
        ...(c.language ? { language: c.language } : {}),
        ...(c.indicatorValue !== undefined ? { indicatorValue: c.indicatorValue } : {}),
      };
      out.push(['status', `${g.key}/${slot}`, JSON.stringify(status)]);
    }
  }
  return out;
}

/** Whether a sheet is the re-import sheet (its marker in A1). */
export function isReimportSheet(sheet: TableSheet): boolean {
  return sheet.rows[0]?.[0]?.text.trim() === REIMPORT_MARKER;
}

const FIRST_ROW = 3; // 1: marker, 2: header

/**
 * The re-import sheet as an import draft, under the plan key the admin chose: when it differs from
 * the exported one, theme and goal keys are renamed as a plan copy renames them, so the same file
 * can also start a second plan in the same site. A row that fails its schema is an error with its
 * row number; nothing is written while there is one.
 */
export function readReimportSheet(
  sheet: TableSheet,
  sheets: string[],
  existing: ImportExisting,
  options: Pick<ImportOptions, 'planKey'>,
): { draft: ImportDraft; problems?: undefined } | { draft?: undefined; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  const parsed: { kind: ReimportKind; value: unknown; row: number }[] = [];
  sheet.rows.slice(FIRST_ROW - 1).forEach((cells, i) => {
    const row = FIRST_ROW + i;
    const kind = cells[0]?.text.trim() ?? '';
    const json = cells[2]?.text ?? '';
    if (!kind && !json.trim()) return;
    try {
      if (!['plan', 'unit', 'group', 'theme', 'goal', 'status'].includes(kind)) throw new Error(`unknown kind "${kind}"`);
      parsed.push({ kind: kind as ReimportKind, value: JSON.parse(json) as unknown, row });
    } catch (e) {
      problems.push({ severity: 'error', code: 'row-not-understood', row, message: `Row ${row} of the re-import sheet: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  const take = <T>(kind: ReimportKind, schema: z.ZodType<T>): { value: T; row: number }[] =>
    parsed
      .filter((p) => p.kind === kind)
      .flatMap((p) => {
        const r = schema.safeParse(p.value);
        if (r.success) return [{ value: r.data, row: p.row }];
        problems.push({ severity: 'error', code: 'row-not-understood', row: p.row, message: `Row ${p.row}: not a valid ${kind}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}` });
        return [];
      });

  const sourcePlan = take('plan', planSchema)[0];
  const from = sourcePlan?.value.key ?? options.planKey;
  const rename = (k: string) => (from === options.planKey ? k : copiedKey(k, from, options.planKey));
  const plan: Plan | undefined = existing.plan ?? (sourcePlan ? { ...sourcePlan.value, key: options.planKey } : undefined);
  if (!plan) return { problems: [...problems, { severity: 'error', code: 'row-not-understood', message: `The re-import sheet ${sheet.name} holds no valid plan row` }] };
  if (existing.plan?.archivedAt) problems.push({ severity: 'error', code: 'plan-archived', message: `Plan ${existing.plan.key} is archived and read-only: restore it to import into it` });

  const units = take('unit', unitSchema).map((u) => u.value);
  const groups = take('group', groupSchema.pick({ key: true, name: true })).map((g): Group => ({ ...g.value, members: [], owners: [] }));
  const themes = take('theme', themeSchema).map(({ value: t, row }): Theme => {
    rows.push({ row, kind: 'theme', text: t.title.fi, themeKey: rename(t.key), code: t.code });
    return { ...t, key: rename(t.key), planKey: options.planKey, ...(t.parentKey ? { parentKey: rename(t.parentKey) } : {}) };
  });

  const peopleByName = new Map<string, Person[]>();
  for (const p of existing.people) peopleByName.set(normalize(p.name), [...(peopleByName.get(normalize(p.name)) ?? []), p]);
  const person = (name: string): Person => {
    const found = peopleByName.get(normalize(name)) ?? [];
    if (found.length === 1 && found[0]) return found[0];
    // Kept as a name, as the table import keeps one: an id no sign-in ever has.
    const id = `name:${slug(name, 60) || stableHash(name)}`;
    return { id, upn: id, name };
  };
  const goalInput = goalSchema.extend({ responsiblePersons: z.array(z.object({ name: z.string().min(1) })).default([]) });
  const goals = take('goal', goalInput).map(({ value: g, row }): Goal => {
    rows.push({ row, kind: 'goal', text: g.title, goalKey: rename(g.key), code: g.code });
    return { ...g, key: rename(g.key), planKey: options.planKey, themeKey: rename(g.themeKey), responsiblePersons: g.responsiblePersons.map((p) => person(p.name)), summary: {} };
  });

  const checkIns: ImportCheckIn[] = take('status', statusRowSchema).map(({ value: s, row }) => {
    const goalKey = rename(s.goalKey);
    const h = stableHash(`${options.planKey}|${goalKey}|${s.unit ?? OVERALL}|${s.period}|${s.status}|${s.narrative}`, 16);
    rows.push({ row, kind: 'continuation', text: s.narrative.slice(0, 80), goalKey, status: s.status, checkInKey: `ci-imp-${h}` });
    return {
      key: `ci-imp-${h}`,
      submissionId: `import:${h}`,
      goalKey,
      planKey: options.planKey,
      period: s.period,
      status: s.status,
      narrative: s.narrative,
      row,
      ...(s.unit ? { unit: s.unit } : {}),
      ...(s.language ? { language: s.language as Locale } : {}),
      ...(s.indicatorValue !== undefined ? { indicatorValue: s.indicatorValue } : {}),
    };
  });

  const knownGroups = new Set(existing.groups.map((g) => g.key));
  const knownUnits = new Set(existing.units.map((u) => u.key));
  const draft: ImportDraft = {
    source: 'reimport',
    sheet: sheet.name,
    sheets,
    headerRow: 2,
    columns: [],
    locale: 'fi',
    plan: existing.plan ? { ...existing.plan, units: [...new Set([...existing.plan.units, ...(sourcePlan?.value.units ?? [])])] } : plan,
    planIsNew: !existing.plan,
    scale: { source: 'plan', scale: plan.statusScale },
    themes,
    goals,
    newGroups: groups.filter((g) => !knownGroups.has(g.key)),
    newUnits: units.filter((u) => !knownUnits.has(u.key)),
    checkIns,
    rows,
    problems,
  };
  return { draft };
}
