/**
 * Creates the SharePoint lists of `manifest/lists.ts` on a site, idempotently: missing lists are
 * created with all their columns, existing lists get the columns they lack (never changed or
 * removed: that is an admin decision). Afterwards every list's columns are read back, and columns
 * the manifest wants indexed but Graph reports as not indexed are returned in `notIndexed` —
 * whether `indexed: true` through Graph makes a real SharePoint index is unconfirmed; if a column
 * shows up there, an admin creates the index in List settings → Indexed columns.
 */
import { ALL_LISTS, columnDefinition, listCreateBody, type ListSpec } from '../../manifest/lists';
import { query, type GraphClient } from './client';

export interface ProvisionOptions {
  client: GraphClient;
  siteId: string;
  /** Defaults to every list in the manifest. */
  lists?: readonly ListSpec[];
}

export interface ProvisionReport {
  created: string[];
  columnsAdded: { list: string; column: string }[];
  unchanged: string[];
  /** Columns the manifest marks indexed that the site reports as not indexed (admin must index them). */
  notIndexed: { list: string; column: string }[];
  /** Columns the manifest marks unique that the site reports without enforceUniqueValues. */
  notUnique: { list: string; column: string }[];
  /** display name → list id, to pass as `listIds` and skip the lookup. */
  listIds: Record<string, string>;
}

interface ColumnResource {
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

interface ListResource {
  id: string;
  displayName: string;
  columns?: ColumnResource[];
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

async function all<T>(client: GraphClient, url: string): Promise<T[]> {
  const out: T[] = [];
  let next: string | undefined = url;
  while (next) {
    const page: Page<T> = await client.get<Page<T>>(next);
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out;
}

export async function provisionLists(options: ProvisionOptions): Promise<ProvisionReport> {
  const { client, siteId } = options;
  const specs = options.lists ?? ALL_LISTS;
  const site = `/sites/${siteId}`;
  const report: ProvisionReport = { created: [], columnsAdded: [], unchanged: [], notIndexed: [], notUnique: [], listIds: {} };

  const existing = await all<ListResource>(client, `${site}/lists${query({ $select: 'id,displayName' })}`);
  const byName = new Map(existing.map((l) => [l.displayName.toLowerCase(), l]));

  for (const spec of specs) {
    let list = byName.get(spec.displayName.toLowerCase());
    if (!list) {
      list = await client.post<ListResource>(`${site}/lists`, listCreateBody(spec));
      report.created.push(spec.displayName);
    } else {
      const have = new Set((await all<ColumnResource>(client, `${site}/lists/${list.id}/columns`)).map((c) => c.name.toLowerCase()));
      const missing = spec.columns.filter((c) => !have.has(c.name.toLowerCase()));
      for (const c of missing) {
        await client.post(`${site}/lists/${list.id}/columns`, columnDefinition(c));
        report.columnsAdded.push({ list: spec.displayName, column: c.name });
      }
      if (missing.length === 0) report.unchanged.push(spec.displayName);
    }
    report.listIds[spec.displayName] = list.id;

    // Verify what the site really has.
    const columns = await all<ColumnResource>(client, `${site}/lists/${list.id}/columns`);
    const byColumn = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
    for (const c of spec.columns) {
      const actual = byColumn.get(c.name.toLowerCase());
      if (c.indexed && actual?.indexed !== true) report.notIndexed.push({ list: spec.displayName, column: c.name });
      if (c.unique && actual?.enforceUniqueValues !== true) report.notUnique.push({ list: spec.displayName, column: c.name });
    }
  }
  return report;
}
