import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { columnResource, normalizeValue, parseColumnDefinition, titleColumn, type ColumnDef } from './columns.js';
import { GraphError, graphTime, invalidRequest, itemNotFound, notImplemented } from './errors.js';
import { identityOf, json, type Env, type EmuRequest, type EmuResponse } from './context.js';
import type { ListRow } from './db.js';
import { parseExpand, readQuery } from './odata-query.js';
import { siteWebUrl } from './sites.js';
import { valueKey } from './unique.js';

/** A list may be addressed by its id (GUID), its displayName or its URL name, like Graph allows. */
export function resolveList(env: Env, key: string): ListRow {
  const k = key.toLowerCase();
  const list = env.store.allLists().find(
    (l) => l.id === k || l.displayName.toLowerCase() === k || l.name.toLowerCase() === k,
  );
  if (!list) throw itemNotFound(`List '${key}' does not exist at site.`);
  return list;
}

export const listWebUrl = (list: ListRow): string => `${siteWebUrl()}/Lists/${encodeURIComponent(list.name)}`;

function listResource(env: Env, req: EmuRequest, siteId: string, list: ListRow, expandColumns: boolean): Record<string, unknown> {
  const eTag = `"${list.id},${list.version}"`;
  return {
    '@odata.etag': eTag,
    createdDateTime: list.created,
    description: list.description,
    eTag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(list),
    displayName: list.displayName,
    createdBy: list.createdBy,
    lastModifiedBy: list.modifiedBy,
    parentReference: { siteId },
    list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
    ...(expandColumns
      ? {
          'columns@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists('${list.id}')/columns`,
          columns: env.store.columns(list.id).map(columnResource),
        }
      : {}),
  };
}

const createListBody = z.object({
  displayName: z.string().min(1).max(255),
  description: z.string().optional(),
  columns: z.array(z.unknown()).optional(),
  list: z.object({ template: z.string().optional(), contentTypesEnabled: z.boolean().optional(), hidden: z.boolean().optional() }).optional(),
}).strict();

export function createList(env: Env, req: EmuRequest, siteId: string): EmuResponse {
  readQuery(req.query, [], 'list creation');
  if (typeof req.body === 'object' && req.body !== null) {
    const unknownKey = Object.keys(req.body).find((k) => !['displayName', 'description', 'columns', 'list'].includes(k));
    if (unknownKey) throw notImplemented(`the list property '${unknownKey}' on creation`);
  }
  const parsed = createListBody.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidRequest(`Invalid list: ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
  }
  const body = parsed.data;
  const template = body.list?.template ?? 'genericList';
  if (template !== 'genericList') throw notImplemented(`the list template '${template}' (only genericList)`);
  if (env.store.allLists().some((l) => l.displayName.toLowerCase() === body.displayName.toLowerCase())) {
    throw new GraphError(409, 'nameAlreadyExists',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
  }
  const columns: ColumnDef[] = [titleColumn()];
  for (const raw of body.columns ?? []) {
    const col = parseColumnDefinition(raw);
    if (columns.some((c) => c.name.toLowerCase() === col.name.toLowerCase())) {
      throw invalidRequest(`A duplicate field name "${col.name}" was found.`);
    }
    columns.push(col);
  }
  const now = graphTime(env.now());
  const by = identityOf(req.caller);
  const list: ListRow = {
    id: randomUUID(),
    name: body.displayName.replace(/[^A-Za-z0-9_-]/g, ''),
    displayName: body.displayName,
    description: body.description ?? '',
    created: now,
    modified: now,
    createdBy: by,
    modifiedBy: by,
    version: 1,
  };
  if (!list.name) list.name = list.id;
  env.store.transaction(() => {
    env.store.insertList(list);
    for (const col of columns) env.store.insertColumn(list.id, col);
  });
  return json(201, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists/$entity`,
    ...listResource(env, req, siteId, list, false),
  });
}

