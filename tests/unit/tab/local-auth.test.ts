import { describe, expect, it, vi } from 'vitest';
import { LOCAL_USER_KEY } from '../../../src/tab/auth/auth';
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
