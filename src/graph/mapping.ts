/**
 * Entity ⇄ SharePoint list item `fields`, driven entirely by `manifest/lists.ts`: no column name
 * appears here. Reading validates with the entity's zod schema; a row someone broke by hand
 * becomes an `InvalidRow` (reported next to the good rows), never an exception.
 */
import type { ZodType } from 'zod';
import {
  checkInSchema,
  goalSchema,
  groupSchema,
  meetingSessionSchema,
  personRecordSchema,
  planSchema,
  reminderLogSchema,
  reviewSchema,
  themeSchema,
  unitSchema,
  type CheckIn,
  type Goal,
  type Group,
  type MeetingSession,
  type PersonRecord,
  type Plan,
  type ReminderLog,
  type Review,
  type Theme,
  type Unit,
} from '../domain';
import { LISTS, type ColumnSpec, type EntityName, type ListSpec } from '../../manifest/lists';
import type { InvalidRow, Versioned } from '../ports';

export interface EntityTypes {
  plan: Plan;
  theme: Theme;
  goal: Goal;
  checkIn: CheckIn;
  review: Review;
  group: Group;
  unit: Unit;
  reminderLog: ReminderLog;
  person: PersonRecord;
  meetingSession: MeetingSession;
}

export const SCHEMAS: { [E in EntityName]: ZodType<EntityTypes[E], unknown> } = {
  plan: planSchema as unknown as ZodType<Plan, unknown>,
  theme: themeSchema as unknown as ZodType<Theme, unknown>,
  goal: goalSchema as unknown as ZodType<Goal, unknown>,
  checkIn: checkInSchema as unknown as ZodType<CheckIn, unknown>,
  review: reviewSchema as unknown as ZodType<Review, unknown>,
  group: groupSchema as unknown as ZodType<Group, unknown>,
  unit: unitSchema as unknown as ZodType<Unit, unknown>,
  reminderLog: reminderLogSchema as unknown as ZodType<ReminderLog, unknown>,
  person: personRecordSchema as unknown as ZodType<PersonRecord, unknown>,
  meetingSession: meetingSessionSchema as unknown as ZodType<MeetingSession, unknown>,
};

/** SharePoint's built-in Title column holds at most 255 characters. */
export const TITLE_MAX = 255;

/** A list item as Graph returns it with `$expand=fields` (only what we read). */
export interface GraphListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Record<string, unknown>;
  deleted?: { state?: string };
}

export function specOf(entity: EntityName): ListSpec {
  return LISTS[entity];
}

function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(target: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.');
  let cur = target;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = v;
}

