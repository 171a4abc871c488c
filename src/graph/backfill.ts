/**
 * Writes compound key columns (`derivedFrom` in manifest/lists.ts, e.g. CheckIns.PlanPeriod) on items
 * written before the column existed, so queries by them find every item. Idempotent: a rerun finds
 * nothing to do. Reads each list unfiltered in id order (the one read SharePoint allows on a list of
 * any size, docs/decisions/0008) selecting only the columns involved, and writes in `$batch`es of 20
 * with If-Match: an item someone changed meanwhile is left for the next run, never overwritten.
 */
import { ALL_LISTS, type EntityName } from '../../manifest/lists';
import { executeBatch, type BatchRequest } from './batch';
import { query, type GraphClient } from './client';
import { derivedValue, etagOf, type GraphListItem } from './mapping';
import { createSiteLists, type SiteLists } from './site-lists';

export interface BackfillOptions {
  client: GraphClient;
  siteId: string;
  lists?: SiteLists;
}

export interface BackfillReport {
  /** Per list with compound keys: items written now, and items left for a rerun (changed meanwhile). */
  lists: { list: string; column: string; updated: number; skipped: number }[];
}

interface ItemsPage {
  value: GraphListItem[];
  '@odata.nextLink'?: string;
}

export async function backfillDerivedColumns(options: BackfillOptions): Promise<BackfillReport> {
  const { client } = options;
  const lists = options.lists ?? createSiteLists(client, options.siteId);
  const report: BackfillReport = { lists: [] };
  for (const spec of ALL_LISTS) {
    for (const column of spec.columns.filter((c) => c.derivedFrom)) {
      const parts = column.derivedFrom!.map((f) => spec.columns.find((c) => c.field === f)!.name);
      const path = await lists.listPath(spec.entity as EntityName);
      const entry = { list: spec.displayName, column: column.name, updated: 0, skipped: 0 };
      let url: string | undefined = `${path}/items${query({ $expand: `fields($select=${[...parts, column.name].join(',')})`, $top: 500 })}`;
      while (url) {
        const page: ItemsPage = await client.get<ItemsPage>(url);
        const writes: BatchRequest[] = [];
        for (const item of page.value) {
          const fields = item.fields ?? {};
          const wanted = derivedValue(column, (f) => fields[parts[column.derivedFrom!.indexOf(f)]!]);
          if (wanted === undefined || fields[column.name] === wanted) continue;
          writes.push({
            id: String(item.id), method: 'PATCH', url: `${path}/items/${item.id}/fields`,
            headers: { 'Content-Type': 'application/json', 'If-Match': etagOf(item) }, body: { [column.name]: wanted },
          });
        }
        for (const r of (await executeBatch(client, writes)).values()) {
          if (r.status >= 200 && r.status < 300) entry.updated++;
          else entry.skipped++;
        }
        url = page['@odata.nextLink'];
      }
      report.lists.push(entry);
    }
  }
  return report;
}
