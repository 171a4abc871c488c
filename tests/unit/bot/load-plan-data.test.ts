import { describe, expect, it } from 'vitest';
import { applyCheckIn, type CheckIn, type GoalSummary } from '../../../src/domain';
import { goalViews, loadPlanData } from '../../../src/bot/views';
import type { CommandContext } from '../../../src/commands';
import type { BoardReader, CheckInQuery, PlanBoard } from '../../../src/ports';
import { checkIn, goal, person, plan } from '../domain/fixtures';

const v = <T>(value: T) => ({ value, etag: '"1"', itemId: '1' });
const fold = (cs: CheckIn[]): GoalSummary => cs.reduce<GoalSummary>((s, c) => applyCheckIn(s, c), {});
const ctx = { clock: { now: () => new Date('2021-09-10T09:00:00+03:00') } } as unknown as CommandContext;

function boardOf(reports: CheckIn[]): { board: Pick<BoardReader, 'readPlanBoard' | 'readCheckIns'>; asked: CheckInQuery[] } {
  const asked: CheckInQuery[] = [];
  const b: PlanBoard = {
    plan: v(plan({ units: ['VAKA', 'POPE'] })),
    themes: [],
    goals: [v(goal({ key: 'g1', units: ['VAKA', 'POPE'], summary: fold(reports) }))],
    groups: [],
    units: [v({ key: 'VAKA', name: { fi: 'Varhaiskasvatus' }, order: 0 }), v({ key: 'POPE', name: { fi: 'Perusopetus' }, order: 1 })],
    invalid: [],
  };
  return {
    asked,
    board: {
      readPlanBoard: async () => b,
      readCheckIns: async (q) => {
        asked.push(q);
        return { items: reports.filter((c) => 'period' in q && c.period === q.period).map(v), invalid: [] };
      },
    },
  };
}

describe("the bot's view of a period", () => {
  it("says who reported the current period from the goals' summaries, reading no check-in", async () => {
    const vaka = checkIn({ unit: 'VAKA', period: '2021-08', status: 2, author: person('anna', 'Anna Virtanen'), submittedAt: '2021-08-30T10:00:00Z' });
    const { board, asked } = boardOf([vaka]);
    const d = await loadPlanData(board, ctx, 'vantaa-2021', '2021-08');
    expect(asked).toEqual([]);
    expect(goalViews(d, d.goals)[0]!.slots).toEqual([
      expect.objectContaining({ unit: 'VAKA', state: 'done', done: { period: '2021-08', status: 2, authorName: 'Anna Virtanen', at: '2021-08-30T10:00:00Z' } }),
      expect.objectContaining({ unit: 'POPE', state: 'overdue' }),
    ]);
  });

  it('reads the period one service area at a time when a later report hides it in the summaries', async () => {
    const reports = [
      checkIn({ unit: 'VAKA', period: '2021-08', status: 2, author: person('anna', 'Anna Virtanen'), submittedAt: '2021-08-30T10:00:00Z' }),
      checkIn({ unit: 'VAKA', period: '2021-09', status: 0, submittedAt: '2021-09-09T10:00:00Z' }),
    ];
    const { board, asked } = boardOf(reports);
    const d = await loadPlanData(board, ctx, 'vantaa-2021', '2021-08');
    expect(asked).toEqual([{ planKey: 'vantaa-2021', period: '2021-08', units: expect.arrayContaining(['*', 'VAKA', 'POPE']) }]);
    expect(goalViews(d, d.goals)[0]!.slots[0]).toMatchObject({ unit: 'VAKA', state: 'done', done: { period: '2021-08', status: 2, authorName: 'Anna Virtanen' } });
  });
});
