import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/commands';
import { REALISATION_SCALE, type Group, type Plan } from '../../../src/domain';
import { importChanges, mapTable, mergeGoal, type ImportExisting, type ImportOptions } from '../../../src/domain/import';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name));
const nothing: ImportExisting = { groups: [], units: [], people: [] };

async function draftOf(name: string, options: Partial<ImportOptions> = {}, existing: ImportExisting = nothing) {
  return mapTable(await readTable(fixture(name), { fileName: name }), existing, { planKey: 'p', ...options });
}
const codes = (d: Awaited<ReturnType<typeof draftOf>>) => d.problems.map((p) => `${p.severity}:${p.code}${p.row ? `@${p.row}` : ''}${p.column ? `:${p.column}` : ''}`);

describe('mapping a goal table to a plan', () => {
  it('Vantaa-style Finnish table: title rows name the plan, header periods date targets and check-ins, "Vastuutaho:" lines become groups', async () => {
    const welfare: Group = { key: 'opiskeluhuolto-hyvinvointi', name: { fi: 'Opiskeluhuolto ja hyvinvointi -kehittämisryhmä' }, members: [], owners: [] };
    const satu = { id: 'aad-satu', upn: 'satu@x.fi', name: 'Satu Koivisto' };
    const d = await draftOf('vantaa-fi-2021.xlsx', {}, { groups: [welfare], units: [], people: [satu] });
    expect(codes(d)).toEqual([]);
    expect(d.plan).toMatchObject({ title: { fi: 'Kasvatus ja oppiminen – Toimialan tavoitteet' }, periodStart: '2021-01-01', periodEnd: '2021-12-31', cadence: 'monthly', statusScale: { key: REALISATION_SCALE.key } });
    expect([d.themes.length, d.goals.length, d.checkIns.length]).toEqual([1, 6, 6]);
    expect(d.checkIns.map((c) => [c.period, c.status])).toEqual([['2021-08', 2], ['2021-08', 2], ['2021-08', 1], ['2021-08', 1], ['2021-08', 1], ['2021-08', 2]]);
    const family = d.goals[2]!;
    expect(family.responsibleGroupKeys).toEqual(['opiskeluhuolto-hyvinvointi']);
    expect(family.responsiblePersons.map((p) => p.id)).toEqual(['name:riitta-heinonen-laakso', 'aad-satu', 'name:henrik-lindholm']);
    expect(family.baseline.date).toBe('2019-12-31');
    expect(family.target.date).toBe('2021-12-31');
    // Groups not on the site are created, each once however many goals name it.
    expect(d.newGroups.map((g) => g.name.fi)).toEqual(['Opintopolut ja ohjaus kehittämisryhmä', 'tvt-kehittämisryhmä', 'Hankekoordinaatio kehittämisryhmä']);
    // The realization that spilled onto the next row belongs to the goal above it.
    expect(d.checkIns[4]!.narrative).toMatch(/VAKA: .*\n\nTAKO: Digipedagoginen/s);
  });

  it('Swedish headers: numbered heading rows become themes, a 1–8 period makes a tertial plan, texts go in Swedish too', async () => {
    const d = await draftOf('sv-delaktighet-2022.xlsx');
    expect(codes(d)).toEqual([]);
    expect(d.sheet).toBe('Mål 2022');
    expect(d.locale).toBe('sv');
    expect(d.plan).toMatchObject({ cadence: 'tertial', language: 'sv', title: { fi: 'Mål för bildningssektorn 2022', sv: 'Mål för bildningssektorn 2022' } });
    expect(d.themes.map((t) => [t.code, t.title.sv])).toEqual([['1', 'Lärande och kunnande'], ['2', 'Jämlik delaktighet']]);
    expect([d.goals.length, d.checkIns.length]).toEqual([3, 3]);
    expect(d.checkIns.map((c) => [c.period, c.status])).toEqual([['2022-08', 2], ['2022-08', 1], ['2022-08', 1]]);
    expect(d.goals[0]!.indicator).toEqual({ text: 'Andel elever som läser dagligen', kind: 'quantitative', unit: '%', direction: 'increase' });
  });

  it('0–2 numeric assessment grouped by result area: six areas, goals numbered within each, the 0–2 scale', async () => {
    const d = await draftOf('kunta-0-2-2023.xlsx');
    expect(codes(d)).toEqual([]);
    expect(d.scale.scale.key).toBe('likelihood-0-2');
    expect(d.themes.map((t) => t.title.fi)).toEqual(['Opetuspalvelut', 'Varhaiskasvatuspalvelut', 'Aikuisopisto', 'Kirjasto', 'Hyvinvoinnin edistäminen', 'Vapaa-aikapalvelut']);
    expect(d.goals.map((g) => g.code)).toEqual(['1', '2', '1', '1', '1', '1', '1']);
    expect(new Set(d.goals.map((g) => g.key)).size).toBe(7);
    expect(d.checkIns.map((c) => c.status)).toEqual([2, 1, 2, 2, 0, 1, 2]);
  });

  it('numbered themes A.1/B.4 nest under their parts, and numeric targets with units become quantitative indicators', async () => {
    const d = await draftOf('digiohjelma-2016-2019.xlsx', { periodStart: '2016-01-01' });
    expect(codes(d)).toEqual([]);
    const byCode = new Map(d.themes.map((t) => [t.code, t]));
    expect([...byCode.keys()]).toEqual(['A', 'A.1', 'A.2', 'B', 'B.4']);
    expect(byCode.get('A.1')!.parentKey).toBe(byCode.get('A')!.key);
    expect(byCode.get('B.4')!.parentKey).toBe(byCode.get('B')!.key);
    expect(d.plan).toMatchObject({ periodStart: '2016-01-01', periodEnd: '2019-12-31' });
    expect(d.goals.map((g) => [g.indicator.kind, g.indicator.unit, g.baseline.value, g.target.value])).toEqual([
      ['quantitative', '%', 0, 100],
      ['quantitative', '%', 15, 90],
      ['quantitative', 'kpl', 0, 5000],
      ['quantitative', '%', 40, 100],
    ]);
    expect(d.scale.scale.key).toBe('traffic-light');
  });

  it('Windows-1252 CSV: a falling target is a decreasing indicator', async () => {
    const d = await draftOf('tavoitteet-2024-win1252.csv');
    expect(codes(d)).toEqual([]);
    expect([d.goals.length, d.checkIns.length, d.newGroups.length]).toEqual([3, 3, 2]);
    expect(d.goals[2]!.indicator).toMatchObject({ kind: 'quantitative', direction: 'decrease' });
  });

  it('maps the same file to the same keys every time', async () => {
    const [a, b] = [await draftOf('vantaa-fi-2021.xlsx'), await draftOf('vantaa-fi-2021.xlsx')];
    expect(b.goals.map((g) => g.key)).toEqual(a.goals.map((g) => g.key));
    expect(b.checkIns.map((c) => c.submissionId)).toEqual(a.checkIns.map((c) => c.submissionId));
  });
});

