import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/bot';
import { linkChannel } from '../../../src/commands';
import { OVERALL, type Actor } from '../../../src/domain';
import { VERBS } from '../../../src/cards';
import { expectValidCard } from '../../unit/cards/validate-card';
import { activities, startHarness, type Harness } from './harness';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AINO = { aadObjectId: id(1), name: 'Aino Virtanen' }; // admin
const VILLE = { aadObjectId: id(4), name: 'Ville Korhonen' }; // member of opintopolut-ohjaus
const TUOMAS = { aadObjectId: id(7), name: 'Tuomas Laine' }; // in no group
const JOHANNA = { aadObjectId: id(107), name: 'Johanna Mattila' }; // owner of opintopolut-ohjaus
const PLAN = 'vantaa-ko-2021';
const TEAM_A = '19:opintopolut@thread.tacv2';
const TEAM_B = '19:tvt@thread.tacv2';
const TEAM_C = '19:monikulttuurisuus@thread.tacv2';
const REF = { planKey: PLAN, groupKey: 'opintopolut-ohjaus', period: '2021-09' };

type Any = Record<string, any>;
const cardOf = (r: { body: any }) => r.body.value as Any;
const findAll = (node: unknown, pred: (n: Any) => boolean, out: Any[] = []): Any[] => {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === 'object') {
    if (pred(node as Any)) out.push(node as Any);
    Object.values(node).forEach((v) => findAll(v, pred, out));
  }
  return out;
};
const sentCards = (h: Harness, conversationId: string) =>
  h.connector.delivered().filter((r) => r.method === 'POST' && r.conversationId === conversationId).map((r) => r.body.attachments[0].content as Any);
/** The cards `act` made the bot send to a conversation. */
async function cardsSentBy(conversationId: string, act: () => Promise<unknown>): Promise<Any[]> {
  const before = sentCards(h, conversationId).length;
  await act();
  return sentCards(h, conversationId).slice(before);
}

/*
 * One server for the file; each test sets up what it needs (idempotently) and works on goals,
 * groups and conversations no other test changes in a way it asserts on, so any test runs alone
 * (`-t`) or in any order.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ADMIN: Actor = { id: AINO.aadObjectId, upn: 'aino.virtanen@demo.vantaa.invalid', name: AINO.name, roles: ['admin'] };
/** Links a group's channel through the command (not through the card under test). */
const linked = (groupKey: string, teamId: string) =>
  linkChannel(h.server.services.ctx, ADMIN, groupKey, { conversationId: teamId, serviceUrl: h.connector.url, tenantId: 'tenant-0001', teamId });

/** September's group reminder, sent once for the file to the two linked channels: the message the card tests act on. */
let reminderRun: Promise<{ report: RunReport; a: Any; b: Any; sharedId: string }> | undefined;
function groupReminder() {
  reminderRun ??= (async () => {
    await linked('opintopolut-ohjaus', TEAM_A);
    await linked('tvt', TEAM_B);
    const report = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    const log = await h.server.services.repo.reminderLog.get(`${PLAN}|2021-09|group:opintopolut-ohjaus|group`);
    return { report, a: sentCards(h, TEAM_A).at(-1)!, b: sentCards(h, TEAM_B).at(-1)!, sharedId: log.value.activityId! };
  })();
  return reminderRun;
}

