import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMember, type Goal, type Group } from '../../../src/domain';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * A review meeting through the real server and emulator: a leader starts, moves and ends the
 * meeting's session (If-Match), records a decision with a follow-up for a group, and a member of
 * that group marks it done. The stage reads the session from the MeetingSessions list.
 */
let t: TestServer;
let goals: Goal[];
let groups: Group[];
let leader: DemoUserInfo;
let member: DemoUserInfo;
let staff: DemoUserInfo;
let asked: Group;

const MEETING = 'MCMxOTptZWV0aW5nX05qZzRaVGd4WmpJdFlXVTVPUzAwTkRGaUxUZ3hNMll0WkdJd09HSXlOMk0wWkRFMUB0aHJlYWQudjI=';

beforeAll(async () => {
  t = await startTestServer();
  const repo = t.server.services.repo;
  goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
  groups = (await repo.groups.list()).items.map((g) => g.value);
  leader = t.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!;
  // A group with both a member and a non-member among the users without roles. Not simply the
  // first group with members: the seed writes groups concurrently, so the list's order varies, and
  // a group every such user belongs to left no one to be refused.
  const plain = t.users.filter((u) => u.roles.length === 0);
  asked = groups.find((g) => plain.some((u) => isMember(g, u.id)) && plain.some((u) => !isMember(g, u.id)))!;
  member = plain.find((u) => isMember(asked, u.id))!;
  staff = plain.find((u) => !isMember(asked, u.id))!;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const tokenOf = async (u: DemoUserInfo) => (await t.token(u.id)).accessToken;

describe('a review meeting over HTTP', () => {
  let etag: string;

  it('starts at the first goal of the agenda the presenter chose', async () => {
    const agenda = goals.slice(0, 3).map((g) => g.key);
    const r = await t.api('/api/meetings', { token: await tokenOf(leader), body: { meetingId: MEETING, planKey: 'vantaa-ko-2021', period: '2021-09', goalKeys: agenda } });
    expect(r.status).toBe(201);
    expect(r.body.value).toMatchObject({ key: MEETING, order: 'worst', goalKeys: agenda, currentGoalKey: agenda[0], updatedBy: { id: leader.id } });
    expect(r.headers.get('ETag')).toBe(r.body.etag);
    etag = r.body.etag;
    const stored = await t.server.services.repo.meetingSessions.get(MEETING);
    expect(stored.value.currentGoalKey).toBe(agenda[0]);
  });

  it('refuses to start or move a meeting for someone who is not a leader', async () => {
    const start = await t.api('/api/meetings', { token: await tokenOf(staff), body: { meetingId: 'other-meeting', planKey: 'vantaa-ko-2021', period: '2021-09', goalKeys: [goals[0]!.key] } });
    expect(start.status).toBe(403);
    const move = await t.api(`/api/meetings/${encodeURIComponent(MEETING)}/move`, { token: await tokenOf(staff), body: { goalKey: goals[1]!.key }, headers: { 'If-Match': etag } });
    expect(move.status).toBe(403);
  });

  it('refuses an agenda with a goal of another plan', async () => {
    const r = await t.api('/api/meetings', { token: await tokenOf(leader), body: { meetingId: 'm-2', planKey: 'vantaa-ko-2021', period: '2021-09', goalKeys: ['no-such-goal'] } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([expect.objectContaining({ path: 'goalKeys', code: 'goalKeys.notInPlan' })]);
  });

  it('moves to the next goal with If-Match, and answers a stale version with 412 and the current one', async () => {
    const url = `/api/meetings/${encodeURIComponent(MEETING)}/move`;
    const moved = await t.api(url, { token: await tokenOf(leader), body: { goalKey: goals[1]!.key }, headers: { 'If-Match': etag } });
    expect(moved.status).toBe(200);
    expect(moved.body.value.currentGoalKey).toBe(goals[1]!.key);
    const stale = await t.api(url, { token: await tokenOf(leader), body: { goalKey: goals[2]!.key }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.current.value.currentGoalKey).toBe(goals[1]!.key);
    const missing = await t.api(url, { token: await tokenOf(leader), body: { goalKey: goals[2]!.key } });
    expect(missing.status).toBe(400);
    etag = moved.body.etag;
  });

  it('refuses a move to a goal that is not on the agenda', async () => {
    const r = await t.api(`/api/meetings/${encodeURIComponent(MEETING)}/move`, { token: await tokenOf(leader), body: { goalKey: goals[5]!.key }, headers: { 'If-Match': etag } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({ code: 'goalKey.notOnAgenda' });
  });

  let reviewKey: string;
  it('records a decision with a follow-up for a group, tagged with the meeting', async () => {
    const r = await t.api('/api/reviews', {
      token: await tokenOf(leader),
      body: { goalKey: goals[1]!.key, period: '2021-09', meetingDate: '2021-09-22', kind: 'decision', text: 'Koulutusta jatketaan.', meetingId: MEETING, followUp: { ask: 'Raportoikaa POPE:n tilanne', groupKey: asked.key, dueDate: '2021-10-31' } },
    });
    expect(r.status).toBe(201);
    expect(r.body.value).toMatchObject({ meetingId: MEETING, followUp: { groupKey: asked.key, dueDate: '2021-10-31', state: 'open' } });
    reviewKey = r.body.value.key;
    const stored = await t.server.services.repo.reviews.list({ goalKey: goals[1]!.key });
    expect(stored.invalid).toEqual([]);
    expect(stored.items.find((i) => i.value.key === reviewKey)!.value.followUp!.ask).toBe('Raportoikaa POPE:n tilanne');
  });

  it('refuses a follow-up on a comment, for an unknown group or due before the meeting', async () => {
    const base = { goalKey: goals[1]!.key, meetingDate: '2021-09-22', text: 'x' };
    const onComment = await t.api('/api/reviews', { token: await tokenOf(leader), body: { ...base, kind: 'comment', followUp: { ask: 'a', groupKey: asked.key, dueDate: '2021-10-01' } } });
    expect(onComment.body.error.fields[0]).toMatchObject({ code: 'followUp.onComment' });
    const unknown = await t.api('/api/reviews', { token: await tokenOf(leader), body: { ...base, kind: 'decision', followUp: { ask: 'a', groupKey: 'no-such-group', dueDate: '2021-10-01' } } });
    expect(unknown.body.error.fields[0]).toMatchObject({ path: 'followUp.groupKey' });
    const early = await t.api('/api/reviews', { token: await tokenOf(leader), body: { ...base, kind: 'decision', followUp: { ask: 'a', groupKey: asked.key, dueDate: '2021-09-01' } } });
    expect(early.body.error.fields[0]).toMatchObject({ code: 'followUp.dueBeforeMeeting' });
  });

  it('lets only a member of the asked group mark the follow-up done', async () => {
    const url = `/api/reviews/${reviewKey}/follow-up/done`;
    expect((await t.api(url, { token: await tokenOf(staff), method: 'POST' })).status).toBe(403);
    const done = await t.api(url, { token: await tokenOf(member), method: 'POST' });
    expect(done.status).toBe(200);
    expect(done.body.value.followUp).toMatchObject({ state: 'done', doneBy: { id: member.id } });
    const again = await t.api(url, { token: await tokenOf(member), method: 'POST' });
    expect(again.body.value.followUp.doneAt).toBe(done.body.value.followUp.doneAt);
  });

  it('ends the review, after which it no longer moves', async () => {
    const ended = await t.api(`/api/meetings/${encodeURIComponent(MEETING)}/end`, { token: await tokenOf(leader), method: 'POST', headers: { 'If-Match': etag } });
    expect(ended.status).toBe(200);
    expect(ended.body.value.endedAt).toBeTruthy();
    const move = await t.api(`/api/meetings/${encodeURIComponent(MEETING)}/move`, { token: await tokenOf(leader), body: { goalKey: goals[0]!.key }, headers: { 'If-Match': ended.body.etag } });
    expect(move.body.error.fields[0]).toMatchObject({ code: 'meeting.ended' });
  });

  it('lets the author correct a note: the earlier wording stays in its history, and a stale version answers 412', async () => {
    const other = t.users.find((u) => u.roles.includes('leader') && u.id !== leader.id);
    const url = `/api/reviews/${reviewKey}/correct`;
    if (other) expect((await t.api(url, { token: await tokenOf(other), body: { text: 'Toisen korjaus' } })).status).toBe(403);
    const empty = await t.api(url, { token: await tokenOf(leader), body: { text: '  ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ path: 'text' });
    const same = await t.api(url, { token: await tokenOf(leader), body: { text: 'Koulutusta jatketaan.' } });
    expect(same.body.error.fields[0]).toMatchObject({ code: 'text.unchanged' });
    const fixed = await t.api(url, { token: await tokenOf(leader), body: { text: 'Koulutusta jatketaan keväällä.' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.value).toMatchObject({ text: 'Koulutusta jatketaan keväällä.', correctedBy: { id: leader.id }, revisions: [{ text: 'Koulutusta jatketaan.', writtenBy: { id: leader.id } }] });
    const stale = await t.api(url, { token: await tokenOf(leader), body: { text: 'Kolmas versio' }, headers: { 'If-Match': '"stale-etag"' } });
    expect(stale.status).toBe(412);
    const stored = await t.server.services.repo.reviews.get(reviewKey);
    expect(stored.value.revisions?.map((r) => r.text)).toEqual(['Koulutusta jatketaan.']);
    expect(stored.value.followUp?.state).toBe('done');
  });

  it('withdraws a note with a reason and keeps it, after which it takes no correction', async () => {
    const url = `/api/reviews/${reviewKey}/withdraw`;
    expect((await t.api(url, { token: await tokenOf(staff), body: { reason: 'x' } })).status).toBe(403);
    const noReason = await t.api(url, { token: await tokenOf(leader), body: { reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'reason' });
    const w = await t.api(url, { token: await tokenOf(leader), body: { reason: 'Kirjattiin väärälle tavoitteelle' } });
    expect(w.status).toBe(200);
    expect(w.body.value.withdrawn).toMatchObject({ reason: 'Kirjattiin väärälle tavoitteelle', by: { id: leader.id } });
    const listed = await t.server.services.repo.reviews.list({ goalKey: goals[1]!.key });
    expect(listed.items.find((i) => i.value.key === reviewKey)?.value.text).toBe('Koulutusta jatketaan keväällä.');
    const late = await t.api(`/api/reviews/${reviewKey}/correct`, { token: await tokenOf(leader), body: { text: 'Vielä yksi' } });
    expect(late.status).toBe(400);
    expect(late.body.error.fields[0]).toMatchObject({ code: 'review.withdrawn' });
  });

  it('lets the other command routes answer as before', async () => {
    expect((await t.api('/api/me', { token: await tokenOf(member) })).status).toBe(200);
    expect((await t.api('/api/nowhere', { token: await tokenOf(member) })).status).toBe(404);
  });
});
