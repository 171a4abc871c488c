import { afterEach, describe, expect, it } from 'vitest';
import { Throttled } from '../../../src/domain';
import { createBoardReader, createDeltaCache, createGraphClient, createGraphRepository, createSiteLists } from '../../../src/graph';
import { startGraph, TEST_TOKEN, type GraphHarness } from './harness';
import * as S from '../../unit/graph/sample-entities';

let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function seedBoard(g: GraphHarness) {
  const lists = createSiteLists(g.client, g.siteId);
  const repo = createGraphRepository({ client: g.client, siteId: g.siteId, lists });
  await repo.plans.create(S.plan('vantaa-2021'));
  await repo.plans.create(S.plan('other-plan'));
  await repo.themes.create(S.theme('T1'));
  await repo.themes.create(S.theme('T-other', 'other-plan'));
  for (const k of ['G1', 'G2', 'G3']) await repo.goals.create(S.goal(k));
  await repo.goals.create(S.goal('G-other', 'other-plan'));
  await repo.groups.create(S.group('KR1'));
  await repo.units.create(S.unit('VAKA'));
  await repo.units.create(S.unit('PERUS'));
  return { lists, repo };
}

describe('plan board', () => {
  it('reads plan, themes, goals, groups and units in one $batch round trip', async () => {
    h = await startGraph();
    const { lists } = await seedBoard(h);
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, lists });
    h.client.resetStats();
    h.emulator.resetStats();
    const board = await reader.readPlanBoard('vantaa-2021');
    expect(h.client.stats().requests).toBe(1);
    expect(h.emulator.stats()).toMatchObject({ requests: 1, batchedRequests: 5 });
    expect(board.plan.value.key).toBe('vantaa-2021');
    expect(board.themes.map((t) => t.value.key)).toEqual(['T1']);
    expect(board.goals.map((g) => g.value.key).sort()).toEqual(['G1', 'G2', 'G3']);
    expect(board.groups).toHaveLength(1);
    expect(board.units).toHaveLength(2);
    expect(board.invalid).toEqual([]);
  });

  it('follows nextLinks after the batch when a list has more items than a page', async () => {
    h = await startGraph({ pageSize: 2 });
    const { lists } = await seedBoard(h);
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, lists, pageSize: 2 });
    h.client.resetStats();
    const board = await reader.readPlanBoard('vantaa-2021');
    expect(board.goals).toHaveLength(3);
    expect(h.client.stats().requests).toBe(2); // the batch + the second page of goals
  });

  it("asks for Graph's largest page, so a board under 5,000 goals is the one batch even where the server's page is small", async () => {
    h = await startGraph({ pageSize: 2 });
    const { lists } = await seedBoard(h);
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, lists });
    h.client.resetStats();
    const board = await reader.readPlanBoard('vantaa-2021');
    expect(board.goals).toHaveLength(3);
    expect(h.client.stats().requests).toBe(1);
  });

  it('retries a request throttled inside the batch after its Retry-After', async () => {
    // The emulator draws one random number per request (the batch, then each inner request).
    const draws: number[] = [];
    h = await startGraph({ random: () => draws.shift() ?? 0.99 });
    const { lists } = await seedBoard(h);
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, lists });
    await reader.readPlanBoard('vantaa-2021'); // list ids resolved
    h.emulator.setFaults({ rate: 0.5, statuses: [429], retryAfterSeconds: 0 });
    draws.push(0.99, 0.99, 0.99, 0.0); // batch ok, plan ok, themes ok, goals throttled, …
    h.client.resetStats();
    h.emulator.resetStats();
    const board = await reader.readPlanBoard('vantaa-2021');
    h.emulator.setFaults(null);
    expect(h.emulator.stats().faults).toBe(1);
    expect(h.client.stats().requests).toBe(2); // the batch, then a batch with only the goals request
    expect(h.emulator.stats().batchedRequests).toBe(6);
    expect(board.goals).toHaveLength(3);
  });

  it('reads check-ins per plan and period, and per goal', async () => {
    h = await startGraph();
    const repo = createGraphRepository({ client: h.client, siteId: h.siteId });
    await repo.plans.create(S.plan('vantaa-2021')); // a whole plan's check-ins are read month by month of the plan
    await repo.checkIns.create(S.checkIn('C1', 'sub-c1-000000'));
    await repo.checkIns.create({ ...S.checkIn('C2', 'sub-c2-000000'), period: '2021-09' });
    await repo.checkIns.create({ ...S.checkIn('C3', 'sub-c3-000000'), goalKey: 'G2' });
    const reader = createBoardReader({ client: h.client, siteId: h.siteId });
    const aug = await reader.readCheckIns({ planKey: 'vantaa-2021', period: '2021-08' });
    expect(aug.items.map((c) => c.value.key).sort()).toEqual(['C1', 'C3']);
    const all = await reader.readCheckIns({ planKey: 'vantaa-2021' });
    expect(all.items).toHaveLength(3);
    const g1 = await reader.readCheckIns({ goalKey: 'G1' });
    expect(g1.items.map((c) => c.value.key).sort()).toEqual(['C1', 'C2']);
  });
});

