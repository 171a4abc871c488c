import { randomUUID } from 'node:crypto';
import { normalizeValue, READ_ONLY_FIELDS, SYSTEM_FIELDS, type ColumnDef } from './columns.js';
import { hasPreference, identityOf, json, type EmuRequest, type EmuResponse, type Env } from './context.js';
import type { ItemRow, ListRow } from './db.js';
import { GraphError, graphTime, invalidRequest, notImplemented } from './errors.js';
import { eTagMatches, formatETag } from './etag.js';
import {
  candidateSql, candidateValues, compareKeys, compileFilter, PREFER_NON_INDEXED, requireIndexed, resolveField, sortKeyOf,
  type SortKey,
} from './item-query.js';
import { listWebUrl, select } from './lists.js';
import { siteWebUrl } from './sites.js';
import { filterFields, parseExpand, parseFilter, parseOrderBy, readQuery, type ExpandTerm } from './odata-query.js';
import { enforceListViewThreshold } from './threshold.js';
import { valueKey } from './unique.js';

export interface ItemScope { siteId: string; list: ListRow; cols: ColumnDef[] }

export function parseItemId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw invalidRequest(`Invalid list item id '${raw}'.`);
  return Number(raw);
}

const contentTypeId = (list: ListRow): string => `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;

/** The fieldValueSet as Graph returns it for a genericList item. */
export function fieldValueSet(scope: ItemScope, item: ItemRow, selectNames?: string[]): Record<string, unknown> {
  const etag = formatETag(item.guid, item.version);
  const all: Record<string, unknown> = {};
  for (const col of scope.cols) {
    const v = item.fields[col.name];
    if (v !== undefined) all[col.name] = v;
  }
  const title = typeof item.fields.Title === 'string' ? item.fields.Title : '';
  Object.assign(all, {
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: String(item.authorLookupId),
    EditorLookupId: String(item.editorLookupId),
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  });
  if (!selectNames) return { '@odata.etag': etag, ...all };
  const out: Record<string, unknown> = { '@odata.etag': etag };
  for (const name of selectNames) {
    const known = name in all || scope.cols.some((c) => c.name === name) || name === 'ID';
    if (!known) throw invalidRequest(`Field '${name}' is not recognized`);
    if (name === 'ID') out.ID = item.id;
    else if (all[name] !== undefined) out[name] = all[name];
  }
  return out;
}

export function itemResource(
  req: EmuRequest, scope: ItemScope, item: ItemRow, fields: ExpandTerm | undefined, selectParam?: string,
): Record<string, unknown> {
  const etag = formatETag(item.guid, item.version);
  const { siteId, list } = scope;
  // Graph returns sharepointIds only when $select names it.
  const ids = selectParam?.split(',').some((s) => s.trim() === 'sharepointIds')
    ? {
        sharepointIds: {
          listId: list.id, listItemId: String(item.id), listItemUniqueId: item.guid.toLowerCase(),
          siteId: siteId.split(',')[1] ?? siteId, siteUrl: siteWebUrl(), webId: siteId.split(',')[2] ?? '',
        },
      }
    : {};
  return {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(list)}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.modifiedBy,
    parentReference: { id: list.id, siteId },
    contentType: { id: contentTypeId(list), name: 'Item' },
    ...ids,
    ...(fields
      ? {
          'fields@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists('${list.id}')/items('${item.id}')/fields/$entity`,
          fields: fieldValueSet(scope, item, fields.select),
        }
      : {}),
  };
}

const expandFields = (q: Map<string, string>): ExpandTerm | undefined =>
  q.has('expand') ? parseExpand(q.get('expand')!, ['fields'])[0] : undefined;

const encodeToken = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeToken<T>(token: string, what: string): T {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw invalidRequest(`The ${what} '${token}' is not valid.`);
  }
}

