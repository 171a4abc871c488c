/**
 * `Repository` (src/ports) on SharePoint lists through Microsoft Graph. The same code
 * serves the server (app-only token), the bot, the CLI and the browser tab (delegated, reads).
 *
 * - get/find by the stable `Key` column (indexed, unique) with `$filter` + `$expand=fields`.
 * - list() filters on indexed columns only and follows `@odata.nextLink`.
 * - update() is `PATCH …/items/{id}/fields` with `If-Match`; a 412 re-reads and throws
 *   `Conflict(message, currentValue, currentEtag)` so the caller can merge and retry.
 */
import type { EntityName } from '../../manifest/lists';
import { Conflict, Invalid, NotFound } from '../domain';
import type { Collection, InvalidRow, ListResult, Repository, Versioned } from '../ports';
import { query, type GraphClient } from './client';
import { executeBatch, unwrap } from './batch';
import { statusOf } from './errors';
import {
  decodeItem,
  etagOf,
  filterExpression,
  specOf,
  toCreateFields,
  toUpdateFields,
  type EntityTypes,
  type GraphListItem,
} from './mapping';
import { createSiteLists, type ListIds, type SiteLists } from './site-lists';

export interface GraphRepositoryOptions {
  client: GraphClient;
  siteId: string;
  /** Known list ids (skips the one lookup by display name). */
  listIds?: ListIds;
  /** Share list resolution with a board reader or delta cache built on the same site. */
  lists?: SiteLists;
  /** `$top` for list reads; Graph's maximum is undocumented, 200–999 is what people use. */
  pageSize?: number;
}

interface ItemsPage {
  value: GraphListItem[];
  '@odata.nextLink'?: string;
}

/** Reads every page of an items collection, decoding as it goes. */
export async function readAllPages<E extends EntityName>(
  client: GraphClient,
  entity: E,
  firstPage: ItemsPage,
): Promise<ListResult<EntityTypes[E]>> {
  const result: ListResult<EntityTypes[E]> = { items: [], invalid: [] };
  let page: ItemsPage | undefined = firstPage;
  while (page) {
    for (const item of page.value) {
      const d = decodeItem(entity, item);
      if (d.ok) result.items.push(d.value);
      else result.invalid.push(d.invalid);
    }
    const next: string | undefined = page['@odata.nextLink'];
    page = next ? await client.get<ItemsPage>(next) : undefined;
  }
  return result;
}

/**
 * `$select` of what decoding reads — the item's id and eTag, the manifest's own columns — and
 * nothing of the rest Graph sends by default (createdBy, parentReference, webUrl, contentType, and in
 * `fields` SharePoint's Title, LinkTitle, _UIVersionString, Attachments, …): a third or more of a
 * list item's bytes. Compound key columns are written, never read.
 */
export function fieldsSelect(entity: EntityName): { $select: string; $expand: string } {
  const columns = specOf(entity).columns.filter((c) => !c.derivedFrom).map((c) => c.name);
  return { $select: 'id,eTag', $expand: `fields($select=${columns.join(',')})` };
}

export function itemsQuery(entity: EntityName, filter: Record<string, string> | undefined, top?: number): string {
  return query({
    ...fieldsSelect(entity),
    $filter: filter ? filterExpression(entity, filter) : undefined,
    $top: top,
  });
}

/**
 * Reads of list items that start in the same turn of the event loop (e.g. a `Promise.all` in a
 * command) go to Graph as ONE `$batch` instead of one round trip each; a read alone is a plain GET.
 * Each read still gets its own answer or its own domain error. Only first pages are coalesced;
 * nextLinks follow with ordinary GETs.
 */
interface ReadCoalescer {
  get<T>(url: string): Promise<T>;
}

function createReadCoalescer(client: GraphClient): ReadCoalescer {
  type Pending = { url: string; resolve(v: unknown): void; reject(e: unknown): void };
  let queue: Pending[] = [];
  const flush = async (): Promise<void> => {
    const reads = queue;
    queue = [];
    if (reads.length === 1) {
      const [only] = reads as [Pending];
      client.get(only.url).then(only.resolve, only.reject);
      return;
    }
    try {
      const responses = await executeBatch(client, reads.map((r, i) => ({ id: String(i + 1), method: 'GET' as const, url: r.url })));
      reads.forEach((r, i) => {
        try {
          r.resolve(unwrap(responses, String(i + 1), r.url.split('?')[0] ?? r.url));
        } catch (e) {
          r.reject(e);
        }
      });
    } catch (e) {
      for (const r of reads) r.reject(e);
    }
  };
  return {
    get<T>(url: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setTimeout(() => void flush(), 0);
        queue.push({ url, resolve: resolve as (v: unknown) => void, reject });
      });
    },
  };
}

