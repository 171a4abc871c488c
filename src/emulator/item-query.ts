/** Evaluates parsed $filter / $orderby against stored items, with SharePoint's typing and index rules. */
import { SYSTEM_FIELDS, type ColumnDef, type ColumnType } from './columns.js';
import type { ItemRow } from './db.js';
import { GraphError, invalidRequest } from './errors.js';
import type { FilterNode, Literal, OrderTerm } from './odata-query.js';

interface FieldInfo { name: string; type: ColumnType; indexed: boolean }

/** Text compares like SharePoint's collation: case-insensitive, accent-sensitive. */
const collator = new Intl.Collator('en', { sensitivity: 'accent' });

export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export function resolveField(cols: ColumnDef[], name: string): FieldInfo {
  const system = SYSTEM_FIELDS[name];
  if (system) return { name, ...system };
  const col = cols.find((c) => c.name === name);
  if (!col) throw invalidRequest(`Field '${name}' is not recognized`);
  return { name, type: col.type, indexed: col.indexed };
}

/** SharePoint refuses filter/orderby on columns without an index unless the caller accepts the risk. */
export function requireIndexed(field: FieldInfo, allowNonIndexed: boolean): void {
  if (field.indexed || allowNonIndexed) return;
  throw new GraphError(
    400,
    'invalidRequest',
    `Field '${field.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on lists with over 5,000 items.`,
  );
}

export function itemValue(item: ItemRow, name: string): unknown {
  if (name === 'id' || name === 'ID') return item.id;
  if (name === 'Created') return item.created;
  if (name === 'Modified') return item.modified;
  return item.fields[name];
}

/** Turn a filter literal into the column's comparable form, or refuse a type mismatch with 400. */
function literalFor(field: FieldInfo, lit: Literal): number | string | boolean {
  const mismatch = (): GraphError =>
    invalidRequest(`The value ${JSON.stringify(lit.value)} in $filter does not match the type of field '${field.name}' (${field.type}).`);
  switch (field.type) {
    case 'number':
      if (lit.kind !== 'number') throw mismatch();
      return lit.value;
    case 'boolean':
      if (lit.kind === 'boolean') return lit.value;
      if (lit.kind === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value === 1;
      throw mismatch();
    case 'dateTime': {
      if (lit.kind !== 'datetime' && lit.kind !== 'string') throw mismatch();
      const ms = Date.parse(lit.value);
      if (lit.kind === 'string' && (!/^\d{4}-\d{2}-\d{2}/.test(lit.value) || Number.isNaN(ms))) throw mismatch();
      return ms;
    }
    case 'text':
    case 'choice':
      if (lit.kind !== 'string') throw mismatch();
      return lit.value;
  }
}

function comparable(type: ColumnType, raw: unknown): number | string | boolean | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (type === 'dateTime') return Date.parse(String(raw));
  return raw as number | string | boolean;
}

export function compareValues(type: ColumnType, a: unknown, b: unknown): number {
  if (type === 'text' || type === 'choice') return collator.compare(String(a), String(b));
  return Number(a) - Number(b);
}

export type Predicate = (item: ItemRow) => boolean;

/** Validate the whole filter up front (fields, types, indexes), then return a predicate. */
export function compileFilter(node: FilterNode, cols: ColumnDef[], allowNonIndexed: boolean): Predicate {
  if (node.type === 'and') {
    const l = compileFilter(node.left, cols, allowNonIndexed);
    const r = compileFilter(node.right, cols, allowNonIndexed);
    return (item) => l(item) && r(item);
  }
  const field = resolveField(cols, node.field);
  requireIndexed(field, allowNonIndexed);
  if (node.type === 'startswith') {
    if (field.type !== 'text' && field.type !== 'choice') {
      throw invalidRequest(`startswith cannot be used on field '${field.name}' (${field.type}).`);
    }
    const prefix = (node.literal.value as string).toLocaleLowerCase('en');
    return (item) => {
      const v = itemValue(item, field.name);
      return typeof v === 'string' && v.toLocaleLowerCase('en').startsWith(prefix);
    };
  }
  const wanted = literalFor(field, node.literal);
  const op = node.op;
  return (item) => {
    const v = comparable(field.type, itemValue(item, field.name));
    // An empty value equals nothing, differs from everything and is neither less nor greater.
    if (v === undefined) return op === 'ne';
    const c = compareValues(field.type, v, wanted);
    switch (op) {
      case 'eq': return c === 0;
      case 'ne': return c !== 0;
      case 'lt': return c < 0;
      case 'gt': return c > 0;
      case 'le': return c <= 0;
      case 'ge': return c >= 0;
    }
  };
}

/** The sort position of one item: its ordered values (null when empty) and its id as the final tie-break. */
export interface SortKey { v: (string | number | boolean | null)[]; id: number }

export function sortKeyOf(item: ItemRow, terms: OrderTerm[], fields: FieldInfo[]): SortKey {
  return {
    v: terms.map((_, i) => {
      const raw = itemValue(item, fields[i]!.name);
      return raw === undefined ? null : (raw as string | number | boolean);
    }),
    id: item.id,
  };
}

/** Empty values sort first ascending (last descending), as in SharePoint views. */
export function compareKeys(a: SortKey, b: SortKey, terms: OrderTerm[], fields: FieldInfo[]): number {
  for (let i = 0; i < terms.length; i++) {
    const type = fields[i]!.type;
    const av = a.v[i] ?? null;
    const bv = b.v[i] ?? null;
    let c: number;
    if (av === null || bv === null) c = av === bv ? 0 : av === null ? -1 : 1;
    else c = compareValues(type, comparable(type, av), comparable(type, bv));
    if (c !== 0) return terms[i]!.desc ? -c : c;
  }
  return a.id - b.id;
}
