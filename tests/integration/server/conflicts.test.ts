import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * How refused writes answer over HTTP: a stale If-Match is 412 with the winner's version, a
 * clash with a key that exists is 409, and only admins may PUT planning entities (403).
 */
let t: TestServer;
let admin: DemoUserInfo;
let leader: DemoUserInfo;
let staff: DemoUserInfo;

beforeAll(async () => {
  t = await startTestServer();
  admin = t.users.find((u) => u.roles.includes('admin'))!;
  leader = t.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!;
  staff = t.users.find((u) => u.roles.length === 0)!;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const put = async (user: DemoUserInfo, path: string, body: unknown, etag?: string) =>
  t.api(`/api${path}`, { method: 'PUT', body, token: (await t.token(user.id)).accessToken, ...(etag ? { headers: { 'If-Match': etag } } : {}) });

describe('a write based on a version someone else replaced', () => {
  it('answers 412 with the current version when a unit is saved with a stale If-Match (SharePoint refuses the eTag)', async () => {
    const [unit] = (await t.server.services.repo.units.list()).items;
    const first = await put(admin, `/units/${unit!.value.key}`, { ...unit!.value, order: 41 }, unit!.etag);
    expect(first.status).toBe(200);

    const late = await put(admin, `/units/${unit!.value.key}`, { ...unit!.value, order: 42 }, unit!.etag);
    expect(late.status).toBe(412);
    expect(late.body.error.code).toBe('preconditionFailed');
    expect(late.body.error.current).toEqual({ value: first.body.value, etag: first.body.etag });
    expect(late.headers.get('ETag')).toBe(first.body.etag);
    expect((await t.server.services.repo.units.get(unit!.value.key)).value.order).toBe(41);
  });

  it('answers 412 with the current version when a goal is saved with a stale If-Match (checked by the command)', async () => {
    const [goal] = (await t.server.services.repo.goals.list({ planKey: 'vantaa-ko-2021' })).items;
    const first = await put(admin, `/goals/${goal!.value.key}`, { ...goal!.value, title: `${goal!.value.title} (1)` }, goal!.etag);
    expect(first.status).toBe(200);

    const late = await put(admin, `/goals/${goal!.value.key}`, { ...goal!.value, title: `${goal!.value.title} (2)` }, goal!.etag);
    expect(late.status).toBe(412);
    expect(late.body.error.current.etag).toBe(first.body.etag);
    expect(late.body.error.current.value.title).toBe(`${goal!.value.title} (1)`);
  });
});

describe('a create whose key exists already', () => {
  it('answers 409 with the stored version when a unit is created under a taken key', async () => {
    const [unit] = (await t.server.services.repo.units.list()).items;
    const clash = await put(admin, `/units/${unit!.value.key}`, { name: { fi: 'Toinen' }, order: 1 });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('conflict');
    expect(clash.body.error.current.value.key).toBe(unit!.value.key);
    expect((await t.server.services.repo.units.get(unit!.value.key)).value.name).toEqual(unit!.value.name);
  });

  it('creates once and answers 409 to the others when five admins create the same unit at the same moment', async () => {
    // Racing creates pass the command's own lookup together; SharePoint's unique Key refuses all but one.
    const key = `it-race-${Date.now().toString(36)}`;
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => put(admin, `/units/${key}`, { name: { fi: `Yksikkö ${i}` }, order: i })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error.code).toBe('conflict');
    expect((await t.server.services.repo.units.list({ key })).items).toHaveLength(1);
  });
});

describe('planning writes by someone who is not an admin', () => {
  it.each(['leader', 'staff'] as const)('answers 403 to a %s on every PUT /api/* and writes nothing', async (who) => {
    const user = who === 'leader' ? leader : staff;
    expect(user).toBeDefined();
    const repo = t.server.services.repo;
    const plan = (await repo.plans.list()).items[0]!;
    const theme = (await repo.themes.list({ planKey: plan.value.key })).items[0]!;
    const goal = (await repo.goals.list({ planKey: plan.value.key })).items[0]!;
    const group = (await repo.groups.list()).items[0]!;
    const unit = (await repo.units.list()).items[0]!;
    const edits: [string, { value: { key: string }; etag: string }, object][] = [
      ['plans', plan, { title: { fi: 'Kaapattu' } }],
      ['themes', theme, { title: { fi: 'Kaapattu' } }],
      ['goals', goal, { title: 'Kaapattu' }],
      ['groups', group, { name: { fi: 'Kaapattu' } }],
      ['units', unit, { name: { fi: 'Kaapattu' } }],
    ];
    for (const [path, current, change] of edits) {
      const edit = await put(user, `/${path}/${current.value.key}`, { ...current.value, ...change }, current.etag);
      expect(edit.status, `PUT /api/${path}`).toBe(403);
      expect(edit.body.error.code).toBe('forbidden');
      const created = await put(user, `/${path}/it-not-admin-${who}`, { ...current.value, key: `it-not-admin-${who}` });
      expect(created.status, `PUT /api/${path} (create)`).toBe(403);
    }
    expect((await repo.plans.get(plan.value.key)).etag).toBe(plan.etag);
    expect((await repo.themes.get(theme.value.key)).etag).toBe(theme.etag);
    expect((await repo.goals.get(goal.value.key)).etag).toBe(goal.etag);
    expect((await repo.groups.get(group.value.key)).etag).toBe(group.etag);
    expect((await repo.units.get(unit.value.key)).etag).toBe(unit.etag);
    for (const c of [repo.plans, repo.themes, repo.goals, repo.groups, repo.units]) expect(await c.find(`it-not-admin-${who}`)).toBeUndefined();
  });
});
