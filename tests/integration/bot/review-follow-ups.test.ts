import { afterEach, describe, expect, it } from 'vitest';
import { linkChannel } from '../../../src/commands';
import { validateCard } from '../../unit/cards/validate-card';
import { activities, startHarness, type Harness } from './harness';

/**
 * Closing the loop of a review meeting (issue 8) through the real server, bot and emulator, with
 * a recording connector: the group's next reminder card lists what the leadership team asked of
 * it, a member marks it done from the card (refreshed in place), and ending the review posts the
 * summary of its decisions to the meeting chat and to the channel of the group asked.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN = { id: id(1), upn: 'aino.virtanen@demo.vantaa.invalid', name: 'Aino Virtanen', roles: ['admin' as const] };
const LEADER = { aadObjectId: id(2), name: 'Leena Koskinen' };
const MEMBER = { aadObjectId: id(114), name: 'Timo Leinonen' }; // member of tvt
const OUTSIDER = { aadObjectId: id(3), name: 'Pekka Järvinen' };
const PLAN = 'vantaa-ko-2021';
const GROUP = 'tvt';
const CHANNEL = `19:${GROUP}@thread.tacv2`;
const CHAT = '19:meeting_NjA0ZTk3YjMtZmU1Ny00ZjNkLWE4NjgtOTg0ZTkzYmNhMTkw@thread.v2';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function tokenOf(h: Harness, userId: string): Promise<string> {
  const r = await fetch(`${h.server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await r.json()) as { accessToken: string }).accessToken;
}

async function api(h: Harness, path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${h.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

/** The text of every TextBlock in a card, in order. */
function texts(card: any): string[] {
  const out: string[] = [];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (x.type === 'TextBlock') out.push(x.text);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}
const cardOf = (activity: any) => activity.attachments[0].content;
/** The Action.Execute buttons of a card with their verb and data. */
function executes(card: any): { title: string; verb: string; data: any }[] {
  const out: any[] = [];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (x.type === 'Action.Execute') out.push(x);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out;
}

/** A decision with a follow-up for tvt on one of its goals, recorded by the leader over HTTP. */
async function decide(h: Harness, meetingId: string, ask: string) {
  const goal = (await h.server.services.repo.goals.list({ planKey: PLAN })).items.map((g) => g.value).find((g) => g.responsibleGroupKeys.includes(GROUP))!;
  const r = await api(h, '/api/reviews', await tokenOf(h, LEADER.aadObjectId), {
    goalKey: goal.key,
    period: '2021-09',
    meetingDate: '2021-09-22',
    kind: 'decision',
    text: 'Laitekannan uusiminen aikaistetaan.',
    meetingId,
    followUp: { ask, groupKey: GROUP, dueDate: '2021-10-15' },
  });
  expect(r.status).toBe(201);
  return { goal, review: r.body.value };
}

describe('follow-ups in the group reminder card', () => {
  it('lists the open follow-up in the group language and a member marks it done from the card, refreshed in place', async () => {
    h = await startHarness();
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
    const { goal, review } = await decide(h, 'local-followup1', 'Selvittäkää koulujen laitetarve');

    const run = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    expect(run.failed).toEqual([]);
    const posted = h.connector.delivered().find((r) => r.method === 'POST' && r.conversationId === CHANNEL)!;
    const card = cardOf(posted.body);
    expect(validateCard(card)).toEqual([]);
    expect(texts(card)).toContain(`**${goal.code}** Johtoryhmä pyysi 22.9.2021: Selvittäkää koulujen laitetarve, määräaika 15.10.2021`);
    const mark = executes(card).find((a) => a.verb === 'followUpDone')!;
    expect(mark).toMatchObject({ title: 'Merkitse tehdyksi', data: { planKey: PLAN, groupKey: GROUP, period: '2021-09', reviewKey: review.key } });

    const sharedId = run.sent[0]!.activityId;
    // Someone outside the group is refused and nothing is written.
    const refused = await h.post(activities.cardAction(h.connector.url, OUTSIDER, CHANNEL, mark.verb, mark.data, sharedId));
    expect(refused.status).toBe(200);
    expect(texts(refused.body.value).join('\n')).toContain('Vain pyynnön saaneen kehittämisryhmän jäsenet');
    expect((await h.server.services.repo.reviews.get(review.key)).value.followUp?.state).toBe('open');

    const done = await h.post(activities.cardAction(h.connector.url, MEMBER, CHANNEL, mark.verb, mark.data, sharedId));
    expect(done.status).toBe(200);
    expect(validateCard(done.body.value)).toEqual([]);
    expect(texts(done.body.value)).toContain('Merkitty tehdyksi: Selvittäkää koulujen laitetarve');
    expect(executes(done.body.value).some((a) => a.verb === 'followUpDone')).toBe(false);
    const stored = (await h.server.services.repo.reviews.get(review.key)).value.followUp!;
    expect(stored).toMatchObject({ state: 'done', doneBy: { id: MEMBER.aadObjectId } });
    // Everyone's copy of the message is updated too: the follow-up has left the shared card.
    const update = h.connector.delivered().filter((r) => r.method === 'PUT' && r.activityId === sharedId).at(-1)!;
    expect(update).toBeDefined();
    expect(texts(cardOf(update.body)).some((t) => t.includes('Johtoryhmä pyysi'))).toBe(false);
  });
});

