import { createPrivateKey, sign, type JsonWebKey as NodeJwk } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNAUTHENTICATED_MESSAGE } from '../../../src/server/auth/token-verifier';
import { LOCAL_API_AUDIENCE, LOCAL_ISSUER } from '../../../src/server/auth/local-issuer';
import { startSecureServer, type SecureServer } from './harness';

/**
 * Hostile and broken tokens against the real API: every one is refused with 401 and one generic
 * body; the reason is in a WARN line only.
 */
let s: SecureServer;
let hostile: [string, string][];

const now = () => Math.floor(Date.now() / 1000);
const enc = (o: unknown) => base64url.encode(JSON.stringify(o));

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '1000' });
  const admin = s.users.find((u) => u.roles.includes('admin'))!;
  const { accessToken, graphToken } = await s.token(admin.id);
  const jwk = JSON.parse(readFileSync(join(s.dataDir, 'local-signing-key.json'), 'utf8')) as JWK;
  const key = await importJWK(jwk, 'RS256');
  const other = await generateKeyPair('RS256', { extractable: true });
  const claims = { oid: admin.id, sub: admin.id, preferred_username: admin.upn, name: admin.name, roles: ['Goals.Admin'], scp: 'access_as_user' };
  const signWith = (k: CryptoKey | Uint8Array, c: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT({ iss: LOCAL_ISSUER, aud: LOCAL_API_AUDIENCE, ...c }).setProtectedHeader({ alg: 'RS256', kid: jwk.kid!, ...header }).sign(k as CryptoKey);
  const good = (extra: Record<string, unknown> = {}) => signWith(key, { ...claims, iat: now(), exp: now() + 600, ...extra });
  const [h, p] = accessToken.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  // Signed by hand, for headers jose refuses to produce.
  const rawSigned = (header: Record<string, unknown>, body: Record<string, unknown>) => {
    const input = `${enc(header)}.${enc(body)}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), createPrivateKey({ key: jwk as NodeJwk, format: 'jwk' })).toString('base64url')}`;
  };
  const publicPem = JSON.stringify(await exportJWK(other.publicKey));

  hostile = [
    ['no Authorization header', ''],
    ['an empty bearer', 'Bearer '],
    ['Basic credentials', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['garbage', 'Bearer abc.def.ghi'],
    ['alg none', `Bearer ${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...payload })}.`],
    ['HS256 keyed with the public key', `Bearer ${await new SignJWT({ ...payload }).setProtectedHeader({ alg: 'HS256', kid: jwk.kid! }).sign(new TextEncoder().encode(publicPem))}`],
    ['the signature stripped', `Bearer ${h}.${p}.`],
    ['a tampered payload (roles)', `Bearer ${h}.${enc({ ...payload, roles: ['Goals.Admin', 'Goals.Leader'], oid: 'someone-else' })}.${accessToken.split('.')[2]}`],
    ['signed with another key under the same kid', `Bearer ${await signWith(other.privateKey, { ...claims, iat: now(), exp: now() + 600 })}`],
    ['an unknown kid', `Bearer ${await signWith(other.privateKey, { ...claims, iat: now(), exp: now() + 600 }, { kid: 'attacker' })}`],
    ['a jku pointing elsewhere', `Bearer ${await signWith(other.privateKey, { ...claims, iat: now(), exp: now() + 600 }, { jku: 'http://127.0.0.1:1/jwks.json' })}`],
    ['expired', `Bearer ${await good({ iat: now() - 7200, exp: now() - 3600 })}`],
    ['without exp', `Bearer ${await signWith(key, { ...claims, iat: now() })}`],
    ['without iat', `Bearer ${await signWith(key, { ...claims, exp: now() + 600 })}`],
    ['issued ten minutes in the future', `Bearer ${await good({ iat: now() + 600, exp: now() + 1200 })}`],
    ['not valid for ten minutes (nbf)', `Bearer ${await good({ nbf: now() + 600 })}`],
    ['issued two days ago, still unexpired', `Bearer ${await good({ iat: now() - 2 * 86400, exp: now() + 600 })}`],
    ['exp as a string', `Bearer ${await good({ exp: String(now() + 600) })}`],
    ['the Graph audience (the tab’s Graph token)', `Bearer ${graphToken}`],
    ['another audience', `Bearer ${await good({ aud: 'api://evil.example/app' })}`],
    ['another issuer', `Bearer ${await good({ iss: 'https://login.microsoftonline.com/evil/v2.0' })}`],
    ['the right issuer with a trailing slash', `Bearer ${await good({ iss: `${LOCAL_ISSUER}/` })}`],
    ['an unknown critical header', `Bearer ${rawSigned({ alg: 'RS256', kid: jwk.kid, crit: ['x-evil'], 'x-evil': true }, { ...claims, iss: LOCAL_ISSUER, aud: LOCAL_API_AUDIENCE, iat: now(), exp: now() + 600 })}`],
    ['RS256 claimed, RS512 used', `Bearer ${await new SignJWT({ ...claims, iss: LOCAL_ISSUER, aud: LOCAL_API_AUDIENCE, iat: now(), exp: now() + 600 }).setProtectedHeader({ alg: 'RS512', kid: jwk.kid! }).sign(key as CryptoKey).catch(() => 'x.y.z')}`],
    ['without the user claims', `Bearer ${await signWith(key, { iat: now(), exp: now() + 600, sub: '' })}`],
    ['five parts (a JWE)', `Bearer ${accessToken}.a.b`],
    ['the token twice', `Bearer ${accessToken} ${accessToken}`],
    ['a token of 8 kB', `Bearer ${'a'.repeat(8192)}`],
  ];
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

describe('hostile tokens', () => {
  it('are all refused with 401 and one generic body; each reason is logged at WARN', async () => {
    const results = [];
    for (const [label, header] of hostile) {
      const r = await fetch(`${s.url}/api/check-ins`, { method: 'POST', headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) }, body: '{}' });
      const body = (await r.json()) as { error: { code: string; message: string } };
      results.push({ label, status: r.status, code: body.error.code, message: body.error.message });
    }
    const refused = results.filter((r) => r.status === 401 && r.code === 'unauthenticated' && r.message === UNAUTHENTICATED_MESSAGE);
    console.log(`hostile tokens refused: ${refused.length}/${results.length}`);
    expect(results.filter((r) => !refused.includes(r))).toEqual([]);
    const warns = s.lines.filter((l) => l.level === 'warn' && / 401: /.test(l.msg));
    expect(warns.length).toBe(results.length);
    expect(warns.some((w) => /"exp" claim/.test(w.msg))).toBe(true);
    expect(s.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('leaves a valid token accepted', async () => {
    const admin = s.users.find((u) => u.roles.includes('admin'))!;
    const r = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${(await s.token(admin.id)).accessToken}` } });
    expect(r.status).toBe(200);
  });
});
