import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_LISTS, columnDefinition, LISTS, REPORT_LIBRARY_COLUMNS } from '../../../manifest/lists';
import { describeProvisionReport, provisionLists, type GraphClient } from '../../../src/graph';
import { startGraph, type GraphHarness } from './harness';

/**
 * `npm run provision` verifies what it made against the emulator: indexes on the columns the app
 * filters on (read back, and used in a filter without the "may fail" header), unique key columns,
 * and for each gap the manual step in SharePoint's list settings.
 */
let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

interface Column { name: string; indexed: boolean; enforceUniqueValues: boolean }

async function columnsOf(g: GraphHarness, displayName: string): Promise<Column[]> {
  const lists = (await g.raw('GET', `/sites/${g.siteId}/lists?$select=id,displayName`)).body.value as { id: string; displayName: string }[];
  const id = lists.find((l) => l.displayName === displayName)!.id;
  return (await g.raw('GET', `/sites/${g.siteId}/lists/${id}/columns`)).body.value as Column[];
}

describe('provisioning verifies the site', () => {
  it('on an empty site creates every list with a working index on each filtered column and unique keys', async () => {
    h = await startGraph({ provision: false });
    const report = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(report.created).toHaveLength(ALL_LISTS.length);
    expect(report).toMatchObject({ notIndexed: [], notUnique: [], manualSteps: [], verified: true });
    // Independently of the report: what the site holds, column by column.
    for (const spec of ALL_LISTS) {
      const cols = await columnsOf(h, spec.displayName);
      for (const c of spec.columns) {
        const actual = cols.find((x) => x.name === c.name);
        expect(actual, `${spec.displayName}.${c.name}`).toBeDefined();
        if (c.indexed) expect(actual!.indexed, `${spec.displayName}.${c.name} indexed`).toBe(true);
        if (c.unique) expect(actual!.enforceUniqueValues, `${spec.displayName}.${c.name} unique`).toBe(true);
      }
    }
    expect(describeProvisionReport(report).at(-1)).toBe('Verified: every column the app filters on is indexed and every key column is unique.');
  });

  it('reports a list an admin made by hand without the index and the unique key, with the exact steps to fix them', async () => {
    h = await startGraph({ provision: false });
    // CheckIns as someone created it before provisioning: Period and SubmissionId plain text, and no NarrativeLanguage.
    const spec = LISTS.checkIn;
    const byHand = spec.columns
      .filter((c) => c.name !== 'NarrativeLanguage')
      .map((c) => (c.name === 'Period' || c.name === 'SubmissionId' ? { ...columnDefinition(c), indexed: false, enforceUniqueValues: false } : columnDefinition(c)));
    const made = await h.raw('POST', `/sites/${h.siteId}/lists`, { displayName: 'CheckIns', list: { template: 'genericList' }, columns: byHand });
    expect(made.status).toBe(201);
    const webUrl = made.body.webUrl as string;

    const report = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(report.columnsAdded).toEqual([{ list: 'CheckIns', column: 'NarrativeLanguage' }]);
    expect(report.verified).toBe(false);
    expect(report.notIndexed).toEqual([
      { list: 'CheckIns', column: 'Period', evidence: 'the column reads back indexed: false' },
      { list: 'CheckIns', column: 'SubmissionId', evidence: 'the column reads back indexed: false' },
    ]);
    expect(report.notUnique).toEqual([{ list: 'CheckIns', column: 'SubmissionId', evidence: 'the column reads back enforceUniqueValues: false' }]);
    expect(report.manualSteps).toEqual([
      `CheckIns (${webUrl}): Settings (gear) → List settings → Columns: Indexed columns → Create a new index → Primary column for this index: Period → Create`,
      `CheckIns (${webUrl}): Settings (gear) → List settings → Columns: Indexed columns → Create a new index → Primary column for this index: SubmissionId → Create`,
      `CheckIns (${webUrl}): Settings (gear) → List settings → Columns: SubmissionId → Enforce unique values: Yes → OK (SharePoint refuses while two items share a value: fix those first)`,
    ]);
    const text = describeProvisionReport(report);
    expect(text).toContain('NOT INDEXED CheckIns.Period: the column reads back indexed: false');
    expect(text).toContain(`  3. ${report.manualSteps[2]}`);
    // The other eight lists were created complete and verified.
    expect(report.created).toHaveLength(ALL_LISTS.length - 1);
    expect(report.notIndexed.every((g) => g.list === 'CheckIns')).toBe(true);
  });

  it('does not trust a column that claims an index the site does not use: the filtered query decides', async () => {
    h = await startGraph({ provision: false });
    const spec = LISTS.reminderLog;
    const byHand = spec.columns.map((c) => (c.name === 'Period' ? { ...columnDefinition(c), indexed: false } : columnDefinition(c)));
    expect((await h.raw('POST', `/sites/${h.siteId}/lists`, { displayName: 'ReminderLog', list: { template: 'genericList' }, columns: byHand })).status).toBe(201);
    // A site whose column read-back says "indexed" although SharePoint refuses to filter on it.
    const inner = h.client;
    const claimsIndexes: GraphClient = {
      ...inner,
      get: async <T,>(path: string, o?: Parameters<GraphClient['get']>[1]) => {
        const r = await inner.get<T>(path, o);
        if (/\/columns$/.test(path)) (r as { value: Column[] }).value.forEach((c) => (c.indexed = c.indexed || c.name === 'Period'));
        return r;
      },
    };
    const report = await provisionLists({ client: claimsIndexes, siteId: h.siteId });
    expect(report.notIndexed).toEqual([{ list: 'ReminderLog', column: 'Period', evidence: 'a filter on it is refused with HTTP 400 invalidRequest' }]);
    expect(report.manualSteps).toHaveLength(1);
    expect(report.manualSteps[0]).toMatch(/^ReminderLog \(.+\): Settings \(gear\) → List settings → Columns: Indexed columns → Create a new index → Primary column for this index: Period → Create$/);
    expect(report.verified).toBe(false);
  });

  it('a second run on a verified site changes nothing and verifies again', async () => {
    h = await startGraph();
    const report = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(report).toMatchObject({ created: [], columnsAdded: [], notIndexed: [], notUnique: [], manualSteps: [], verified: true });
    expect(report.unchanged).toHaveLength(ALL_LISTS.length);
  });
});

