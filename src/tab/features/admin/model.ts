/**
 * Admin editing as pure data: validation with the domain's own zod schemas (the client mirror of
 * what the server runs), message keys per field path, and the pieces of conflict handling — the
 * two versions flattened into comparable fields, and a three-way merge that re-applies my edits
 * on top of the version that won.
 */
import { DEFAULT_REMINDER_CALENDAR, REALISATION_SCALE, type Goal, type Group, type Person, type Plan, type Theme, type Unit } from '../../../domain/rules';
import { goalSchema, groupSchema, planSchema, themeSchema, unitSchema } from '../../../domain/schemas';
import type { EntityKind, EntityOfKind, FieldIssue } from '../../data';
import { issueKeys } from '../../i18n/issues';

export const KINDS: readonly EntityKind[] = ['plans', 'themes', 'goals', 'groups', 'units'];

const SCHEMAS = { plans: planSchema, themes: themeSchema, goals: goalSchema, groups: groupSchema, units: unitSchema } as const;

/** A message for one field: a catalog key under `validation.` with values, or (from the server) the keys of its issue code. */
export interface FieldMessage {
  key: string;
  values?: Record<string, unknown>;
  /** Full catalog keys, most specific first (a server issue's code, see i18n/issues.ts). */
  keys?: string[];
}
export type FieldMessages = Record<string, FieldMessage>;

interface ZodIssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

/** Which message a zod issue deserves, in the user's language (zod's own text is English). */
export function messageFor(issue: ZodIssueLike): FieldMessage {
  const path = issue.path.map(String).join('.');
  const last = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { key: 'required' };
      if (issue.origin === 'array') return { key: 'atLeast', values: { min: Number(issue.minimum) } };
      if (issue.origin === 'number') return { key: 'min', values: { min: Number(issue.minimum) } };
      return { key: 'tooShort', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'number') return { key: 'max', values: { max: Number(issue.maximum) } };
      return { key: 'tooLong', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (/date|Start|End/i.test(last)) return { key: 'date' };
      return { key: 'keyFormat' };
    case 'invalid_type':
      return issue.message.includes('number') ? { key: 'number' } : { key: 'required' };
    case 'invalid_value':
      return { key: 'choose' };
    case 'custom':
      if (path === 'periodEnd') return { key: 'periodOrder' };
      if (path.endsWith('direction')) return { key: 'direction' };
      if (path.endsWith('levels')) return { key: 'levelsUnique' };
      return { key: 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

/** Validates like the server does; returns messages by dotted field path (first message per field). */
export function validate<K extends EntityKind>(kind: K, value: EntityOfKind[K]): FieldMessages {
  const r = SCHEMAS[kind].safeParse(value);
  if (r.success) return {};
  const out: FieldMessages = {};
  for (const issue of r.error.issues as unknown as ZodIssueLike[]) {
    const path = issue.path.map(String).join('.') || 'key';
    if (!(path in out)) out[path] = messageFor(issue);
  }
  return out;
}

/** The server's field issues, by code in the user's language, shown next to the same fields. */
export function serverMessages(fields: readonly FieldIssue[]): FieldMessages {
  const out: FieldMessages = {};
  for (const f of fields) {
    // `units.2` → the units field.
    const path = f.path.replace(/\.\d+$/, '');
    if (!(path in out)) out[path] = { key: 'invalid', keys: issueKeys(f) };
  }
  return out;
}

/** Messages for a field and everything under it (a group of inputs shows its children's). */
export function messageAt(messages: FieldMessages, path: string): FieldMessage | undefined {
  if (messages[path]) return messages[path];
  const prefix = `${path}.`;
  const k = Object.keys(messages).find((m) => m.startsWith(prefix));
  return k ? messages[k] : undefined;
}

// --- blank entities ---------------------------------------------------------------------------

export function blankPlan(today: string): Plan {
  const year = today.slice(0, 4);
  return {
    key: '',
    title: { fi: '', sv: '', en: '' },
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    cadence: 'monthly',
    statusScale: structuredClone(REALISATION_SCALE),
    units: [],
    reminders: { ...DEFAULT_REMINDER_CALENDAR, nonReportingMonths: [...DEFAULT_REMINDER_CALENDAR.nonReportingMonths] },
    language: 'fi',
  };
}

export function blankTheme(planKey: string, order: number): Theme {
  return { key: '', planKey, code: '', order, title: { fi: '', sv: '', en: '' } };
}

export function blankGoal(planKey: string, themeKey: string): Goal {
  return {
    key: '',
    planKey,
    themeKey,
    code: '',
    title: '',
    indicator: { text: '', kind: 'qualitative' },
    baseline: {},
    target: {},
    responsiblePersons: [],
    responsibleGroupKeys: [],
    units: [],
    summary: {},
  };
}

export function blankGroup(): Group {
  return { key: '', name: { fi: '', sv: '', en: '' }, members: [], owners: [] };
}

export function blankUnit(order: number): Unit {
  return { key: '', name: { fi: '', sv: '', en: '' }, order };
}

/**
 * Before saving: optional texts left empty are dropped (the schemas treat a missing Swedish or
 * English title as "fall back to Finnish", but an empty string as a value someone typed).
 */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (v === '' && k !== 'fi' && k !== 'key' && k !== 'title' && k !== 'code' && k !== 'text') continue;
      const c = clean(v);
      // An optional group left entirely empty (a description with no text) is dropped as well.
      if (c && typeof c === 'object' && !Array.isArray(c) && k === 'description' && Object.values(c).every((x) => x === '' || x === undefined)) continue;
      out[k] = c;
    }
    return out as T;
  }
  return value;
}

