/**
 * Finds the site's lists by display name (as `manifest/lists.ts` names them) once and caches their
 * ids: one `GET /sites/{id}/lists?$select=id,displayName` resolves every list in one round trip.
 */
import type { EntityName } from '../../manifest/lists';
import { NotFound } from '../domain';
import type { GraphClient } from './client';
import { query } from './client';
import { specOf } from './mapping';

export type ListIds = Partial<Record<EntityName, string>>;

interface ListsPage {
  value: { id: string; displayName: string }[];
  '@odata.nextLink'?: string;
}

export interface SiteLists {
  readonly siteId: string;
  /** `/sites/{site}/lists/{list}` for an entity's list. */
  listPath(entity: EntityName): Promise<string>;
  /**
   * The ids of those of `entities` whose list exists on the site (one lookup at most, shared with
   * `listPath`), e.g. for the tab's `/config.json`, so a browser need not resolve them again.
   */
  ids(entities: readonly EntityName[]): Promise<ListIds>;
  /** Forget cached ids (after provisioning, or a list was recreated). */
  reset(): void;
}

export function createSiteLists(client: GraphClient, siteId: string, known: ListIds = {}): SiteLists {
  // Site ids look like `host,guid,guid`: commas are legal in a path, so the id goes in as it is.
  const sitePath = `/sites/${siteId}`;
  let ids: ListIds = { ...known };
  let byName: Promise<Map<string, string>> | undefined;

  const loadAll = async (): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    let url: string | undefined = `${sitePath}/lists${query({ $select: 'id,displayName' })}`;
    while (url) {
      const page: ListsPage = await client.get<ListsPage>(url);
      for (const l of page.value) names.set(l.displayName.toLowerCase(), l.id);
      url = page['@odata.nextLink'];
    }
    return names;
  };

  const listPath = async (entity: EntityName): Promise<string> => {
    let id = ids[entity];
    if (!id) {
      // Concurrent first calls share one request; a failed load is not cached.
      byName ??= loadAll().catch((e: unknown) => {
        byName = undefined;
        throw e;
      });
      id = (await byName).get(specOf(entity).displayName.toLowerCase());
      if (!id) {
        byName = undefined; // the list may be provisioned later
        throw new NotFound(`The SharePoint list '${specOf(entity).displayName}' does not exist on the site; run provisioning`);
      }
      ids = { ...ids, [entity]: id };
    }
    return `${sitePath}/lists/${id}`;
  };

  return {
    siteId,
    listPath,
    async ids(entities) {
      const out: ListIds = {};
      await Promise.all(
        entities.map(async (e) => {
          try {
            out[e] = (await listPath(e)).slice(`${sitePath}/lists/`.length);
          } catch (err) {
            if (!(err instanceof NotFound)) throw err; // a list not provisioned yet is left out
          }
        }),
      );
      return out;
    },
    reset() {
      ids = { ...known };
      byName = undefined;
    },
  };
}
