import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/local-server';

const SOURCE = 'vantaa-ko-2021';

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

describe('a new plan from an existing one (POST /api/plans/:key/copy)', () => {
  it('copies themes, goals, indicators, targets, groups and units to the new period, without history', async () => {
    const r = await s.api(`/api/plans/${SOURCE}/copy`, { token: admin, body: { key: 'vantaa-ko-2022', periodStart: '2022-01-01', periodEnd: '2022-12-31' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const repo = s.server.services.repo;
    const [src, copy] = [(await repo.plans.get(SOURCE)).value, (await repo.plans.get('vantaa-ko-2022')).value];
    expect(copy).toMatchObject({ periodStart: '2022-01-01', periodEnd: '2022-12-31', units: src.units, statusScale: src.statusScale, cadence: src.cadence });
    expect(copy.title.fi).toBe(src.title.fi.replace('2021', '2022'));
    const [srcThemes, newThemes] = [(await repo.themes.list({ planKey: SOURCE })).items, (await repo.themes.list({ planKey: 'vantaa-ko-2022' })).items];
    const [srcGoals, newGoals] = [(await repo.goals.list({ planKey: SOURCE })).items.map((g) => g.value), (await repo.goals.list({ planKey: 'vantaa-ko-2022' })).items.map((g) => g.value)];
    expect(r.body.value).toMatchObject({ themes: srcThemes.length, goals: srcGoals.length });
    expect(newThemes).toHaveLength(srcThemes.length);
    expect(newGoals).toHaveLength(srcGoals.length);
    const themeKeys = new Set(newThemes.map((t) => t.value.key));
    for (const t of newThemes) if (t.value.parentKey) expect(themeKeys.has(t.value.parentKey)).toBe(true);
    for (const g of newGoals) {
      const from = srcGoals.find((x) => x.title === g.title)!;
      expect(g).toMatchObject({ indicator: from.indicator, baseline: from.baseline, responsibleGroupKeys: from.responsibleGroupKeys, units: from.units, responsiblePersons: from.responsiblePersons, summary: {} });
      expect(themeKeys.has(g.themeKey)).toBe(true);
      if (from.target.date) expect(g.target.date).toBe(`${Number(from.target.date.slice(0, 4)) + 1}${from.target.date.slice(4)}`);
    }
    expect((await repo.checkIns.list({ planKey: 'vantaa-ko-2022' })).items).toEqual([]);
  });

  it('refuses a key that is taken (409), a leader (403) and a period that ends before it starts (400)', async () => {
    expect((await s.api(`/api/plans/${SOURCE}/copy`, { token: admin, body: { key: SOURCE, periodStart: '2022-01-01', periodEnd: '2022-12-31' } })).status).toBe(409);
    expect((await s.api(`/api/plans/${SOURCE}/copy`, { token: leader, body: { key: 'x-2022', periodStart: '2022-01-01', periodEnd: '2022-12-31' } })).status).toBe(403);
    const bad = await s.api(`/api/plans/${SOURCE}/copy`, { token: admin, body: { key: 'x-2022', periodStart: '2022-12-31', periodEnd: '2022-01-01' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'periodEnd' })]);
  });
});

describe('archiving a plan (POST /api/plans/:key/archive)', () => {
  it('makes the plan read-only to goal and plan edits, keeps it listed for dashboards and reports, and restoring undoes it', async () => {
    const repo = s.server.services.repo;
    const before = await repo.plans.get('vantaa-ko-2022');
    expect((await s.api('/api/plans/vantaa-ko-2022/archive', { token: admin, body: { archived: true } })).status).toBe(400);
    expect((await s.api('/api/plans/vantaa-ko-2022/archive', { token: admin, body: { archived: true }, headers: { 'If-Match': '"stale"' } })).status).toBe(412);
    const r = await s.api('/api/plans/vantaa-ko-2022/archive', { token: admin, body: { archived: true }, headers: { 'If-Match': before.etag } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(Date.parse(r.body.value.archivedAt)).toBeGreaterThanOrEqual(Date.parse('2021-09-22T06:00:00Z'));

    // Read-only: no goal or theme edits, no plan edit through the editor's form.
    const goal = (await repo.goals.list({ planKey: 'vantaa-ko-2022' })).items[0]!;
    const edit = await s.api(`/api/goals/${goal.value.key}`, { method: 'PUT', token: admin, body: { ...goal.value, title: 'Muutettu' }, headers: { 'If-Match': goal.etag } });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/archived and read-only/);
    const plan = (await repo.plans.get('vantaa-ko-2022'));
    expect((await s.api('/api/plans/vantaa-ko-2022', { method: 'PUT', token: admin, body: { ...plan.value, archivedAt: undefined }, headers: { 'If-Match': plan.etag } })).status).toBe(403);

    // Still listed (the dashboard's plan picker and reports read every plan).
    expect((await repo.plans.list()).items.map((p) => p.value.key)).toContain('vantaa-ko-2022');

    const restored = await s.api('/api/plans/vantaa-ko-2022/archive', { token: admin, body: { archived: false }, headers: { 'If-Match': plan.etag } });
    expect(restored.status).toBe(200);
    expect(restored.body.value.archivedAt).toBeUndefined();
  });

  it('refuses a leader', async () => {
    const plan = await s.server.services.repo.plans.get('vantaa-ko-2022');
    expect((await s.api('/api/plans/vantaa-ko-2022/archive', { token: leader, body: { archived: true }, headers: { 'If-Match': plan.etag } })).status).toBe(403);
  });
});

describe('an archived plan takes no check-ins and no imports', () => {
  it('answers 403 to a check-in and refuses an import into it, until it is restored', async () => {
    const repo = s.server.services.repo;
    const plan = await repo.plans.get(SOURCE);
    const archived = await s.api(`/api/plans/${SOURCE}/archive`, { token: admin, body: { archived: true }, headers: { 'If-Match': plan.etag } });
    expect(archived.status).toBe(200);
    const goal = (await repo.goals.list({ planKey: SOURCE })).items[0]!.value;
    const body = { goalKey: goal.key, period: '2021-09', status: 1, narrative: 'Edistyy.', submissionId: 'archived-plan-0001', ...(goal.units[0] ? { unit: goal.units[0] } : {}) };
    const r = await s.api('/api/check-ins', { token: admin, body });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/archived and read-only/);

    const { readFileSync } = await import('node:fs');
    const file = readFileSync(new URL('../../fixtures/import/status-no-fit.xlsx', import.meta.url)).toString('base64');
    const p = await s.api('/api/import/preview', { token: admin, body: { fileName: 'x.xlsx', file, plan: SOURCE } });
    expect(p.body.value.draft.problems.map((x: any) => x.code)).toContain('plan-archived');

    const restored = await s.api(`/api/plans/${SOURCE}/archive`, { token: admin, body: { archived: false }, headers: { 'If-Match': archived.body.etag } });
    expect(restored.status).toBe(200);
    expect((await s.api('/api/check-ins', { token: admin, body })).status).toBe(201);
  });
});
