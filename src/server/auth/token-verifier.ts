import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { actorSchema, type Actor, type Role } from '../../domain';
import { roleOfAppRole } from './app-roles';

/**
 * Validates bearer tokens: signature via JWKS, issuer, audience, and time — `exp` required, `iat`
 * required and not in the future, `nbf` honoured, each within the clock tolerance. The same code checks
 * Entra ID tokens in a tenant and the local issuer's tokens in local mode; only the settings differ.
 */
export interface TokenVerifierOptions {
  issuer: string | string[];
  audience: string | string[];
  /** The JWKS endpoint, or a key resolver (tests). */
  jwks: URL | JWTVerifyGetKey;
  clockToleranceSeconds?: number;
  /** The oldest `iat` accepted; Entra access tokens live 60–90 minutes. Default 24 h. */
  maxTokenAgeSeconds?: number;
}

/** The one message every refused token gets: which check failed is logged, never told to the caller. */
export const UNAUTHENTICATED_MESSAGE = 'Sign in again: the request has no valid access token';

export class Unauthenticated extends Error {
  constructor(
    /** Why, for the log only (the JWT library's reason, a missing claim). */
    readonly reason: string,
  ) {
    super(UNAUTHENTICATED_MESSAGE);
    this.name = 'Unauthenticated';
  }
}

export interface VerifiedToken {
  claims: JWTPayload & Record<string, unknown>;
  actor: Actor;
  /** App-only token (client credentials) rather than a user's. */
  isApp: boolean;
}

export function createTokenVerifier(opts: TokenVerifierOptions) {
  const keys = opts.jwks instanceof URL ? createRemoteJWKSet(opts.jwks, { cooldownDuration: 30_000 }) : opts.jwks;
  return async function verify(authorization: string | undefined): Promise<VerifiedToken> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw new Unauthenticated('Missing bearer token');
    let claims: JWTPayload & Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(match[1], keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat'],
        // Also what makes jose refuse an `iat` in the future (beyond the tolerance).
        maxTokenAge: opts.maxTokenAgeSeconds ?? 24 * 3600,
      }));
    } catch (e) {
      throw new Unauthenticated(`Invalid token: ${(e as Error).message}`);
    }
    const isApp = claims.idtyp === 'app' || (claims.scp === undefined && claims.oid === claims.sub && !claims.upn && !claims.preferred_username);
    const roles = (Array.isArray(claims.roles) ? claims.roles : [])
      .map(roleOfAppRole)
      .filter((r): r is Role => !!r);
    const actor = actorSchema.safeParse({
      id: claims.oid ?? claims.sub,
      upn: claims.preferred_username ?? claims.upn ?? claims.appid ?? claims.azp ?? 'app',
      name: claims.name ?? claims.app_displayname ?? 'App',
      roles: [...new Set(roles)],
    });
    if (!actor.success) throw new Unauthenticated('Token lacks the user claims (oid, preferred_username, name)');
    return { claims, actor: actor.data, isApp };
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
