import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historiesComplete, isInvolved, isMember, OVERALL, statusesAt, summaryAsOf, type Goal, type Group } from '../../../src/domain';
import { reconcileSummaries, summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * The goal summary carries each slot's month-by-month history, written by the check-in command in
 * the same summary update (three Graph round trips a check-in), so the dashboard shows any past
 * month and its trend from the board alone. Goals written before histories existed get them from
 * the summary reconciler.
 */
let t: TestServer;
let member: DemoUserInfo;
let goal: Goal;

beforeAll(async () => {
  t = await startTestServer();
  const repo = t.server.services.repo;
  const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
  const groups: Group[] = (await repo.groups.list()).items.map((g) => g.value);
  member = t.users.find((u) => u.roles.length === 0 && groups.some((g) => isMember(g, u.id)) && goals.some((x) => isInvolved(u.id, x, groups) && x.units.length > 1))!;
  goal = goals.find((g) => isInvolved(member.id, g, groups) && g.units.length > 1)!;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const checkInsOf = async (goalKey: string) => (await t.server.services.repo.checkIns.list({ goalKey })).items.map((i) => i.value);
const asPairs = (s: Record<string, { period: string; status: number }>) => Object.fromEntries(Object.entries(s).map(([k, e]) => [k, { period: e.period, status: e.status }]));

describe('the month-by-month status history in goal summaries', () => {
  it('is complete for every demo goal, and answers each month as the replay of its check-ins does', async () => {
    const goals = (await t.server.services.repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
    expect(historiesComplete(goals)).toBe(true);
    for (const g of goals) {
      const checkIns = await checkInsOf(g.key);
      for (const month of ['2021-02', '2021-05', '2021-08']) expect(statusesAt(g, month), `${g.key} ${month}`).toEqual(asPairs(summaryAsOf(checkIns, month)));
    }
  });

  it('takes an overdue report for a past month through the API in three Graph round trips, and August then shows it', async () => {
    const unit = goal.units[0]!;
    const { accessToken } = await t.token(member.id);
    const graph = t.server.services.graph;
    // A first call resolves list ids and the caller's roles once per process; then it is the command
    // alone. (On another slot: stored times have SharePoint's one-second precision, and a past month's
    // correction in the same second as another report of its slot costs a recomputation.)
    const warm = await t.api('/api/check-ins', {
      token: accessToken,
      body: { goalKey: goal.key, period: '2021-09', unit: goal.units[1] ?? unit, status: 1, narrative: 'Syyskuu.', submissionId: `it-history-warm-${Date.now().toString(36)}` },
    });
    expect(warm.status, JSON.stringify(warm.body)).toBe(201);
    // The reconciler's pass at start reads through the same client: let it finish first.
    await t.server.reconciler.started;
    graph.resetStats();
    const r = await t.api('/api/check-ins', {
      token: accessToken,
      body: { goalKey: goal.key, period: '2021-08', unit, status: 0, narrative: 'Elokuun raportti myöhässä: ei toteudu.', submissionId: `it-history-${Date.now().toString(36)}` },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(graph.stats().requests).toBe(3);
    const after = await t.server.services.repo.goals.get(goal.key);
    expect(statusesAt(after.value, '2021-08')?.[unit]).toEqual({ period: '2021-08', status: 0 });
    expect(asPairs(statusesAt(after.value, '2021-08')!)).toEqual(asPairs(summaryAsOf(await checkInsOf(goal.key), '2021-08')));
  });

  it('is rebuilt by the summary reconciler for a goal written before histories existed', async () => {
    const repo = t.server.services.repo;
    const current = await repo.goals.get(goal.key);
    const legacy = Object.fromEntries(Object.entries(current.value.summary).map(([slot, e]) => {
      const { history: _h, historyAt: _a, ...rest } = e;
      return [slot, rest];
    }));
    await repo.goals.update({ ...current.value, summary: legacy }, current.etag);
    expect(historiesComplete([(await repo.goals.get(goal.key)).value])).toBe(false);

    expect(await reconcileSummaries(t.server.services.ctx, goal.planKey)).toContain(goal.key);
    const rebuilt = (await repo.goals.get(goal.key)).value;
    expect(historiesComplete([rebuilt])).toBe(true);
    expect(rebuilt.summary).toEqual(summaryFromCheckIns(await checkInsOf(goal.key)));
    expect(Object.keys(rebuilt.summary).filter((s) => s !== OVERALL).length).toBeGreaterThan(0);
    expect(await reconcileSummaries(t.server.services.ctx, goal.planKey)).toEqual([]);
  });

  it('is not undone by the reconciler when a check-in lands between its read of the check-ins and its summary write', async () => {
    const repo = t.server.services.repo;
    const unit = goal.units[0]!;
    // A summary that needs repair, so the reconciler will write.
    const stale = await repo.goals.get(goal.key);
    await repo.goals.update({ ...stale.value, summary: {} }, stale.etag);
    // Right after the reconciler has read the goal's check-ins, a member's check-in is stored and
    // its summary update lands: the reconciler's write then meets 412.
    const { accessToken } = await t.token(member.id);
    const list = repo.checkIns.list.bind(repo.checkIns);
    let fired = false;
    let posted: { status: number; body: { value: { key: string } } } | undefined;
    repo.checkIns.list = async (q) => {
      const read = await list(q);
      if (!fired && q && 'goalKey' in q && q.goalKey === goal.key) {
        fired = true;
        posted = await t.api('/api/check-ins', {
          token: accessToken,
          body: { goalKey: goal.key, period: '2021-09', unit, status: 2, narrative: 'Kesken jäänyt korjaus ei saa kumota tätä.', submissionId: `it-race-${Date.now().toString(36)}` },
        });
      }
      return read;
    };
    try {
      await reconcileSummaries(t.server.services.ctx, undefined, [goal.key]);
    } finally {
      repo.checkIns.list = list;
    }
    expect(posted?.status).toBe(201);
    const after = (await repo.goals.get(goal.key)).value;
    expect(after.summary[unit]?.checkInKey).toBe(posted!.body.value.key);
    expect(after.summary).toEqual(summaryFromCheckIns(await checkInsOf(goal.key)));
  });
});
