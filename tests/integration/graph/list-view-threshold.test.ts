import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid, NotFound, type CheckIn } from '../../../src/domain';
import { createBoardReader, createGraphRepository, createSiteLists } from '../../../src/graph';
import type { Repository } from '../../../src/ports';
import { startGraph, type GraphHarness } from './harness';
import * as S from '../../unit/graph/sample-entities';

// 12 check-ins a period × 4 periods = 48 in one plan, against a threshold of 30 standing in for 5,000.
const THRESHOLD = 30;
const PERIODS = ['2021-02', '2021-03', '2021-05', '2021-08'];
const PLAN = 'vantaa-2021';

let h: GraphHarness;
let repo: Repository;
const ci = (p: number, i: number): CheckIn => ({ ...S.checkIn(`C-${p}-${i}`, `sub-${p}-${i}-000000`), goalKey: `G${i}`, period: PERIODS[p]! });

beforeAll(async () => {
  h = await startGraph({ listViewThreshold: THRESHOLD, pageSize: 10 });
  const lists = createSiteLists(h.client, h.siteId);
  repo = createGraphRepository({ client: h.client, siteId: h.siteId, lists });
  await repo.plans.create(S.plan(PLAN));
  for (let p = 0; p < PERIODS.length; p++) await Promise.all(Array.from({ length: 12 }, (_, i) => repo.checkIns.create(ci(p, i))));
  await repo.checkIns.create({ ...S.checkIn('C-other', 'sub-other-000000'), planKey: 'other-plan' });
});
afterAll(async () => { await h.stop(); });

describe('check-in reads under the list view threshold', () => {
  it('writes the compound PlanPeriod key on every check-in, and never reads it back into the entity', async () => {
    const stored = await repo.checkIns.get('C-1-3');
    expect(stored.value).toEqual(ci(1, 3));
    const listId = (await createSiteLists(h.client, h.siteId).listPath('checkIn')).split('/').pop();
    const raw = await h.raw('GET', `sites/${h.siteId}/lists/${listId}/items/${stored.itemId}/fields`);
    expect(raw.body.PlanPeriod).toBe(`${PLAN}|2021-03`);
  });

  it('reads one period of a plan through PlanPeriod, which stays under the threshold where PlanKey does not', async () => {
    const listId = (await createSiteLists(h.client, h.siteId).listPath('checkIn')).split('/').pop();
    const byPlan = await h.raw('GET', `sites/${h.siteId}/lists/${listId}/items?$filter=fields/PlanKey eq '${PLAN}' and fields/Period eq '2021-03'`);
    expect(byPlan.status).toBe(429);
    const period = await repo.checkIns.list({ planKey: PLAN, period: '2021-03' });
    expect(period.items.map((c) => c.value.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `C-1-${i}`).sort());
    const reader = createBoardReader({ client: h.client, siteId: h.siteId });
    expect((await reader.readCheckIns({ planKey: PLAN, period: '2021-08' })).items).toHaveLength(12);
  });

  it('reads a whole plan period by period, so no query selects every check-in of the plan', async () => {
    const reader = createBoardReader({ client: h.client, siteId: h.siteId });
    const all = await reader.readCheckIns({ planKey: PLAN });
    expect(all.items).toHaveLength(48);
    expect(all.items.every((c) => c.value.planKey === PLAN)).toBe(true);
    await expect(reader.readCheckIns({ planKey: 'no-such-plan' })).rejects.toBeInstanceOf(NotFound);
  });

  it('reports a query over the threshold as Invalid at once, without retrying what waiting cannot fix', async () => {
    h.client.resetStats();
    const refused = await repo.checkIns.list({ planKey: PLAN, goalKey: 'G1' }).catch((e: unknown) => e);
    // Without a period PlanPeriod does not apply: PlanKey comes first and selects all 48.
    expect(refused).toBeInstanceOf(Invalid);
    expect((refused as Error).message).toContain('list view threshold');
    expect(h.client.stats()).toMatchObject({ requests: 1, retries: 0 });
  });
});

