/**
 * The query cache kept in IndexedDB between visits, one entry per signed-in user, so a reopened
 * tab (Teams reloads tabs often) shows the last data at once and revalidates it — the board with
 * Graph delta from the link it was read with, so an unchanged board costs one small request.
 *
 * Never one user's data for another: each user has their own entry, only queries keyed with that
 * user's id are written to it, and signing out deletes it. A new build (or a change of
 * `CACHE_SCHEMA`) discards every entry: cached shapes may have changed.
 * docs/decisions/0012-persisted-query-cache.md says why these packages.
 */
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { PersistedClient, Persister, PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** Raise when a cached query's data changes shape without a new build (tests, dev server). */
export const CACHE_SCHEMA = 1;
/** Set by vite.config.ts for each build; tests and the dev server run without one. */
const BUILD_ID: string = import.meta.env.VITE_BUILD_ID ?? 'dev';
const BUSTER = `${CACHE_SCHEMA}:${BUILD_ID}`;
/** Older than this, a cached view is not worth showing even as "possibly stale". */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/**
 * Cached data counts as at least this old when restored: what changes often (boards and check-ins,
 * fresh for 30 s) is revalidated on every reopen, even one right after a change elsewhere; what is
 * fresh for minutes (plans, `/api/me`) keeps that policy across a reload.
 */
const AGE_ON_RESTORE_MS = 30_000;
/** Often enough that a reload a second after the data came still finds it; one write per burst. */
const THROTTLE_MS = 250;

let store: UseStore | undefined;
const db = () => (store ??= createStore('tavoitteet-cache', 'queries'));
const keyOf = (userId: string) => `v1|${userId}`;

/** Users who signed out in this page: a save still queued for them must not write their data back. */
const signedOut = new Set<string>();

/** Reads started before the provider asks (e.g. alongside `/config.json`), one per user. */
const early = new Map<string, Promise<PersistedClient | undefined>>();

function read(userId: string): Promise<PersistedClient | undefined> {
  let p = early.get(userId);
  if (!p) {
    p = Promise.resolve()
      .then(() => get<string>(keyOf(userId), db()))
      .then((raw) => (raw ? aged(JSON.parse(raw) as PersistedClient, Date.now() - AGE_ON_RESTORE_MS) : undefined))
      .catch(() => undefined); // no IndexedDB (private mode) or a broken entry: start cold
    early.set(userId, p);
  }
  return p;
}

/** Live state, polled while shown: a review meeting's position from a closed tab is never worth showing. */
const NOT_KEPT = new Set(['meetingSession']);

/** Queries asked again on every open whatever their age: who the user is and what they may do (`/api/me`). */
const ALWAYS_REVALIDATED = new Set(['me']);

function aged(client: PersistedClient, atMost: number): PersistedClient {
  for (const q of client.clientState.queries) {
    q.state.dataUpdatedAt = ALWAYS_REVALIDATED.has(String(q.queryKey[0])) ? 0 : Math.min(q.state.dataUpdatedAt, atMost);
  }
  return client;
}

/** Starts reading a user's cached queries now, so the first render does not wait on IndexedDB. */
export function preloadPersistedCache(userId: string): void {
  void read(userId);
}

/**
 * Whether a user's cache from an earlier visit will be restored (this build's, not too old):
 * when not, the first view's reads start before React renders (first-reads.ts) — when it will,
 * they wait, so the view revalidates what it shows (one delta request) instead of reading anew.
 */
export async function willRestore(userId: string): Promise<boolean> {
  const client = await read(userId);
  return !!client && client.buster === BUSTER && Date.now() - client.timestamp < MAX_AGE_MS;
}

function persisterFor(userId: string, restore: boolean): Persister {
  signedOut.delete(userId); // signed in (again)
  const inner = createAsyncStoragePersister({
    key: keyOf(userId),
    throttleTime: THROTTLE_MS,
    storage: {
      getItem: (k) => get<string>(k, db()).then((v) => v ?? null),
      // Checked at the write itself: a save queued by the throttle before sign-out comes later.
      setItem: (k, v: string) => (signedOut.has(userId) ? Promise.resolve() : set(k, v, db())),
      removeItem: (k) => del(k, db()),
    },
  });
  return {
    persistClient: inner.persistClient,
    // The first restore takes the read already under way; later ones read again.
    restoreClient: () => {
      const p = read(userId);
      early.delete(userId);
      return restore ? p : Promise.resolve(undefined);
    },
    removeClient: inner.removeClient,
  };
}

/**
 * Options for `PersistQueryClientProvider` for one user. `restore: false` starts from fresh reads
 * (still saving): for a page opened on an editor, whose form would start from cached values.
 */
export function persistOptionsFor(userId: string, opts: { restore?: boolean } = {}): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister: persisterFor(userId, opts.restore ?? true),
    buster: BUSTER,
    maxAge: MAX_AGE_MS,
    dehydrateOptions: {
      // Only this user's successful reads: keys are ['kind', userId, …] (data/hooks.ts `keys`).
      shouldDehydrateQuery: (q) => q.state.status === 'success' && q.queryKey[1] === userId && !NOT_KEPT.has(String(q.queryKey[0])),
      shouldDehydrateMutation: () => false,
    },
  };
}

/** Deletes a user's cached queries (on sign-out). */
export async function forgetPersistedCache(userId: string): Promise<void> {
  signedOut.add(userId);
  early.delete(userId);
  await del(keyOf(userId), db()).catch(() => undefined);
}
