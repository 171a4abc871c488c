/**
 * Incremental refresh of one list (Goals and CheckIns in the tab) with `items/delta`.
 *
 *   const goals = createDeltaCache({ client, siteId, entity: 'goal' });
 *   await goals.refresh();          // first call: full enumeration, keeps the deltaLink
 *   await goals.refresh();          // later calls: only what changed (cheap on SharePoint)
 *   goals.items();                  // current valid rows; goals.invalid() the broken ones
 *
 * The cache is keyed by SharePoint item id. A `deleted` entry removes the item. A 410 (token
 * expired / resync required) drops the token and enumerates again; items missing from the fresh
 * enumeration are reported as deleted. The feed may list an item twice: the last one wins.
 */
import type { EntityName } from '../../manifest/lists';
import type { InvalidRow, Versioned } from '../ports';
import { query, type GraphClient } from './client';
import { statusOf } from './errors';
import { decodeItem, type EntityTypes, type GraphListItem } from './mapping';
import { createSiteLists, type ListIds, type SiteLists } from './site-lists';

export interface DeltaPage {
  value: GraphListItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface DeltaChanges<T> {
  /** Items added or changed since the last refresh (after validation). */
  upserted: Versioned<T>[];
  /** Item ids removed since the last refresh. */
  deleted: string[];
  /** Rows that changed into something invalid. */
  invalid: InvalidRow[];
  /** True when this refresh was a full enumeration (first call or after a 410). */
  full: boolean;
}

export interface DeltaState<T> {
  items: Map<string, Versioned<T>>;
  invalid: Map<string, InvalidRow>;
}

/** Applies one delta page to the state and records what changed. Pure apart from mutating `state`/`changes`. */
export function applyDeltaPage<E extends EntityName>(
  entity: E,
  state: DeltaState<EntityTypes[E]>,
  page: DeltaPage,
  changes: DeltaChanges<EntityTypes[E]>,
): void {
  for (const item of page.value) {
    const id = String(item.id);
    // Drop an earlier occurrence in this same refresh: the last one wins.
    changes.upserted = changes.upserted.filter((v) => v.itemId !== id);
    changes.invalid = changes.invalid.filter((r) => r.itemId !== id);
    changes.deleted = changes.deleted.filter((d) => d !== id);
    if (item.deleted) {
      state.items.delete(id);
      state.invalid.delete(id);
      changes.deleted.push(id);
      continue;
    }
    const d = decodeItem(entity, item);
    if (d.ok) {
      state.items.set(id, d.value);
      state.invalid.delete(id);
      changes.upserted.push(d.value);
    } else {
      state.items.delete(id);
      state.invalid.set(id, d.invalid);
      changes.invalid.push(d.invalid);
    }
  }
}

export interface DeltaCache<T> {
  /** Full enumeration on the first call (and after a 410), changes only afterwards. */
  refresh(): Promise<DeltaChanges<T>>;
  items(): Versioned<T>[];
  /**
   * Starts tracking from now without enumerating the list (`?token=latest`): one small request
   * instead of a full read. Call it BEFORE reading the items some other way (e.g. a plan board)
   * and hand those to `seed`, so no change between the two can be missed.
   */
  startAtLatest(): Promise<void>;
  /** Adds items read elsewhere after `startAtLatest`; never overwrites what delta already brought (that is newer). */
  seed(items: readonly Versioned<T>[]): void;
  /**
   * Continues from a `deltaLink` kept from an earlier session (the tab's persisted cache): the
   * next refresh asks only for what changed since. `seed` the items that link was current at.
   */
  resumeFrom(link: string): void;
  /** Forgets the link and the items: the next refresh (or `startAtLatest`) starts over. */
  restart(): void;
  get(itemId: string): Versioned<T> | undefined;
  invalid(): InvalidRow[];
  /** The link the next refresh will call (undefined before the first refresh or after a 410). */
  readonly deltaLink: string | undefined;
}

export interface DeltaCacheOptions<E extends EntityName> {
  client: GraphClient;
  siteId: string;
  entity: E;
  listIds?: ListIds;
  lists?: SiteLists;
}

export function createDeltaCache<E extends EntityName>(options: DeltaCacheOptions<E>): DeltaCache<EntityTypes[E]> {
  type T = EntityTypes[E];
  const { client, entity } = options;
  const lists = options.lists ?? createSiteLists(client, options.siteId, options.listIds);
  let state: DeltaState<T> = { items: new Map(), invalid: new Map() };
  let deltaLink: string | undefined;

  const enumerate = async (start: string, base: DeltaState<T>, full: boolean): Promise<DeltaChanges<T>> => {
    const changes: DeltaChanges<T> = { upserted: [], deleted: [], invalid: [], full };
    let url: string | undefined = start;
    while (url) {
      const page: DeltaPage = await client.get<DeltaPage>(url);
      applyDeltaPage(entity, base, page, changes);
      if (page['@odata.deltaLink']) deltaLink = page['@odata.deltaLink'];
      url = page['@odata.nextLink'];
    }
    return changes;
  };

  const fullSync = async (): Promise<DeltaChanges<T>> => {
    const before = new Set([...state.items.keys(), ...state.invalid.keys()]);
    const fresh: DeltaState<T> = { items: new Map(), invalid: new Map() };
    const start = `${await lists.listPath(entity)}/items/delta${query({ $expand: 'fields' })}`;
    const changes = await enumerate(start, fresh, true);
    changes.deleted = [...before].filter((id) => !fresh.items.has(id) && !fresh.invalid.has(id));
    state = fresh;
    return changes;
  };

  return {
    async refresh() {
      if (!deltaLink) return fullSync();
      try {
        return await enumerate(deltaLink, state, false);
      } catch (e) {
        // 410 Gone: the token is too old or the service needs a resync; start over.
        if (statusOf(e) === 410) {
          deltaLink = undefined;
          return fullSync();
        }
        throw e;
      }
    },
    async startAtLatest() {
      if (deltaLink) return;
      const start = `${await lists.listPath(entity)}/items/delta${query({ token: 'latest', $expand: 'fields' })}`;
      await enumerate(start, state, false);
    },
    seed(items) {
      for (const v of items) if (!state.items.has(v.itemId)) state.items.set(v.itemId, v);
    },
    resumeFrom(link) {
      deltaLink = link;
    },
    restart() {
      deltaLink = undefined;
      state = { items: new Map(), invalid: new Map() };
    },
    items: () => [...state.items.values()],
    get: (itemId) => state.items.get(itemId),
    invalid: () => [...state.invalid.values()],
    get deltaLink() {
      return deltaLink;
    },
  };
}
