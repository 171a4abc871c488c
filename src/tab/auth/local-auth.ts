/**
 * Local mode: a demo-user picker instead of Entra. Users come from `GET /local/users`, tokens
 * from `POST /local/token` (signed by the local issuer, checked by the same verifier as real
 * tokens). The choice is remembered per browser tab (sessionStorage), so two tabs can be two people,
 * and so are the tokens (as MSAL keeps Entra's), while the server's issuer key that signed them
 * stays the same: a reload asks for none.
 */
import { z } from 'zod';
import { AuthError, LOCAL_TOKENS_KEY, LOCAL_USER_KEY, requestToken, storedLocalTokens, tokenFresh, type Auth, type AuthUser, type StoredLocalTokens } from './auth';

export { LOCAL_USER_KEY };

export const demoUserSchema = z.object({
  id: z.string(),
  upn: z.string(),
  name: z.string(),
  roles: z.array(z.string()).default([]),
  description: z.object({ fi: z.string(), sv: z.string().optional(), en: z.string().optional() }).partial().default({}),
});
export type DemoUser = z.infer<typeof demoUserSchema>;

const tokenSchema = z.object({ accessToken: z.string(), graphToken: z.string(), expiresOn: z.string() });
type Tokens = z.infer<typeof tokenSchema>;

export async function fetchDemoUsers(fetchImpl: typeof fetch = fetch): Promise<DemoUser[]> {
  const res = await fetchImpl('/local/users', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new AuthError(`The demo users could not be loaded (HTTP ${res.status})`, 'failed');
  return z.array(demoUserSchema).parse(await res.json());
}

export interface LocalAuth extends Auth {
  signIn(user: AuthUser): void;
  subscribe(listener: () => void): () => void;
  /**
   * The key the server's local issuer signs with (`TabConfig.localKeyId`): tokens kept earlier in
   * this browser tab are used only if it signed them, and the tokens in hand are kept under it.
   * Until it is known, nothing is kept or taken from storage.
   */
  useKey(keyId: string | undefined): void;
}

function readStoredUser(storage: Storage | undefined): AuthUser | null {
  try {
    const raw = storage?.getItem(LOCAL_USER_KEY);
    if (!raw) return null;
    const parsed = z.object({ id: z.string(), upn: z.string(), name: z.string() }).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * `early`: a token request for the stored user already sent before this module loaded (app.tsx
 * `prestartSignIn`), taken as the first token if it is for the same user.
 */
export function createLocalAuth(opts: { fetch?: typeof fetch; storage?: Storage; early?: { userId: string; response: Promise<Response> } } = {}): LocalAuth {
  const fetchImpl = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const storage = opts.storage ?? (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
  let user = readStoredUser(storage);
  let tokens: Promise<Tokens> | null = null;
  let tokensFor: string | null = null;
  let early = opts.early;
  let keyId: string | undefined;
  /** The tokens in hand once they arrived, for `tokensFor`. */
  let current: Tokens | undefined;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());

  const fresh = (t: Tokens) => tokenFresh(t.expiresOn);

  const keep = () => {
    if (!keyId || !current || !tokensFor) return;
    const kept: StoredLocalTokens = { userId: tokensFor, keyId, ...current };
    try {
      storage?.setItem(LOCAL_TOKENS_KEY, JSON.stringify(kept));
    } catch {
      // not kept: the next page asks again
    }
  };
  const forget = () => {
    tokens = null;
    current = undefined;
    try {
      storage?.removeItem(LOCAL_TOKENS_KEY);
    } catch {
      // nothing to forget
    }
  };

  async function getTokens(): Promise<Tokens> {
    const u = user;
    if (!u) throw new AuthError('Nobody is signed in', 'signedOut');
    if (tokens && tokensFor === u.id) {
      const t = await tokens.catch(() => null);
      if (t && fresh(t)) return t;
    }
    tokensFor = u.id;
    current = undefined;
    const sent = early?.userId === u.id ? early.response : undefined;
    early = undefined;
    const stored = !sent && keyId ? storedLocalTokens(u.id, keyId, storage) : undefined;
    if (stored) {
      current = { accessToken: stored.accessToken, graphToken: stored.graphToken, expiresOn: stored.expiresOn };
      tokens = Promise.resolve(current);
      return current;
    }
    const request: Promise<Tokens> = (async () => {
      const res = await (sent ?? requestToken(u.id, fetchImpl));
      if (!res.ok) throw new AuthError(`Signing in as ${u.name} failed (HTTP ${res.status})`, 'failed');
      return tokenSchema.parse(await res.json());
    })();
    tokens = request;
    // Still the request in hand when it answers (no sign-in or sign-out since): keep what it brought.
    void request.then(
      (t) => {
        if (tokens !== request) return;
        current = t;
        keep();
      },
      () => undefined, // the caller sees the failure
    );
    return request;
  }

  return {
    mode: 'local',
    get user() {
      return user;
    },
    async getApiToken() {
      return (await getTokens()).accessToken;
    },
    async getGraphToken() {
      return (await getTokens()).graphToken;
    },
    signIn(u) {
      user = { id: u.id, upn: u.upn, name: u.name };
      forget();
      try {
        storage?.setItem(LOCAL_USER_KEY, JSON.stringify(user));
      } catch {
        // remembered for this page only
      }
      emit();
    },
    signOut() {
      user = null;
      forget();
      try {
        storage?.removeItem(LOCAL_USER_KEY);
      } catch {
        // nothing to forget
      }
      emit();
    },
    useKey(k) {
      keyId = k;
      keep();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