export function getLists(env: Env, req: EmuRequest, siteId: string): EmuResponse {
  const q = readQuery(req.query, ['filter', 'select', 'expand', 'top'], 'the lists collection');
  const expandColumns = q.has('expand') && parseExpand(q.get('expand')!, ['columns']).length > 0;
  let lists = env.store.allLists();
  const filter = q.get('filter');
  if (filter !== undefined) {
    const m = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
    if (!m) throw notImplemented(`the $filter '${filter}' on lists (only displayName eq '…')`);
    const wanted = m[1]!.replace(/''/g, "'").toLowerCase();
    lists = lists.filter((l) => l.displayName.toLowerCase() === wanted);
  }
  if (q.has('top')) {
    const top = Number(q.get('top'));
    if (!Number.isInteger(top) || top < 1) throw invalidRequest(`Invalid $top value '${q.get('top')}'.`);
    if (lists.length > top) throw notImplemented('paging of the lists collection (ask without $top)');
  }
  const values = lists.map((l) => select(listResource(env, req, siteId, l, expandColumns), q.get('select'), 'list'));
  return json(200, { '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists`, value: values });
}

export function getList(env: Env, req: EmuRequest, siteId: string, list: ListRow): EmuResponse {
  const q = readQuery(req.query, ['select', 'expand'], 'a list');
  const expandColumns = q.has('expand') && parseExpand(q.get('expand')!, ['columns']).length > 0;
  return json(200, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists/$entity`,
    ...select(listResource(env, req, siteId, list, expandColumns), q.get('select'), 'list'),
  });
}

export function getColumns(env: Env, req: EmuRequest, siteId: string, list: ListRow): EmuResponse {
  readQuery(req.query, [], 'the columns collection');
  return json(200, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists('${list.id}')/columns`,
    value: env.store.columns(list.id).map(columnResource),
  });
}

/** Adding a column later (provisioning upgrades). A new unique column must not already hold duplicates. */
export function addColumn(env: Env, req: EmuRequest, siteId: string, list: ListRow): EmuResponse {
  readQuery(req.query, [], 'column creation');
  const col = parseColumnDefinition(req.body);
  const existing = env.store.columns(list.id);
  if (existing.some((c) => c.name.toLowerCase() === col.name.toLowerCase())) {
    throw invalidRequest(`A duplicate field name "${col.name}" was found.`);
  }
  if (col.required && env.store.itemCount(list.id) > 0) {
    // SharePoint allows it, but existing items then violate the rule; make the caller decide explicitly.
    throw notImplemented('adding a required column to a list that already has items');
  }
  if (col.enforceUniqueValues) {
    const seen = new Set<string>();
    for (const item of env.store.items(list.id)) {
      const v = item.fields[col.name];
      if (v === undefined) continue;
      const key = valueKey(col, normalizeValue(col, v));
      if (seen.has(key)) throw invalidRequest(`Column '${col.name}' cannot enforce unique values: the list already has duplicates.`);
      seen.add(key);
    }
  }
  env.store.transaction(() => {
    env.store.insertColumn(list.id, col);
    env.store.touchList(list.id, graphTime(env.now()), identityOf(req.caller));
  });
  return json(201, {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists('${list.id}')/columns/$entity`,
    ...columnResource(col),
  });
}

/** Top-level `$select` on a resource: keep the named properties (and the OData annotations). */
/** Properties of each resource type that `$select` may name (Graph v1.0); others are a 400 as in Graph. */
const SELECTABLE: Record<'listItem' | 'list', string[]> = {
  listItem: [
    'id', 'name', 'description', 'eTag', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy',
    'parentReference', 'contentType', 'sharepointIds', 'fields', 'deleted',
  ],
  list: [
    'id', 'name', 'displayName', 'description', 'eTag', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy',
    'lastModifiedBy', 'parentReference', 'list', 'sharepointIds', 'system', 'columns', 'contentTypes', 'items', 'drive',
  ],
};

export function select(resource: Record<string, unknown>, selectParam: string | undefined, type: 'listItem' | 'list'): Record<string, unknown> {
  if (selectParam === undefined) return resource;
  const wanted = selectParam.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of wanted) {
    if (!SELECTABLE[type].includes(name)) {
      throw new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(resource)) {
    if (k.startsWith('@odata.') || wanted.includes(k) || (k.endsWith('@odata.context') && wanted.includes(k.split('@')[0]!))) out[k] = v;
  }
  for (const k of Object.keys(resource)) if (k === 'fields' || k === 'columns') out[k] = resource[k];
  return out;
}
