import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, TEST_TOKEN, type GraphHarness } from '../graph/harness';

// The emulator's document library: the part of Graph's drive API the app files board reports with.
let g: GraphHarness;
beforeAll(async () => {
  g = await startGraph({ provision: false });
});
afterAll(async () => g?.stop());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const url = (path: string) => `${g.baseUrl}sites/${g.siteId}/drive${path}`;
const put = (path: string, bytes: Uint8Array<ArrayBuffer>, type = DOCX) => fetch(url(path), { method: 'PUT', headers: { ...auth, 'Content-Type': type }, body: bytes });
const getJson = async (path: string) => {
  const r = await fetch(url(path), { headers: auth });
  return { status: r.status, body: (await r.json()) as any };
};

describe('emulated SharePoint document library', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
  let fileId = '';

  it('stores a simple upload by path, creating the folders on it, and answers with the driveItem', async () => {
    const r = await put('/root:/Raportit/2021/vantaa-ko-2021_2021-08_sv.docx:/content', bytes);
    expect(r.status).toBe(201);
    const item = (await r.json()) as any;
    fileId = item.id;
    expect(item).toMatchObject({ name: 'vantaa-ko-2021_2021-08_sv.docx', size: 7, file: { mimeType: DOCX }, parentReference: { path: '/drive/root:/Raportit/2021' } });
    expect(item.createdBy.application.displayName).toBe('Tavoitteet (test)');
    expect(item.webUrl).toMatch(/\/Shared%20Documents\/Raportit\/2021\/vantaa-ko-2021_2021-08_sv\.docx$/);
  });

  it('lists a folder’s children by path and by id', async () => {
    const year = await getJson('/root:/Raportit:/children');
    expect(year.body.value.map((i: any) => [i.name, i.folder?.childCount])).toEqual([['2021', 1]]);
    const files = await getJson(`/items/${year.body.value[0].id}/children`);
    expect(files.body.value.map((i: any) => i.name)).toEqual(['vantaa-ko-2021_2021-08_sv.docx']);
  });

  it('gives the file’s bytes back, and its metadata by path', async () => {
    const r = await fetch(url(`/items/${fileId}/content`), { headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(DOCX);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes);
    expect((await getJson('/root:/Raportit/2021/vantaa-ko-2021_2021-08_sv.docx')).body.id).toBe(fileId);
  });

  it('replaces a file uploaded again to the same path, and refuses it when asked to fail on a conflict', async () => {
    const again = await put('/root:/Raportit/2021/vantaa-ko-2021_2021-08_sv.docx:/content', new Uint8Array([9, 9]));
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).eTag).toBe(`"{${fileId}},2"`);
    const fail = await put('/root:/Raportit/2021/vantaa-ko-2021_2021-08_sv.docx:/content?@microsoft.graph.conflictBehavior=fail', bytes);
    expect(fail.status).toBe(409);
    expect(((await fail.json()) as any).error.code).toBe('nameAlreadyExists');
  });

  it('answers 404 for a path that does not exist and 501 for what it does not implement', async () => {
    expect((await getJson('/root:/Raportit/1999:/children')).body.error.code).toBe('itemNotFound');
    const rename = await put('/root:/Raportit/x.docx:/content?@microsoft.graph.conflictBehavior=rename', bytes);
    expect(rename.status).toBe(501);
    const del = await fetch(url(`/items/${fileId}`), { method: 'DELETE', headers: auth });
    expect(del.status).toBe(501);
    expect((await getJson('/root:/Raportit:/children?$filter=name eq \'2021\'')).status).toBe(501);
    const batch = await fetch(`${g.baseUrl}$batch`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: `/sites/${g.siteId}/drive/items/${fileId}/content` }] }),
    });
    expect(((await batch.json()) as any).responses[0].status).toBe(501);
  });

  it('does the same in-process, through the fetch the app server uses in local mode', async () => {
    const local = g.emulator.fetchAt('http://localhost:3978/graph/v1.0');
    const at = (p: string) => `http://localhost:3978/graph/v1.0/sites/${g.siteId}/drive${p}`;
    const up = await local(at('/root:/Raportit/2021/b.csv:/content'), { method: 'PUT', headers: { ...auth, 'Content-Type': 'text/csv' }, body: new TextEncoder().encode('a;b\r\n') });
    expect(up.status).toBe(201);
    const id = ((await up.json()) as any).id;
    const down = await local(at(`/items/${id}/content`), { headers: auth });
    expect(await down.text()).toBe('a;b\r\n');
  });
});
