import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSave } from '@tanstack/react-query-persist-client';
import { describe, expect, it } from 'vitest';
import { forgetPersistedCache, persistOptionsFor, preloadPersistedCache, willRestore } from '../../../../src/tab/data/persisted-cache';

/** The tab's query cache in IndexedDB between visits: per user, never another user's, gone on sign-out. */
const save = (qc: QueryClient, user: string) => persistQueryClientSave({ queryClient: qc, ...persistOptionsFor(user) });
const restore = async (user: string) => {
  const qc = new QueryClient();
  await persistQueryClientRestore({ queryClient: qc, ...persistOptionsFor(user) });
  return qc;
};
const settle = () => new Promise((ok) => setTimeout(ok, 400)); // past the persister's 250 ms throttle

describe('persisted query cache', () => {
  it("keeps only the signed-in user's own successful reads, and gives each user only their own", async () => {
    const qc = new QueryClient();
    qc.setQueryData(['board', 'u-anna', 'plan-1'], { goals: ['anna sees this'] });
    qc.setQueryData(['board', 'u-ben', 'plan-1'], { goals: ['ben sees this'] });
    qc.setQueryData(['local', 'users'], ['demo']);
    qc.setQueryData(['meetingSession', 'u-anna', 'm-1'], { value: { currentGoalKey: 'g5' } });
    await save(qc, 'u-anna');
    await settle();

    const anna = await restore('u-anna');
    expect(anna.getQueryData(['board', 'u-anna', 'plan-1'])).toEqual({ goals: ['anna sees this'] });
    expect(anna.getQueryData(['board', 'u-ben', 'plan-1'])).toBeUndefined();
    expect(anna.getQueryData(['local', 'users'])).toBeUndefined();
    // A review meeting's live position is not kept: it is polled fresh while shown.
    expect(anna.getQueryData(['meetingSession', 'u-anna', 'm-1'])).toBeUndefined();
    const ben = await restore('u-ben');
    expect(ben.getQueryCache().getAll()).toHaveLength(0);
  });

  it('restores data as at least 30 s old, so what is fresh for 30 s is read again on reopening', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['board', 'u-cleo', 'plan-1'], { goals: [] });
    await save(qc, 'u-cleo');
    await settle();
    const back = await restore('u-cleo');
    const q = back.getQueryCache().find({ queryKey: ['board', 'u-cleo', 'plan-1'] });
    expect(q?.state.dataUpdatedAt).toBeLessThanOrEqual(Date.now() - 30_000);
    expect(q?.isStaleByTime(30_000)).toBe(true);
    expect(q?.isStaleByTime(5 * 60_000)).toBe(false);
  });

  it('deletes the cache on sign-out, and a save still queued then writes nothing', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['me', 'u-dana'], { name: 'Dana' });
    await save(qc, 'u-dana');
    await settle();
    preloadPersistedCache('u-dana');
    // The session's one persister: two changes right before signing out, the second save held by
    // the throttle until after the delete.
    const session = { queryClient: qc, ...persistOptionsFor('u-dana') };
    qc.setQueryData(['me', 'u-dana'], { name: 'Dana, changed' });
    void persistQueryClientSave(session);
    qc.setQueryData(['me', 'u-dana'], { name: 'Dana, changed again' });
    void persistQueryClientSave(session);
    await forgetPersistedCache('u-dana');
    await settle();
    const back = await restore('u-dana');
    expect(back.getQueryCache().getAll()).toHaveLength(0);
  });

  it('asks who the user is again on every open: /api/me comes back stale, shown meanwhile', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['me', 'u-eero'], { roles: ['leader'] });
    qc.setQueryData(['plans', 'u-eero'], { items: [] });
    await save(qc, 'u-eero');
    await settle();
    const back = await restore('u-eero');
    expect(back.getQueryData(['me', 'u-eero'])).toEqual({ roles: ['leader'] });
    expect(back.getQueryCache().find({ queryKey: ['me', 'u-eero'] })?.isStaleByTime(5 * 60_000)).toBe(true);
    expect(back.getQueryCache().find({ queryKey: ['plans', 'u-eero'] })?.isStaleByTime(5 * 60_000)).toBe(false);
  });

  it('restores nothing for a page opened on an editor, and still saves for the next visit', async () => {
    const qc = new QueryClient();
    qc.setQueryData(['board', 'u-fanni', 'plan-1'], { goals: ['cached'] });
    await save(qc, 'u-fanni');
    await settle();
    const editor = new QueryClient();
    await persistQueryClientRestore({ queryClient: editor, ...persistOptionsFor('u-fanni', { restore: false }) });
    expect(editor.getQueryCache().getAll()).toHaveLength(0);
    editor.setQueryData(['board', 'u-fanni', 'plan-1'], { goals: ['fresh'] });
    await persistQueryClientSave({ queryClient: editor, ...persistOptionsFor('u-fanni', { restore: false }) });
    await settle();
    expect((await restore('u-fanni')).getQueryData(['board', 'u-fanni', 'plan-1'])).toEqual({ goals: ['fresh'] });
  });

  it('says whether a visit will start from the cache, so only a cold start reads ahead of the view', async () => {
    expect(await willRestore('u-erik')).toBe(false);
    const qc = new QueryClient();
    qc.setQueryData(['plans', 'u-frida'], { items: [] });
    await save(qc, 'u-frida');
    await settle();
    expect(await willRestore('u-frida')).toBe(true);
    await forgetPersistedCache('u-frida');
    expect(await willRestore('u-frida')).toBe(false);
  });
});
