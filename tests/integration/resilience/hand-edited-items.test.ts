import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../../src/cards';
import { reconcileSummaries } from '../../../src/commands/submit-check-in';
import { activities } from '../bot/harness';
import { startTestServer, type TestServer } from '../support/local-server';

/*
 * People edit the SharePoint lists by hand. Items are written here through Graph with the app's
 * own client, bypassing the app's commands, into shapes SharePoint itself accepts (it refuses an
 * empty required column and text in a Number column, and so does the emulator): a required JSON
 * column without its required part, text where the status number goes, a status number no scale
 * has. The board names each unreadable item and keeps the rest; a command on such a goal answers a
 * 4xx naming the item and the column, never a 500.
 */

const PLAN = 'vantaa-ko-2021';
const MISSING = 'vantaa-ko-2021.g3'; // Indicator without its required text
const TEXT_STATUS = 'vantaa-ko-2021.g5'; // "kaksi" where the summary's status number goes
const UNKNOWN_STATUS = 'vantaa-ko-2021.g4'; // status 7 on a 0–2 scale

let t: TestServer;
let adminToken: string;
let leaderToken: string;
const itemIds: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  // The start's summary pass recomputes summaries from CheckIns: edit after it, or it may undo the edit.
  await t.server.reconciler.started;
  adminToken = (await t.token(t.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
  leaderToken = (await t.token(t.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!.id)).accessToken;
  const { repo, lists, graph } = t.server.services;
  const goals = (await repo.goals.list({ planKey: PLAN })).items;
  const goalsPath = await lists.listPath('goal');
  const byKey = (k: string) => goals.find((g) => g.value.key === k)!;
  for (const k of [MISSING, TEXT_STATUS, UNKNOWN_STATUS]) itemIds[k] = byKey(k).itemId;
  const edit = (key: string, fields: Record<string, unknown>) => graph.patch(`${goalsPath}/items/${itemIds[key]}/fields`, fields);

  await edit(MISSING, { Indicator: JSON.stringify({ kind: 'qualitative' }) });
  const [slot, entry] = Object.entries(byKey(TEXT_STATUS).value.summary)[0]!;
  await edit(TEXT_STATUS, { StatusSummary: JSON.stringify({ ...byKey(TEXT_STATUS).value.summary, [slot]: { ...entry, status: 'kaksi' } }) });
  const [slot7, entry7] = Object.entries(byKey(UNKNOWN_STATUS).value.summary)[0]!;
  await edit(UNKNOWN_STATUS, { StatusSummary: JSON.stringify({ ...byKey(UNKNOWN_STATUS).value.summary, [slot7]: { ...entry7, status: 7 } }) });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

describe('list items edited by hand into invalid shapes', () => {
  it('are refused by the emulator as SharePoint refuses them: an emptied required column, text in a Number column', async () => {
    const { lists, graph, repo } = t.server.services;
    const goal = (await repo.goals.list({ planKey: PLAN })).items[0]!;
    await expect(graph.patch(`${await lists.listPath('goal')}/items/${goal.itemId}/fields`, { GoalTitle: '' })).rejects.toThrow(/GoalTitle.*required/);
    const theme = (await repo.themes.list()).items[0]!;
    await expect(graph.patch(`${await lists.listPath('theme')}/items/${theme.itemId}/fields`, { SortOrder: 'kolme' })).rejects.toThrow(/SortOrder.*number/);
  });

  it('leave the rest of the board readable and name each unreadable item, its list and column', async () => {
    const board = await t.server.services.board.readPlanBoard(PLAN);
    const keys = board.goals.map((g) => g.value.key);
    expect(keys).not.toContain(MISSING);
    expect(keys).not.toContain(TEXT_STATUS);
    expect(keys).toContain(UNKNOWN_STATUS);
    expect(keys).toHaveLength(8);
    const named = board.invalid.map((r) => ({ list: r.list, itemId: r.itemId, issues: r.issues.map((i) => i.message) }));
    expect(named).toEqual(
      expect.arrayContaining([
        { list: 'Goals', itemId: itemIds[MISSING], issues: [expect.stringContaining('(column Indicator)')] },
        { list: 'Goals', itemId: itemIds[TEXT_STATUS], issues: [expect.stringContaining('(column StatusSummary)')] },
      ]),
    );
    expect(board.invalid).toHaveLength(2);
  });

  for (const [what, key, column] of [
    ['a required part missing', MISSING, 'Indicator'],
    ['text where a number goes', TEXT_STATUS, 'StatusSummary'],
  ] as const) {
    it(`answers a check-in and a review note on a goal with ${what} with 400 naming the item and column`, async () => {
      const goal = { goalKey: key, period: '2021-09', status: 1, narrative: 'Käsin muokattu tavoite', submissionId: `hand-${key}-1` };
      const checkIn = await t.api('/api/check-ins', { token: adminToken, body: { ...goal, unit: 'KASO' } });
      expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(400);
      expect(checkIn.body.error.code).toBe('invalid');
      expect(checkIn.body.error.message).toContain(`Goals item ${itemIds[key]} is invalid`);
      expect(checkIn.body.error.message).toContain(`column ${column}`);
      const review = await t.api('/api/reviews', { token: leaderToken, body: { goalKey: key, meetingDate: '2021-09-20', kind: 'comment', text: 'Huomio' } });
      expect(review.status, JSON.stringify(review.body)).toBe(400);
      expect(review.body.error.message).toContain(`Goals item ${itemIds[key]} is invalid`);
      expect(await t.server.services.repo.findCheckInBySubmission(`hand-${key}-1`)).toBeUndefined();
    });

    it(`answers a card's check-in submit on a goal with ${what} with the card saying the goal cannot be read and why, and writes nothing`, async () => {
      const member = { aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Aino Virtanen' };
      const data = { planKey: PLAN, groupKey: 'opiskeluhuolto-hyvinvointi', period: '2021-09', goalKey: key, unit: 'KASO', submissionId: `hand-card-${key}`, status: '1', narrative: 'Kortilta' };
      const r = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activities.cardAction('http://127.0.0.1:9', member, '19:hand@thread.tacv2', VERBS.checkIn, data)) });
      const body = await r.json();
      expect(body.statusCode, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(body.value)).toContain(`Tavoitteen ${key} tietoja ei voi lukea SharePoint-listasta, joten mitään ei tallennettu`);
      expect(JSON.stringify(body.value)).toContain(`column ${column}`);
      expect(await t.server.services.repo.findCheckInBySubmission(`hand-card-${key}`)).toBeUndefined();
    });
  }

  it('takes a check-in on a goal whose summary has a status no scale knows, and replaces that slot with a status on the scale', async () => {
    const goal = (await t.server.services.repo.goals.get(UNKNOWN_STATUS)).value;
    const [slot] = Object.entries(goal.summary).find(([, e]) => e.status === 7)!;
    const r = await t.api('/api/check-ins', { token: adminToken, body: { goalKey: UNKNOWN_STATUS, period: '2021-09', unit: slot, status: 1, narrative: 'Tilanne korjattu', submissionId: `hand-${UNKNOWN_STATUS}-1` } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await t.server.services.repo.goals.get(UNKNOWN_STATUS)).value.summary[slot]).toMatchObject({ period: '2021-09', status: 1 });
  });

  it('has a summary edited by hand to an unknown status recomputed from CheckIns by the summary pass', async () => {
    const { repo, lists, graph, ctx } = t.server.services;
    const goal = await repo.goals.get(UNKNOWN_STATUS);
    const [slot, entry] = Object.entries(goal.value.summary).find(([, e]) => e.period === '2021-08')!;
    await graph.patch(`${await lists.listPath('goal')}/items/${goal.itemId}/fields`, { StatusSummary: JSON.stringify({ ...goal.value.summary, [slot]: { ...entry, status: 9 } }) });
    expect((await repo.goals.get(UNKNOWN_STATUS)).value.summary[slot]!.status).toBe(9);
    expect(await reconcileSummaries(ctx, PLAN)).toContain(UNKNOWN_STATUS);
    expect((await repo.goals.get(UNKNOWN_STATUS)).value.summary[slot]).toMatchObject({ period: entry.period, status: entry.status, checkInKey: entry.checkInKey });
  });

  it('still exports the board report and plans the reminders with the unreadable items in the lists', async () => {
    for (const format of ['xlsx', 'csv', 'docx']) {
      const r = await fetch(`${t.url}/api/reports?plan=${PLAN}&period=2021-08&format=${format}&lang=fi`, { headers: { authorization: `Bearer ${leaderToken}` } });
      expect(r.status, `${format}: ${r.status}`).toBe(200);
    }
    const dry = await t.server.bot.runReminders({ planKey: PLAN, period: '2021-09', dryRun: true });
    expect(dry.planned.length).toBeGreaterThanOrEqual(0);
  });
});
