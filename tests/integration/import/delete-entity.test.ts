import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, Group, Theme, Unit } from '../../../src/domain';
import { startTestServer, type TestServer } from '../support/local-server';

const PLAN = 'vantaa-ko-2021';

let s: TestServer;
let admin: string;
let leader: string;
beforeAll(async () => {
  s = await startTestServer();
  admin = (await s.token(s.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
  leader = (await s.token(s.users.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!.id)).accessToken;
});
afterAll(async () => {
  await s.stop();
});

const repo = () => s.server.services.repo;
const put = async (kind: string, key: string, body: unknown) => {
  const r = await s.api(`/api/${kind}/${key}`, { method: 'PUT', token: admin, body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.etag as string;
};
const del = (kind: string, key: string, etag: string | undefined, token = admin) =>
  s.api(`/api/${kind}/${key}`, { method: 'DELETE', token, ...(etag ? { headers: { 'If-Match': etag } } : {}) });

/** A theme made by mistake, a sub-theme under it and two goals, none of them with a check-in. */
async function mistakenTheme(prefix: string) {
  const model = (await repo().themes.list({ planKey: PLAN })).items[0]!.value;
  const goal = (await repo().goals.list({ planKey: PLAN })).items[0]!.value;
  const theme: Theme = { ...model, key: `${prefix}-t`, code: 'X', title: { fi: 'Vahingossa' }, order: 99 };
  delete theme.parentKey;
  const sub: Theme = { ...theme, key: `${prefix}-t-1`, code: 'X.1', title: { fi: 'Alateema' }, parentKey: theme.key };
  const etag = await put('themes', theme.key, theme);
  await put('themes', sub.key, sub);
  const g = (key: string, themeKey: string, code: string): Goal => ({ ...goal, key, themeKey, code, title: `Tavoite ${code}`, summary: {} });
  await put('goals', `${prefix}-g1`, g(`${prefix}-g1`, theme.key, 'X-1'));
  await put('goals', `${prefix}-g2`, g(`${prefix}-g2`, sub.key, 'X.1-1'));
  return { theme, sub, etag };
}

describe('deleting what was created by mistake (DELETE /api/<kind>/:key with If-Match)', () => {
  it('deletes a goal without check-ins, and only with the version the admin saw', async () => {
    const { etag: _t } = await mistakenTheme('del-a');
    const goal = await repo().goals.get('del-a-g1');
    expect((await del('goals', 'del-a-g1', undefined)).status).toBe(400);
    expect((await del('goals', 'del-a-g1', '"stale"')).status).toBe(412);
    expect((await del('goals', 'del-a-g1', goal.etag, leader)).status).toBe(403);
    const r = await del('goals', 'del-a-g1', goal.etag);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.value.deleted).toEqual({ themes: [], goals: ['del-a-g1'], groups: [], units: [] });
    expect(await repo().goals.find('del-a-g1')).toBeUndefined();
  });

  it('deletes a theme with its sub-themes and every goal under them, so no goal is left without a theme', async () => {
    const { theme, sub, etag } = await mistakenTheme('del-b');
    const r = await del('themes', theme.key, etag);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.value.deleted.goals.sort()).toEqual(['del-b-g1', 'del-b-g2']);
    expect(r.body.value.deleted.themes).toEqual([sub.key, theme.key]);
    for (const k of [theme.key, sub.key]) expect(await repo().themes.find(k)).toBeUndefined();
    const left = (await repo().goals.list({ planKey: PLAN })).items.map((g) => g.value);
    const themes = new Set((await repo().themes.list({ planKey: PLAN })).items.map((t) => t.value.key));
    expect(left.filter((g) => !themes.has(g.themeKey))).toEqual([]);
  });

  it('refuses a goal with check-ins with 409 naming the check-ins and telling to archive instead, and deletes nothing', async () => {
    const withHistory = (await repo().goals.list({ planKey: PLAN })).items.find((g) => Object.keys(g.value.summary).length > 0)!;
    const checkIns = (await repo().checkIns.list({ goalKey: withHistory.value.key })).items.length;
    expect(checkIns).toBeGreaterThan(0);
    const r = await del('goals', withHistory.value.key, withHistory.etag);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain(`${checkIns} check-in(s)`);
    expect(r.body.error.message).toMatch(/Archive the plan instead/);
    expect(r.body.error.current.value).toMatchObject({ reason: 'history', checkIns, goals: [withHistory.value.code] });
    expect(await repo().goals.find(withHistory.value.key)).toBeDefined();
  });

  it('refuses a theme when any goal under it has history, and leaves all of its goals in place', async () => {
    const withHistory = (await repo().goals.list({ planKey: PLAN })).items.find((g) => Object.keys(g.value.summary).length > 0)!.value;
    const theme = await repo().themes.get(withHistory.themeKey);
    const before = (await repo().goals.list({ themeKey: theme.value.key })).items.length;
    const r = await del('themes', theme.value.key, theme.etag);
    expect(r.status).toBe(409);
    expect(r.body.error.current.value.reason).toBe('history');
    expect(r.body.error.current.value.goals).toContain(withHistory.code);
    expect((await repo().goals.list({ themeKey: theme.value.key })).items).toHaveLength(before);
  });

  it('refuses a group that goals still name (in use, or with history) and deletes one no goal names', async () => {
    const named = (await repo().goals.list({ planKey: PLAN })).items.find((g) => g.value.responsibleGroupKeys.length > 0)!.value;
    const group = await repo().groups.get(named.responsibleGroupKeys[0]!);
    const refused = await del('groups', group.value.key, group.etag);
    expect(refused.status).toBe(409);
    expect(refused.body.error.current.value.goals).toContain(named.code);

    const mistaken: Group = { ...group.value, key: 'del-ryhma', name: { fi: 'Vahingossa luotu ryhmä' } };
    delete mistaken.conversation;
    const etag = await put('groups', mistaken.key, mistaken);
    const r = await del('groups', mistaken.key, etag);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await repo().groups.find(mistaken.key)).toBeUndefined();
  });

  it('refuses a service area a plan uses (naming the plan) and one with check-ins (naming them), and deletes an unused one', async () => {
    const plan = (await repo().plans.get(PLAN)).value;
    const withHistory = (await repo().goals.list({ planKey: PLAN })).items.map((g) => g.value).find((g) => Object.keys(g.summary).some((k) => plan.units.includes(k)))!;
    const usedKey = Object.keys(withHistory.summary).find((k) => plan.units.includes(k))!;
    const used = await repo().units.get(usedKey);
    const refused = await del('units', usedKey, used.etag);
    expect(refused.status).toBe(409);
    expect(refused.body.error.current.value.reason).toBe('history');
    expect(refused.body.error.current.value.checkIns).toBeGreaterThan(0);

    const mistaken: Unit = { ...used.value, key: 'DEL', name: { fi: 'Vahinko' }, order: 99 };
    const etag = await put('units', mistaken.key, mistaken);
    const p = await repo().plans.get(PLAN);
    expect((await s.api(`/api/plans/${PLAN}`, { method: 'PUT', token: admin, body: { ...p.value, units: [...p.value.units, 'DEL'] }, headers: { 'If-Match': p.etag } })).status).toBe(200);
    const inPlan = await del('units', 'DEL', etag);
    expect(inPlan.status).toBe(409);
    expect(inPlan.body.error.current.value).toEqual({ reason: 'in-use', goals: [], plans: [PLAN] });

    const p2 = await repo().plans.get(PLAN);
    expect((await s.api(`/api/plans/${PLAN}`, { method: 'PUT', token: admin, body: { ...p2.value, units: p.value.units }, headers: { 'If-Match': p2.etag } })).status).toBe(200);
    expect((await del('units', 'DEL', etag)).status).toBe(200);
    expect(await repo().units.find('DEL')).toBeUndefined();
  });

  it('refuses deleting from an archived plan', async () => {
    const { etag, theme } = await mistakenTheme('del-c');
    const plan = await repo().plans.get(PLAN);
    const archived = await s.api(`/api/plans/${PLAN}/archive`, { token: admin, body: { archived: true }, headers: { 'If-Match': plan.etag } });
    expect(archived.status).toBe(200);
    const r = await del('themes', theme.key, etag);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/archived and read-only/);
    expect((await s.api(`/api/plans/${PLAN}/archive`, { token: admin, body: { archived: false }, headers: { 'If-Match': archived.body.etag } })).status).toBe(200);
    expect((await del('themes', theme.key, etag)).status).toBe(200);
  });
});
