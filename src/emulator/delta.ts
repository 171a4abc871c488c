/**
 * listItem delta. A token names a position in the change log (`since`); a page token additionally
 * fixes the end of the window (`upTo`) and the last item id returned, so paging is stable while
 * writes continue. Each changed item appears once with its latest state; deleted ones as stubs.
 */
import { json, type EmuRequest, type EmuResponse, type Env } from './context.js';
import { GraphError, invalidRequest } from './errors.js';
import { itemResource, linkWith, pageSizeOf, type ItemScope } from './items.js';
import { select } from './lists.js';
import { parseExpand, readQuery } from './odata-query.js';

interface DeltaToken { e: string; l: string; s: number; u?: number; a?: number }

const encode = (t: DeltaToken): string => Buffer.from(JSON.stringify(t)).toString('base64url');

function decode(raw: string, env: Env, listId: string): DeltaToken | null {
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaToken;
    const max = env.store.maxChangeSeq();
    const ok = t.e === env.store.epoch && t.l === listId && Number.isInteger(t.s) && t.s >= 0 && t.s <= max
      && (t.u === undefined || (Number.isInteger(t.u) && t.u >= t.s && t.u <= max));
    return ok ? t : null;
  } catch {
    return null;
  }
}

export function itemsDelta(env: Env, req: EmuRequest, scope: ItemScope, deltaPath: string): EmuResponse {
  const q = readQuery(req.query, ['token', 'expand', 'select', 'top'], 'list item delta');
  const fields = q.has('expand') ? parseExpand(q.get('expand')!, ['fields'])[0] : undefined;
  const size = pageSizeOf(env, q);
  const listId = scope.list.id;
  const context = `${req.serviceRoot}/$metadata#Collection(listItem)`;
  const raw = q.get('token');

  if (raw === 'latest') {
    const token = encode({ e: env.store.epoch, l: listId, s: env.store.maxChangeSeq() });
    return json(200, { '@odata.context': context, value: [], '@odata.deltaLink': linkWith(req, deltaPath, { token }) });
  }
  let token: DeltaToken;
  if (raw === undefined) token = { e: env.store.epoch, l: listId, s: 0 };
  else if (raw === '') throw invalidRequest('The delta token is empty.');
  else {
    const decoded = decode(raw, env, listId);
    if (!decoded) {
      throw new GraphError(
        410,
        'resyncRequired',
        "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
        { Location: linkWith(req, deltaPath, {}, ['token']) },
        'resyncChangesApplyDifferences',
      );
    }
    token = decoded;
  }

  const upTo = token.u ?? env.store.maxChangeSeq();
  // The first enumeration lists what exists now; later ones also report deletions.
  // One item beyond the page tells whether a nextLink is due.
  const ids = token.s === 0
    ? env.store.itemIdsAfter(listId, token.a ?? 0, size + 1)
    : env.store.changedItemIds(listId, token.s, upTo, token.a ?? 0, size + 1);
  const pageIds = ids.slice(0, size);
  const value = pageIds.map((id) => {
    const item = env.store.item(listId, id);
    if (item) return select(itemResource(req, scope, item, fields, q.get('select')), q.get('select'), 'listItem');
    return {
      id: String(id),
      parentReference: { siteId: scope.siteId },
      deleted: { state: 'deleted' },
    };
  });
  const body: Record<string, unknown> = { '@odata.context': context, value };
  if (ids.length > pageIds.length) {
    const next = encode({ e: env.store.epoch, l: listId, s: token.s, u: upTo, a: pageIds[pageIds.length - 1]! });
    body['@odata.nextLink'] = linkWith(req, deltaPath, { token: next });
  } else {
    body['@odata.deltaLink'] = linkWith(req, deltaPath, { token: encode({ e: env.store.epoch, l: listId, s: upTo }) });
  }
  return json(200, body);
}