describe('provisioning the report archive on the document library', () => {
  it('adds the archive columns (filer, plan, period, language) to the default document library once; a second run adds none', async () => {
    h = await startGraph({ provision: false });
    const names = REPORT_LIBRARY_COLUMNS.map((c) => c.name);
    const first = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(first.library?.columnsAdded).toEqual(names);
    expect(first.verified).toBe(true);
    const libraryId = (await h.raw('GET', `/sites/${h.siteId}/drive/list`)).body.id as string;
    expect(first.library?.id).toBe(libraryId);
    const columnsAfterFirst = ((await h.raw('GET', `/sites/${h.siteId}/lists/${libraryId}/columns`)).body.value as Column[]).map((c) => c.name);
    expect(columnsAfterFirst).toEqual(expect.arrayContaining(names));

    const second = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(second.library?.columnsAdded).toEqual([]);
    expect(second).toMatchObject({ manualSteps: [], verified: true });
    const columnsAfterSecond = ((await h.raw('GET', `/sites/${h.siteId}/lists/${libraryId}/columns`)).body.value as Column[]).map((c) => c.name);
    expect(columnsAfterSecond).toEqual(columnsAfterFirst);
    expect(describeProvisionReport(second)).toContain('Document library: report archive columns already present');
  });

  it('a library where a column cannot be added is not verified, and the manual step names the column and its type', async () => {
    h = await startGraph({ provision: false });
    const inner = h.client;
    // A site that accepts the column POST but never shows ReportLanguage (as if a policy dropped it).
    const dropsLanguage: GraphClient = {
      ...inner,
      get: async <T,>(path: string, o?: Parameters<GraphClient['get']>[1]) => {
        const r = await inner.get<T>(path, o);
        if (/\/columns$/.test(path)) (r as { value: Column[] }).value = (r as { value: Column[] }).value.filter((c) => c.name !== 'ReportLanguage');
        return r;
      },
    };
    const report = await provisionLists({ client: dropsLanguage, siteId: h.siteId });
    expect(report.verified).toBe(false);
    expect(report.manualSteps).toHaveLength(1);
    expect(report.manualSteps[0]).toMatch(/^Documents \(.+\): Settings \(gear\) → Library settings → Columns: Create column → Column name: ReportLanguage, type: Choice \(fi, sv, en\) → OK$/);
  });
});

describe('npm run provision', () => {
  it('on the local emulator prints the verification and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-provision-'));
    try {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, MODE: 'local', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/provision.ts'], { env, cwd: process.cwd() });
      expect(stdout).toContain('Verified: every column the app filters on is indexed and every key column is unique.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
