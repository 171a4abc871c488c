/**
 * Round trip: the board report's Excel of a plan, imported into an empty site, reproduces the
 * plan, its themes and goals with their texts in every language, the groups and service areas
 * they name, and every reporting slot's latest status. Two real servers against the emulator: the
 * demo site the report is exported from, and a second one emptied of every plan item first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, Theme } from '../../../src/domain';
import type { Repository } from '../../../src/ports';
import { exportReport } from '../../../src/reports';
import { startTestServer, type TestServer } from '../support/local-server';

const PLAN = 'vantaa-ko-2021';

let source: TestServer;
let target: TestServer;
let tokenOf: (s: TestServer) => Promise<string>;
beforeAll(async () => {
  [source, target] = await Promise.all([startTestServer(), startTestServer()]);
  tokenOf = async (s) => (await s.token(s.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
  // Empty the second site of everything a plan is made of.
  const repo = target.server.services.repo;
  for (const list of ['checkIns', 'reviews', 'meetingSessions', 'goals', 'themes', 'plans', 'groups', 'units'] as const) {
    const items = (await repo[list].list()).items;
    for (let i = 0; i < items.length; i += 16) {
      await Promise.all(items.slice(i, i + 16).map((x) => repo[list].delete((x.value as { key: string }).key, x.etag)));
    }
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
});

const themesOf = async (repo: Repository): Promise<Theme[]> => (await repo.themes.list({ planKey: PLAN })).items.map((x) => x.value);
const goalsOf = async (repo: Repository): Promise<Goal[]> => (await repo.goals.list({ planKey: PLAN })).items.map((x) => x.value);
const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
const withoutHistory = (g: Goal) => {
  const { summary: _s, ...rest } = g;
  return { ...rest, responsiblePersons: g.responsiblePersons.map((p) => p.name) };
};

describe('exporting a plan to Excel and importing the file into an empty site', () => {
  let file: string;
  let period: string;

  it('starts from an empty site and a plan whose goals have texts in Swedish and English and statuses per service area', async () => {
    expect((await target.server.services.repo.plans.list()).items).toEqual([]);
    expect((await target.server.services.repo.goals.list()).items).toEqual([]);
    // One goal with every text in all three languages, written as an admin writes it.
    const first = (await source.server.services.repo.goals.list({ planKey: PLAN })).items[0]!;
    const translations = {
      sv: { title: 'Mål på svenska', description: 'Beskrivning', indicatorText: 'Mätare', baselineText: 'Utgångsläge', targetText: 'Målnivå' },
      en: { title: 'Goal in English', description: 'Description', indicatorText: 'Indicator', baselineText: 'Baseline', targetText: 'Target' },
    };
    const put = await source.api(`/api/goals/${first.value.key}`, { method: 'PUT', token: await tokenOf(source), body: { ...first.value, translations }, headers: { 'If-Match': first.etag } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const goals = await goalsOf(source.server.services.repo);
    expect(goals.find((g) => g.key === first.value.key)?.translations).toEqual(translations);
    expect(goals.some((g) => Object.keys(g.summary).length > 1)).toBe(true);
    // The report as of the latest period anyone reported on: every latest status is in it.
    period = goals.flatMap((g) => Object.values(g.summary).map((e) => e.period)).sort().at(-1)!;
    const exported = await exportReport(source.server.services.board, { plan: PLAN, period, lang: 'fi', format: 'xlsx' }, new Date('2021-09-22T09:00:00Z'));
    expect(exported.fileName).toBe(`${PLAN}_${period}_fi.xlsx`);
    file = Buffer.from(exported.bytes).toString('base64');
  });

  it('imports it, in a dry run first, and reproduces the plan, its texts in every language and its latest statuses', async () => {
    const token = await tokenOf(target);
    const body = { fileName: `${PLAN}_${period}_fi.xlsx`, file, plan: PLAN };
    const preview = await target.api('/api/import/preview', { token, body });
    expect(preview.status, JSON.stringify(preview.body).slice(0, 2000)).toBe(200);
    expect(preview.body.value.applicable).toBe(true);
    expect((await target.server.services.repo.goals.list()).items).toEqual([]);

    const applied = await target.api('/api/import/apply', { token, body });
    expect(applied.status, JSON.stringify(applied.body).slice(0, 2000)).toBe(200);

    const [a, b] = [source.server.services.repo, target.server.services.repo];
    const { archivedAt: _a, ...plan } = (await a.plans.get(PLAN)).value;
    expect((await b.plans.get(PLAN)).value).toEqual(plan);
    expect(byKey(await themesOf(b))).toEqual(byKey(await themesOf(a)));

    const [sourceGoals, targetGoals] = [byKey(await goalsOf(a)), byKey(await goalsOf(b))];
    expect(targetGoals.map(withoutHistory)).toEqual(sourceGoals.map(withoutHistory));
    for (const [i, g] of sourceGoals.entries()) {
      const statuses = (x: Goal) => Object.fromEntries(Object.entries(x.summary).map(([slot, e]) => [slot, { period: e.period, status: e.status }]));
      expect(statuses(targetGoals[i]!), g.key).toEqual(statuses(g));
    }

    const named = new Set(sourceGoals.flatMap((g) => g.responsibleGroupKeys));
    const groupNames = async (r: Repository) => (await r.groups.list()).items.map((g) => g.value).filter((g) => named.has(g.key)).map((g) => ({ key: g.key, name: g.name }));
    expect(byKey(await groupNames(b))).toEqual(byKey(await groupNames(a)));
    const units = async (r: Repository) => (await r.units.list()).items.map((u) => u.value).filter((u) => plan.units.includes(u.key));
    expect(byKey(await units(b))).toEqual(byKey(await units(a)));
  });

  it('changes nothing when the same file is imported a second time', async () => {
    const token = await tokenOf(target);
    const again = await target.api('/api/import/apply', { token, body: { fileName: 'again.xlsx', file, plan: PLAN } });
    expect(again.status).toBe(200);
    expect(again.body.value.written).toEqual([]);
  });
  it('starts a second plan in the source site from the same file, under another key and with the data sheet chosen by name as the admin page sends it, with the statuses of the first', async () => {
    const token = await tokenOf(source);
    const r = await source.api('/api/import/apply', { token, body: { fileName: 'kopio.xlsx', file, plan: 'toinen-2021', sheet: 'Tavoitteet-data' } });
    expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
    const repo = source.server.services.repo;
    const [a, b] = [await goalsOf(repo), (await repo.goals.list({ planKey: 'toinen-2021' })).items.map((g) => g.value)];
    expect(b.map((g) => g.title).sort()).toEqual(a.map((g) => g.title).sort());
    const statuses = (gs: Goal[]) => gs.map((g) => `${g.title}|${Object.entries(g.summary).map(([k, e]) => `${k}:${e.status}`).sort().join(',')}`).sort();
    expect(statuses(b)).toEqual(statuses(a));
  });
});