describe('install and link', () => {
  it('posts the welcome card with the group choice in the channel the app was added to', async () => {
    const [welcome, ...more] = await cardsSentBy(TEAM_A, async () => expect((await h.post(activities.teamInstall(h.connector.url, TEAM_A, JOHANNA))).status).toBe(200));
    expect(more).toEqual([]);
    expectValidCard(welcome);
    expect(findAll(welcome, (n) => n.id === 'groupKey')[0]!.choices.map((c: Any) => c.value)).toContain('opintopolut-ohjaus');
    expect(welcome!.actions[0]).toMatchObject({ type: 'Action.Execute', verb: VERBS.link });
  });

  it("refuses to link for someone who is neither admin nor the group's owner", async () => {
    const r = await h.post(activities.cardAction(h.connector.url, TUOMAS, TEAM_C, VERBS.link, { groupKey: 'monikulttuurisuus' }));
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(cardOf(r))).toContain('Vain ylläpitäjät ja ryhmän omistajat');
    expect((await h.server.services.repo.groups.get('monikulttuurisuus')).value.conversation).toBeUndefined();
  });

  it("links the channel when the group's owner chooses the group, storing the conversation reference", async () => {
    const r = await h.post(activities.cardAction(h.connector.url, JOHANNA, TEAM_A, VERBS.link, { groupKey: 'opintopolut-ohjaus' }));
    expectValidCard(cardOf(r));
    expect(JSON.stringify(cardOf(r))).toContain('Kanava yhdistetty');
    const g = (await h.server.services.repo.groups.get('opintopolut-ohjaus')).value;
    expect(g.conversation).toMatchObject({ conversationId: TEAM_A, serviceUrl: h.connector.url, tenantId: 'tenant-0001', teamId: TEAM_A });
  });

  it('lets an admin link another team', async () => {
    await h.post(activities.teamInstall(h.connector.url, TEAM_B, AINO));
    await h.post(activities.cardAction(h.connector.url, AINO, TEAM_B, VERBS.link, { groupKey: 'tvt' }));
    expect((await h.server.services.repo.groups.get('tvt')).value.conversation?.conversationId).toBe(TEAM_B);
  });

  it("stores a person's conversation on personal install", async () => {
    const greeting = await cardsSentBy(`a:personal-${VILLE.aadObjectId}`, () => h.post(activities.personalInstall(h.connector.url, VILLE, 'sv-FI')));
    const p = (await h.server.services.repo.people.get(VILLE.aadObjectId)).value;
    expect(p).toMatchObject({ name: 'Ville Korhonen', upn: 'ville.korhonen@demo.vantaa.invalid', language: 'sv', conversation: { conversationId: `a:personal-${VILLE.aadObjectId}` } });
    expect(greeting).toHaveLength(1);
    expect(JSON.stringify(greeting[0])).toContain('Hej Ville Korhonen');
  });
});

describe('commands in personal chat', () => {
  it('answers help in the user’s language', async () => {
    const before = h.connector.recorded.length;
    await h.post(activities.message(h.connector.url, VILLE, 'hjälp', 'sv-SE'));
    const reply = h.connector.recorded.slice(before)[0]!.body.attachments[0].content;
    expectValidCard(reply);
    expect(JSON.stringify(reply)).toContain('Vad jag kan göra');
  });

  it('answers status with my goals due this period', async () => {
    const before = h.connector.recorded.length;
    await h.post(activities.message(h.connector.url, VILLE, 'status', 'en-US'));
    const reply = h.connector.recorded.slice(before)[0]!.body.attachments[0].content;
    expectValidCard(reply);
    const s = JSON.stringify(reply);
    expect(s).toContain('Your goals due for 9/2021');
    expect(findAll(reply, (n) => n.type === 'Action.OpenUrl').map((a) => a.url)).toContain('http://localhost:' + h.server.port + '/goals/vantaa-ko-2021.g1');
  });
});

