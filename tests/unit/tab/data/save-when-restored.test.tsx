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
    client.setQueryData(['plans', 'u-anna'], { items: [] }); // a first read, landed during the restore
    await new Promise((ok) => setTimeout(ok, 20));
    expect(persister.saved).toHaveLength(0);
    finish();
    await waitFor(() => expect(persister.saved).toHaveLength(1));
  });

  it('does not write back a cache it only restored (a warm start that has read nothing yet), and saves the revalidation when it lands', async () => {
    const client = new QueryClient();
    const earlierVisit = Date.now() - 60_000;
    const restored: PersistedClient = {
      timestamp: earlierVisit,
      buster: 'test',
      clientState: {
        mutations: [],
        queries: [{ queryKey: ['board', 'u-anna', 'plan-1'], queryHash: '["board","u-anna","plan-1"]', dehydratedAt: earlierVisit, state: { data: { goals: ['g1'] }, dataUpdatedAt: earlierVisit, dataUpdateCount: 1, error: null, errorUpdatedAt: 0, errorUpdateCount: 0, fetchFailureCount: 0, fetchFailureReason: null, fetchMeta: null, isInvalidated: false, status: 'success', fetchStatus: 'idle' } }],
      },
    };
    const persister = { ...recordingPersister(), restoreClient: async () => restored };
    const options = { persister, buster: 'test', dehydrateOptions: { shouldDehydrateQuery: () => true } };
    render(
      <PersistQueryClientProvider client={client} persistOptions={options}>
        <SaveWhenRestored client={client} options={options} />
      </PersistQueryClientProvider>,
    );
    await waitFor(() => expect(client.getQueryData(['board', 'u-anna', 'plan-1'])).toEqual({ goals: ['g1'] }));
    await new Promise((ok) => setTimeout(ok, 50));
    expect(persister.saved).toHaveLength(0);
    client.setQueryData(['board', 'u-anna', 'plan-1'], { goals: ['g1', 'g2'] }); // the delta revalidation
    await waitFor(() => expect(persister.saved.at(-1)?.clientState.queries[0]?.state.data).toEqual({ goals: ['g1', 'g2'] }));
  });
});
