import Database from 'better-sqlite3';
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LIBRARY_COLUMNS } from '../../../manifest/lists';
import { createEmulator } from '../../../src/emulator/index';
import { createGraphClient, createReportArchive, provisionLists } from '../../../src/graph';
import type { ReportArchive } from '../../../src/ports';
import { authenticate, startGraph, TEST_TOKEN, type GraphHarness } from '../graph/harness';

/**
 * Who filed a board report, and what it reports, live in the document library's own columns
 * (added by provisioning) on the file's list item: written right after the upload, read back with
 * the folder's children. The emulator serves that part of Graph and answers 501 around it.
 */
let g: GraphHarness;
let archive: ReportArchive;
beforeAll(async () => {
  g = await startGraph();
  archive = createReportArchive({ client: g.client, siteId: g.siteId });
});
afterAll(async () => g?.stop());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const auth = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' };
const url = (path: string) => `${g.baseUrl}sites/${g.siteId}${path}`;
const call = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(url(path), { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: r.status, body: (await r.json().catch(() => ({}))) as any };
};
const leader = { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Liisa Leader' };
const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);

describe('report metadata on the document library', () => {
  it('the library is a documentLibrary list with the archive columns provisioning added', async () => {
    const list = await call('GET', '/drive/list');
    expect(list.status).toBe(200);
    expect(list.body.list.template).toBe('documentLibrary');
    const cols = await call('GET', `/lists/${list.body.id}/columns`);
    expect(cols.body.value.map((c: any) => c.name)).toEqual(expect.arrayContaining(REPORT_LIBRARY_COLUMNS.map((c) => c.name)));
  });

  it('a saved report carries its filer, plan, period and language on its list item, and the listing reads them back', async () => {
    const saved = await archive.save(['Raportit', '2021'], 'vantaa-ko-2021_2021-08_sv_20210922-0900.docx', bytes, DOCX, { filedBy: leader, planKey: 'vantaa-ko-2021', period: '2021-08', lang: 'sv' });
    expect(saved.filedBy).toEqual(leader);
    expect(saved.createdBy).toBe('Tavoitteet (test)');
    const children = await call('GET', `/drive/root:/Raportit/2021:/children?$expand=${encodeURIComponent('listItem($expand=fields)')}`);
    const fields = children.body.value.find((i: any) => i.name === saved.name).listItem.fields;
    expect(fields).toMatchObject({ FiledBy: leader.name, FiledById: leader.id, PlanKey: 'vantaa-ko-2021', Period: '2021-08', ReportLanguage: 'sv', FileLeafRef: saved.name, ContentType: 'Document' });
    const listed = await archive.list(['Raportit', '2021']);
    expect(listed.find((f) => f.name === saved.name)?.filedBy).toEqual(leader);
  });

  it('a file filed before the columns existed lists without a filer, with the library’s created-by to fall back on', async () => {
    const r = await fetch(url('/drive/root:/Raportit/2021/vantaa-ko-2021_2021-04_fi_20210501-0800.docx:/content'), { method: 'PUT', headers: { Authorization: auth.Authorization, 'Content-Type': DOCX }, body: bytes });
    expect(r.status).toBe(201);
    const old = (await archive.list(['Raportit', '2021'])).find((f) => f.name === 'vantaa-ko-2021_2021-04_fi_20210501-0800.docx');
    expect(old?.filedBy).toBeUndefined();
    expect(old?.createdBy).toBe('Tavoitteet (test)');
  });

  it('refuses to file a report in a library without the archive columns (a site not provisioned since), before uploading anything', async () => {
    const bare = await startGraph({ provision: false });
    try {
      const unprovisioned = createReportArchive({ client: bare.client, siteId: bare.siteId });
      await expect(unprovisioned.save(['Raportit', '2021'], 'vantaa-ko-2021_2021-08_fi_20210922-0900.docx', bytes, DOCX, { filedBy: leader, planKey: 'vantaa-ko-2021', period: '2021-08', lang: 'fi' }))
        .rejects.toThrow(/lacks the report archive's columns FiledBy, FiledById, PlanKey, Period, ReportLanguage: run `npm run provision`/);
      expect(await unprovisioned.list(['Raportit', '2021'])).toEqual([]);
    } finally {
      await bare.stop();
    }
  });

  it('refuses field values the library has no column for, or out of a choice column, with 400 naming the field', async () => {
    const item = await call('GET', '/drive/root:/Raportit/2021/vantaa-ko-2021_2021-04_fi_20210501-0800.docx');
    const unknown = await call('PATCH', `/drive/items/${item.body.id}/listItem/fields`, { FiledByColour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('FiledByColour');
    const badChoice = await call('PATCH', `/drive/items/${item.body.id}/listItem/fields`, { ReportLanguage: 'de' });
    expect(badChoice.status).toBe(400);
    const fine = await call('PATCH', `/drive/items/${item.body.id}/listItem/fields`, { ReportLanguage: 'fi' });
    expect(fine.status).toBe(200);
    expect(fine.body.ReportLanguage).toBe('fi');
    expect((await call('GET', `/drive/items/${item.body.id}/listItem?$expand=fields`)).body.fields.ReportLanguage).toBe('fi');
  });

  it('answers 501 for what it does not implement around documents: their items through the list API, other expands', async () => {
    const list = await call('GET', '/drive/list');
    const items = await call('GET', `/lists/${list.body.id}/items`);
    expect(items.status).toBe(501);
    expect(items.body.error.code).toBe('notImplemented');
    expect((await call('GET', `/drive/root:/Raportit:/children?$expand=thumbnails`)).status).toBe(501);
    expect((await call('GET', `/drive/root:/Raportit:/children?$expand=${encodeURIComponent('listItem($select=id)')}`)).status).toBe(501);
  });
});

describe('a library file made before documents had fields', () => {
  it('opens with the file intact and lets it take the archive columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tavoitteet-drive-old-'));
    const dbPath = join(dir, 'emulator.db');
    // The drive table as the emulator wrote it before list item fields existed, with one filed report.
    const old = new Database(dbPath);
    old.exec(`CREATE TABLE drive_items (id TEXT PRIMARY KEY, parent_id TEXT, name TEXT NOT NULL, folder INTEGER NOT NULL, content BLOB,
      size INTEGER NOT NULL DEFAULT 0, mime TEXT, created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL,
      modified_by TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1)`);
    const who = JSON.stringify({ application: { displayName: 'Tavoitteet (local)', id: 'app' }, user: { displayName: 'SharePoint App' } });
    old.prepare('INSERT INTO drive_items VALUES (?, ?, ?, 1, NULL, 0, NULL, ?, ?, ?, ?, 1)')
      .run('01OLDFOLDER', '01ROOTROOTROOTROOTROOTROOTROOTROOT', 'Raportit', '2021-05-10T07:00:00Z', '2021-05-10T07:00:00Z', who, who);
    old.prepare('INSERT INTO drive_items VALUES (?, ?, ?, 0, ?, 3, ?, ?, ?, ?, ?, 1)')
      .run('01OLDFILE', '01OLDFOLDER', 'vantaa-ko-2021_2021-04_fi_20210510-1000.docx', Buffer.from([1, 2, 3]), DOCX, '2021-05-10T07:00:00Z', '2021-05-10T07:00:00Z', who, who);
    old.close();
    const emulator = createEmulator({ dbPath, authenticate });
    const app = express();
    app.use('/graph/v1.0', emulator.router);
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/v1.0/sites/${emulator.siteId}`;
      const client = createGraphClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/v1.0/`, getToken: async () => TEST_TOKEN });
      await provisionLists({ client, siteId: emulator.siteId });
      const listed = await createReportArchive({ client, siteId: emulator.siteId }).list(['Raportit']);
      expect(listed).toEqual([expect.objectContaining({ name: 'vantaa-ko-2021_2021-04_fi_20210510-1000.docx', size: 3, createdBy: 'Tavoitteet (local)' })]);
      expect(listed[0]!.filedBy).toBeUndefined();
      const patched = await fetch(`${root}/drive/items/01OLDFILE/listItem/fields`, { method: 'PATCH', headers: auth, body: JSON.stringify({ FiledBy: leader.name }) });
      expect(patched.status).toBe(200);
      expect(new Uint8Array(await (await fetch(`${root}/drive/items/01OLDFILE/content`, { headers: auth })).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    } finally {
      await new Promise((resolve) => server.close(resolve));
      emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