describe('the group reminder and answering it in the card', () => {
  it('sends one card per linked group with exactly its due goals', async () => {
    const { report, a, b, sharedId } = await groupReminder();
    expect(report.sent.map((x) => x.key).sort()).toEqual([`${PLAN}|2021-09|group:opintopolut-ohjaus|group`, `${PLAN}|2021-09|group:tvt|group`]);
    for (const c of [a, b]) expectValidCard(c);
    expect(findAll(a.body, (n) => n.type === 'Container').map((n) => n.id)).toEqual(['goal-vantaa-ko-2021.g1', 'goal-vantaa-ko-2021.g2']);
    expect(findAll(b.body, (n) => n.type === 'Container').map((n) => n.id)).toEqual(['goal-vantaa-ko-2021.g8', 'goal-vantaa-ko-2021.g9']);
    // user-specific views for the members, owners and responsible persons (≤ 60), refreshed by the refresh verb
    expect(a.refresh.action.verb).toBe(VERBS.refresh);
    expect(a.refresh.userIds).toContain(`8:orgid:${VILLE.aadObjectId}`);
    expect(a.refresh.userIds).toContain(`8:orgid:${JOHANNA.aadObjectId}`);
    expect(a.refresh.userIds).not.toContain(`8:orgid:${TUOMAS.aadObjectId}`);
    const log = await h.server.services.repo.reminderLog.get(`${PLAN}|2021-09|group:opintopolut-ohjaus|group`);
    expect(log.value).toMatchObject({ state: 'sent', conversationId: TEAM_A, activityId: sharedId });
    expect(report.sent.find((x) => x.key === log.value.key)?.activityId).toBe(sharedId);
  });

  it('refreshes into a member view for members and a read-only view for others', async () => {
    const { sharedId } = await groupReminder();
    const member = cardOf(await h.post(activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.refresh, REF, sharedId)));
    expectValidCard(member);
    expect(findAll(member, (n) => n.verb === VERBS.openForm)).toHaveLength(2);
    const reader = cardOf(await h.post(activities.cardAction(h.connector.url, TUOMAS, TEAM_A, VERBS.refresh, REF, sharedId)));
    expectValidCard(reader);
    expect(findAll(reader, (n) => n.verb === VERBS.openForm)).toHaveLength(0);
  });

  it("gives a non-member the refusal card and writes nothing, even with a forged submit", async () => {
    const { sharedId } = await groupReminder();
    const before = (await h.server.services.repo.checkIns.list({ goalKey: 'vantaa-ko-2021.g1' })).items.length;
    const open = cardOf(await h.post(activities.cardAction(h.connector.url, TUOMAS, TEAM_A, VERBS.openForm, { ...REF, goalKey: 'vantaa-ko-2021.g1', unit: 'KASO' }, sharedId)));
    expectValidCard(open);
    expect(JSON.stringify(open)).toContain('Et voi raportoida tästä tavoitteesta');
    const forged = cardOf(
      await h.post(
        activities.cardAction(h.connector.url, TUOMAS, TEAM_A, VERBS.checkIn, { ...REF, goalKey: 'vantaa-ko-2021.g1', unit: 'KASO', submissionId: 'forged-0001', status: '2', narrative: 'Hyvin menee' }, sharedId),
      ),
    );
    expect(JSON.stringify(forged)).toContain('Et voi raportoida tästä tavoitteesta');
    expect((await h.server.services.repo.checkIns.list({ goalKey: 'vantaa-ko-2021.g1' })).items.length).toBe(before);
    expect(await h.server.services.repo.findCheckInBySubmission('forged-0001')).toBeUndefined();
  });

  it('opens the inline form for a member, and a submit from it lands in the goal summary exactly once', async () => {
    const { sharedId } = await groupReminder();
    const form = cardOf(await h.post(activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.openForm, { ...REF, goalKey: 'vantaa-ko-2021.g1', unit: 'KASO' }, sharedId)));
    expectValidCard(form);
    const inputs = findAll(form, (n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['unit', 'status', 'narrative']);
    expect(inputs[1]!.choices.map((c: Any) => c.title)).toEqual(['Toteutuu täysin', 'Toteutuu osittain', 'Ei toteudu']);
    const submit = findAll(form, (n) => n.verb === VERBS.checkIn)[0]!;
    // the Teams client merges the inputs into the action data
    const data = { ...submit.data, unit: 'KASO', status: '2', narrative: 'Ohjauksen mallit on sovittu kaikissa kouluissa.' };
    const first = await h.post(activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.checkIn, data, sharedId));
    const refreshed = cardOf(first);
    expectValidCard(refreshed);
    const s = JSON.stringify(refreshed);
    expect(s).toContain('Tallennettu');
    expect(s).toContain('Raportoinut Ville Korhonen');
    // the shared message is updated for everyone
    const put = h.connector.delivered().filter((r) => r.method === 'PUT' && r.activityId === sharedId).at(-1);
    expect(put).toBeDefined();
    expect(JSON.stringify(put!.body)).toContain('Raportoinut Ville Korhonen');
    // the same submission again (a double click, a retry) writes nothing new
    await h.post(activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.checkIn, data, sharedId));
    const mine = (await h.server.services.repo.checkIns.list({ goalKey: 'vantaa-ko-2021.g1' })).items.filter((c) => c.value.submissionId === submit.data.submissionId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.value).toMatchObject({ source: 'card', status: 2, unit: 'KASO', period: '2021-09', author: { id: VILLE.aadObjectId, upn: 'ville.korhonen@demo.vantaa.invalid' } });
    // and it is what the dashboard reads: the goal's summary
    const goal = (await h.server.services.repo.goals.get('vantaa-ko-2021.g1')).value;
    expect(goal.summary.KASO).toMatchObject({ period: '2021-09', status: 2, author: { name: 'Ville Korhonen' } });
    expect(goal.summary[OVERALL]).toBeUndefined();
  });

  it('shows field problems in the form instead of writing a bad check-in', async () => {
    const { sharedId } = await groupReminder();
    const r = cardOf(
      await h.post(
        activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.checkIn, { ...REF, goalKey: 'vantaa-ko-2021.g2', unit: 'KASO', submissionId: 'card-bad-000001', status: '7', narrative: 'x' }, sharedId),
      ),
    );
    expectValidCard(r);
    expect(JSON.stringify(r)).toContain('Tarkista');
    expect(await h.server.services.repo.findCheckInBySubmission('card-bad-000001')).toBeUndefined();
  });

  it('answers stale or tampered data with a refusal, not a crash', async () => {
    const { sharedId } = await groupReminder();
    const r = await h.post(activities.cardAction(h.connector.url, VILLE, TEAM_A, VERBS.openForm, { ...REF, goalKey: 'no-such-goal' }, sharedId));
    expect(r.body.statusCode).toBe(200);
    expect(JSON.stringify(cardOf(r))).toContain('Kortti on vanhentunut');
  });
});

