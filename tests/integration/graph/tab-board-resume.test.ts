import { afterEach, describe, expect, it } from 'vitest';
import { createGraphRepository, createSiteLists } from '../../../src/graph';
import { createReads, RESUME_WITHIN_MS, type CachedBoard } from '../../../src/tab/data/reads';
import { startGraph, TEST_TOKEN, type GraphHarness } from './harness';
import * as S from '../../unit/graph/sample-entities';

/**
 * The tab's board after a reload: a board from the persisted cache resumes Graph delta from the
 * link it was read with — one request, no items, when nothing changed — and a link Graph no longer
 * knows (410) falls back to a full read without an error.
 */
let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function seed(g: GraphHarness) {
  const repo = createGraphRepository({ client: g.client, siteId: g.siteId, lists: createSiteLists(g.client, g.siteId) });
  await repo.plans.create(S.plan('vantaa-2021'));
  await repo.themes.create(S.theme('T1'));
  for (const k of ['G1', 'G2', 'G3']) await repo.goals.create(S.goal(k));
  await repo.groups.create(S.group('KR1'));
  await repo.units.create(S.unit('VAKA'));
  return repo;
}

/** A tab session: its own reads, counting what it asks of Graph (and optionally spoiling delta links). */
function session(g: GraphHarness, opts: { expireDeltaLinks?: boolean } = {}) {
  const asked: string[] = [];
  const reads = createReads({
    graphBaseUrl: g.baseUrl,
    siteId: g.siteId,
    getToken: async () => TEST_TOKEN,
    fetch: (input, init) => {
      let url = String(input instanceof Request ? input.url : input);
      if (opts.expireDeltaLinks && /\/delta\?.*token=(?!latest)/.test(url)) url = url.replace(/token=[^&]+/, 'token=expired-token');
      asked.push(new URL(url).pathname.split('/').slice(-2).join('/'));
      return fetch(input instanceof Request ? new Request(url, input) : url, init);
    },
  });
  return { reads, asked };
}

/** What the persisted cache keeps: JSON, read back in a new page. */
const persisted = (b: CachedBoard): CachedBoard => JSON.parse(JSON.stringify(b)) as CachedBoard;
const keysOf = (b: CachedBoard) => b.goals.map((x) => x.value.key).sort();

describe('tab board across a reload', () => {
  it('resumes delta from the cached board: one request and no items when nothing changed', async () => {
    h = await startGraph();
    await seed(h);
    const first = session(h);
    first.reads.startGoalTracking();
    const board = await first.reads.board('vantaa-2021');
    expect(board.goalsDeltaLink).toMatch(/delta/);

    const second = session(h);
    const again = await second.reads.board('vantaa-2021', persisted(board));
    expect(second.asked.filter((p) => !p.endsWith('/lists'))).toEqual(['items/delta']);
    expect(keysOf(again)).toEqual(['G1', 'G2', 'G3']);
    expect(again.goals.map((g) => g.etag)).toEqual(board.goals.map((g) => g.etag));
    expect(again.goalsDeltaLink).toBeTruthy();
  });

  it('brings what changed while the tab was closed, still without a full read', async () => {
    h = await startGraph();
    const repo = await seed(h);
    const first = session(h);
    first.reads.startGoalTracking();
    const board = await first.reads.board('vantaa-2021');
    await repo.goals.create(S.goal('G4'));

    const second = session(h);
    const again = await second.reads.board('vantaa-2021', persisted(board));
    expect(second.asked.filter((p) => !p.endsWith('/lists'))).toEqual(['items/delta']);
    expect(keysOf(again)).toEqual(['G1', 'G2', 'G3', 'G4']);
  });

  it('reads the board in full when Graph no longer knows the cached link (410), with no error', async () => {
    h = await startGraph();
    const repo = await seed(h);
    const first = session(h);
    first.reads.startGoalTracking();
    const board = await first.reads.board('vantaa-2021');
    await repo.themes.create(S.theme('T2'));

    const second = session(h, { expireDeltaLinks: true });
    const again = await second.reads.board('vantaa-2021', persisted(board));
    // The link answered 410: delta started over, then the whole board was read (themes included).
    expect(second.asked).toContain('v1.0/$batch');
    expect(again.themes.map((t) => t.value.key).sort()).toEqual(['T1', 'T2']);
    expect(keysOf(again)).toEqual(['G1', 'G2', 'G3']);
    expect(again.goalsDeltaLink).toBeTruthy();
  });

  it('reads in full a cached board whose last full read is older than ten minutes: its themes may have changed', async () => {
    h = await startGraph();
    const repo = await seed(h);
    const first = session(h);
    first.reads.startGoalTracking();
    const board = await first.reads.board('vantaa-2021');
    expect(board.fullReadAt).toBeGreaterThan(Date.now() - 60_000);
    await repo.themes.create(S.theme('T2'));

    const old = { ...persisted(board), fullReadAt: Date.now() - RESUME_WITHIN_MS - 1 };
    const second = session(h);
    const again = await second.reads.board('vantaa-2021', old);
    expect(second.asked).toContain('v1.0/$batch');
    expect(again.themes.map((t) => t.value.key).sort()).toEqual(['T1', 'T2']);
    expect(again.fullReadAt).toBeGreaterThan(old.fullReadAt);
  });

  it('refreshes a resumed board within the session by delta too, bringing a goal changed after the reload', async () => {
    h = await startGraph();
    const repo = await seed(h);
    const first = session(h);
    first.reads.startGoalTracking();
    const board = await first.reads.board('vantaa-2021');

    const second = session(h);
    const resumed = await second.reads.board('vantaa-2021', persisted(board));
    await repo.goals.create(S.goal('G5'));
    const later = await second.reads.board('vantaa-2021', resumed);
    expect(second.asked.filter((p) => !p.endsWith('/lists'))).toEqual(['items/delta', 'items/delta']);
    expect(keysOf(later)).toEqual(['G1', 'G2', 'G3', 'G5']);
  });

  it('refreshes a board read in full by delta within the session', async () => {
    h = await startGraph();
    const repo = await seed(h);
    const s1 = session(h);
    s1.reads.startGoalTracking();
    const board = await s1.reads.board('vantaa-2021');
    await repo.goals.create(S.goal('G6'));
    const later = await s1.reads.board('vantaa-2021', board);
    expect(keysOf(later)).toEqual(['G1', 'G2', 'G3', 'G6']);
    expect(s1.asked.at(-1)).toBe('items/delta');
  });
});
