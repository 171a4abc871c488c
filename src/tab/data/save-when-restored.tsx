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
 */
export function SaveWhenRestored({ client, options }: { client: QueryClient; options: Omit<PersistQueryClientOptions, 'queryClient'> }): null {
  const restoring = useIsRestoring();
  useEffect(() => {
    if (!restoring) void persistQueryClientSave({ queryClient: client, ...options });
  }, [restoring, client, options]);
  return null;
}
