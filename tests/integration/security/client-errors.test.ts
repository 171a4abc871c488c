import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureServer, type SecureServer } from './harness';

/**
 * What a client sends wrong is the client's error: 413/415/400 with the usual error body and at
 * most a WARN line without a stack — never a 500 and an ERROR. An unauthenticated request is
 * refused from its headers, before its body is read.
 */
let s: SecureServer;
let token: string;
let graphToken: string;
let siteId: string;

beforeAll(async () => {
  s = await startSecureServer();
  const member = s.users.find((u) => u.roles.length === 0)!;
  ({ accessToken: token, graphToken } = await s.token(member.id));
  siteId = s.server.services.siteId;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

interface Answer {
  status: number;
  body: any;
}

async function send(path: string, o: { body: string | Buffer; headers?: Record<string, string>; method?: string }): Promise<Answer> {
  const r = await fetch(`${s.url}${path}`, { method: o.method ?? 'POST', headers: { 'content-type': 'application/json', ...(o.headers ?? {}) }, body: typeof o.body === 'string' ? o.body : new Uint8Array(o.body) });
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: r.status, body };
}

const json = (bytes: number) => JSON.stringify({ goalKey: 'x', narrative: 'a'.repeat(bytes) });
const errorsLogged = () => s.lines.filter((l) => l.level === 'error');
const withStack = () => s.lines.filter((l) => /\n\s+at /.test(`${l.msg} ${typeof l.extra === 'string' ? l.extra : l.extra instanceof Error ? l.extra.stack : ''}`));

/** Sends headers announcing `contentLength` bytes and no body; resolves with the answer if one comes before any byte is sent. */
function headersOnly(path: string, headers: Record<string, string>, contentLength: number): Promise<number> {
  return new Promise((ok, fail) => {
    const u = new URL(`${s.url}${path}`);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(contentLength) } }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', fail);
    req.flushHeaders();
    setTimeout(() => {
      req.destroy();
      fail(new Error('no answer before the body was sent: the server waited to read it'));
    }, 3000);
  });
}

describe('client errors answer 4xx, never 500', () => {
  it.each([
    ['/api/check-ins, 1 MB', '/api/check-ins', 1024 * 1024],
    ['/api/messages, 200 kB', '/api/messages', 200 * 1024],
    ['/local/token, 200 kB', '/local/token', 200 * 1024],
  ])('refuses an oversized body on %s with 413', async (_label, path, bytes) => {
    const r = await send(path, { body: json(bytes), headers: path.startsWith('/api/check') ? { authorization: `Bearer ${token}` } : {} });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'tooLarge', message: expect.any(String) });
  });

  it('refuses an oversized body to the emulator with 413 in Graph’s shape', async () => {
    const r = await send(`/graph/v1.0/sites/${siteId}/lists/Goals/items`, { body: json(5 * 1024 * 1024), headers: { authorization: `Bearer ${graphToken}` } });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'RequestEntityTooLarge' });
  });

  it('refuses a body in another charset with 415', async () => {
    const r = await send('/api/check-ins', { body: Buffer.from('{"narrative":"\xe4"}', 'latin1'), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=latin1' } });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupportedMediaType');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const r = await send('/api/check-ins', { body: 'goalKey=x', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(415);
  });

  it('refuses an unknown Content-Encoding with 415', async () => {
    const r = await send('/api/check-ins', { body: '{}', headers: { authorization: `Bearer ${token}`, 'content-encoding': 'compress' } });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupportedMediaType');
  });

  it('refuses a gzip bomb (10 kB that inflate to 50 MB) with 413', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"narrative":"'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = await send('/api/check-ins', { body: bomb, headers: { authorization: `Bearer ${token}`, 'content-encoding': 'gzip' } });
    expect(r.status).toBe(413);
  });

  it('refuses malformed JSON with 400 naming the body', async () => {
    const r = await send('/api/check-ins', { body: '{"goalKey":', headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid', fields: [{ path: '(body)' }] });
  });

  it.each([
    ['a message without from', { type: 'message', text: 'hei', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' } }, 'application/json', 400],
    ['a message without a conversation', { type: 'message', text: 'hei', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u' } }, 'application/json', 400],
    ['an array', [1, 2, 3], 'application/json', 400],
    ['an activity sent as text/plain', { type: 'message', text: 'hei' }, 'text/plain', 415],
  ])('refuses %s on /api/messages', async (_label, activity, type, status) => {
    const r = await send('/api/messages', { body: JSON.stringify(activity), headers: { 'content-type': type } });
    expect(r.status).toBe(status);
    expect(r.body.error.code).toMatch(/invalid|unsupportedMediaType/);
  });

  it('answers an unauthenticated 20 MB request from its headers, before reading the body (API and emulator)', async () => {
    expect(await headersOnly('/api/check-ins', {}, 20 * 1024 * 1024)).toBe(401);
    expect(await headersOnly('/api/import/apply', { authorization: 'Bearer not-a-token' }, 20 * 1024 * 1024)).toBe(401);
    expect(await headersOnly(`/graph/v1.0/sites/${siteId}/lists/Goals/items`, {}, 20 * 1024 * 1024)).toBe(401);
  });

  it('logged none of these as an ERROR, and no line carries a stack trace', () => {
    expect(errorsLogged()).toEqual([]);
    expect(withStack()).toEqual([]);
    expect(s.lines.filter((l) => l.level === 'warn').length).toBeGreaterThan(5);
  });
});
