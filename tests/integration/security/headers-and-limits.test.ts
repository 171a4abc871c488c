import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, listen, loadConfig, type RunningServer } from '../../../src/server';
import { TEAMS_FRAME_ANCESTORS } from '../../../src/server/http/security-headers';
import { startSecureServer, type SecureServer } from './harness';

/** Security headers on everything served, CORS only for configured origins, and the two rate limits. */
let s: SecureServer;
let member: string;
let other: string;
const ALLOWED = 'https://intra.vantaa.example';

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent', CORS_ORIGINS: ALLOWED, RATE_LIMIT_USER_PER_MINUTE: '5', RATE_LIMIT_IP_PER_MINUTE: '8' });
  const plain = s.users.filter((u) => u.roles.length === 0);
  member = (await s.token(plain[0]!.id)).accessToken;
  other = (await s.token(plain[1]!.id)).accessToken;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

function expectHardened(h: Headers, label: string): void {
  const csp = h.get('content-security-policy') ?? '';
  const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.trim().split(/\s+/);
  expect(ancestors, label).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
  expect(csp, label).toMatch(/default-src 'self'/);
  expect(csp, label).toMatch(/object-src 'none'/);
  expect(h.get('x-content-type-options'), label).toBe('nosniff');
  expect(h.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(h.get('x-powered-by'), label).toBeNull();
  expect(h.get('x-request-id'), label).toMatch(/^[A-Za-z0-9._:-]{8,64}$/);
}

describe('security headers', () => {
  it('are on every route in local mode, without HSTS (http://localhost)', async () => {
    const site = s.server.services.siteId;
    const routes: [string, RequestInit?][] = [
      ['/'],
      ['/healthz'],
      ['/config.json'],
      ['/local/users'],
      ['/api/me'],
      ['/api/no-such-route'],
      ['/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
      [`/graph/v1.0/sites/${site}/lists`],
      ['/some/deep/tab/route'],
    ];
    for (const [path, init] of routes) {
      const r = await fetch(`${s.url}${path}`, init);
      await r.arrayBuffer();
      expectHardened(r.headers, path);
      expect(r.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('include HSTS in tenant mode', async () => {
    const config = loadConfig({
      MODE: 'tenant',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      AAD_TENANT_ID: '11111111-1111-4111-8111-111111111111',
      AAD_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      AAD_CLIENT_SECRET: 'dummy-secret-not-used',
      API_AUDIENCE: 'api://127.0.0.1/22222222-2222-4222-8222-222222222222',
      SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,33333333-3333-4333-8333-333333333333,44444444-4444-4444-8444-444444444444',
      BOT_ID: '55555555-5555-4555-8555-555555555555',
      BOT_PASSWORD: 'dummy-bot-password',
      PUBLIC_URL: 'https://tavoitteet.vantaa.example',
      SUMMARY_RECONCILE_MINUTES: '0',
    });
    let server: RunningServer | undefined;
    try {
      server = await listen(await buildServices(config), { bot: { schedule: false } });
      for (const path of ['/healthz', '/config.json', '/']) {
        const r = await fetch(`${server.url}${path}`);
        await r.arrayBuffer();
        expectHardened(r.headers, path);
        expect(r.headers.get('strict-transport-security'), path).toMatch(/max-age=31536000; includeSubDomains/);
      }
      // The bot refuses a tokenless activity from its headers (nothing parsed, nothing reached Entra).
      const bot = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(bot.status).toBe(401);
    } finally {
      await server?.close();
    }
  }, 60_000);
});

describe('CORS', () => {
  it('answers a preflight from a configured origin and nothing to any other', async () => {
    const preflight = (origin: string) =>
      fetch(`${s.url}/api/check-ins`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const plain = await fetch(`${s.url}/config.json`, { headers: { origin: 'https://evil.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits', () => {
  it('limits commands per user with 429 and Retry-After, and another user is not affected', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 7; i++) {
      const r = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${member}` } });
      statuses.push(r.status);
      if (r.status === 429) limited = r;
      else await r.arrayBuffer();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('tooManyRequests');
    expect((await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });

  it('limits refused tokens per address, without touching a valid token’s requests', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await fetch(`${s.url}/api/check-ins`, { method: 'POST', headers: { authorization: 'Bearer forged' } })).status);
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const after = await fetch(`${s.url}/api/check-ins`, { method: 'POST', headers: { authorization: 'Bearer forged' } });
    expect(after.status).toBe(429);
    expect(after.headers.get('retry-after')).toBeTruthy();
    expect((await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });
});
