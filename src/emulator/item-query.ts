/** Evaluates parsed $filter / $orderby against stored items, with SharePoint's typing and index rules. */
import { SYSTEM_FIELDS, type ColumnDef, type ColumnType } from './columns.js';
import type { ItemRow } from './db.js';
import { GraphError, invalidRequest } from './errors.js';
import type { FilterNode, Literal, OrderTerm } from './odata-query.js';
import { foldText } from './unique.js';

export interface FieldInfo { name: string; type: ColumnType; indexed: boolean }

/** What filters and sort keys read of an item: the full row, or only the fields a query references. */
export type ItemValues = Pick<ItemRow, 'id' | 'created' | 'modified' | 'fields'>;

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

function itemValue(item: ItemValues, name: string): unknown {
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

function compareValues(type: ColumnType, a: unknown, b: unknown): number {
  if (type === 'text' || type === 'choice') return collator.compare(String(a), String(b));
  return Number(a) - Number(b);
}

export type Predicate = (item: ItemValues) => boolean;

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

export function sortKeyOf(item: ItemValues, terms: OrderTerm[], fields: FieldInfo[]): SortKey {
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

/**
 * SQL that yields the candidates of a filter in id order, as `[id, created, modified, ...values of
 * \`fieldNames\`]` rows. Conditions on indexed columns become joins on `item_values` (see filterKey), so
 * SQLite reads only the index entries that can match; the rows are a superset of the matches, and the
 * caller re-checks each with the compiled predicate. `afterId` is the keyset position of id-ordered paging.
 */
export function candidateSql(
  listId: string, cols: ColumnDef[], filter: FilterNode | undefined, fieldNames: string[], afterId: number | null,
  /** How many index entries hold this key: picks the most selective equality to drive the query. */
  countKey?: (column: string, key: unknown) => number,
): { sql: string; params: unknown[] } {
  interface Probe { name: string; conds: string[]; params: unknown[]; rank: number }
  const probes: Probe[] = [];
  const idConds: { cond: string; params: unknown[] }[] = [];
  const leaves = (n: FilterNode): FilterNode[] => (n.type === 'and' ? [...leaves(n.left), ...leaves(n.right)] : [n]);
  for (const leaf of filter ? leaves(filter) : []) {
    if (leaf.type === 'and') continue;
    const field = resolveField(cols, leaf.field);
    if (leaf.field === 'id' || leaf.field === 'ID') {
      if (leaf.type === 'cmp' && leaf.literal.kind === 'number') {
        const op = { eq: '=', ne: '<>', lt: '<', gt: '>', le: '<=', ge: '>=' }[leaf.op];
        idConds.push({ cond: `i.id ${op} ?`, params: [leaf.literal.value] });
      }
      continue;
    }
    const col = cols.find((c) => c.name === leaf.field);
    if (!col?.indexed) continue;
    const text = field.type === 'text' || field.type === 'choice';
    if (leaf.type === 'startswith') {
      const prefix = leaf.literal.value as string;
      // An ASCII prefix's matches all have folded keys in [fold(prefix), successor); others: any value.
      if (/^[\x20-\x7e]+$/.test(prefix)) {
        const lo = foldText(prefix);
        const hi = lo.slice(0, -1) + String.fromCharCode(lo.charCodeAt(lo.length - 1) + 1);
        probes.push({ name: col.name, conds: ['k >= ?', 'k < ?'], params: [lo, hi], rank: 2 });
      } else probes.push({ name: col.name, conds: [], params: [], rank: 4 });
      continue;
    }
    if (leaf.op === 'ne') continue; // matches empty values too: no index narrowing
    const wanted = literalFor(field, leaf.literal);
    // literalFor already gives numbers, epoch ms for dateTimes and booleans; the keys are the same forms.
    const key = text ? foldText(String(wanted)) : typeof wanted === 'boolean' ? Number(wanted) : wanted;
    if (leaf.op === 'eq') probes.push({ name: col.name, conds: ['k = ?'], params: [key], rank: col.enforceUniqueValues ? 0 : 1 });
    else if (text) probes.push({ name: col.name, conds: [], params: [], rank: 4 }); // collator order ≠ key order
    else {
      const op = { lt: '<', gt: '>', le: '<=', ge: '>=' }[leaf.op];
      probes.push({ name: col.name, conds: [`k ${op} ?`], params: [key], rank: 3 });
    }
  }
  if (countKey && probes.filter((p) => p.rank === 1).length > 1) {
    // Still within [1, 2): fewer entries first.
    for (const p of probes) {
      if (p.rank !== 1) continue;
      const n = countKey(p.name, p.params[0]);
      p.rank = 1 + n / (n + 1);
    }
  }
  probes.sort((a, b) => a.rank - b.rank);

  const selectParams: unknown[] = [];
  const columns = ['i.id', 'i.created', 'i.modified', ...fieldNames.map((n) => {
    selectParams.push(`$."${n}"`);
    return 'json_extract(i.fields, ?)';
  })];
  const params: unknown[] = [...selectParams];
  let from: string;
  const where: string[] = [];
  let idCol = 'i.id';
  const [driver, ...rest] = probes;
  if (driver && driver.rank < 2) {
    // Equality on an index: walk its entries (already in item_id order) and fetch the rows by key.
    idCol = 'v0.item_id';
    from = 'item_values v0 CROSS JOIN items i ON i.list_id = v0.list_id AND i.id = v0.item_id';
    where.push('v0.list_id = ?', 'v0.name = ?', ...driver.conds.map((c) => `v0.${c}`));
    params.push(...[listId, driver.name, ...driver.params]);
  } else {
    from = 'items i';
    where.push('i.list_id = ?');
    params.push(listId);
    if (driver) rest.unshift(driver);
  }
  const joinParams: unknown[] = [];
  rest.forEach((p, j) => {
    const v = `v${j + 1}`;
    from += ` JOIN item_values ${v} ON ${v}.list_id = i.list_id AND ${v}.item_id = i.id AND ${v}.name = ?${p.conds.map((c) => ` AND ${v}.${c}`).join('')}`;
    joinParams.push(p.name, ...p.params);
  });
  params.splice(selectParams.length, 0, ...joinParams);
  for (const c of idConds) {
    where.push(c.cond);
    params.push(...c.params);
  }
  if (afterId !== null) {
    where.push(`${idCol} > ?`);
    params.push(afterId);
  }
  return { sql: `SELECT ${columns.join(', ')} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${idCol}`, params };
}

/** Turn a candidate row of candidateSql back into the values a predicate or sort key reads. */
export function candidateValues(row: unknown[], fieldNames: string[], types: ColumnType[]): ItemValues {
  const fields: Record<string, unknown> = {};
  for (let j = 0; j < fieldNames.length; j++) {
    const v = row[3 + j];
    if (v === null || v === undefined) continue;
    fields[fieldNames[j]!] = types[j] === 'boolean' ? v === 1 || v === true : v; // json_extract gives 1/0 for booleans
  }
  return { id: row[0] as number, created: row[1] as string, modified: row[2] as string, fields };
}