// --- known people -----------------------------------------------------------------------------

/** Everyone the board knows (group members and owners, responsible persons), by name. */
export function knownPeople(groups: readonly Group[], goals: readonly Goal[], extra: readonly Person[] = []): Person[] {
  const m = new Map<string, Person>();
  for (const p of [...extra, ...groups.flatMap((g) => [...g.members, ...g.owners]), ...goals.flatMap((g) => g.responsiblePersons)]) {
    if (!m.has(p.id)) m.set(p.id, { id: p.id, upn: p.upn, name: p.name });
  }
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

// --- conflicts --------------------------------------------------------------------------------

/** Fields that are not the admin's to edit (check-ins write the summary; the bot links channels). */
const NOT_EDITED = new Set(['summary', 'conversation']);

export type Leaf = string | number | boolean | null | undefined | unknown[];

/** Dotted paths to leaves; arrays are leaves (a list of people or units is one field). */
export function flatten(value: unknown, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (v: unknown, p: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (!p && NOT_EDITED.has(k)) continue;
        walk(child, p ? `${p}.${k}` : k);
      }
    } else {
      out.set(p, v as Leaf);
    }
  };
  walk(value, prefix);
  return out;
}

const norm = (v: unknown): string => (v === undefined || v === null || v === '' ? '' : JSON.stringify(v));
export const sameValue = (a: unknown, b: unknown) => norm(a) === norm(b);

export interface FieldDiff {
  path: string;
  theirs: Leaf;
  mine: Leaf;
  /** Their saved version differs from mine in this field. */
  differs: boolean;
  /** I changed this field from the version I started from. */
  changedByMe: boolean;
  /** They changed it too (from my starting version), to something else than I did. */
  bothChanged: boolean;
}

/** Every field of either version, in a stable order, marked where they differ. */
export function diffVersions(base: unknown, mine: unknown, theirs: unknown): FieldDiff[] {
  const b = flatten(base);
  const m = flatten(mine);
  const t = flatten(theirs);
  const paths: string[] = [];
  for (const p of [...t.keys(), ...m.keys()]) if (!paths.includes(p)) paths.push(p);
  return paths.map((path) => {
    const changedByMe = !sameValue(m.get(path), b.get(path));
    const changedByThem = !sameValue(t.get(path), b.get(path));
    const differs = !sameValue(t.get(path), m.get(path));
    return { path, theirs: t.get(path), mine: m.get(path), differs, changedByMe, bothChanged: changedByMe && changedByThem && differs };
  });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (!next || typeof next !== 'object' || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete cur[last];
  else cur[last] = structuredClone(value);
}

/**
 * Their version with my edits re-applied: every field I changed from the version I started
 * from takes my value; everything else stays as they saved it. Where we both changed a field,
 * mine wins here — the admin reviews the result (marked) before saving again.
 */
export function reapply<T>(base: T, mine: T, theirs: T): T {
  const out = structuredClone(theirs) as Record<string, unknown>;
  for (const d of diffVersions(base, mine, theirs)) if (d.changedByMe) setPath(out, d.path, d.mine);
  return out as T;
}