function encodeColumn(c: ColumnSpec, v: unknown): unknown {
  if (c.json) return JSON.stringify(v);
  switch (c.type) {
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'dateTime':
      // SharePoint keeps whole seconds in UTC and returns them as "…T06:00:00Z"; send exactly that.
      return new Date(String(v)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'boolean':
      return Boolean(v);
    default:
      return String(v);
  }
}

/** The value of a compound key column (`derivedFrom`), or undefined when a part is missing. */
export function derivedValue(c: ColumnSpec, parts: (path: string) => unknown): string | undefined {
  const values = (c.derivedFrom ?? []).map((p) => {
    const v = parts(p);
    return v === undefined || v === null || v === '' ? c.derivedDefaults?.[p] : v;
  });
  return values.every((v) => v !== undefined && v !== null && v !== '') ? values.map(String).join('|') : undefined;
}

const valueOf = (c: ColumnSpec, value: unknown): unknown =>
  c.derivedFrom ? derivedValue(c, (path) => getPath(value, path)) : getPath(value, c.field);

/** Columns (with Title) for creating an item: absent values are left out, never written as null. */
export function toCreateFields(entity: EntityName, value: unknown): Record<string, unknown> {
  const spec = specOf(entity);
  const out: Record<string, unknown> = { Title: titleOf(spec, value) };
  for (const c of spec.columns) {
    const v = valueOf(c, value);
    if (v !== undefined && v !== null) out[c.name] = encodeColumn(c, v);
  }
  return out;
}

/**
 * Columns for `PATCH …/fields`: every column of the list, with `null` for a value the entity no
 * longer has, so that removing an optional value clears the column instead of leaving the old one.
 */
export function toUpdateFields(entity: EntityName, value: unknown): Record<string, unknown> {
  const spec = specOf(entity);
  const out: Record<string, unknown> = { Title: titleOf(spec, value) };
  for (const c of spec.columns) {
    const v = valueOf(c, value);
    out[c.name] = v === undefined || v === null ? null : encodeColumn(c, v);
  }
  return out;
}

function titleOf(spec: ListSpec, value: unknown): string {
  const t = getPath(value, spec.titleFrom);
  const text = t === undefined || t === null ? '' : String(t);
  return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text;
}

export type Decoded<T> = { ok: true; value: Versioned<T> } | { ok: false; invalid: InvalidRow };

/** The item's eTag (the listItem's, or the fields' `@odata.etag` when only fields were returned). */
export function etagOf(item: GraphListItem): string {
  return item.eTag ?? item['@odata.etag'] ?? (item.fields?.['@odata.etag'] as string | undefined) ?? '';
}

/** Reads one list item into a validated entity, or an InvalidRow naming every bad column. */
export function decodeItem<E extends EntityName>(entity: E, item: GraphListItem): Decoded<EntityTypes[E]> {
  const spec = specOf(entity);
  const itemId = String(item.id);
  const issues: InvalidRow['issues'] = [];
  const raw: Record<string, unknown> = {};
  const fields = item.fields;
  if (!fields || typeof fields !== 'object') {
    return { ok: false, invalid: { list: spec.displayName, itemId, issues: [{ path: '(fields)', message: 'The item has no fields (was it read without $expand=fields?)' }] } };
  }
  const columnOf = new Map<string, string>();
  for (const c of spec.columns) {
    if (c.derivedFrom) continue; // written from other properties, never read into the entity
    columnOf.set(c.field, c.name);
    const v = fields[c.name];
    // An emptied cell is absent; only plain text columns keep '' as a value.
    if (v === undefined || v === null || (v === '' && (c.json || (c.type !== 'text' && c.type !== 'note')))) continue;
    const decoded = decodeColumn(c, v);
    if ('issue' in decoded) issues.push({ path: c.field, message: `${decoded.issue} (column ${c.name})` });
    else setPath(raw, c.field, decoded.value);
  }
  const parsed = SCHEMAS[entity].safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map(String).join('.') || '(item)';
      // Do not repeat a column we already reported as unreadable.
      if (issues.some((x) => path === x.path || path.startsWith(`${x.path}.`))) continue;
      const column = [...columnOf.entries()].find(([f]) => path === f || path.startsWith(`${f}.`))?.[1];
      issues.push({ path, message: column ? `${i.message} (column ${column})` : i.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, invalid: { list: spec.displayName, itemId, issues } };
  return { ok: true, value: { value: parsed.data, etag: etagOf(item), itemId } };
}

function decodeColumn(c: ColumnSpec, v: unknown): { value: unknown } | { issue: string } {
  if (c.json) {
    if (typeof v !== 'string') return { issue: 'Expected JSON text' };
    try {
      return { value: JSON.parse(v) };
    } catch {
      return { issue: 'The column does not contain valid JSON' };
    }
  }
  switch (c.type) {
    case 'number': {
      // SharePoint returns numbers as numbers; a string that is a number is tolerated.
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? { value: n } : { issue: `Expected a number, got ${JSON.stringify(v)}` };
    }
    case 'boolean':
      return typeof v === 'boolean' ? { value: v } : { issue: 'Expected yes/no' };
    case 'dateTime': {
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return { issue: 'Expected a date and time' };
      return { value: v };
    }
    default:
      return typeof v === 'string' ? { value: v } : { issue: `Expected text, got ${typeof v}` };
  }
}

/** Column of an entity property, for `$filter`; throws (a programming error) unless it is indexed. */
function indexedColumn(entity: EntityName, property: string): ColumnSpec {
  const spec = specOf(entity);
  const c = spec.columns.find((x) => x.field === property);
  if (!c) throw new Error(`${spec.displayName} has no column for property '${property}'`);
  if (!c.indexed) {
    throw new Error(`${spec.displayName}.${c.name} is not indexed: filtering on '${property}' would fail on large lists`);
  }
  return c;
}

const literal = (c: ColumnSpec, value: string): string => (c.type === 'number' ? String(Number(value)) : `'${value.replace(/'/g, "''")}'`);

/**
 * `fields/A eq 'x' and fields/B eq 'y'` on indexed columns, values quoted the OData way. Properties
 * a compound key column covers (`derivedFrom`, e.g. planKey + period → PlanPeriod) become ONE
 * condition on it, written first: SharePoint drives the query from the first indexed condition,
 * and the compound one is the selective one (docs/decisions/0008).
 */
export function filterExpression(entity: EntityName, filter: Record<string, string>): string | undefined {
  const rest = new Map(Object.entries(filter));
  const parts: string[] = [];
  // The compound key covering the most of the filter first: it is the most selective.
  const compound = specOf(entity).columns.filter((c) => c.derivedFrom && c.indexed).sort((a, b) => b.derivedFrom!.length - a.derivedFrom!.length);
  for (const c of compound) {
    if (!c.derivedFrom!.every((p) => rest.has(p))) continue;
    parts.push(`fields/${c.name} eq ${literal(c, derivedValue(c, (p) => rest.get(p))!)}`);
    for (const p of c.derivedFrom!) rest.delete(p);
  }
  for (const [prop, value] of rest) parts.push(`fields/${indexedColumn(entity, prop).name} eq ${literal(indexedColumn(entity, prop), value)}`);
  return parts.length ? parts.join(' and ') : undefined;
}
