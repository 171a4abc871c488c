import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedReminders } from '../../../src/bot/reminders';
import { roleDirectoryFromUsers } from '../../../src/bot/roles';
import { importDataset, rememberPerson, type CommandContext } from '../../../src/commands';
import { buildDemoDataset } from '../../../src/demo';
import { createBoardReader, createGraphRepository } from '../../../src/graph';
import type { BoardReader, CheckInQuery, ReadOnlyRepository } from '../../../src/ports';
import { startGraph, type GraphHarness } from '../graph/harness';

/**
 * A digest says what changed since last period. The goals' summaries carry each slot's
 * month-by-month status, so it reads no check-in history at all; only a goal written before those
 * existed makes the run read the plan's whole history — once per run, not once per leader.
 * Counted here on the ports the bot reads through.
 */
const PLAN = 'vantaa-ko-2021';
const LEADERS = [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-90000000000${n}`, upn: `leader${n}@demo.invalid`, name: `Leader ${n}`, roles: ['leader' as const] }));
const LINKS = { teamsAppId: '00000000-0000-4000-8000-000000000abc', tabEntityId: 'myGoals', publicUrl: 'http://localhost:3978' };

let g: GraphHarness;
let ctx: CommandContext;
let board: BoardReader;
beforeAll(async () => {
  g = await startGraph();
  const repo = createGraphRepository({ client: g.client, siteId: g.siteId });
  board = createBoardReader({ client: g.client, siteId: g.siteId });
  ctx = { repo, clock: { now: () => new Date('2021-10-08T09:00:00+03:00') }, newId: randomUUID };
  await importDataset(ctx, buildDemoDataset());
  for (const l of LEADERS) {
    await rememberPerson(ctx, { key: l.id, name: l.name, upn: l.upn, language: 'fi', conversation: { conversationId: `a:personal-${l.id}`, serviceUrl: 'http://127.0.0.1:9' } });
  }
}, 60_000);
afterAll(async () => g?.stop());

/** Every read of a check-in list that spans the plan's whole history, through either port. */
function counting(repo: ReadOnlyRepository, b: BoardReader) {
  const historyReads: string[] = [];
  const isHistory = (q: CheckInQuery | Record<string, string> | undefined) => !!q && 'planKey' in q && !('period' in q && q.period);
  const countedBoard: BoardReader = {
    readPlanBoard: (k) => b.readPlanBoard(k),
    readCheckIns: (q) => {
      if (isHistory(q)) historyReads.push('board.readCheckIns');
      return b.readCheckIns(q);
    },
  };
  const countedRepo: ReadOnlyRepository = {
    ...repo,
    checkIns: {
      ...repo.checkIns,
      list: (f) => {
        if (isHistory(f)) historyReads.push('repo.checkIns.list');
        return repo.checkIns.list(f);
      },
    },
  };
  return { historyReads, board: countedBoard, repo: countedRepo };
}

describe("the leaders' digest", () => {
  const plan = (c: ReturnType<typeof counting>) =>
    plannedReminders({ repo: c.repo, board: c.board, ctx, roles: roleDirectoryFromUsers(LEADERS), links: LINKS }, PLAN, '2021-08', ['digest']);

  it('builds the digest from the goals’ summaries, reading no check-in history, whatever the number of leaders', async () => {
    const c = counting(ctx.repo, board);
    const planned = await plan(c);
    expect(planned.map((p) => p.target).sort()).toEqual(LEADERS.map((l) => `person:${l.id}`).sort());
    expect(c.historyReads).toEqual([]);
    const bodies = new Set(planned.map((p) => JSON.stringify(p.card)));
    expect(bodies.size).toBe(1);
    expect(JSON.stringify(planned[0]!.card)).toContain('6/2021');
  });

  it("reads the plan's history once per run when a goal's summary predates the month-by-month statuses, and says the same", async () => {
    const fromSummaries = JSON.stringify((await plan(counting(ctx.repo, board)))[0]!.card);
    const goal = (await ctx.repo.goals.list({ planKey: PLAN })).items[0]!;
    const legacy = Object.fromEntries(Object.entries(goal.value.summary).map(([slot, e]) => {
      const { history: _h, historyAt: _a, ...rest } = e;
      return [slot, rest];
    }));
    const stored = await ctx.repo.goals.update({ ...goal.value, summary: legacy }, goal.etag);
    try {
      const c = counting(ctx.repo, board);
      const planned = await plan(c);
      expect(c.historyReads).toEqual(['board.readCheckIns']);
      expect(new Set(planned.map((p) => JSON.stringify(p.card))).size).toBe(1);
      expect(JSON.stringify(planned[0]!.card)).toBe(fromSummaries);
    } finally {
      await ctx.repo.goals.update(goal.value, stored.etag);
    }
  });

  it('reads no history when no leader can be reached', async () => {
    const c = counting(ctx.repo, board);
    const planned = await plannedReminders({ repo: c.repo, board: c.board, ctx, roles: roleDirectoryFromUsers([]), links: LINKS }, PLAN, '2021-08', ['digest']);
    expect(planned).toEqual([]);
    expect(c.historyReads).toEqual([]);
  });
});