describe('follow-ups for a Swedish-speaking group', () => {
  it('lists them in Swedish in the group card', async () => {
    h = await startHarness();
    const repo = h.server.services.repo;
    const g = await repo.groups.get(GROUP);
    await repo.groups.update({ ...g.value, language: 'sv' }, g.etag);
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
    const { goal } = await decide(h, 'local-followup-sv', 'Redogör för behovet av datorer');
    await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    const card = cardOf(h.connector.delivered().find((r) => r.method === 'POST' && r.conversationId === CHANNEL)!.body);
    expect(validateCard(card)).toEqual([]);
    expect(texts(card)).toContain(`**${goal.code}** Ledningsgruppen bad 22.9.2021: Redogör för behovet av datorer, senast 15.10.2021`);
    expect(executes(card).find((a) => a.verb === 'followUpDone')?.title).toBe('Markera som klar');
  });
});

describe('the summary when a review ends', () => {
  it('posts the decisions to the meeting chat and the follow-up to the linked channel of the group asked, once', async () => {
    h = await startHarness();
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
    const leader = await tokenOf(h, LEADER.aadObjectId);
    const meetingId = 'MCMxOTptZWV0aW5nX3N1bW1hcnk=';
    const goals = (await h.server.services.repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
    const asked = goals.find((g) => g.responsibleGroupKeys.includes(GROUP))!;
    const other = goals.find((g) => !g.responsibleGroupKeys.includes(GROUP))!;
    const start = await api(h, '/api/meetings', leader, { meetingId, planKey: PLAN, period: '2021-09', goalKeys: [other.key, asked.key], chatId: CHAT });
    expect(start.status).toBe(201);
    await decide(h, meetingId, 'Tuokaa laitesuunnitelma lokakuun kokoukseen');
    const plain = await api(h, '/api/reviews', leader, { goalKey: other.key, period: '2021-09', meetingDate: '2021-09-22', kind: 'decision', text: 'Tavoite pidetään ennallaan.', meetingId });
    expect(plain.status).toBe(201);
    const comment = await api(h, '/api/reviews', leader, { goalKey: other.key, period: '2021-09', meetingDate: '2021-09-22', kind: 'comment', text: 'Hyvä keskustelu.', meetingId });
    expect(comment.status).toBe(201);
    h.connector.recorded.length = 0;

    const end = await api(h, `/api/meetings/${encodeURIComponent(meetingId)}/end`, leader, {}, { 'If-Match': start.body.etag });
    expect(end.status).toBe(200);
    // The presenter's answer does not wait for the posts: wait for the connector to see both.
    for (let i = 0; i < 100 && h.connector.delivered().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    const toChat = h.connector.delivered().filter((r) => r.conversationId === CHAT);
    const toChannel = h.connector.delivered().filter((r) => r.conversationId === CHANNEL);
    expect(toChat).toHaveLength(1);
    expect(toChannel).toHaveLength(1);

    const chatCard = cardOf(toChat[0]!.body);
    expect(validateCard(chatCard)).toEqual([]);
    const chatText = texts(chatCard);
    expect(chatText[0]).toBe('Johtoryhmän katselmointi 22.9.2021: päätökset');
    // Decisions in agenda order; the comment is not a decision.
    const other1 = chatText.findIndex((t) => t.includes('Tavoite pidetään ennallaan'));
    const asked1 = chatText.findIndex((t) => t.includes('Laitekannan uusiminen aikaistetaan'));
    expect(other1).toBeGreaterThan(0);
    expect(asked1).toBeGreaterThan(other1);
    expect(chatText.some((t) => t.includes('Hyvä keskustelu'))).toBe(false);
    expect(chatText).toContain('Pyydetty ryhmältä TVT-kehittämisryhmä: Tuokaa laitesuunnitelma lokakuun kokoukseen, määräaika 15.10.2021');

    const channelCard = cardOf(toChannel[0]!.body);
    expect(validateCard(channelCard)).toEqual([]);
    const channelText = texts(channelCard);
    expect(channelText.some((t) => t.includes('Laitekannan uusiminen aikaistetaan'))).toBe(true);
    expect(channelText.some((t) => t.includes('Tavoite pidetään ennallaan'))).toBe(false);

    // Ending it again posts nothing more.
    const again = await api(h, `/api/meetings/${encodeURIComponent(meetingId)}/end`, leader, {}, { 'If-Match': end.body.etag });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.connector.delivered()).toHaveLength(2);
  });
});
