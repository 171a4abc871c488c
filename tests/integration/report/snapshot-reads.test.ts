import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report';
import type { BoardReader, CheckInQuery } from '../../../src/ports';
import { exportReport } from '../../../src/reports';
import { startTestServer, type TestServer } from '../support/local-server';

/**
 * The board report reads only the months its snapshot needs (from the goals' summaries) plus the
 * histories of quantitative goals, not the plan's whole history — and the report is the same as
 * one built from every check-in.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

function counting(board: BoardReader): { reader: BoardReader; queries: CheckInQuery[] } {
  const queries: CheckInQuery[] = [];
  return {
    queries,
    reader: {
      readPlanBoard: (k) => board.readPlanBoard(k),
      readCheckIns: (q) => {
        queries.push(q);
        return board.readCheckIns(q);
      },
    },
  };
}

describe('the board report’s reads', () => {
  for (const period of ['2021-08', '2021-05', '2021-09']) {
    it(`for ${period}: never the whole plan's history, and the same report as from every check-in`, async () => {
      const board = t.server.services.board;
      const { reader, queries } = counting(board);
      const now = new Date('2021-09-22T06:00:00Z');
      const { report } = await exportReport(reader, { plan: 'vantaa-ko-2021', period, lang: 'sv', format: 'csv' }, now);
      expect(queries.some((q) => 'planKey' in q && q.period === undefined && q.periods === undefined)).toBe(false);
      const months = queries.flatMap((q) => ('planKey' in q ? (q.periods ?? (q.period ? [q.period] : [])) : []));
      expect(months.every((m) => m <= period)).toBe(true);
      expect(months).toContain(period === '2021-09' ? '2021-08' : period);

      const planBoard = await board.readPlanBoard('vantaa-ko-2021');
      const all = (await board.readCheckIns({ planKey: 'vantaa-ko-2021' })).items.map((c) => c.value);
      const expected = buildReport({
        plan: planBoard.plan.value,
        themes: planBoard.themes.map((x) => x.value),
        goals: planBoard.goals.map((x) => x.value),
        groups: planBoard.groups.map((x) => x.value),
        units: planBoard.units.map((x) => x.value),
        checkIns: all,
        period,
        lang: 'sv',
        generatedAt: now.toISOString(),
        filter: {},
      });
      expect(report).toEqual(expected);
    });
  }
});
