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
 * A digest needs the plan's whole check-in history, the largest read of a reminder run. It must
 * be read once per run, not once per leader: counted here on the ports the bot reads through.
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
  it("reads the plan's check-in history once per run, whatever the number of leaders", async () => {
    const c = counting(ctx.repo, board);
    const planned = await plannedReminders(
      { repo: c.repo, board: c.board, ctx, roles: roleDirectoryFromUsers(LEADERS), links: LINKS },
      PLAN,
      '2021-08',
      ['digest'],
    );
    expect(planned.map((p) => p.target).sort()).toEqual(LEADERS.map((l) => `person:${l.id}`).sort());
    expect(c.historyReads).toEqual(['board.readCheckIns']);
    // every leader gets the same digest, built from that one read
    const bodies = new Set(planned.map((p) => JSON.stringify(p.card)));
    expect(bodies.size).toBe(1);
    expect(JSON.stringify(planned[0]!.card)).toContain('6/2021');
  });

  it('reads no history when no leader can be reached', async () => {
    const c = counting(ctx.repo, board);
    const planned = await plannedReminders({ repo: c.repo, board: c.board, ctx, roles: roleDirectoryFromUsers([]), links: LINKS }, PLAN, '2021-08', ['digest']);
    expect(planned).toEqual([]);
    expect(c.historyReads).toEqual([]);
  });
});
