import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import type { CheckIn } from '../../../src/domain';
import { startTestServer, type TestServer } from '../support/local-server';

/**
 * The summary reconciler's periodic pass repairs only the goals whose check-ins changed since the
 * last pass (Graph delta on CheckIns), instead of reading every check-in of every plan each time.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.server.reconciler.started;
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

describe('the periodic summary reconcile pass', () => {
  it('repairs a goal whose check-in landed without its summary update, reading only that goal', async () => {
    const { repo, graph } = t.server.services;
    const goal = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value).find((g) => g.units.length > 0)!;
    // A check-in stored as a crash would leave it: in CheckIns, not yet in the goal's summary.
    const orphan: CheckIn = {
      key: 'reconcile-orphan', goalKey: goal.key, planKey: goal.planKey, period: '2021-09', unit: goal.units[0]!, status: 0,
      narrative: 'Tallentui, mutta yhteenveto jäi päivittämättä.', author: { id: 'x', upn: 'x@demo.invalid', name: 'Testi' },
      submittedAt: '2021-09-22T05:00:00Z', source: 'tab', submissionId: 'reconcile-orphan-0000',
    };
    await repo.checkIns.create(orphan);
    expect((await repo.goals.get(goal.key)).value.summary[orphan.unit!]?.checkInKey).not.toBe(orphan.key);

    graph.resetStats();
    expect(await t.server.reconciler.pass()).toEqual([goal.key]);
    // The delta of CheckIns, the goal, its check-ins, the summary update.
    expect(graph.stats().requests).toBeLessThanOrEqual(4);
    const repaired = (await repo.goals.get(goal.key)).value;
    expect(repaired.summary[orphan.unit!]?.checkInKey).toBe(orphan.key);
    expect(repaired.summary).toEqual(summaryFromCheckIns((await repo.checkIns.list({ goalKey: goal.key })).items.map((c) => c.value)));

    // Nothing changed since: one delta request, no goal read.
    graph.resetStats();
    expect(await t.server.reconciler.pass()).toEqual([]);
    expect(graph.stats().requests).toBe(1);

  });
});
