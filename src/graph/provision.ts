/**
 * Creates the SharePoint lists of `manifest/lists.ts` on a site, idempotently, then verifies what
 * the site really has.
 *
 * - Missing lists are created with all their columns; existing lists get the columns they lack
 *   (never changed or removed: that is an admin decision).
 * - Verification, per list: the columns are read back; every column the app filters on (the
 *   manifest's `indexed` ones — the mapping refuses a filter on any other) must read back
 *   `indexed: true` **and** answer a filtered query without the
 *   `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` header, which SharePoint refuses on a
 *   column without an index. Every `unique` column must read back `enforceUniqueValues: true`.
 * - What is missing cannot be repaired through Graph here (Graph does not reliably turn an
 *   existing column into an indexed or unique one), so each gap becomes the exact manual step in
 *   SharePoint's list settings, in `manualSteps`; `verified` is false until none is left.
 */
import { ALL_LISTS, columnDefinition, listCreateBody, REPORT_LIBRARY_COLUMNS, type ColumnSpec, type ListSpec } from '../../manifest/lists';
import { query, type GraphClient } from './client';
import { graphCodeOf, statusOf } from './errors';

export interface ProvisionOptions {
  client: GraphClient;
  siteId: string;
  /** Defaults to every list in the manifest. */
  lists?: readonly ListSpec[];
  /** Whether to add the report archive's columns to the default document library (default true). */
  library?: boolean;
}

export interface ColumnGap {
  list: string;
  column: string;
  /** What the site showed: the column's own properties, or how a filtered query on it answered. */
  evidence: string;
}

export interface ProvisionReport {
  created: string[];
  columnsAdded: { list: string; column: string }[];
  unchanged: string[];
  /** Columns the app filters on that have no working index on the site (an admin must index them). */
  notIndexed: ColumnGap[];
  /** Columns the manifest marks unique that the site reports without enforceUniqueValues. */
  notUnique: ColumnGap[];
  /** One line per gap: what to click in SharePoint, in order. Empty when everything verified. */
  manualSteps: string[];
  /** True when every index and unique constraint the app relies on was found on the site. */
  verified: boolean;
  /** display name → list id, to pass as `listIds` and skip the lookup. */
  listIds: Record<string, string>;
  /** The default document library (`GET …/drive/list`) and the report archive's columns added to it. */
  library?: { id: string; columnsAdded: string[] };
}

