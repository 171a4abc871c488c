import { generateKeyPair, createLocalJWKSet, exportJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, Unauthenticated, UNAUTHENTICATED_MESSAGE } from '../../../src/server/auth/token-verifier';

const ISS = 'https://login.microsoftonline.com/tid/v2.0';
const AUD = 'api://tavoitteet.example.fi/client';
let sign: (claims: Record<string, unknown>, opts?: { iss?: string; aud?: string; exp?: string }) => Promise<string>;
let verify: ReturnType<typeof createTokenVerifier>;
let otherKeySign: (claims: Record<string, unknown>) => Promise<string>;
let rawSign: (claims: Record<string, unknown>) => Promise<string>;
const nowS = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  verify = createTokenVerifier({ issuer: ISS, audience: AUD, jwks: createLocalJWKSet({ keys: [jwk] }) });
  sign = (claims, o = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(o.iss ?? ISS)
      .setAudience(o.aud ?? AUD)
      .setIssuedAt()
      .setExpirationTime(o.exp ?? '10m')
      .sign(privateKey);
  rawSign = (claims) => new SignJWT({ iss: ISS, aud: AUD, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
  otherKeySign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISS).setAudience(AUD).setExpirationTime('10m').sign(other.privateKey);
});

const user = { oid: 'u-1', sub: 'u-1', preferred_username: 'aino@example.fi', name: 'Aino', scp: 'access_as_user' };

describe('bearer token validation', () => {
  it('accepts a valid user token and maps app roles to our roles', async () => {
    const t = await verify(`Bearer ${await sign({ ...user, roles: ['Goals.Admin', 'Leader', 'Something.Else'] })}`);
    expect(t.actor).toEqual({ id: 'u-1', upn: 'aino@example.fi', name: 'Aino', roles: ['admin', 'leader'] });
    expect(t.isApp).toBe(false);
  });

  it('recognises an app-only token', async () => {
    const t = await verify(`Bearer ${await sign({ oid: 'app', sub: 'app', idtyp: 'app', roles: ['Sites.Selected'] })}`);
    expect(t.isApp).toBe(true);
  });

  it.each([
    ['no header', async () => undefined],
    ['a non-bearer header', async () => 'Basic abc'],
    ['another issuer', async () => `Bearer ${await sign(user, { iss: 'https://evil.example/v2.0' })}`],
    ['another audience', async () => `Bearer ${await sign(user, { aud: 'https://graph.microsoft.com' })}`],
    ['an expired token', async () => `Bearer ${await sign(user, { exp: '-5m' })}`],
    ['a token signed with another key', async () => `Bearer ${await otherKeySign(user)}`],
  ])('refuses %s', async (_label, header) => {
    await expect(verify(await header())).rejects.toBeInstanceOf(Unauthenticated);
  });

  it.each([
    ['a token without exp', () => rawSign({ ...user, iat: nowS() }), /"exp" claim/],
    ['a token without iat', () => rawSign({ ...user, exp: nowS() + 600 }), /"iat" claim/],
    ['a token issued ten minutes in the future', () => rawSign({ ...user, iat: nowS() + 600, exp: nowS() + 1200 }), /"iat" claim/],
    ['a token not valid for another ten minutes', () => rawSign({ ...user, iat: nowS(), nbf: nowS() + 600, exp: nowS() + 1200 }), /"nbf" claim/],
  ])('refuses %s, saying why only in the reason', async (_label, token, reason) => {
    const e = await verify(`Bearer ${await token()}`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Unauthenticated);
    expect((e as Unauthenticated).reason).toMatch(reason);
    expect((e as Unauthenticated).message).toBe(UNAUTHENTICATED_MESSAGE);
  });

  it('accepts an iat and nbf a little ahead, within the clock tolerance', async () => {
    const t = await verify(`Bearer ${await rawSign({ ...user, iat: nowS() + 30, nbf: nowS() + 30, exp: nowS() + 600 })}`);
    expect(t.actor.id).toBe('u-1');
  });

  it('gives every refused token the same message, whatever failed', async () => {
    const messages = await Promise.all(
      [undefined, 'Basic abc', `Bearer ${await sign(user, { aud: 'https://graph.microsoft.com' })}`, `Bearer ${await otherKeySign(user)}`, `Bearer ${await sign(user, { exp: '-5m' })}`].map((h) =>
        verify(h).then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
      ),
    );
    expect(new Set(messages)).toEqual(new Set([UNAUTHENTICATED_MESSAGE]));
  });
});
