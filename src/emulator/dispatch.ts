/** Routes one Graph request (HTTP or inside $batch) to its handler. Synchronous: runs atomically. */
import { accessDenied, invalidRequest, itemNotFound, notImplemented } from './errors.js';
import { eTagMatches, formatETag } from './etag.js';
import { json, type EmuRequest, type EmuResponse, type Env } from './context.js';
import { itemsDelta } from './delta.js';
import { createItem, deleteItem, getFields, getItem, listItems, parseItemId, updateFields, type ItemScope } from './items.js';
import { addColumn, createList, getColumns, getList, getLists, resolveList } from './lists.js';
import { resolveSite, siteResource } from './sites.js';
import { driveDispatch, libraryList, libraryListDispatch } from './drive.js';

function segmentsOf(path: string): string[] {
  try {
    return path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    throw invalidRequest(`Invalid request path '${path}'.`);
  }
}

export function dispatch(env: Env, req: EmuRequest): EmuResponse {
  const seg = segmentsOf(req.path);
  const m = req.method;
  const unsupported = (): never => {
    throw notImplemented(`${m} ${req.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`);
  };
  // Users with read rights on the site (delegated tokens) cannot write, like in the tenant.
  if (m !== 'GET' && req.caller.kind === 'delegated') throw accessDenied();
  // If-None-Match is honoured on reads of one item (below); anywhere else it would be ignored silently.
  const notModifiedUnsupported = (): void => {
    if (req.headers['if-none-match'] !== undefined) throw notImplemented(`If-None-Match on ${m} ${req.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`);
  };

  if (seg[0] !== 'sites' || seg.length < 2) return unsupported();
  if (seg[4] !== 'items' || seg.length < 6) notModifiedUnsupported();
  if (seg[1]!.includes(':')) throw notImplemented('addressing a site by server-relative path');
  const siteId = resolveSite(env, seg[1]!);
  if (seg.length === 2) return m === 'GET' ? json(200, siteResource(env, req)) : unsupported();
  // The site's document library (drive.ts): paths there carry `root:/…:` segments of their own.
  if (seg[2] === 'drive') return driveDispatch(env, req, req.path.slice(req.path.indexOf('/drive') + '/drive'.length), siteId);
  if (seg[2] !== 'lists') return unsupported();
  if (seg.length === 3) {
    if (m === 'GET') return getLists(env, req, siteId);
    if (m === 'POST') return createList(env, req, siteId);
    return unsupported();
  }
  // The default document library is a list too, addressed by its id (GET …/drive/list): its columns only.
  if (seg[3]!.toLowerCase() === libraryList(env).id) return libraryListDispatch(env, req, siteId, seg.slice(4));
  const list = resolveList(env, seg[3]!);
  if (seg.length === 4) return m === 'GET' ? getList(env, req, siteId, list) : unsupported();
  if (seg[4] === 'columns' && seg.length === 5) {
    if (m === 'GET') return getColumns(env, req, siteId, list);
    if (m === 'POST') return addColumn(env, req, siteId, list);
    return unsupported();
  }
  if (seg[4] !== 'items') return unsupported();
  const scope: ItemScope = { siteId, list, cols: env.store.columns(list.id) };
  if (seg.length === 5) {
    if (m === 'GET') return listItems(env, req, scope);
    if (m === 'POST') return createItem(env, req, scope);
    return unsupported();
  }
  // delta, delta(), microsoft.graph.delta() and the function form with its token: delta(token='…').
  const deltaCall = /^(?:microsoft\.graph\.)?delta(?:\((?:token='([^']*)')?\))?$/.exec(seg[5]!);
  if (deltaCall) {
    if (seg.length !== 6 || m !== 'GET') return unsupported();
    notModifiedUnsupported();
    let call = req;
    if (deltaCall[1] !== undefined) {
      if ([...req.query.keys()].some((k) => k.toLowerCase() === 'token')) throw invalidRequest('The delta token is given twice.');
      const query = new URLSearchParams(req.query);
      query.set('token', deltaCall[1]);
      call = { ...req, query };
    }
    // Links always use the plain `…/items/delta?token=…` form.
    return itemsDelta(env, call, scope, `/${req.path.split('/').filter(Boolean).slice(0, 5).join('/')}/delta`);
  }
  const itemId = parseItemId(seg[5]!);
  const item = env.store.item(list.id, itemId);
  if (!item) throw itemNotFound('The specified list item was not found.');
  // A conditional GET of one item: 304 while its eTag is still the one the caller holds.
  const ifNoneMatch = req.headers['if-none-match'];
  const readsOne = m === 'GET' && (seg.length === 6 || (seg.length === 7 && seg[6] === 'fields'));
  if (readsOne && ifNoneMatch !== undefined && eTagMatches(ifNoneMatch, item.guid, item.version)) {
    return { status: 304, headers: { ETag: formatETag(item.guid, item.version) } };
  }
  if (!readsOne) notModifiedUnsupported();
  if (seg.length === 6) {
    if (m === 'GET') return getItem(env, req, scope, item);
    if (m === 'DELETE') return deleteItem(env, req, scope, item);
    return unsupported();
  }
  if (seg[6] === 'fields' && seg.length === 7) {
    if (m === 'GET') return getFields(env, req, scope, item);
    if (m === 'PATCH') return updateFields(env, req, scope, item);
  }
  return unsupported();
}
