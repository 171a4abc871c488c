/**
 * One auth interface, two implementations: Teams (MSAL nested app auth) and local (the demo-user
 * picker with tokens from the local issuer). Views and the data layer only see this interface.
 */
/** Where local mode remembers the demo user (sessionStorage). Here, not in local-auth.ts, so the shell can read it without loading zod. */
export const LOCAL_USER_KEY = 'tavoitteet.localUser';

/** The demo user remembered in this browser tab, if any: the shell's hint to start local sign-in before the config says local. */
export function storedLocalUserId(storage: Storage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage): string | undefined {
  try {
    const raw = storage?.getItem(LOCAL_USER_KEY);
    const id = raw ? (JSON.parse(raw) as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where local mode keeps the demo user's tokens for this browser tab (sessionStorage), as MSAL
 * keeps Entra's (teams-auth.ts: localStorage): a reload within their lifetime asks for none. Here,
 * not in local-auth.ts, so the shell can tell whether to send a token request early.
 */
export const LOCAL_TOKENS_KEY = 'tavoitteet.localTokens';

export interface StoredLocalTokens {
  userId: string;
  /** The local issuer's key that signed them (`TabConfig.localKeyId`). */
  keyId: string;
  accessToken: string;
  graphToken: string;
  expiresOn: string;
}

/** Tokens are asked for again this long before they expire, so no request leaves with one about to lapse. */
export const TOKEN_EARLY_MS = 60_000;

/** Whether a token expiring then is still worth sending (`TOKEN_EARLY_MS` ahead of its expiry). */
export const tokenFresh = (expiresOn: string, now: number = Date.now()): boolean => Date.parse(expiresOn) - TOKEN_EARLY_MS > now;

/**
 * The tokens kept for `userId`, if they have a while to live — and, with `keyId`, only if that key
 * signed them.
 */
export function storedLocalTokens(
  userId: string,
  keyId?: string,
  storage: Storage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
  now: number = Date.now(),
): StoredLocalTokens | undefined {
  try {
    const raw = storage?.getItem(LOCAL_TOKENS_KEY);
    const t = raw ? (JSON.parse(raw) as Partial<Record<keyof StoredLocalTokens, unknown>>) : undefined;
    if (!t || t.userId !== userId || (keyId !== undefined && t.keyId !== keyId)) return undefined;
    const { accessToken, graphToken, expiresOn, keyId: signedBy } = t;
    if (typeof accessToken !== 'string' || typeof graphToken !== 'string' || typeof expiresOn !== 'string' || typeof signedBy !== 'string') return undefined;
    if (!tokenFresh(expiresOn, now)) return undefined;
    return { userId, keyId: signedBy, accessToken, graphToken, expiresOn };
  } catch {
    return undefined;
  }
}

export interface AuthUser {
  /** Entra object id (local: the demo user's id). */
  id: string;
  upn: string;
  name: string;
}

export interface Auth {
  readonly mode: 'teams' | 'local';
  /** The signed-in user, or null when the local picker is showing. */
  readonly user: AuthUser | null;
  /** A token for the command API (`/api/*`). */
  getApiToken(): Promise<string>;
  /** A delegated token for Graph reads (SharePoint trims what the user may not see). */
  getGraphToken(): Promise<string>;
  /** Local: back to the picker. Teams: forgets the cached account (Teams itself keeps the session). */
  signOut(): void;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly reason: 'signedOut' | 'interactionRequired' | 'failed',
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/**
 * `POST /local/token` for a demo user (local mode; `createLocalAuth` checks the answer). Here, not
 * in local-auth.ts, so the shell can send it before that chunk has loaded.
 */
export function requestToken(userId: string, fetchImpl: typeof fetch = fetch): Promise<Response> {
  return fetchImpl('/local/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ userId }),
  });
}

