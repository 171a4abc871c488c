import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/local-server';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name));

let s: TestServer;
let admin: string;
let teacher: string;
beforeAll(async () => {
  s = await startTestServer();
  admin = (await s.token(s.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
  teacher = (await s.token(s.users.find((u) => u.roles.length === 0)!.id)).accessToken;
});
afterAll(async () => {
  await s.stop();
});

const body = (file: string, plan: string, extra: Record<string, unknown> = {}) => ({ fileName: file, file: fixture(file).toString('base64'), plan, ...extra });
const preview = (b: unknown, token = admin) => s.api('/api/import/preview', { body: b, token });
const apply = (b: unknown, token = admin) => s.api('/api/import/apply', { body: b, token });

const cases: { file: string; plan: string; extra?: Record<string, unknown>; themes: number; goals: number; checkIns: number; groups: number }[] = [
  { file: 'vantaa-fi-2021.xlsx', plan: 'it-vantaa-2021', themes: 1, goals: 6, checkIns: 6, groups: 1 },
  { file: 'sv-delaktighet-2022.xlsx', plan: 'it-sv-2022', themes: 2, goals: 3, checkIns: 3, groups: 2 },
  { file: 'kunta-0-2-2023.xlsx', plan: 'it-kunta-2023', themes: 6, goals: 7, checkIns: 7, groups: 0 },
  { file: 'digiohjelma-2016-2019.xlsx', plan: 'it-digi-2016', extra: { periodStart: '2016-01-01' }, themes: 5, goals: 4, checkIns: 4, groups: 2 },
  { file: 'tavoitteet-2024-win1252.csv', plan: 'it-csv-2024', themes: 1, goals: 3, checkIns: 3, groups: 2 },
];

describe('POST /api/import: each fixture in a dry run, then for real, then again with no change', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.themes} themes, ${c.goals} goals, ${c.checkIns} check-ins, ${c.groups} new groups; the second import writes nothing`, async () => {
      const b = body(c.file, c.plan, c.extra);
      const dry = await preview(b);
      expect(dry.status, JSON.stringify(dry.body)).toBe(200);
      const p = dry.body.value;
      expect(p.applicable).toBe(true);
      expect([p.counts.theme.create, p.counts.goal.create, p.counts.checkIn.create, p.counts.group.create, p.counts.plan.create]).toEqual([c.themes, c.goals, c.checkIns, c.groups, 1]);
      // The preview wrote nothing.
      expect((await s.server.services.repo.plans.find(c.plan))).toBeUndefined();

      const first = await apply(b);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.value.written.filter((w: any) => w.action === 'create')).toHaveLength(c.themes + c.goals + c.checkIns + c.groups + 1);

      // The dashboard reads the goals' summaries: each goal with a check-in shows the file's status at once.
      const goals = (await s.server.services.repo.goals.list({ planKey: c.plan })).items.map((g) => g.value);
      expect(goals).toHaveLength(c.goals);
      const checkIns = first.body.value.draft.checkIns as { goalKey: string; status: number; period: string }[];
      for (const ci of checkIns) expect(goals.find((g) => g.key === ci.goalKey)!.summary['*']).toMatchObject({ status: ci.status, period: ci.period });
      const stored = (await s.server.services.repo.checkIns.list({ planKey: c.plan })).items.map((x) => x.value);
      expect(stored.every((x) => x.source === 'import')).toBe(true);

      const second = await apply(b);
      expect(second.status).toBe(200);
      expect(second.body.value.written).toEqual([]);
      const counts = second.body.value.counts;
      expect(counts.goal).toEqual({ create: 0, update: 0, unchanged: c.goals });
      expect(counts.checkIn).toEqual({ create: 0, update: 0, unchanged: c.checkIns });
    });
  }

  it('an edited file updates what changed with If-Match and lists it: a new title, a new status as a new check-in', async () => {
    const csv = fixture('tavoitteet-2024-win1252.csv').toString('latin1').replace('Yhteisöllisyys heikentynyt', 'Yhteisöllisyys heikentynyt selvästi').replace('Toteutuu täysin', 'Toteutuu osittain');
    const b = { fileName: 'tavoitteet-2024-win1252.csv', file: Buffer.from(csv, 'latin1').toString('base64'), plan: 'it-csv-2024' };
    const p = (await preview(b)).body.value;
    expect(p.changes.filter((c: any) => c.action === 'update').map((c: any) => [c.entity, c.fields, c.row])).toEqual([['goal', ['baseline'], 3]]);
    expect(p.counts.checkIn).toEqual({ create: 1, update: 0, unchanged: 2 });
    const r = (await apply(b)).body.value;
    expect(r.written.map((w: any) => `${w.action} ${w.entity}`)).toEqual(['update goal', 'create checkIn']);
    const goal = (await s.server.services.repo.goals.list({ planKey: 'it-csv-2024' })).items.find((g) => g.value.title === 'Yhteisöllisyys lisääntyy')!.value;
    expect(goal.baseline.text).toBe('Yhteisöllisyys heikentynyt selvästi');
    expect(goal.summary['*']!.status).toBe(1);
  });
});

describe('POST /api/import: refusals name the problem', () => {
  it('answers 403 to someone who is not an admin', async () => {
    expect((await preview(body('vantaa-fi-2021.xlsx', 'x-plan'), teacher)).status).toBe(403);
    expect((await apply(body('vantaa-fi-2021.xlsx', 'x-plan'), teacher)).status).toBe(403);
  });

  it('answers 401 without a token', async () => {
    expect((await s.api('/api/import/preview', { body: body('vantaa-fi-2021.xlsx', 'x-plan') })).status).toBe(401);
  });

  it('answers 400 "not-spreadsheet" to a PNG renamed .xlsx and 400 "empty" to an empty file', async () => {
    const png = await preview(body('png-renamed.xlsx', 'x-plan'));
    expect(png.status).toBe(400);
    expect(png.body.error).toMatchObject({ code: 'invalid', reason: 'not-spreadsheet' });
    expect(png.body.error.message).toMatch(/PNG image/);
    const empty = await preview({ fileName: 'empty.csv', file: '', plan: 'x-plan' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([expect.objectContaining({ path: 'file', message: 'Choose a file' })]);
    const emptyBytes = await preview({ fileName: 'empty.csv', file: '=', plan: 'x-plan' });
    expect(emptyBytes.body.error.reason).toBe('empty');
  });

  it('answers 413 "too-large" to a file over 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x41);
    const r = await preview({ fileName: 'iso.csv', file: big.toString('base64'), plan: 'x-plan' });
    expect(r.status).toBe(413);
    expect(r.body.error.reason).toBe('too-large');
  });

  it("refuses to apply a file whose status fits the demo plan's scale not, naming row and column", async () => {
    const p = (await preview(body('status-no-fit.xlsx', 'vantaa-ko-2021'))).body.value;
    expect(p.applicable).toBe(false);
    expect(p.draft.problems).toEqual([expect.objectContaining({ code: 'status-no-fit', row: 3, column: 'G', header: 'Tila' })]);
    const r = await apply(body('status-no-fit.xlsx', 'vantaa-ko-2021'));
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([expect.objectContaining({ path: 'row 3 column G', message: expect.stringMatching(/"Ehkä ensi vuonna" fits no level/) })]);
  });

  it('refuses a missing goal column, a formula without a value and a duplicate goal code, writing nothing', async () => {
    for (const [file, code] of [['missing-goal-column.xlsx', 'missing-column'], ['formula-cell.xlsx', 'formula-without-value'], ['duplicate-goal-code.xlsx', 'duplicate-goal-code']] as const) {
      const r = await apply(body(file, `x-${code}`));
      expect(r.status, file).toBe(400);
      expect((await preview(body(file, `x-${code}`))).body.value.draft.problems.map((p: any) => p.code)).toContain(code);
      expect(await s.server.services.repo.plans.find(`x-${code}`)).toBeUndefined();
    }
  });
});
