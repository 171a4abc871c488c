// @vitest-environment jsdom
import { QueryClient, useIsRestoring } from '@tanstack/react-query';
import { PersistQueryClientProvider, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveWhenRestored } from '../../../../src/tab/data/save-when-restored';

afterEach(() => cleanup());

/** A persister that keeps every client it is given (nothing to restore: a cold start). */
function recordingPersister(): Persister & { saved: PersistedClient[] } {
  const saved: PersistedClient[] = [];
  return {
    saved,
    persistClient: async (c) => void saved.push(c),
    restoreClient: async () => undefined,
    removeClient: async () => undefined,
  };
}

/**
 * Stands for the first reads (first-reads.ts), which start before React renders: the board lands
 * while the view renders for the first time after the restore — after the provider's `onSuccess`,
 * before the provider subscribes to the cache.
 */
function BoardLandsDuringFirstRender({ client }: { client: QueryClient }) {
  const restoring = useIsRestoring();
  if (!restoring && client.getQueryData(['board', 'u-anna', 'plan-1']) === undefined) {
    client.setQueryData(['board', 'u-anna', 'plan-1'], { goals: ['g1'] });
  }
  return null;
}

const keysIn = (c: PersistedClient | undefined) => c?.clientState.queries.map((q) => q.queryKey) ?? [];

describe('the cache saved as the restore ends', () => {
  it('keeps a board that landed after the restore but before the provider saves on changes, so the next visit is warm', async () => {
    const client = new QueryClient();
    client.setQueryData(['plans', 'u-anna'], { items: [] }); // a first read that finished before the provider mounted
    const persister = recordingPersister();
    const options = { persister, buster: 'test', dehydrateOptions: { shouldDehydrateQuery: () => true } };
    render(
      <PersistQueryClientProvider client={client} persistOptions={options}>
        <SaveWhenRestored client={client} options={options} />
        <BoardLandsDuringFirstRender client={client} />
      </PersistQueryClientProvider>,
    );
    await waitFor(() => expect(keysIn(persister.saved.at(-1))).toContainEqual(['board', 'u-anna', 'plan-1']));
    expect(keysIn(persister.saved.at(-1))).toContainEqual(['plans', 'u-anna']);
  });

  it('saves nothing while the restore is still running', async () => {
    const client = new QueryClient();
    let finish!: () => void;
    const persister = { ...recordingPersister(), restoreClient: () => new Promise<undefined>((ok) => (finish = () => ok(undefined))) };
    const options = { persister, buster: 'test' };
    render(
      <PersistQueryClientProvider client={client} persistOptions={options}>
        <SaveWhenRestored client={client} options={options} />
      </PersistQueryClientProvider>,
    );
    await new Promise((ok) => setTimeout(ok, 20));
    expect(persister.saved).toHaveLength(0);
    finish();
    await waitFor(() => expect(persister.saved).toHaveLength(1));
  });
});
