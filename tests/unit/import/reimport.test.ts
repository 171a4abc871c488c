import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/commands/import-table/read-table';
import { buildDemoDataset, DEMO_PLAN_KEY } from '../../../src/demo';
import { isApplicable, isReimportSheet, readReimportSheet, REIMPORT_MARKER, REIMPORT_SHEET, type ReimportInput } from '../../../src/domain/import';
import { writeXlsx } from '../../../src/reports';
import { demoReport } from '../report/support';

const PERIOD = '2021-08';

function demoData(): ReimportInput {
  const d = buildDemoDataset();
  return { plan: d.plans.find((p) => p.key === DEMO_PLAN_KEY)!, themes: d.themes, goals: d.goals, groups: d.groups, units: d.units, checkIns: d.checkIns, asOf: PERIOD, allThemes: true };
}

const empty = { groups: [], units: [], people: [] };

describe('the Excel report\'s re-import sheet', () => {
  it('is the last sheet, hidden from the board report\'s reader, and carries no person id or address', async () => {
    const bytes = await writeXlsx(demoReport('fi', PERIOD), demoData());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const last = wb.worksheets.at(-1)!;
    expect(last.name).toBe(REIMPORT_SHEET);
    expect(last.state).toBe('hidden');
    expect(last.getCell('A1').value).toBe(REIMPORT_MARKER);
    expect(wb.worksheets.slice(0, -1).every((ws) => ws.state !== 'hidden')).toBe(true);
    const texts = last.getColumn(3).values.map(String).join('\n');
    expect(texts).not.toMatch(/@vantaa|"upn"|"members"/);
  });

  it('is left out when the writer gets no data, as before', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(demoReport('fi', PERIOD))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(REIMPORT_SHEET);
  });

  it('reads back as the plan with every goal and one status per slot that has one, and under another plan key renames the keys as a copy does', async () => {
    const data = demoData();
    const table = await readTable(await writeXlsx(demoReport('fi', PERIOD), data), { fileName: 'r.xlsx' });
    const sheet = table.sheets.find(isReimportSheet)!;
    const same = readReimportSheet(sheet, [], empty, { planKey: DEMO_PLAN_KEY }).draft!;
    expect(isApplicable(same)).toBe(true);
    expect(same.goals.map((g) => g.key).sort()).toEqual(data.goals.filter((g) => g.planKey === DEMO_PLAN_KEY).map((g) => g.key).sort());
    expect(same.checkIns.length).toBeGreaterThan(0);
    expect(same.checkIns.every((c) => c.period <= PERIOD)).toBe(true);
    expect(new Set(same.checkIns.map((c) => `${c.goalKey}/${c.unit ?? '*'}`)).size).toBe(same.checkIns.length);

    const other = readReimportSheet(sheet, [], empty, { planKey: 'kopio-2022' }).draft!;
    expect(other.plan.key).toBe('kopio-2022');
    expect(other.goals.every((g) => g.planKey === 'kopio-2022' && g.key.startsWith('kopio-2022') && other.themes.some((t) => t.key === g.themeKey))).toBe(true);
    expect(other.checkIns.every((c) => other.goals.some((g) => g.key === c.goalKey))).toBe(true);
  });

  it('names the row of a JSON someone broke by hand and cannot be applied', async () => {
    const table = await readTable(await writeXlsx(demoReport('fi', PERIOD), demoData()), { fileName: 'r.xlsx' });
    const sheet = table.sheets.find(isReimportSheet)!;
    const goalRow = sheet.rows.findIndex((r) => r[0]?.text === 'goal');
    sheet.rows[goalRow]![2] = { text: '{"key": "rikki"' };
    const draft = readReimportSheet(sheet, [], empty, { planKey: DEMO_PLAN_KEY }).draft!;
    expect(draft.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'row-not-understood', row: goalRow + 1 })]);
    expect(isApplicable(draft)).toBe(false);
  });
});
