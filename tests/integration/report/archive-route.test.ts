import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphTexts, zipParts } from '../../unit/report/support';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

let t: TestServer;
let leader: DemoUserInfo;
let staff: DemoUserInfo;
beforeAll(async () => {
  t = await startTestServer();
  leader = t.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!;
  staff = t.users.find((u) => u.roles.length === 0)!;
});
afterAll(async () => t?.stop());

const request = { plan: 'vantaa-ko-2021', period: '2021-08', lang: 'sv', format: 'docx' };

describe('filing the board report in SharePoint', () => {
  it('files the Swedish 8/2021 report in Raportit/2021 with plan, period, language and time in its name, and lists it', async () => {
    const token = (await t.token(leader.id)).accessToken;
    const saved = await t.api('/api/reports/archive', { body: request, token });
    expect(saved.status).toBe(201);
    expect(saved.body.value).toMatchObject({ folder: 'Raportit/2021', planKey: 'vantaa-ko-2021', period: '2021-08', lang: 'sv', format: 'docx', goals: 10 });
    expect(saved.body.value.name).toMatch(/^vantaa-ko-2021_2021-08_sv_\d{8}-\d{4}\.docx$/);
    expect(saved.body.value.size).toBeGreaterThan(10_000);
    expect(saved.body.value.webUrl).toContain('/Shared%20Documents/Raportit/2021/');
    // Filed at the app's clock (local mode runs on 22 Sep 2021), the time the name carries.
    expect(saved.body.value.filedAt).toMatch(/^2021-09-22T06:\d{2}:00\.000Z$/);

    const xlsx = await t.api('/api/reports/archive', { body: { ...request, lang: 'fi', format: 'xlsx' }, token });
    expect(xlsx.status).toBe(201);
    const listed = await t.api('/api/reports/archive?plan=vantaa-ko-2021', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.value.map((f: any) => [f.period, f.lang, f.format]).sort()).toEqual([
      ['2021-08', 'fi', 'xlsx'],
      ['2021-08', 'sv', 'docx'],
    ]);
    expect(listed.body.value[0].createdBy).not.toBe('');
    expect(listed.body.value.every((f: any) => f.filedAt.startsWith('2021-09-22T06:'))).toBe(true);
  });

  it('records the leader who filed a report: the listing names them as its filer, while the library says the app uploaded it', async () => {
    const token = (await t.token(leader.id)).accessToken;
    const saved = await t.api('/api/reports/archive', { body: { ...request, period: '2021-04', lang: 'fi' }, token });
    expect(saved.status).toBe(201);
    expect(saved.body.value.filedBy).toEqual({ id: leader.id, name: leader.name });
    const listed = await t.api('/api/reports/archive?plan=vantaa-ko-2021', { token });
    const mine = listed.body.value.find((f: any) => f.name === saved.body.value.name);
    expect(mine.filedBy).toEqual({ id: leader.id, name: leader.name });
    // The upload itself runs as the app: SharePoint's own "created by" is not the leader.
    expect(mine.createdBy).not.toBe(leader.name);
  });

  it('never overwrites a filed report: the same report filed again within the minute is refused', async () => {
    const token = (await t.token(leader.id)).accessToken;
    const first = await t.api('/api/reports/archive', { body: { ...request, format: 'csv' }, token });
    expect(first.status).toBe(201);
    const again = await t.api('/api/reports/archive', { body: { ...request, format: 'csv' }, token });
    expect(again.status).toBe(409);
  });

  it('downloads a filed report by its name: the very bytes filed, as a Word file named after it', async () => {
    const token = (await t.token(leader.id)).accessToken;
    const saved = await t.api('/api/reports/archive', { body: { ...request, lang: 'en' }, token });
    expect(saved.status).toBe(201);
    const name: string = saved.body.value.name;
    const res = await fetch(`${t.url}/api/reports/archive/file?name=${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain(`filename="${name}"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(saved.body.value.size);
    const doc = zipParts(bytes)['word/document.xml'] ?? '';
    expect(paragraphTexts(doc).some((p) => p.startsWith('1 '))).toBe(true);
    expect(doc).toContain('w:orient="landscape"');
  });

  it('downloads only filed reports: a path or another name is a 400 naming the name, an unknown report a 404, staff a 403', async () => {
    const token = (await t.token(leader.id)).accessToken;
    const traversal = await t.api(`/api/reports/archive/file?name=${encodeURIComponent('../Lists/Goals/x.docx')}`, { token });
    expect(traversal.status).toBe(400);
    expect(traversal.body.error.fields.map((f: any) => f.path)).toEqual(['name']);
    expect(traversal.body.error.message).toContain("'name'");
    const missing = await t.api('/api/reports/archive/file?name=vantaa-ko-2021_2021-08_sv_20200101-0000.docx', { token });
    expect(missing.status).toBe(404);
    const staffToken = (await t.token(staff.id)).accessToken;
    expect((await t.api('/api/reports/archive/file?name=vantaa-ko-2021_2021-08_sv_20200101-0000.docx', { token: staffToken })).status).toBe(403);
  });

  it('is for leaders and admins only, and names a bad field', async () => {
    const staffToken = (await t.token(staff.id)).accessToken;
    expect((await t.api('/api/reports/archive', { body: request, token: staffToken })).status).toBe(403);
    expect((await t.api('/api/reports/archive?plan=vantaa-ko-2021', { token: staffToken })).status).toBe(403);
    const bad = await t.api('/api/reports/archive', { body: { ...request, period: '2021-8' }, token: (await t.token(leader.id)).accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path)).toEqual(['period']);
  });
});