describe('problems in a goal table, each with its row and column', () => {
  it('names a missing goal column and the headers it found', async () => {
    const d = await draftOf('missing-goal-column.xlsx');
    expect(d.problems[0]).toMatchObject({ severity: 'error', code: 'missing-column', values: { field: 'title' } });
    expect(d.problems[0]!.message).toMatch(/goal column is missing.*Mittari, Tavoitetaso 2021, Toteuma 8\/2021, Tila/);
  });

  it('names an unknown header instead of dropping it, and takes a mapping for it', async () => {
    const d = await draftOf('unknown-header.xlsx');
    expect(codes(d)).toEqual(['error:unmapped-header:C']);
    expect(d.problems[0]!.header).toBe('Budjetti (€)');
    const mapped = await draftOf('unknown-header.xlsx', { mapping: { 'budjetti (€)': 'description' } });
    expect(codes(mapped)).toEqual([]);
    expect(mapped.goals[0]!.description).toBe('5000');
    expect(codes(await draftOf('unknown-header.xlsx', { mapping: { 'Budjetti (€)': 'ignore' } }))).toEqual([]);
  });

  it('refuses a formula cell without a saved value, naming the cell', async () => {
    const d = await draftOf('formula-cell.xlsx');
    expect(codes(d)).toEqual(['error:formula-without-value@2:D']);
    expect(d.problems[0]!.message).toMatch(/Cell D2 holds a formula \(=D3\*2\)/);
  });

  it("refuses a status that fits the existing plan's scale not, naming the value and the scale's levels", async () => {
    const plan: Plan = {
      key: 'p', title: { fi: 'P' }, periodStart: '2021-01-01', periodEnd: '2021-12-31', cadence: 'monthly', statusScale: REALISATION_SCALE, units: [],
      reminders: { reminderDay: 20, dueDay: 5, escalationDays: 2, digestDays: 3, sendHour: 9, nonReportingMonths: [7] }, language: 'fi',
    };
    const d = await draftOf('status-no-fit.xlsx', {}, { ...nothing, plan });
    expect(codes(d)).toEqual(['error:status-no-fit@3:G']);
    expect(d.problems[0]!.values).toMatchObject({ value: 'Ehkä ensi vuonna', scale: 'Ei toteudu / Toteutuu osittain / Toteutuu täysin' });
  });

  it('refuses two rows with the same goal code in one theme', async () => {
    const d = await draftOf('duplicate-goal-code.xlsx');
    expect(codes(d)).toEqual(['error:duplicate-goal-code@4:A']);
    expect(d.problems[0]!.message).toMatch(/goal code 1\.2 is used already on row 3/);
  });

  it('asks for the period when the headers name none but the rows have statuses', async () => {
    const d = await draftOf('unknown-header.xlsx', { mapping: { 'Budjetti (€)': 'ignore', 'Toteuma 8/2021': 'ignore' }, periodStart: '2021-01-01', periodEnd: '2021-12-31' });
    expect(codes(d)).toEqual(['error:no-period:E']);
    expect(codes(await draftOf('unknown-header.xlsx', { mapping: { 'Budjetti (€)': 'ignore', 'Toteuma 8/2021': 'ignore' }, period: '2021-08', periodStart: '2021-01-01', periodEnd: '2021-12-31' }))).toEqual([]);
  });

  it('names a sheet that does not exist and lists those that do', async () => {
    const d = await draftOf('sv-delaktighet-2022.xlsx', { sheet: 'Blad 9' });
    expect(d.problems[0]!.message).toBe('No sheet Blad 9; the file has: Info, Mål 2022');
    expect((await draftOf('sv-delaktighet-2022.xlsx', { sheet: 2 })).goals).toHaveLength(3);
  });
});

