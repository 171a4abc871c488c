import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal } from '../../../src/domain';
import type { Versioned } from '../../../src/ports';
import { startTestServer, type TestServer } from '../support/local-server';

/**
 * What the server sends is compressed when the client asks (the tab's JavaScript, index.html, the
 * emulator's and the command API's JSON), and sent as it is when not; caching and If-Match are the
 * same either way. Node's fetch decompresses on its own, so these requests are made with node:http
 * to see the bytes on the wire.
 */
let s: TestServer;
let tabDir: string;
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ key: 'goal-${i}', title: 'Tavoite ${i}' }`).join(', ')}];\n`;
const ENTRY = 'assets/index-Ab12Cd34.js';

interface Wire {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent. */
  raw: Buffer;
  /** The body after undoing its Content-Encoding. */
  text: string;
}

function send(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Wire> {
  const url = new URL(path, s.url);
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        const plain = enc === 'gzip' ? gunzipSync(raw) : enc === 'br' ? brotliDecompressSync(raw) : raw;
        ok({ status: res.statusCode ?? 0, headers: res.headers, raw, text: plain.toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  tabDir = mkdtempSync(join(tmpdir(), 'tavoitteet-tab-'));
  mkdirSync(join(tabDir, 'assets'));
  writeFileSync(join(tabDir, 'index.html'), `<!doctype html><html lang="fi"><head><script type="module" src="/${ENTRY}"></script></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(tabDir, ENTRY), SCRIPT);
  s = await startTestServer({}, { tabDir });
}, 60_000);

afterAll(async () => {
  await s?.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe('compressed answers', () => {
  it('sends the tab’s JavaScript gzip or brotli when asked, identity when not, kept a year as its name is its hash', async () => {
    const gz = await send(`/${ENTRY}`, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(SCRIPT);
    expect(gz.raw.length).toBeLessThan(SCRIPT.length / 4);
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // What browsers send: brotli is preferred where offered.
    const br = await send(`/${ENTRY}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe(SCRIPT);

    const plain = await send(`/${ENTRY}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString('utf8')).toBe(SCRIPT);
  });

  it('sends a deep link’s index.html compressed with the tab’s configuration inside, asked for again on every visit', async () => {
    const r = await send('/dashboard', { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    // The configuration (with the list ids) is what makes the page big enough to compress.
    expect(r.headers['content-encoding']).toBe('gzip');
    const block = /<script type="application\/json" id="tab-config">(.*?)<\/script>/.exec(r.text)?.[1];
    expect(JSON.parse(block ?? 'null')).toMatchObject({ mode: 'local', siteId: s.server.services.siteId });
  });

  it('sends the emulator’s list items compressed, as Graph does', async () => {
    const { graphToken } = await s.token(s.users[0]!.id);
    const path = `/graph/v1.0/sites/${s.server.services.siteId}/lists/Goals/items?$expand=fields&$top=10`;
    const r = await send(path, { authorization: `Bearer ${graphToken}`, 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    const items = (JSON.parse(r.text) as { value: unknown[] }).value;
    expect(items).toHaveLength(10);
    expect(r.raw.length).toBeLessThan(r.text.length / 2);
  });

  it('keeps a command’s ETag through compression: the next write with it lands, a stale one is refused with 412', async () => {
    const admin = s.users.find((u) => u.roles.includes('admin'))!;
    const { accessToken } = await s.token(admin.id);
    const goal = (await s.server.services.repo.goals.list({ planKey: 'vantaa-ko-2021' })).items[0]! as Versioned<Goal>;
    const headers = (etag: string) => ({ authorization: `Bearer ${accessToken}`, 'accept-encoding': 'gzip', 'if-match': etag });
    const path = `/api/goals/${goal.value.key}`;

    const first = await send(path, headers(goal.etag), 'PUT', JSON.stringify({ ...goal.value, title: 'Pakattu vastaus, ensimmäinen' }));
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const saved = JSON.parse(first.text) as { value: Goal; etag: string };
    expect(saved.value.title).toBe('Pakattu vastaus, ensimmäinen');
    expect(first.headers.etag).toBe(saved.etag);

    const second = await send(path, headers(saved.etag), 'PUT', JSON.stringify({ ...saved.value, title: 'Pakattu vastaus, toinen' }));
    expect(second.status).toBe(200);
    const stale = await send(path, headers(goal.etag), 'PUT', JSON.stringify({ ...goal.value, title: 'Vanhasta versiosta' }));
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe((JSON.parse(second.text) as { etag: string }).etag);
    expect((await s.server.services.repo.goals.get(goal.value.key)).value.title).toBe('Pakattu vastaus, toinen');
  });
});
