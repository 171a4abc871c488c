import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/local-server';

/*
 * A review note sent again — its answer lost on the way, a double click, a client retrying after a
 * timeout — must be stored once, as a check-in is: the client names the note with a submission id.
 */

let t: TestServer;
let leader: string;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  leader = (await t.token(t.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!.id)).accessToken;
  admin = (await t.token(t.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const note = (submissionId: string, goalKey = 'vantaa-ko-2021.g2') => ({ goalKey, meetingDate: '2021-09-21', kind: 'decision', text: `Päätös ${submissionId}`, period: '2021-09', submissionId });
const notesOf = async (goalKey: string, text: string) => (await t.server.services.repo.reviews.list({ goalKey })).items.filter((r) => r.value.text === text);

describe('a review note sent again with the same submission id', () => {
  it('is stored once: the first answers 201, each repeat 200 with the stored note', async () => {
    const body = note('rv-resend-0001');
    const first = await t.api('/api/reviews', { token: leader, body });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.created).toBe(true);
    const again = await Promise.all([1, 2, 3].map(() => t.api('/api/reviews', { token: leader, body })));
    for (const r of again) {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ created: false, value: { key: first.body.value.key, createdAt: first.body.value.createdAt } });
    }
    expect(await notesOf(body.goalKey, body.text)).toHaveLength(1);
  });

  it('stores each of two deliveries racing at once only once', async () => {
    const body = note('rv-resend-race-0001');
    const answers = await Promise.all([0, 1, 2, 3].map(() => t.api('/api/reviews', { token: leader, body })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await notesOf(body.goalKey, body.text)).toHaveLength(1);
  });

  it("answers 409 to someone else's use of the id, and to its author on another goal, storing nothing", async () => {
    const body = note('rv-resend-0002');
    expect((await t.api('/api/reviews', { token: leader, body })).status).toBe(201);
    const other = await t.api('/api/reviews', { token: admin, body: { ...body, text: 'Toisen teksti' } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
    const elsewhere = await t.api('/api/reviews', { token: leader, body: { ...body, goalKey: 'vantaa-ko-2021.g3' } });
    expect(elsewhere.status).toBe(409);
    expect(await notesOf('vantaa-ko-2021.g2', 'Toisen teksti')).toHaveLength(0);
    expect(await notesOf('vantaa-ko-2021.g3', body.text)).toHaveLength(0);
  });

  it('still stores a note sent without a submission id each time it is sent', async () => {
    const { submissionId: _, ...body } = note('rv-without-0001');
    expect((await t.api('/api/reviews', { token: leader, body })).status).toBe(201);
    expect((await t.api('/api/reviews', { token: leader, body })).status).toBe(201);
    expect(await notesOf(body.goalKey, body.text)).toHaveLength(2);
  });
});
