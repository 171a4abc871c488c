import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitCheckIn } from '../../../src/commands';
import { pickText, type Actor } from '../../../src/domain';
import { expectValidCard } from '../../unit/cards/validate-card';
import { activities, startHarness, type Harness } from './harness';

/**
 * Escalation: after September's due date (5 Oct 2021) has passed, each responsible person who
 * installed the app gets one personal card listing only their goals with slots still unreported
 * (and only those slots). Nobody else gets one: not someone who reported everything, not a group
 * member who is responsible for nothing, not the channels.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PLAN = 'vantaa-ko-2021';
const MIKKO = { aadObjectId: id(101), name: 'Mikko Salonen' }; // responsible for goals 1, 2, 7, 8, 9
const LEENA = { aadObjectId: id(2), name: 'Leena Koskinen' }; // leader, responsible for goal 10 (KASO only)
const VILLE = { aadObjectId: id(4), name: 'Ville Korhonen' }; // group member, responsible for nothing
const chat = (p: { aadObjectId: string }) => `a:personal-${p.aadObjectId}`;

type Any = Record<string, any>;
const texts = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (node && typeof node === 'object') {
    if ((node as Any).type === 'TextBlock') out.push((node as Any).text);
    Object.values(node).forEach((v) => texts(v, out));
  }
  return out;
};
/** The goals a personal card lists, by code, each with the line under it (state · open units). */
const goalsOf = (card: Any): Record<string, string> =>
  Object.fromEntries(
    (card.body as Any[]).filter((b) => b.type === 'Container').map((c) => [/^\*\*(\S+)\*\*/.exec(c.items[0].text)![1], c.items[1].text as string]),
  );

async function report(h: Harness, who: { aadObjectId: string; name: string; upn: string; roles?: Actor['roles'] }, goalKey: string, unit: string) {
  const actor: Actor = { id: who.aadObjectId, upn: who.upn, name: who.name, roles: who.roles ?? [] };
  await submitCheckIn(h.server.services.ctx, actor, { goalKey, period: '2021-09', unit, status: 1, narrative: 'Myöhässä mutta etenee.', submissionId: `late-${goalKey}-${unit}` });
}

describe('escalation after the due date', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2021-10-07T10:00:00+03:00' });
    for (const p of [MIKKO, LEENA, VILLE]) await h.post(activities.personalInstall(h.connector.url, p));
    await report(h, { ...LEENA, upn: 'leena.koskinen@demo.vantaa.invalid', roles: ['leader'] }, `${PLAN}.g10`, 'KASO');
    await report(h, { ...MIKKO, upn: 'mikko.salonen@demo.vantaa.invalid' }, `${PLAN}.g1`, 'KASO');
    h.connector.recorded.length = 0;
  }, 60_000);
  afterAll(async () => h?.close());

  it('sends each responsible person with overdue goals one card listing only what is still missing', async () => {
    const run = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['escalation'] });
    expect(run.failed).toEqual([]);
    expect(run.sent.map((s) => s.key)).toEqual([`${PLAN}|2021-09|person:${MIKKO.aadObjectId}|escalation`]);
    const sent = h.connector.delivered().filter((r) => r.method === 'POST');
    expect(sent.map((r) => r.conversationId)).toEqual([chat(MIKKO)]);

    const card = sent[0]!.body.attachments[0].content as Any;
    expectValidCard(card);
    expect(texts(card)[0]).toContain('Myöhässä olevat tilannepäivitykset jaksolta');
    const goals = goalsOf(card);
    expect(Object.keys(goals)).toEqual(['1', '2', '7', '8', '9']);
    for (const line of Object.values(goals)) expect(line).toMatch(/^Myöhässä/);
    // goal 1: KASO was reported late, TAKO is still missing
    const units = new Map((await h.server.services.repo.units.list()).items.map((u) => [u.value.key, pickText(u.value.name, 'fi')]));
    expect(goals['1']).toContain(units.get('TAKO'));
    expect(goals['1']).not.toContain(units.get('KASO'));

    const log = (await h.server.services.repo.reminderLog.list({ period: '2021-09' })).items.map((r) => r.value);
    expect(log.map((r) => [r.kind, r.target, r.state])).toEqual([['escalation', `person:${MIKKO.aadObjectId}`, 'sent']]);
  });

  it('does not send an escalation twice when the run is repeated', async () => {
    await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['escalation'] });
    const before = h.connector.delivered().length;
    const again = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['escalation'] });
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['sent already']);
    expect(h.connector.delivered()).toHaveLength(before);
  });
});

describe('escalation before the due date', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(); // 22 Sep 2021: September is due, not overdue
    await h.post(activities.personalInstall(h.connector.url, MIKKO));
  }, 60_000);
  afterAll(async () => h?.close());

  it('plans no escalation while the period is only due, though the personal reminder goes out', async () => {
    const r = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['personal', 'escalation'], dryRun: true });
    expect(r.planned.map((p) => [p.kind, p.target])).toEqual([['personal', `person:${MIKKO.aadObjectId}`]]);
  });
});
