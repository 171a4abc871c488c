import { generateKeyPair, createLocalJWKSet, exportJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, Unauthenticated } from '../../../src/server/auth/token-verifier';

const ISS = 'https://login.microsoftonline.com/tid/v2.0';
const AUD = 'api://tavoitteet.example.fi/client';
let sign: (claims: Record<string, unknown>, opts?: { iss?: string; aud?: string; exp?: string }) => Promise<string>;
let verify: ReturnType<typeof createTokenVerifier>;
let otherKeySign: (claims: Record<string, unknown>) => Promise<string>;

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
});
