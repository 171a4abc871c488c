import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createEmulator } from '../../../src/emulator';
import { createGraphClient, provisionLists } from '../../../src/graph';
import { startTestServer } from '../support/local-server';

/**
 * `npm start` on a `.data/` written by an earlier version: the start brings the emulator's lists
 * up to today's schema (here: the report library's columns, which older versions did not have), so
 * filing a report works without a manual `npm run provision`.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-upgrade-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('brings an older local emulator database up to the current schema on start', async () => {
  // An "older" database: the lists as provisioned before the report library had its columns.
  const url = 'http://emulator.test/graph/v1.0/';
  const emulator = createEmulator({ dbPath: join(dataDir, 'graph.sqlite'), authenticate: async () => ({ kind: 'app', displayName: 'old version', id: '00000000-0000-0000-0000-00000000aaaa' }) });
  const old = createGraphClient({ baseUrl: url, fetch: emulator.fetchAt(url), getToken: async () => 'x' });
  const before = await provisionLists({ client: old, siteId: emulator.siteId, library: false });
  expect(before.created.length).toBeGreaterThan(0);
  emulator.close();

  const t = await startTestServer({ DATA_DIR: dataDir });
  try {
    const again = await provisionLists({ client: t.server.services.graph, siteId: t.server.services.siteId });
    expect(again.created).toEqual([]);
    expect(again.columnsAdded).toEqual([]);
    expect(again.library?.columnsAdded ?? []).toEqual([]);
    expect((await t.api('/healthz')).status).toBe(200);
  } finally {
    await t.stop();
  }
});
