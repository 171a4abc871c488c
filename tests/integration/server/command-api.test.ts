import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, isInvolved, isMember, type Goal, type Group } from '../../../src/domain';
import type { Collection, Versioned } from '../../../src/ports';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * The whole write path through real parts: HTTP → token validation → command → Graph adapter →
 * emulator (SQLite), with the demo data loaded on a fresh start.
 */
let t: TestServer;
let goals: Versioned<Goal>[];
let groups: Group[];
let member: DemoUserInfo;
let memberGoal: Goal;
let outsider: DemoUserInfo;
let admin: DemoUserInfo;

let seq = 0;
const sid = (label: string) => `it-${label}-${Date.now().toString(36)}-${seq++}`;

beforeAll(async () => {
  t = await startTestServer();
  const repo = t.server.services.repo;
  goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items;
  groups = (await repo.groups.list()).items.map((g) => g.value);
  admin = t.users.find((u) => u.roles.includes('admin'))!;
  // A demo user without roles who is in a group responsible for some goal.
  member = t.users.find((u) => u.roles.length === 0 && groups.some((g) => isMember(g, u.id) && goals.some((x) => x.value.responsibleGroupKeys.includes(g.key))))!;
  memberGoal = goals.find((g) => isInvolved(member.id, g.value, groups) && g.value.units.length > 0)!.value;
  outsider = t.users.find((u) => u.roles.length === 0 && !goals.some((g) => isInvolved(u.id, g.value, groups)))!;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

async function checkInsOf(goalKey: string) {
  return (await t.server.services.repo.checkIns.list({ goalKey })).items.map((i) => i.value);
}

describe('the command API on the local emulator', () => {
  it('serves the demo plan: ten goals readable through the Graph adapter', () => {
    expect(goals).toHaveLength(10);
    expect(member && memberGoal && outsider && admin).toBeTruthy();
  });

  it('lets a user read the lists with their Graph token but not write them', async () => {
    const { graphToken } = await t.token(member.id);
    const site = t.server.services.siteId;
    const read = await t.api(`/graph/v1.0/sites/${site}/lists/Goals/items?$expand=fields($select=Key,GoalTitle)&$top=5`, { token: graphToken });
    expect(read.status).toBe(200);
    expect(read.body.value).toHaveLength(5);
    const write = await t.api(`/graph/v1.0/sites/${site}/lists/CheckIns/items`, { token: graphToken, body: { fields: { Title: 'x' } } });
    expect(write.status).toBe(403);
  });

  it('stores a group member’s check-in and updates the goal summary', async () => {
    const { accessToken } = await t.token(member.id);
    const unit = memberGoal.units[0]!;
    const submissionId = sid('member');
    const r = await t.api('/api/check-ins', {
      token: accessToken,
      body: { goalKey: memberGoal.key, period: '2021-09', unit, status: 1, narrative: 'Syyskuun tilanne: työ etenee.', submissionId },
    });
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(true);
    expect(r.body.value).toMatchObject({ goalKey: memberGoal.key, period: '2021-09', unit, status: 1, source: 'tab', author: { id: member.id } });
    expect(r.body.value.submittedAt.startsWith('2021-09-2')).toBe(true);

    const stored = (await checkInsOf(memberGoal.key)).filter((c) => c.submissionId === submissionId);
    expect(stored).toHaveLength(1);
    const goal = await t.server.services.repo.goals.get(memberGoal.key);
    expect(goal.value.summary[unit]).toMatchObject({ period: '2021-09', status: 1, checkInKey: r.body.value.key, author: { id: member.id } });
  });

  it('creates one check-in for a submission id sent twice', async () => {
    const { accessToken } = await t.token(member.id);
    const body = { goalKey: memberGoal.key, period: '2021-09', unit: memberGoal.units[0], status: 2, narrative: 'Lähetetty kahdesti', submissionId: sid('twice') };
    const first = await t.api('/api/check-ins', { token: accessToken, body });
    const second = await t.api('/api/check-ins', { token: accessToken, body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
    expect(second.body.value.key).toBe(first.body.value.key);
    expect((await checkInsOf(memberGoal.key)).filter((c) => c.submissionId === body.submissionId)).toHaveLength(1);
  });

  it('refuses a check-in from someone outside the goal’s groups and writes nothing', async () => {
    const { accessToken } = await t.token(outsider.id);
    const before = (await checkInsOf(memberGoal.key)).length;
    const r = await t.api('/api/check-ins', {
      token: accessToken,
      body: { goalKey: memberGoal.key, period: '2021-09', unit: memberGoal.units[0], status: 2, narrative: 'Ei oikeutta', submissionId: sid('outsider') },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(await checkInsOf(memberGoal.key)).toHaveLength(before);
  });

  it('answers 401 to a call without a token or with a forged one', async () => {
    const body = { goalKey: memberGoal.key, period: '2021-09', status: 2, narrative: 'x', submissionId: sid('anon') };
    expect((await t.api('/api/check-ins', { body })).status).toBe(401);
    const { accessToken } = await t.token(member.id);
    const [h, p] = accessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(40)}`;
    const r = await t.api('/api/check-ins', { body, token: forged });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    // A Graph token is for Graph, not for this API (wrong audience).
    const { graphToken } = await t.token(member.id);
    expect((await t.api('/api/me', { token: graphToken })).status).toBe(401);
  });

  it('answers 400 naming each bad field', async () => {
    const { accessToken } = await t.token(member.id);
    const r = await t.api('/api/check-ins', { token: accessToken, body: { goalKey: memberGoal.key, period: '2021-13', status: 'good', narrative: '', submissionId: sid('bad') } });
    expect(r.status).toBe(400);
    const paths = r.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['period', 'status', 'narrative']));
    const broken = await t.api('/api/check-ins', { token: accessToken, body: '{"goalKey": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/JSON/);
  });

  it('answers 400 for a status off the plan’s scale and a unit the goal does not report for', async () => {
    const { accessToken } = await t.token(member.id);
    const r = await t.api('/api/check-ins', { token: accessToken, body: { goalKey: memberGoal.key, period: '2021-07', unit: 'NOPE', status: 7, narrative: 'x', submissionId: sid('scale') } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['period', 'status', 'unit']);
  });

  it('answers 404 for an unknown goal', async () => {
    const { accessToken } = await t.token(member.id);
    const r = await t.api('/api/check-ins', { token: accessToken, body: { goalKey: 'no-such-goal', period: '2021-09', status: 1, narrative: 'x', submissionId: sid('404') } });
    expect(r.status).toBe(404);
  });

  it('stores concurrent check-ins on one goal and keeps the later in the summary, retrying lost If-Match races', async () => {
    const repo = t.server.services.repo;
    const goalsCol = repo.goals as Collection<Goal>;
    const original = goalsCol.update.bind(goalsCol);
    let conflicts = 0;
    goalsCol.update = async (v, etag) => {
      try {
        return await original(v, etag);
      } catch (e) {
        if (e instanceof Conflict) conflicts++;
        throw e;
      }
    };
    try {
      const { accessToken } = await t.token(admin.id);
      const goal = goals.find((g) => g.value.units.length >= 3)!.value;
      const post = (unit: string, status: number, label: string) =>
        t.api('/api/check-ins', { token: accessToken, body: { goalKey: goal.key, period: '2021-09', unit, status, narrative: `Rinnakkain ${label}`, submissionId: sid(label) } });
      const results = await Promise.all(goal.units.map((u, i) => post(u, i % 3, `par-${i}`)));
      expect(results.map((r) => r.status)).toEqual(goal.units.map(() => 201));
      const after = (await repo.goals.get(goal.key)).value;
      for (const [i, u] of goal.units.entries()) expect(after.summary[u]?.checkInKey).toBe(results[i]!.body.value.key);
      expect(conflicts).toBeGreaterThan(0);

      // Two on the same unit: the one submitted later is the one the summary shows.
      const unit = goal.units[0]!;
      const first = post(unit, 0, 'same-a');
      await new Promise((r) => setTimeout(r, 15));
      const second = post(unit, 2, 'same-b');
      const [a, b] = await Promise.all([first, second]);
      expect([a.status, b.status]).toEqual([201, 201]);
      // Stored times have SharePoint's one-second precision: check-ins stamped in the same second
      // (these two, and the unit's earlier one from above) are ordered by key, as the summary orders them.
      const stamped = [results[0]!.body.value, a.body.value, b.body.value] as { key: string; submittedAt: string }[];
      const later = stamped.reduce((x, y) => (Date.parse(y.submittedAt) > Date.parse(x.submittedAt) || (y.submittedAt === x.submittedAt && y.key > x.key) ? y : x));
      expect((await repo.goals.get(goal.key)).value.summary[unit]?.checkInKey).toBe(later.key);
    } finally {
      goalsCol.update = original;
    }
  });
});

describe('the command API under SharePoint throttling', () => {
  it('lands 100 check-ins exactly once while the emulator answers 30 % of requests with 429/503', async () => {
    const { accessToken } = await t.token(admin.id);
    const slots = goals.flatMap((g) => (g.value.units.length ? g.value.units : [undefined]).map((unit) => ({ goal: g.value, unit })));
    const batch = `bulk-${Date.now().toString(36)}`;
    const bodies = Array.from({ length: 100 }, (_, i) => {
      const s = slots[i % slots.length]!;
      return { goalKey: s.goal.key, period: '2021-09', ...(s.unit ? { unit: s.unit } : {}), status: i % 3, narrative: `Kuormitustesti ${i}`, submissionId: `${batch}-${i}` };
    });
    const faults = await t.api('/local/emulator/faults', { method: 'PUT', body: { rate: 0.3, statuses: [429, 503], retryAfterSeconds: 0 } });
    expect(faults.status).toBe(200);
    let clientRetries = 0;
    try {
      // Like the tab: a failed submit is sent again with the same submission id.
      const submit = async (body: (typeof bodies)[number]) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const r = await t.api('/api/check-ins', { token: accessToken, body });
          if (r.status === 201 || r.status === 200) return r.status;
          expect(r.status, JSON.stringify(r.body)).toBe(503);
          clientRetries++;
        }
        throw new Error(`gave up on ${body.submissionId}`);
      };
      for (let i = 0; i < bodies.length; i += 10) await Promise.all(bodies.slice(i, i + 10).map(submit));
    } finally {
      await t.api('/local/emulator/faults', { method: 'PUT', body: { rate: 0 } });
    }
    const stats = t.server.services.local!.emulator.stats();
    expect(stats.faults).toBeGreaterThan(50);
    const stored = (await t.server.services.repo.checkIns.list({ period: '2021-09' })).items.filter((c) => c.value.submissionId.startsWith(batch));
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((c) => c.value.submissionId)).size).toBe(100);
    console.log(`100 check-ins under 30 % faults: ${stats.faults} injected faults, ${clientRetries} client resubmissions`);
  }, 180_000);
});