/** Rebuild the request URL with one query option replaced: Graph's links are absolute and keep the query. */
export function linkWith(req: EmuRequest, path: string, replace: Record<string, string>, drop: string[] = []): string {
  const parts: string[] = [];
  const skip = new Set([...Object.keys(replace), ...drop].map((k) => k.replace(/^\$/, '').toLowerCase()));
  for (const [k, v] of req.query) {
    if (!skip.has(k.replace(/^\$/, '').toLowerCase())) parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  for (const [k, v] of Object.entries(replace)) parts.push(`${k}=${encodeURIComponent(v)}`);
  return `${req.serviceRoot}${path}?${parts.join('&')}`;
}

export function pageSizeOf(env: Env, q: Map<string, string>): number {
  if (!q.has('top')) return env.pageSize;
  const top = Number(q.get('top'));
  if (!Number.isInteger(top) || top < 1) throw invalidRequest(`Invalid $top value '${q.get('top')}'.`);
  return top;
}

export function listItems(env: Env, req: EmuRequest, scope: ItemScope): EmuResponse {
  const q = readQuery(req.query, ['expand', 'select', 'filter', 'orderby', 'top', 'skiptoken'], 'list items');
  const fields = expandFields(q);
  const allowNonIndexed = hasPreference(req, PREFER_NON_INDEXED);
  const filter = q.has('filter') ? parseFilter(q.get('filter')!) : undefined;
  const predicate = filter ? compileFilter(filter, scope.cols, allowNonIndexed) : () => true;
  const terms = q.has('orderby') ? parseOrderBy(q.get('orderby')!) : [];
  const infos = terms.map((t) => resolveField(scope.cols, t.field));
  infos.forEach((f) => requireIndexed(f, allowNonIndexed));
  enforceListViewThreshold(env, scope.list.id, scope.cols, filter, terms);

  // Keyset paging: the skiptoken carries the sort position of the last item returned.
  let anchor: SortKey | null = null;
  if (q.has('skiptoken')) {
    anchor = decodeToken<SortKey>(q.get('skiptoken')!, 'skiptoken');
    if (!anchor || typeof anchor.id !== 'number' || !Array.isArray(anchor.v) || anchor.v.length !== terms.length) {
      throw invalidRequest('The skiptoken does not belong to this query.');
    }
  }
  const size = pageSizeOf(env, q);

  // Candidates come from SQLite (indexed conditions narrowed by item_values) with only the referenced
  // fields; each is re-checked with the exact predicate. Full rows are read for the page alone.
  const names = [...new Set([...(filter ? filterFields(filter) : []), ...terms.map((t) => t.field)])]
    .filter((n) => !(n in SYSTEM_FIELDS));
  const types = names.map((n) => scope.cols.find((c) => c.name === n)!.type);
  const byId = terms.length === 0;
  const { sql, params } = candidateSql(scope.list.id, scope.cols, filter, names, byId && anchor ? anchor.id : null,
    (column, key) => env.store.keyCount(scope.list.id, column, key));
  const rows = env.store.stmt(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
  let keyed: { id: number; key: SortKey }[] = [];
  let hasMore: boolean;
  if (byId) {
    // Already in page order: stop as soon as one item beyond the page is known.
    for (const row of rows) {
      if (!predicate(candidateValues(row, names, types))) continue;
      keyed.push({ id: row[0] as number, key: { v: [], id: row[0] as number } });
      if (keyed.length > size) break;
    }
    hasMore = keyed.length > size;
    keyed = keyed.slice(0, size);
  } else {
    const all: { id: number; key: SortKey }[] = [];
    for (const row of rows) {
      const values = candidateValues(row, names, types);
      if (predicate(values)) all.push({ id: values.id, key: sortKeyOf(values, terms, infos) });
    }
    all.sort((a, b) => compareKeys(a.key, b.key, terms, infos));
    let start = anchor ? all.findIndex((k) => compareKeys(k.key, anchor, terms, infos) > 0) : 0;
    if (start < 0) start = all.length;
    keyed = all.slice(start, start + size);
    hasMore = start + size < all.length;
  }
  const page = env.store.itemsByIds(scope.list.id, keyed.map((k) => k.id));
  const body: Record<string, unknown> = {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${scope.siteId}')/lists('${scope.list.id}')/items`,
    value: page.map((item) => select(itemResource(req, scope, item, fields, q.get('select')), q.get('select'), 'listItem')),
  };
  if (hasMore) {
    body['@odata.nextLink'] = linkWith(req, req.path, { $skiptoken: encodeToken(keyed[keyed.length - 1]!.key) });
  }
  return json(200, body);
}

export function getItem(env: Env, req: EmuRequest, scope: ItemScope, item: ItemRow): EmuResponse {
  const q = readQuery(req.query, ['expand', 'select'], 'a list item');
  return json(200, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${scope.siteId}')/lists('${scope.list.id}')/items/$entity`,
    ...select(itemResource(req, scope, item, expandFields(q), q.get('select')), q.get('select'), 'listItem'),
  });
}

export function getFields(_env: Env, req: EmuRequest, scope: ItemScope, item: ItemRow): EmuResponse {
  const q = readQuery(req.query, ['select'], 'list item fields');
  const names = q.get('select')?.split(',').map((s) => s.trim()).filter(Boolean);
  return json(200, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${scope.siteId}')/lists('${scope.list.id}')/items('${item.id}')/fields/$entity`,
    ...fieldValueSet(scope, item, names),
  });
}