describe('what a re-import changes', () => {
  it('finds nothing to change when the site holds what the file says', async () => {
    const d = await draftOf('vantaa-fi-2021.xlsx');
    const changes = importChanges(d, { plan: d.plan, themes: d.themes, goals: d.goals.map((g) => ({ ...g, summary: { '*': { period: '2021-08', status: 2, at: '2021-09-01T00:00:00Z', author: { id: 'a', name: 'A' }, checkInKey: 'c' } } })), existingSubmissions: new Set(d.checkIns.map((c) => c.submissionId)) });
    expect(changes.filter((c) => c.action !== 'unchanged' && c.entity !== 'group')).toEqual([]);
  });

  it('updates only the fields the file speaks about, and keeps people an admin linked to their accounts', async () => {
    const d = await draftOf('vantaa-fi-2021.xlsx');
    const imported = d.goals[0]!;
    const stored = { ...imported, description: 'Admin wrote this', responsiblePersons: [{ id: 'aad-mikko', upn: 'mikko@x.fi', name: 'Mikko Salonen' }] };
    const next = mergeGoal(stored, { ...imported, title: 'Uusi otsikko' }, new Set(['title', 'persons', 'indicator']));
    expect(next).toMatchObject({ title: 'Uusi otsikko', description: 'Admin wrote this', responsiblePersons: [{ id: 'aad-mikko' }] });
  });
});