interface ColumnResource {
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

interface ListResource {
  id: string;
  displayName: string;
  webUrl?: string;
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

/** A value no real row holds, in the column's type: the query matches nothing and reads nothing. */
function probeValue(c: ColumnSpec): string {
  return c.type === 'number' ? '-1' : "'tavoitteet-provision-probe'";
}

/**
 * Whether SharePoint accepts a filter on the column without the "may fail randomly" header: the
 * way the app itself queries. Refused with 400 `invalidRequest` when the column has no index.
 */
async function filterRefusal(client: GraphClient, itemsPath: string, c: ColumnSpec): Promise<string | undefined> {
  const q = query({ $filter: `fields/${c.name} eq ${probeValue(c)}`, $select: 'id', $top: '1' });
  try {
    await client.get(`${itemsPath}${q}`);
    return undefined;
  } catch (e) {
    if (statusOf(e) === 400) return `a filter on it is refused with HTTP 400 ${graphCodeOf(e) ?? ''}`.trimEnd();
    throw e;
  }
}

const indexStep = (list: string, where: string, column: string) =>
  `${list}${where}: Settings (gear) → List settings → Columns: Indexed columns → Create a new index → Primary column for this index: ${column} → Create`;
const uniqueStep = (list: string, where: string, column: string) =>
  `${list}${where}: Settings (gear) → List settings → Columns: ${column} → Enforce unique values: Yes → OK (SharePoint refuses while two items share a value: fix those first)`;

export async function provisionLists(options: ProvisionOptions): Promise<ProvisionReport> {
  const { client, siteId } = options;
  const specs = options.lists ?? ALL_LISTS;
  const site = `/sites/${siteId}`;
  const report: ProvisionReport = {
    created: [], columnsAdded: [], unchanged: [], notIndexed: [], notUnique: [], manualSteps: [], verified: false, listIds: {},
  };

  const existing = await all<ListResource>(client, `${site}/lists${query({ $select: 'id,displayName,webUrl' })}`);
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
    const where = list.webUrl ? ` (${list.webUrl})` : '';

    // Verify what the site really has: the columns as read back, and the index by using it.
    const columns = await all<ColumnResource>(client, `${site}/lists/${list.id}/columns`);
    const byColumn = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
    for (const c of spec.columns) {
      const actual = byColumn.get(c.name.toLowerCase());
      if (c.indexed) {
        const evidence =
          actual?.indexed !== true
            ? `the column reads back indexed: ${String(actual?.indexed ?? 'absent')}`
            : await filterRefusal(client, `${site}/lists/${list.id}/items`, c);
        if (evidence) {
          report.notIndexed.push({ list: spec.displayName, column: c.name, evidence });
          report.manualSteps.push(indexStep(spec.displayName, where, c.name));
        }
      }
      if (c.unique && actual?.enforceUniqueValues !== true) {
        report.notUnique.push({ list: spec.displayName, column: c.name, evidence: `the column reads back enforceUniqueValues: ${String(actual?.enforceUniqueValues ?? 'absent')}` });
        report.manualSteps.push(uniqueStep(spec.displayName, where, c.name));
      }
    }
  }
  const libraryMissing = options.library ?? true ? await provisionReportLibrary(client, site, report) : [];
  report.verified = report.notIndexed.length === 0 && report.notUnique.length === 0 && libraryMissing.length === 0;
  return report;
}

/**
 * The report archive's metadata columns on the site's default document library (a list like the
 * others: `GET /sites/{site}/drive/list`, `POST /sites/{site}/lists/{id}/columns`), added when missing
 * and read back. Returns the columns still missing after that, each also a manual step.
 */
async function provisionReportLibrary(client: GraphClient, site: string, report: ProvisionReport): Promise<string[]> {
  const list = await client.get<ListResource>(`${site}/drive/list${query({ $select: 'id,displayName,webUrl' })}`);
  const have = async () => new Set((await all<ColumnResource>(client, `${site}/lists/${list.id}/columns`)).map((c) => c.name.toLowerCase()));
  const before = await have();
  const columnsAdded: string[] = [];
  for (const c of REPORT_LIBRARY_COLUMNS) {
    if (before.has(c.name.toLowerCase())) continue;
    await client.post(`${site}/lists/${list.id}/columns`, columnDefinition(c));
    columnsAdded.push(c.name);
  }
  report.library = { id: list.id, columnsAdded };
  const after = columnsAdded.length ? await have() : before;
  const missing = REPORT_LIBRARY_COLUMNS.filter((c) => !after.has(c.name.toLowerCase()));
  const where = list.webUrl ? ` (${list.webUrl})` : '';
  for (const c of missing) {
    const type = c.type === 'choice' ? `Choice (${c.choices.join(', ')})` : 'Single line of text';
    report.manualSteps.push(`${list.displayName}${where}: Settings (gear) → Library settings → Columns: Create column → Column name: ${c.name}, type: ${type} → OK`);
  }
  return missing.map((c) => c.name);
}

/** The report as lines for a person: what was done, what was verified, and each manual step, numbered. */
export function describeProvisionReport(r: ProvisionReport): string[] {
  const lines: string[] = [];
  if (r.created.length) lines.push(`Created lists: ${r.created.join(', ')}`);
  for (const c of r.columnsAdded) lines.push(`Added column ${c.list}.${c.column}`);
  if (r.unchanged.length) lines.push(`Already complete: ${r.unchanged.join(', ')}`);
  if (r.library) {
    lines.push(r.library.columnsAdded.length ? `Added report archive columns to the document library: ${r.library.columnsAdded.join(', ')}` : 'Document library: report archive columns already present');
  }
  for (const g of r.notIndexed) lines.push(`NOT INDEXED ${g.list}.${g.column}: ${g.evidence}`);
  for (const g of r.notUnique) lines.push(`NOT UNIQUE ${g.list}.${g.column}: ${g.evidence}`);
  if (r.verified) {
    lines.push('Verified: every column the app filters on is indexed and every key column is unique.');
  } else {
    lines.push('Graph did not set these; do them by hand in SharePoint, then run `npm run provision` again to verify:');
    r.manualSteps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
  }
  return lines;
}
