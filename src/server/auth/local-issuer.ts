import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '../../domain';

/**
 * Local mode's stand-in for Entra ID: an RS256 key kept under .data/, a JWKS endpoint, and
 * tokens for demo users (API + Graph audiences) and for the server itself (app-only Graph).
 * Never used when production settings are present.
 */
export const LOCAL_ISSUER = 'https://login.local.tavoitteet/v2.0';
export const LOCAL_API_AUDIENCE = 'api://localhost/tavoitteet';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const LOCAL_TENANT_ID = '00000000-0000-4000-8000-0000000000aa';
export const LOCAL_APP_ID = '00000000-0000-4000-8000-0000000000bb';

export interface LocalIssuer {
  /** The signing key's id (`kid`): new with every fresh DATA_DIR, so it names the tokens' origin. */
  readonly keyId: string;
  jwks(): { keys: JWK[] };
  userToken(user: { id: string; upn: string; name: string; roles: Role[] }, audience: string, lifetimeSeconds?: number): Promise<string>;
  appToken(audience?: string): Promise<string>;
}

export async function createLocalIssuer(keyFile: string): Promise<LocalIssuer> {
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const key = await importJWK(privateJwk, 'RS256');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const keyId = privateJwk.kid ?? 'local';

  const sign = (claims: Record<string, unknown>, audience: string, lifetime: number) =>
    new SignJWT({ tid: LOCAL_TENANT_ID, ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetime}s`)
      .sign(key);

  return {
    keyId,
    jwks: () => ({ keys: [publicJwk] }),
    userToken: (user, audience, lifetime = 3600) =>
      sign(
        {
          sub: user.id,
          oid: user.id,
          preferred_username: user.upn,
          name: user.name,
          roles: user.roles,
          scp: audience === GRAPH_AUDIENCE ? 'Sites.Read.All' : 'access_as_user',
          azp: LOCAL_APP_ID,
        },
        audience,
        lifetime,
      ),
    appToken: (audience = GRAPH_AUDIENCE) =>
      sign({ sub: LOCAL_APP_ID, oid: LOCAL_APP_ID, idtyp: 'app', roles: ['Sites.Selected'], appid: LOCAL_APP_ID, app_displayname: 'Tavoitteet (local)' }, audience, 3600),
  };
}
