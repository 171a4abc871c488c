import { afterEach, describe, expect, it } from 'vitest';
import { linkChannel, summaryKey } from '../../../src/commands';
import type { ReminderLog } from '../../../src/domain';
import { validateCard } from '../../unit/cards/validate-card';
import { startHarness, type Harness } from './harness';

/**
 * The end-of-review summary is sent exactly once per target (the meeting chat, each asked group's
 * channel), claimed in the ReminderLog like a reminder, through the real server, bot and emulator
 * with a recording connector: ending twice, two ends at once and more posting calls at the same
 * time (a second server instance) post once; a send the connector refused is recorded failed and
 * sent by the plan's next reminder run once the connector answers again — once.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN = { id: id(1), upn: 'aino.virtanen@demo.vantaa.invalid', name: 'Aino Virtanen', roles: ['admin' as const] };
const LEADER = id(2);
const PLAN = 'vantaa-ko-2021';
const GROUP = 'tvt';
const CHANNEL = `19:${GROUP}@thread.tacv2`;
const CHAT = '19:meeting_c3VtbWFyeS1vbmNl@thread.v2';
const DECISION = 'Laitekannan uusiminen aikaistetaan.';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function api(h: Harness, path: string, body: unknown, headers: Record<string, string> = {}) {
  const t = await fetch(`${h.server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: LEADER }) });
  const token = ((await t.json()) as { accessToken: string }).accessToken;
  const r = await fetch(`${h.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

/** The text of every TextBlock in a card. */
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

/** The summary cards the connector took (the decision's text is in the summary only, never in a reminder card), by conversation. */
function summaries(h: Harness): { chat: any[]; channel: any[] } {
  const cards = h.connector
    .delivered()
    .filter((r) => r.method === 'POST')
    .map((r) => ({ to: r.conversationId, card: r.body.attachments[0].content }))
    .filter((c) => texts(c.card).some((t) => t.includes(DECISION)));
  return { chat: cards.filter((c) => c.to === CHAT).map((c) => c.card), channel: cards.filter((c) => c.to === CHANNEL).map((c) => c.card) };
}

