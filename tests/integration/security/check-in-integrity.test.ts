import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import { isInvolved, isMember, type Goal, type Group } from '../../../src/domain';
import { LOCAL_API_AUDIENCE } from '../../../src/server/auth/local-issuer';
import { startSecureServer, type SecureServer } from './harness';

/**
 * A stored check-in is never reported as failed, and a submission id is its author's: the
 * repeat of one authorizes first and tells nothing to anyone else.
 */
let s: SecureServer;
let goal: Goal;
let group: Group;
let otherGoal: Goal;
let admin: SecureServer['users'][number];
let member: SecureServer['users'][number];
let outsider: SecureServer['users'][number];
let seq = 0;
const sid = (label: string) => `sec-${label}-${Date.now().toString(36)}-${seq++}`;

async function post(path: string, token: string, body: unknown) {
  const r = await fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent', SUMMARY_RECONCILE_MINUTES: '0' });
  const repo = s.server.services.repo;
  const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
  const groups = (await repo.groups.list()).items.map((g) => g.value);
  admin = s.users.find((u) => u.roles.includes('admin'))!;
  member = s.users.find((u) => u.roles.length === 0 && groups.some((g) => isMember(g, u.id) && goals.some((x) => x.responsibleGroupKeys.includes(g.key) && x.units.length > 1)))!;
  group = groups.find((g) => isMember(g, member.id) && goals.some((x) => x.responsibleGroupKeys.includes(g.key) && x.units.length > 1))!;
  goal = goals.find((x) => x.responsibleGroupKeys.includes(group.key) && x.units.length > 1)!;
  otherGoal = goals.find((x) => x.key !== goal.key && isInvolved(member.id, x, groups)) ?? goals.find((x) => x.key !== goal.key)!;
  outsider = s.users.find((u) => u.roles.length === 0 && !goals.some((x) => isInvolved(u.id, x, groups)))!;
  expect(member && group && goal && outsider && admin).toBeTruthy();
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

describe('a stored check-in answers 201 (or 200 for a repeat), always', () => {
  it('50 members checking in on one goal at once, 8 each: 400 × 201, and the summary equals its recomputation', async () => {
    const repo = s.server.services.repo;
    const issuer = s.server.services.local!.issuer;
    const people = Array.from({ length: 50 }, (_, i) => ({ id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, upn: `jasen${i}@vantaa.example`, name: `Jäsen ${i}` }));
    const current = await repo.groups.get(group.key);
    await repo.groups.update({ ...current.value, members: [...current.value.members, ...people] }, current.etag);
    const tokens = await Promise.all(people.map((p) => issuer.userToken({ ...p, roles: [] }, LOCAL_API_AUDIENCE)));

    const answers = await Promise.all(
      people.flatMap((p, i) =>
        Array.from({ length: 8 }, (_, k) =>
          post('/api/check-ins', tokens[i]!, {
            goalKey: goal.key,
            period: '2021-09',
            unit: goal.units[(i + k) % goal.units.length],
            status: 1 + ((i + k) % 2),
            narrative: `Jäsen ${i}, raportti ${k}`,
            submissionId: sid(`burst-${i}-${k}`),
          }),
        ),
      ),
    );
    const statuses = answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    console.log(`50 members × 8 concurrent check-ins on ${goal.key}: ${JSON.stringify(statuses)}`);
    expect(statuses).toEqual({ 201: 400 });

    // A summary update that lost every quick round goes on in the background: give it its time.
    const expected = async () => summaryFromCheckIns((await repo.checkIns.list({ goalKey: goal.key })).items.map((c) => c.value));
    const keys = (x: Record<string, { checkInKey: string }>) => Object.fromEntries(Object.entries(x).map(([slot, e]) => [slot, e.checkInKey]));
    await expect.poll(async () => keys((await repo.goals.get(goal.key)).value.summary), { timeout: 20_000, interval: 250 }).toEqual(keys(await expected()));
  }, 120_000);
});

describe('a repeated submission id', () => {
  it('is refused to someone who may not report on the goal (403), never answered with another’s check-in', async () => {
    const { accessToken } = await s.token(member.id);
    const body = { goalKey: goal.key, period: '2021-09', unit: goal.units[0], status: 2, narrative: 'Jäsenen oma raportti, ei muille', submissionId: sid('owned') };
    expect((await post('/api/check-ins', accessToken, body)).status).toBe(201);
    const stranger = await post('/api/check-ins', (await s.token(outsider.id)).accessToken, body);
    expect(stranger.status).toBe(403);
    expect(JSON.stringify(stranger.body)).not.toContain('Jäsenen oma raportti');
  });

  it('belongs to its author: another member of the group gets 409 with the same neutral message as a reuse on another goal', async () => {
    const { accessToken } = await s.token(member.id);
    const body = { goalKey: goal.key, period: '2021-09', unit: goal.units[0], status: 2, narrative: 'Toinen oma raportti', submissionId: sid('author') };
    expect((await post('/api/check-ins', accessToken, body)).status).toBe(201);
    const adminToken = (await s.token(admin.id)).accessToken;
    const other = await post('/api/check-ins', adminToken, body);
    expect(other.status).toBe(409);
    expect(JSON.stringify(other.body)).not.toContain('Toinen oma raportti');
    const elsewhere = await post('/api/check-ins', accessToken, { ...body, goalKey: otherGoal.key, unit: otherGoal.units[0] });
    const unknownElsewhere = await post('/api/check-ins', adminToken, { ...body, goalKey: otherGoal.key, unit: otherGoal.units[0] });
    expect(elsewhere.status).toBe(409);
    expect(unknownElsewhere.status).toBe(409);
    expect(elsewhere.body.error.message).toBe(other.body.error.message);
    expect(other.body.error.message).not.toContain(body.submissionId);
    // The author's own repeat is still the same check-in.
    const again = await post('/api/check-ins', accessToken, body);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
  });
});