/** Apply written values to the current ones: unknown or read-only names and wrong types are 400. */
export function applyFields(scope: ItemScope, current: Record<string, unknown>, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest('The request body must be a JSON object of field values.');
  }
  const next = { ...current };
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith('@odata.')) continue;
    if (name.includes('@odata.')) throw notImplemented(`the annotation '${name}' in field values`);
    const col = scope.cols.find((c) => c.name === name);
    if (!col) {
      if (READ_ONLY_FIELDS.has(name)) throw invalidRequest(`Field '${name}' is read-only`);
      throw invalidRequest(`Field '${name}' is not recognized`);
    }
    if (col.readOnly) throw invalidRequest(`Field '${name}' is read-only`);
    const stored = normalizeValue(col, value);
    if (stored === undefined) delete next[name];
    else next[name] = stored;
  }
  for (const col of scope.cols) {
    if (col.required && next[col.name] === undefined) {
      throw invalidRequest(`Field '${col.name}' is required.`);
    }
  }
  return next;
}

function checkUnique(env: Env, scope: ItemScope, fields: Record<string, unknown>, selfId: number | null): void {
  const unique = scope.cols.filter((c) => c.enforceUniqueValues && fields[c.name] !== undefined);
  if (unique.length === 0) return;
  // item_values.u holds valueKey of every unique column's value: one index probe per column.
  const clashes = unique.filter((col) => env.store.uniqueTaken(scope.list.id, col.name, valueKey(col, fields[col.name]), selfId));
  if (clashes.length > 0) {
    throw new GraphError(
      409,
      'nameAlreadyExists',
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${clashes.map((c) => c.name).join(', ')}].`,
    );
  }
}

function checkIfMatch(req: EmuRequest, item: ItemRow): void {
  const ifMatch = req.headers['if-match'];
  if (ifMatch === undefined) return;
  if (!eTagMatches(ifMatch, item.guid, item.version)) {
    throw new GraphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
  }
}

export function createItem(env: Env, req: EmuRequest, scope: ItemScope): EmuResponse {
  readQuery(req.query, ['expand'], 'list item creation');
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('The request body must be a listItem object.');
  for (const key of Object.keys(body)) {
    if (key !== 'fields' && !key.startsWith('@odata.')) throw notImplemented(`setting the listItem property '${key}' on creation`);
  }
  const fields = applyFields(scope, {}, (body as { fields?: unknown }).fields ?? {});
  checkUnique(env, scope, fields, null);
  const now = graphTime(env.now());
  const by = identityOf(req.caller);
  const created = env.store.transaction(() => {
    const lookup = env.store.userLookupId(req.caller.id);
    const item: ItemRow = {
      listId: scope.list.id, id: env.store.nextItemId(scope.list.id), guid: randomUUID().toUpperCase(), version: 1,
      fields, created: now, modified: now, createdBy: by, modifiedBy: by, authorLookupId: lookup, editorLookupId: lookup,
    };
    env.store.saveItem(item);
    return item;
  });
  return json(201, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${scope.siteId}')/lists('${scope.list.id}')/items/$entity`,
    ...itemResource(req, scope, created, { name: 'fields' }),
  });
}

export function updateFields(env: Env, req: EmuRequest, scope: ItemScope, item: ItemRow): EmuResponse {
  readQuery(req.query, [], 'list item update');
  checkIfMatch(req, item);
  const fields = applyFields(scope, item.fields, req.body);
  checkUnique(env, scope, fields, item.id);
  const updated: ItemRow = {
    ...item, fields, version: item.version + 1, modified: graphTime(env.now()), modifiedBy: identityOf(req.caller),
  };
  env.store.transaction(() => {
    updated.editorLookupId = env.store.userLookupId(req.caller.id);
    env.store.saveItem(updated);
  });
  return json(200, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${scope.siteId}')/lists('${scope.list.id}')/items('${item.id}')/fields/$entity`,
    ...fieldValueSet(scope, updated),
  });
}

export function deleteItem(env: Env, req: EmuRequest, scope: ItemScope, item: ItemRow): EmuResponse {
  readQuery(req.query, [], 'list item deletion');
  checkIfMatch(req, item);
  env.store.transaction(() => env.store.deleteItem(scope.list.id, item.id, graphTime(env.now())));
  return { status: 204, headers: {} };
}
