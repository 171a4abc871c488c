import type { Goal, Group, Person, Plan, Theme, Unit } from '..';
import type { ImportField } from './headers';
import type { ImportCheckIn, ImportDraft } from './map-table';
import { normalize } from './text';

/**
 * What applying a draft would change, against what the site holds now. A re-import updates only
 * what the file speaks about: fields without a column keep their stored value (an admin's later
 * edits survive), people already linked to a real account stay linked, and a goal's summary
 * belongs to its check-ins. Equal values mean "unchanged", which is how a second import of the
 * same file writes nothing.
 */

export type ImportEntity = 'unit' | 'group' | 'plan' | 'theme' | 'goal' | 'checkIn';

export interface ImportChange<T = unknown> {
  entity: ImportEntity;
  key: string;
  action: 'create' | 'update' | 'unchanged';
  /** Top-level properties that differ, for an update. */
  fields?: string[];
  /** The first sheet row it comes from, when it comes from one row. */
  row?: number;
  /** What to write (create/update). */
  value: T;
}

export interface ImportStored {
  plan?: Plan;
  themes: readonly Theme[];
  goals: readonly Goal[];
  /** Submission ids of the draft's check-ins that exist already. */
  existingSubmissions: ReadonlySet<string>;
}

export type ChangeCounts = Record<ImportEntity, { create: number; update: number; unchanged: number }>;

/** JSON with sorted keys, so property order never makes two equal values differ. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

function differing<T extends object>(a: T, b: T): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k])).sort();
}

function change<T extends object>(entity: ImportEntity, key: string, stored: T | undefined, next: T, row?: number): ImportChange<T> {
  const r = row !== undefined ? { row } : {};
  if (!stored) return { entity, key, action: 'create', value: next, ...r };
  const fields = differing(stored, next);
  return fields.length ? { entity, key, action: 'update', fields, value: next, ...r } : { entity, key, action: 'unchanged', value: stored, ...r };
}

/** The stored goal with what the file says laid over it. */
export function mergeGoal(stored: Goal, imported: Goal, fields: ReadonlySet<ImportField>): Goal {
  const next: Goal = { ...stored, title: imported.title, code: imported.code, themeKey: imported.themeKey };
  if (fields.has('description')) {
    if (imported.description) next.description = imported.description;
    else delete next.description;
  }
  if (fields.has('indicator') || fields.has('target') || fields.has('baseline') || fields.has('measureUnit')) {
    next.indicator = fields.has('indicator') ? imported.indicator : { ...imported.indicator, text: stored.indicator.text };
  }
  if (fields.has('baseline')) next.baseline = imported.baseline;
  if (fields.has('target')) next.target = imported.target;
  if (fields.has('persons')) {
    // Someone an admin linked to a real account since the last import stays linked.
    next.responsiblePersons = imported.responsiblePersons.map((p): Person => stored.responsiblePersons.find((s) => normalize(s.name) === normalize(p.name)) ?? p);
  }
  if (fields.has('groups') || fields.has('persons')) next.responsibleGroupKeys = imported.responsibleGroupKeys;
  if (fields.has('units')) next.units = imported.units;
  return next;
}

/** The stored theme with the file's code, order, parent and title in the file's language. */
export function mergeTheme(stored: Theme, imported: Theme): Theme {
  const next: Theme = { ...stored, code: imported.code, order: imported.order, title: { ...stored.title, ...imported.title } };
  if (imported.parentKey) next.parentKey = imported.parentKey;
  else delete next.parentKey;
  return next;
}

export function importChanges(draft: ImportDraft, stored: ImportStored): ImportChange[] {
  const out: ImportChange[] = [];
  const fields = new Set(draft.columns.map((c) => c.field).filter((f): f is ImportField => !!f && f !== 'ignore'));
  for (const u of draft.newUnits) out.push(change<Unit>('unit', u.key, undefined, u));
  for (const g of draft.newGroups) out.push(change<Group>('group', g.key, undefined, g));
  // An existing plan changes only by the units the file adds to it.
  out.push(change<Plan>('plan', draft.plan.key, stored.plan, stored.plan ? { ...stored.plan, units: draft.plan.units } : draft.plan));
  const themes = new Map(stored.themes.map((t) => [t.key, t]));
  const rowOf = new Map(draft.rows.filter((r) => r.kind === 'theme' && r.themeKey).map((r) => [r.themeKey as string, r.row]));
  for (const t of draft.themes) {
    const s = themes.get(t.key);
    out.push(change<Theme>('theme', t.key, s, s ? mergeTheme(s, t) : t, rowOf.get(t.key)));
  }
  const goals = new Map(stored.goals.map((g) => [g.key, g]));
  const goalRow = new Map(draft.rows.filter((r) => r.kind === 'goal' && r.goalKey).map((r) => [r.goalKey as string, r.row]));
  for (const g of draft.goals) {
    const s = goals.get(g.key);
    // A re-imported report carries the whole goal (every language); its history stays the stored one.
    const merged = s ? (draft.source === 'reimport' ? { ...g, summary: s.summary } : mergeGoal(s, g, fields)) : g;
    out.push(change<Goal>('goal', g.key, s, merged, goalRow.get(g.key)));
  }
  for (const c of draft.checkIns) {
    const exists = stored.existingSubmissions.has(c.submissionId);
    out.push({ entity: 'checkIn', key: c.key, action: exists ? 'unchanged' : 'create', row: c.row, value: c satisfies ImportCheckIn });
  }
  return out;
}

export function countChanges(changes: readonly ImportChange[]): ChangeCounts {
  const zero = () => ({ create: 0, update: 0, unchanged: 0 });
  const counts: ChangeCounts = { unit: zero(), group: zero(), plan: zero(), theme: zero(), goal: zero(), checkIn: zero() };
  for (const c of changes) counts[c.entity][c.action] += 1;
  return counts;
}