describe('uninstall', () => {
  it('unlinks the channel when the bot is removed from the team, so reminders no longer go there', async () => {
    await linked('opintopolut-ohjaus', TEAM_A);
    await linked('tvt', TEAM_B);
    await h.post(activities.teamRemove(h.connector.url, TEAM_B));
    expect((await h.server.services.repo.groups.get('tvt')).value.conversation).toBeUndefined();
    const report = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-10', kinds: ['group'], dryRun: true });
    expect(report.planned.map((p) => p.target)).toEqual(['group:opintopolut-ohjaus']);
  });

  it("forgets a person's chat when they remove the app, so personal reminders no longer go there", async () => {
    const PEKKA = { aadObjectId: id(3), name: 'Pekka Järvinen' };
    await h.post(activities.personalInstall(h.connector.url, PEKKA));
    const installed = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['personal'], dryRun: true });
    expect(installed.planned.map((p) => p.target)).toContain(`person:${PEKKA.aadObjectId}`);
    await h.post(activities.personalRemove(h.connector.url, PEKKA));
    const stored = (await h.server.services.repo.people.get(PEKKA.aadObjectId)).value;
    expect(stored).toMatchObject({ key: PEKKA.aadObjectId, name: 'Pekka Järvinen' });
    expect(stored).not.toHaveProperty('conversation');
    const removed = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['personal'], dryRun: true });
    expect(removed.planned.map((p) => p.target)).not.toContain(`person:${PEKKA.aadObjectId}`);
  });

  it('does not fire reminders by itself on start (the local clock sits after the reminder day)', async () => {
    expect(await h.server.bot.scheduler.tick()).toEqual([]);
  });
});