async function until(what: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rowsOf = async (h: Harness, meetingId: string): Promise<Record<string, ReminderLog | undefined>> => ({
  meeting: (await h.server.services.repo.reminderLog.find(summaryKey(meetingId, 'meeting')))?.value,
  group: (await h.server.services.repo.reminderLog.find(summaryKey(meetingId, `group:${GROUP}`)))?.value,
});

/** A started review of two goals with a decision asking tvt for something; answers the session's etag. */
async function reviewWithDecision(h: Harness, meetingId: string): Promise<string> {
  const goals = (await h.server.services.repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
  const asked = goals.find((g) => g.responsibleGroupKeys.includes(GROUP))!;
  const other = goals.find((g) => !g.responsibleGroupKeys.includes(GROUP))!;
  const start = await api(h, '/api/meetings', { meetingId, planKey: PLAN, period: '2021-09', goalKeys: [other.key, asked.key], chatId: CHAT });
  expect(start.status).toBe(201);
  const r = await api(h, '/api/reviews', {
    goalKey: asked.key,
    period: '2021-09',
    meetingDate: '2021-09-22',
    kind: 'decision',
    text: DECISION,
    meetingId,
    followUp: { ask: 'Tuokaa laitesuunnitelma lokakuun kokoukseen', groupKey: GROUP, dueDate: '2021-10-15' },
  });
  expect(r.status).toBe(201);
  return start.body.etag;
}

describe('the end-of-review summary, exactly once', () => {
  it('posts once to the meeting chat and once to the channel when the review is ended twice at once and posted again by a second caller', async () => {
    h = await startHarness();
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
    const meetingId = 'MCMxOTptZWV0aW5nX29uY2U=';
    const etag = await reviewWithDecision(h, meetingId);

    // Two presenters' clicks at once with the same version: one ends it.
    const ends = await Promise.all([0, 1].map(() => api(h!, `/api/meetings/${encodeURIComponent(meetingId)}/end`, {}, { 'If-Match': etag })));
    expect(ends.map((e) => e.status)).toContain(200);
    const session = (await h.server.services.repo.meetingSessions.get(meetingId)).value;
    expect(session.endedAt).toBeDefined();
    // While the end's own post runs, two more posts of the same summary (a second server instance, a retry).
    const more = await Promise.all([h.server.bot.postMeetingSummary(session), h.server.bot.postMeetingSummary(session)]);
    await until(() => summaries(h!).chat.length + summaries(h!).channel.length >= 2);
    // Ending again (already ended) and posting once more after all is sent.
    const again = await api(h, `/api/meetings/${encodeURIComponent(meetingId)}/end`, {}, { 'If-Match': (await h.server.services.repo.meetingSessions.get(meetingId)).etag });
    expect(again.status).toBe(200);
    await until(async () => Object.values(await rowsOf(h!, meetingId)).every((r) => r?.state === 'sent'));
    const late = await h.server.bot.postMeetingSummary(session);
    await new Promise((r) => setTimeout(r, 300));

    const s = summaries(h);
    expect(s.chat).toHaveLength(1);
    expect(s.channel).toHaveLength(1);
    expect(validateCard(s.chat[0])).toEqual([]);
    expect(validateCard(s.channel[0])).toEqual([]);
    // The extra callers were told why they sent nothing.
    for (const r of more) for (const k of r.skipped) expect(['sent already', 'another run is sending it', 'another run took it']).toContain(k.reason);
    expect(late.sent).toEqual([]);
    expect(late.skipped.map((k) => [k.target, k.reason])).toEqual([
      ['meeting', 'sent already'],
      [`group:${GROUP}`, 'sent already'],
    ]);
    // The log holds one sent row per target with the activity the connector answered.
    const rows = await rowsOf(h, meetingId);
    const delivered = h.connector.delivered().filter((r) => r.method === 'POST');
    expect(rows.meeting).toMatchObject({ state: 'sent', conversationId: CHAT, planKey: PLAN, period: '2021-09' });
    expect(rows.group).toMatchObject({ state: 'sent', conversationId: CHANNEL });
    expect(delivered.filter((r) => r.conversationId === CHAT)).toHaveLength(1);
    expect(delivered.filter((r) => r.conversationId === CHANNEL)).toHaveLength(1);
  });

  it('records a send the connector refused as failed, and the plan’s next reminder run sends it once the connector answers again', async () => {
    h = await startHarness();
    // The channel's serviceUrl answers 404 (no connector there): a definite failure, for the chat too (reached by the same serviceUrl).
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: `${h.connector.url}/down`, tenantId: 'tenant-0001' });
    const meetingId = 'MCMxOTptZWV0aW5nX3JldHJ5';
    const etag = await reviewWithDecision(h, meetingId);
    const end = await api(h, `/api/meetings/${encodeURIComponent(meetingId)}/end`, {}, { 'If-Match': etag });
    expect(end.status).toBe(200);
    await until(async () => Object.values(await rowsOf(h!, meetingId)).every((r) => r?.state === 'failed'));
    const failed = await rowsOf(h, meetingId);
    expect(failed.meeting?.error).toMatch(/^HTTP 404/);
    expect(failed.group?.error).toMatch(/^HTTP 404/);
    expect(summaries(h)).toEqual({ chat: [], channel: [] });

    // A dry run sends nothing, summaries included.
    await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'], dryRun: true });
    expect(h.connector.delivered()).toEqual([]);

    // The channel is linked again where the connector answers; the next run of the plan sends both.
    await linkChannel(h.server.services.ctx, ADMIN, GROUP, { conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
    await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    let s = summaries(h);
    expect(s.chat).toHaveLength(1);
    expect(s.channel).toHaveLength(1);
    const sent = await rowsOf(h, meetingId);
    expect(sent.meeting).toMatchObject({ state: 'sent' });
    expect(sent.group).toMatchObject({ state: 'sent' });
    expect(sent.meeting?.error).toBeUndefined();

    // Another run sends them no more.
    await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    s = summaries(h);
    expect(s.chat).toHaveLength(1);
    expect(s.channel).toHaveLength(1);
  });
});