function invalidError(row: InvalidRow): Invalid {
  return new Invalid(
    `${row.list} item ${row.itemId} is invalid: ${row.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    row.issues,
  );
}

function createCollection<E extends EntityName>(
  entity: E,
  client: GraphClient,
  lists: SiteLists,
  pageSize: number | undefined,
  reads: ReadCoalescer,
): Collection<EntityTypes[E]> {
  type T = EntityTypes[E];
  const spec = specOf(entity);
  // Item ids never change for a key (unless the item is deleted and re-created, handled on 404).
  const itemIds = new Map<string, string>();
  const keyOf = (v: T): string => (v as { key: string }).key;
  const remember = (v: Versioned<T>): Versioned<T> => {
    itemIds.set(keyOf(v.value), v.itemId);
    return v;
  };

  const list = async (filter?: Record<string, string>): Promise<ListResult<T>> => {
    const path = await lists.listPath(entity);
    const first = await reads.get<ItemsPage>(`${path}/items${itemsQuery(entity, filter, pageSize)}`);
    const result = await readAllPages(client, entity, first);
    result.items.forEach(remember);
    return result;
  };

  const find = async (key: string): Promise<Versioned<T> | undefined> => {
    const { items, invalid } = await list({ key });
    if (items[0]) return items[0];
    if (invalid[0]) throw invalidError(invalid[0]);
    itemIds.delete(key);
    return undefined;
  };

  const get = async (key: string): Promise<Versioned<T>> => {
    const found = await find(key);
    if (!found) throw new NotFound(`${spec.displayName}: no item with key '${key}'`);
    return found;
  };

  const itemIdOf = async (key: string): Promise<string> => {
    const cached = itemIds.get(key);
    if (cached) return cached;
    return (await get(key)).itemId;
  };

  /** After a 412: the winner's version, for Conflict. */
  const conflictWithCurrent = async (key: string, cause: unknown): Promise<Error> => {
    const current = await find(key);
    if (!current) return new NotFound(`${spec.displayName}: '${key}' was deleted meanwhile`);
    const e = new Conflict('stale', `${spec.displayName}: '${key}' was changed by someone else`, current.value, current.etag);
    Object.defineProperty(e, 'cause', { value: (cause as { cause?: unknown }).cause, enumerable: false });
    return e;
  };

  /** Runs a write on the item of `key`, re-resolving its id once if it was re-created. */
  const onItem = async <R>(key: string, write: (itemPath: string) => Promise<R>): Promise<R> => {
    const path = await lists.listPath(entity);
    const attempt = async () => write(`${path}/items/${await itemIdOf(key)}`);
    try {
      return await attempt();
    } catch (e) {
      if (statusOf(e) === 404 && itemIds.has(key)) {
        itemIds.delete(key);
        return attempt();
      }
      throw e;
    }
  };

  return {
    get,
    find,
    list,
    async create(value) {
      const path = await lists.listPath(entity);
      const created = await client.post<GraphListItem>(`${path}/items`, { fields: toCreateFields(entity, value) });
      const d = decodeItem(entity, created);
      return remember(d.ok ? d.value : { value, etag: etagOf(created), itemId: String(created.id) });
    },
    async update(value, etag) {
      const key = keyOf(value);
      try {
        return await onItem(key, async (itemPath) => {
          const fields = await client.patch<Record<string, unknown>>(`${itemPath}/fields`, toUpdateFields(entity, value), {
            headers: { 'If-Match': etag },
          });
          const itemId = itemPath.slice(itemPath.lastIndexOf('/') + 1);
          const d = decodeItem(entity, { id: itemId, fields });
          // The fields resource carries the item's new eTag as @odata.etag.
          if (d.ok && d.value.etag) return remember(d.value);
          const reread = await get(key);
          return d.ok ? { ...d.value, etag: reread.etag } : reread;
        });
      } catch (e) {
        if (statusOf(e) === 412) throw await conflictWithCurrent(key, e);
        throw e;
      }
    },
    async delete(key, etag) {
      // DELETE …/items/{id} with If-Match: 412 when the eTag is not the item's current one
      // (learn.microsoft.com/graph/api/listitem-delete).
      try {
        await onItem(key, (itemPath) => client.delete(itemPath, { headers: { 'If-Match': etag } }));
      } catch (e) {
        if (statusOf(e) === 412) throw await conflictWithCurrent(key, e);
        throw e;
      }
      itemIds.delete(key);
    },
  };
}

export function createGraphRepository(options: GraphRepositoryOptions): Repository {
  const lists = options.lists ?? createSiteLists(options.client, options.siteId, options.listIds);
  const reads = createReadCoalescer(options.client);
  const c = <E extends EntityName>(e: E) => createCollection(e, options.client, lists, options.pageSize, reads);
  const checkIns = c('checkIn');
  return {
    plans: c('plan'),
    themes: c('theme'),
    goals: c('goal'),
    checkIns,
    reviews: c('review'),
    groups: c('group'),
    units: c('unit'),
    reminderLog: c('reminderLog'),
    people: c('person'),
    meetingSessions: c('meetingSession'),
    async findCheckInBySubmission(submissionId) {
      const { items, invalid } = await checkIns.list({ submissionId });
      if (items[0]) return items[0];
      if (invalid[0]) throw invalidError(invalid[0]);
      return undefined;
    },
  };
}