describe('a period larger than the threshold (3,000 goals × 5 service areas at L)', () => {
  // 3 service areas × 12 goals + 6 goals reported as a whole = 42 check-ins in one period, over the
  // threshold of 30; each service area's share (12, 6) stays under it.
  const BIG = 'espoo-2022';
  const AREAS = ['VAKA', 'POPE', 'LUKIO'];
  const big = (unit: string | undefined, i: number): CheckIn => {
    const { unit: _, ...base } = S.checkIn(`B-${unit ?? 'all'}-${i}`, `sub-b-${unit ?? 'all'}-${i}-000000`);
    return { ...base, planKey: BIG, goalKey: `BG${i}`, period: '2022-03', ...(unit ? { unit } : {}) };
  };
  beforeAll(async () => {
    await repo.plans.create({ ...S.plan(BIG), units: AREAS });
    for (const u of AREAS) await Promise.all(Array.from({ length: 12 }, (_, i) => repo.checkIns.create(big(u, i))));
    await Promise.all(Array.from({ length: 6 }, (_, i) => repo.checkIns.create(big(undefined, 20 + i))));
  });

  it('is refused by plan + period (PlanPeriod), as SharePoint would', async () => {
    const refused = await repo.checkIns.list({ planKey: BIG, period: '2022-03' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Invalid);
    expect((refused as Error).message).toContain('list view threshold');
  });

  it('is read whole one service area at a time, in one $batch, by the reader', async () => {
    const reader = createBoardReader({ client: h.client, siteId: h.siteId, pageSize: 50 });
    await reader.readCheckIns({ planKey: BIG, period: '2022-03', units: AREAS }); // list ids resolved
    h.client.resetStats();
    const named = await reader.readCheckIns({ planKey: BIG, period: '2022-03', units: AREAS });
    expect(named.items).toHaveLength(42);
    expect(h.client.stats().requests).toBe(1);
    // Without the caller's units, the reader finds the plan's (one more request first).
    h.client.resetStats();
    const found = await reader.readCheckIns({ planKey: BIG, period: '2022-03' });
    expect(found.items.map((c) => c.value.key).sort()).toEqual(named.items.map((c) => c.value.key).sort());
    expect(h.client.stats().requests).toBe(2);
  });
});

describe("a plan's reminder log over the threshold", () => {
  it('is read a month at a time by PlanPeriod, where PlanKey alone is refused', async () => {
    // 36 rows of one plan over 4 months, against the threshold of 30.
    const rows = Array.from({ length: 36 }, (_, i) => ({ ...S.reminderLog(`${PLAN}|${PERIODS[i % 4]}|R${i}|group`), planKey: PLAN, period: PERIODS[i % 4]! }));
    for (let i = 0; i < rows.length; i += 12) await Promise.all(rows.slice(i, i + 12).map((r) => repo.reminderLog.create(r)));
    const refused = await repo.reminderLog.list({ planKey: PLAN }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Invalid);
    const month = await repo.reminderLog.list({ planKey: PLAN, period: '2021-03' });
    expect(month.items.map((r) => r.value.key).sort()).toEqual(rows.filter((r) => r.period === '2021-03').map((r) => r.key).sort());
  });
});

describe('reads started together', () => {
  it('go to Graph as one $batch, each with its own answer or error', async () => {
    await repo.plans.list(); // list ids resolved
    h.client.resetStats();
    const [plan, checkIn, missing, period] = await Promise.all([
      repo.plans.get(PLAN),
      repo.findCheckInBySubmission('sub-2-5-000000'),
      repo.goals.find('no-such-goal'),
      repo.checkIns.list({ planKey: PLAN, period: '2021-05' }).catch((e: unknown) => e),
    ]);
    expect(plan.value.key).toBe(PLAN);
    expect(checkIn?.value.key).toBe('C-2-5');
    expect(missing).toBeUndefined();
    expect((period as { items: unknown[] }).items).toHaveLength(12);
    // One batch, plus the second page of the period's 12 check-ins (page size 10).
    expect(h.client.stats().requests).toBe(2);
  });

  it('send a read alone as a plain GET', async () => {
    h.client.resetStats();
    const before = h.emulator.stats().batchedRequests;
    await repo.plans.get(PLAN);
    expect(h.client.stats().requests).toBe(1);
    expect(h.emulator.stats().batchedRequests).toBe(before);
  });
});