describe('delta cache', () => {
  it('syncs everything first, then applies a change and a deletion', async () => {
    h = await startGraph();
    const repo = createGraphRepository({ client: h.client, siteId: h.siteId });
    const g1 = await repo.goals.create(S.goal('G1'));
    const g2 = await repo.goals.create(S.goal('G2'));
    const cache = createDeltaCache({ client: h.client, siteId: h.siteId, entity: 'goal' });
    const first = await cache.refresh();
    expect(first.full).toBe(true);
    expect(first.upserted.map((g) => g.value.key).sort()).toEqual(['G1', 'G2']);
    expect(cache.deltaLink).toBeTruthy();

    const nothing = await cache.refresh();
    expect(nothing).toMatchObject({ upserted: [], deleted: [], full: false });

    await repo.goals.update({ ...g1.value, title: 'Muutettu' }, g1.etag);
    // Deleted by hand in SharePoint (the app itself never deletes).
    expect((await h.raw('DELETE', `sites/${h.siteId}/lists/Goals/items/${g2.itemId}`)).status).toBe(204);
    await repo.goals.create(S.goal('G3'));
    const changes = await cache.refresh();
    expect(changes.full).toBe(false);
    expect(changes.upserted.map((g) => g.value.key).sort()).toEqual(['G1', 'G3']);
    expect(changes.deleted).toEqual([g2.itemId]);
    expect(cache.get(g1.itemId)?.value.title).toBe('Muutettu');
    expect(cache.items().map((g) => g.value.key).sort()).toEqual(['G1', 'G3']);
  });

  it('starts at the latest token without reading the list, takes seeded items, and sees only later changes', async () => {
    h = await startGraph();
    const { lists, repo } = await seedBoard(h);
    const cache = createDeltaCache({ client: h.client, siteId: h.siteId, entity: 'goal', lists });
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, lists });
    h.client.resetStats();
    await cache.startAtLatest();
    expect(h.client.stats().requests).toBe(1);
    expect(cache.items()).toEqual([]);
    const board = await reader.readPlanBoard('vantaa-2021');
    cache.seed(board.goals);
    expect(cache.items().map((g) => g.value.key).sort()).toEqual(['G1', 'G2', 'G3']);

    const g1 = board.goals.find((g) => g.value.key === 'G1')!;
    await repo.goals.update({ ...g1.value, title: 'Muutettu' }, g1.etag);
    const changes = await cache.refresh();
    expect(changes).toMatchObject({ full: false, deleted: [] });
    expect(changes.upserted.map((g) => g.value.key)).toEqual(['G1']);
    // A seed never overwrites what delta brought, which is newer.
    cache.seed(board.goals);
    expect(cache.get(g1.itemId)?.value.title).toBe('Muutettu');
  });

  it('starts over with a full sync when the delta token is gone (410)', async () => {
    h = await startGraph();
    const repo = createGraphRepository({ client: h.client, siteId: h.siteId });
    const c1 = await repo.checkIns.create(S.checkIn('C1', 'sub-c1-000000'));
    // A client whose delta token the service no longer knows, from the moment `expire` is set.
    let expire = false;
    const client = createGraphClient({
      baseUrl: h.baseUrl,
      getToken: async () => TEST_TOKEN,
      fetch: (input, init) => fetch(expire ? String(input).replace(/token=[^&]+/, 'token=expired-token') : input, init),
    });
    const cache = createDeltaCache({ client, siteId: h.siteId, entity: 'checkIn' });
    await cache.refresh();
    const c2 = await repo.checkIns.create(S.checkIn('C2', 'sub-c2-000000'));
    expire = true;
    const r = await cache.refresh();
    expire = false;
    expect(r.full).toBe(true);
    expect(r.upserted.map((c) => c.itemId).sort()).toEqual([c1.itemId, c2.itemId].sort());
    expect(r.deleted).toEqual([]);
    // The resync brought a fresh token: the next refresh is incremental again.
    expect(await cache.refresh()).toMatchObject({ full: false, upserted: [], deleted: [] });
  });
});

describe('throttling and outages', () => {
  it('creates 100 check-ins exactly once with 30 % injected 429/503', async () => {
    h = await startGraph({ retry: { maxRetries: 10, delaySeconds: 0, maxDelaySeconds: 0.05 } });
    const repo = createGraphRepository({ client: h.client, siteId: h.siteId });
    await repo.checkIns.list(); // resolve list ids before faults start
    h.emulator.setFaults({ rate: 0.3, statuses: [429, 503], retryAfterSeconds: 0 });
    h.client.resetStats();
    for (let i = 0; i < 100; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => repo.checkIns.create(S.checkIn(`F${i + j}`, `sub-fault-${String(i + j).padStart(4, '0')}`))),
      );
    }
    h.emulator.setFaults(null);
    const stats = h.client.stats();
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.throttled).toBe(stats.retries);
    const { items } = await repo.checkIns.list({ planKey: 'vantaa-2021' });
    expect(items).toHaveLength(100);
    expect(new Set(items.map((c) => c.value.submissionId)).size).toBe(100);
  });

  it('gives up with Throttled when every attempt is throttled', async () => {
    h = await startGraph({ retry: { maxRetries: 2, delaySeconds: 0, maxDelaySeconds: 0 } });
    const repo = createGraphRepository({ client: h.client, siteId: h.siteId });
    await repo.units.list();
    h.emulator.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 0 });
    h.client.resetStats();
    await expect(repo.units.list()).rejects.toBeInstanceOf(Throttled);
    expect(h.client.stats().requests).toBe(3);
  });
});
