import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillDerivedColumns, createBoardReader, createGraphRepository, createSiteLists, toCreateFields } from '../../../src/graph';
import type { Repository } from '../../../src/ports';
import { startGraph, type GraphHarness } from './harness';
import * as S from '../../unit/graph/sample-entities';

let h: GraphHarness;
let repo: Repository;
let items: string;
beforeAll(async () => {
  h = await startGraph({ pageSize: 5 });
  repo = createGraphRepository({ client: h.client, siteId: h.siteId });
  items = `${(await createSiteLists(h.client, h.siteId).listPath('checkIn')).slice(1)}/items`;
});
afterAll(async () => { await h.stop(); });

describe('backfilling compound keys on items written before the column existed', () => {
  it('writes PlanPeriodUnit and PlanPeriod on every older check-in so period reads find them, and a rerun changes nothing', async () => {
    // Seven check-ins as an older version of the app wrote them: no compound keys.
    for (let i = 0; i < 7; i++) {
      const { PlanPeriod: _, PlanPeriodUnit: __, ...older } = toCreateFields('checkIn', S.checkIn(`OLD-${i}`, `sub-old-${i}-000000`));
      expect((await h.raw('POST', items, { fields: older })).status).toBe(201);
    }
    await repo.checkIns.create(S.checkIn('NEW', 'sub-new-0000000'));
    expect((await repo.checkIns.list({ planKey: 'vantaa-2021', period: '2021-08' })).items.map((c) => c.value.key)).toEqual(['NEW']);

    const first = await backfillDerivedColumns({ client: h.client, siteId: h.siteId });
    expect(first.lists).toEqual([
      { list: 'CheckIns', column: 'PlanPeriodUnit', updated: 7, skipped: 0 },
      { list: 'CheckIns', column: 'PlanPeriod', updated: 7, skipped: 0 },
      { list: 'ReminderLog', column: 'PlanPeriod', updated: 0, skipped: 0 },
    ]);
    const period = await repo.checkIns.list({ planKey: 'vantaa-2021', period: '2021-08' });
    expect(period.items.map((c) => c.value.key).sort()).toEqual(['NEW', ...Array.from({ length: 7 }, (_, i) => `OLD-${i}`)].sort());
    const reader = createBoardReader({ client: h.client, siteId: h.siteId });
    expect((await reader.readCheckIns({ planKey: 'vantaa-2021', period: '2021-08', units: ['VAKA'] })).items).toHaveLength(8);
    // The check-ins themselves are unchanged.
    expect((await repo.checkIns.get('OLD-3')).value).toEqual(S.checkIn('OLD-3', 'sub-old-3-000000'));

    const again = await backfillDerivedColumns({ client: h.client, siteId: h.siteId });
    expect(again.lists).toEqual([
      { list: 'CheckIns', column: 'PlanPeriodUnit', updated: 0, skipped: 0 },
      { list: 'CheckIns', column: 'PlanPeriod', updated: 0, skipped: 0 },
      { list: 'ReminderLog', column: 'PlanPeriod', updated: 0, skipped: 0 },
    ]);
  });
});
