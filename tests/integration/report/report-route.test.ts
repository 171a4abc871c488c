import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphTexts, parseCsv, tableRowsXml, zipParts } from '../../unit/report/support';
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

async function download(query: string, userId?: string) {
  const headers: Record<string, string> = {};
  if (userId) headers.authorization = `Bearer ${(await t.token(userId)).accessToken}`;
  const r = await fetch(`${t.url}/api/reports?${query}`, { headers });
  return { status: r.status, headers: r.headers, bytes: new Uint8Array(await r.arrayBuffer()) };
}

describe('GET /api/reports', () => {
  it('gives a leader the Swedish Word report of 8/2021 as a download', async () => {
    const r = await download('plan=vantaa-ko-2021&period=2021-08&format=docx&lang=sv', leader.id);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="vantaa-ko-2021_2021-08_sv.docx"; filename*=UTF-8''vantaa-ko-2021_2021-08_sv.docx`);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const doc = zipParts(r.bytes)['word/document.xml'] ?? '';
    const statuses = tableRowsXml(doc)
      .filter((row) => (row.match(/<w:tc>/g) ?? []).length === 7 && !row.includes('<w:tblHeader/>'))
      .map((row) => paragraphTexts(row).at(-1));
    expect(statuses.sort()).toEqual([...Array(6).fill('Förverkligas delvis'), ...Array(4).fill('Förverkligas helt')]);
  });

  it('applies the dashboard’s filters to the report', async () => {
    const r = await download('plan=vantaa-ko-2021&period=2021-08&format=csv&lang=fi&status=2', leader.id);
    expect(r.status).toBe(200);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(r.bytes)) as [string[], ...string[][]];
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row[header.indexOf('Tila')] === 'Toteutuu täysin')).toBe(true);
  });

  it('refuses staff without a leader or admin role, and anyone without a token', async () => {
    expect((await download('plan=vantaa-ko-2021&period=2021-08', staff.id)).status).toBe(403);
    expect((await download('plan=vantaa-ko-2021&period=2021-08')).status).toBe(401);
  });

  it('names the bad field of a malformed request and the missing plan', async () => {
    const bad = await download('plan=vantaa-ko-2021&period=2021-8&format=pdf', leader.id);
    expect(bad.status).toBe(400);
    const body = JSON.parse(new TextDecoder().decode(bad.bytes));
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['format', 'period']);
    expect((await download('plan=no-such-plan&period=2021-08', leader.id)).status).toBe(404);
  });
});
