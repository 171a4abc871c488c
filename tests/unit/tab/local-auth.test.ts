import { describe, expect, it, vi } from 'vitest';
import { LOCAL_TOKENS_KEY, LOCAL_USER_KEY } from '../../../src/tab/auth/auth';
import { createLocalAuth } from '../../../src/tab/auth/local-auth';

/** Local sign-in takes the token request the shell sent before its chunk loaded, once, and only for that user. */
const memoryStorage = (user: { id: string; upn: string; name: string }): Storage => {
  const m = new Map([[LOCAL_USER_KEY, JSON.stringify(user)]]);
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: m.size };
};
const tokens = (n: string) => new Response(JSON.stringify({ accessToken: `api-${n}`, graphToken: `graph-${n}`, expiresOn: new Date(Date.now() + 3_600_000).toISOString() }), { status: 200 });
const anna = { id: 'u-anna', upn: 'anna@example.test', name: 'Anna' };

describe('local sign-in with a token request sent early', () => {
  it('uses the early answer for the stored user instead of asking again', async () => {
    const fetch = vi.fn(async () => tokens('late'));
    const auth = createLocalAuth({ fetch, storage: memoryStorage(anna), early: { userId: 'u-anna', response: Promise.resolve(tokens('early')) } });
    expect(await auth.getApiToken()).toBe('api-early');
    expect(await auth.getGraphToken()).toBe('graph-early');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ignores an early answer for someone else, and asks for the signed-in user', async () => {
    const fetch = vi.fn(async () => tokens('anna'));
    const auth = createLocalAuth({ fetch, storage: memoryStorage(anna), early: { userId: 'u-ben', response: Promise.resolve(tokens('ben')) } });
    expect(await auth.getApiToken()).toBe('api-anna');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks afresh after a switch of user, not with the early answer again', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => tokens(JSON.parse(String(init?.body)).userId));
    const auth = createLocalAuth({ fetch, storage: memoryStorage(anna), early: { userId: 'u-anna', response: Promise.resolve(tokens('early')) } });
    auth.signIn({ id: 'u-cleo', upn: 'cleo@example.test', name: 'Cleo' });
    expect(await auth.getApiToken()).toBe('api-u-cleo');
    auth.signIn(anna);
    expect(await auth.getApiToken()).toBe('api-u-anna');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

/** A browser tab's storage as two page loads see it: the same map. */
const sharedStorage = (): Storage => memoryStorage(anna);
/** One page load's sign-in, once the configuration named the server's key. */
const pageLoad = (fetch: typeof globalThis.fetch, storage: Storage, key: string | undefined) => {
  const auth = createLocalAuth({ fetch, storage });
  auth.useKey(key);
  return auth;
};
/** A first page that signed in under `key`, and what a reload of it shares: the tab's storage and token endpoint. */
async function signedInOnce(key: string | undefined = 'key-1') {
  const storage = sharedStorage();
  const fetch = tokenAsker();
  const first = pageLoad(fetch, storage, key);
  return { storage, fetch, first, token: await first.getApiToken() };
}
const tokenAsker = () => vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => tokens(`${JSON.parse(String(init?.body)).userId}-${Math.random().toString(36).slice(2, 6)}`));

describe('local tokens kept for a reload, as MSAL keeps Entra’s', () => {
  it('asks for no token on the next page of the same browser tab while the server signs with the same key', async () => {
    const { storage, fetch, first, token } = await signedInOnce();
    const reloaded = pageLoad(fetch, storage, 'key-1');
    expect(await reloaded.getApiToken()).toBe(token);
    expect(await reloaded.getGraphToken()).toBe((await first.getGraphToken()));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the token the shell asked for early, once the key is known', async () => {
    const storage = sharedStorage();
    const fetch = tokenAsker();
    const first = createLocalAuth({ fetch, storage, early: { userId: anna.id, response: Promise.resolve(tokens('early')) } });
    await first.getApiToken(); // arrives before the configuration named the key
    first.useKey('key-1');
    const reloaded = pageLoad(fetch, storage, 'key-1');
    expect(await reloaded.getApiToken()).toBe('api-early');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks afresh when the server signs with another key (started on fresh data), or names none', async () => {
    const { storage, fetch, token: old } = await signedInOnce();
    const otherServer = pageLoad(fetch, storage, 'key-2');
    expect(await otherServer.getApiToken()).not.toBe(old);
    const noKey = pageLoad(fetch, storage, undefined);
    await noKey.getApiToken();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('asks afresh for kept tokens within a minute of expiry', async () => {
    const storage = sharedStorage();
    const soon = new Date(Date.now() + 30_000).toISOString();
    const fetch = vi.fn(async () => new Response(JSON.stringify({ accessToken: 'api-short', graphToken: 'graph-short', expiresOn: soon }), { status: 200 }));
    const first = pageLoad(fetch, storage, 'key-1');
    await first.getApiToken();
    const reloaded = pageLoad(fetch, storage, 'key-1');
    await reloaded.getApiToken();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('forgets the kept tokens when the user switches or signs out: the next person’s page asks for their own', async () => {
    const storage = sharedStorage();
    const fetch = tokenAsker();
    const first = pageLoad(fetch, storage, 'key-1');
    const annas = await first.getApiToken();
    first.signIn({ id: 'u-cleo', upn: 'cleo@example.test', name: 'Cleo' });
    expect(storage.getItem(LOCAL_TOKENS_KEY)).toBeNull();
    const cleos = await first.getApiToken();
    expect(cleos).toMatch(/^api-u-cleo-/);
    const reloaded = pageLoad(fetch, storage, 'key-1');
    expect(await reloaded.getApiToken()).toBe(cleos);
    reloaded.signOut();
    expect(storage.getItem(LOCAL_TOKENS_KEY)).toBeNull();
    expect(annas).not.toBe(cleos);
  });
});
