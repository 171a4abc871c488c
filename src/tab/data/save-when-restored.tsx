import { useIsRestoring, type QueryClient } from '@tanstack/react-query';
import { persistQueryClientSave, type PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { useEffect } from 'react';

/**
 * Saves the query cache once, when `PersistQueryClientProvider` has finished restoring: inside the
 * provider, so this effect runs in the same commit just before the provider's own, which starts
 * saving on every change. Reads that land before then — the first reads (first-reads.ts) start
 * before React renders, and on a cold start finish while the view's first render runs — change
 * nothing afterwards that would make the provider save them; saved in the provider's `onSuccess`
 * instead, a board arriving between that call and the subscription was never kept, and the next
 * visit read it in full.
 *
 * Only when this page has read something: a warm start that restored the cache and has read
 * nothing yet would write back what it just read (for 3,000 goals ~40 ms of serializing and
 * IndexedDB before the view is on screen); its revalidation lands later and the provider saves it.
 */
export function SaveWhenRestored({ client, options }: { client: QueryClient; options: Omit<PersistQueryClientOptions, 'queryClient'> }): null {
  const restoring = useIsRestoring();
  useEffect(() => {
    if (restoring || !readInThisPage(client)) return;
    // When the page is idle: serializing a 3,000-goal board and writing it (~30 ms) must not come
    // before the view's first paint. Still soon — within a second — so a reload finds it.
    const save = () => void persistQueryClientSave({ queryClient: client, ...options });
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(save, { timeout: 1000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(save, 250);
    return () => clearTimeout(id);
  }, [restoring, client, options]);
  return null;
}

/** When this page began (the shell loads this module before any read starts). */
const pageStartedAt = Date.now();

/** Restored queries keep the time they were read on an earlier visit (or older: persisted-cache.ts ages them). */
function readInThisPage(client: QueryClient): boolean {
  return client.getQueryCache().getAll().some((q) => q.state.status === 'success' && q.state.dataUpdatedAt >= pageStartedAt);
}
