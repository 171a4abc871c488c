import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../../../src/demo';
import type { CheckIn } from '../../../../src/domain/check-in';
import type { Goal } from '../../../../src/domain/goal';
import { applyCheckIn } from '../../../../src/domain/rollup';
import {
  buildRows,
  columnsFor,
  countByStatus,
  EMPTY_QUERY,
  filterRows,
  groupByTheme,
  parseQuery,
  periodsToShow,
  sortRows,
  themeAndDescendants,
  toSearch,
  trend,
} from '../../../../src/tab/features/dashboard/model';

const TODAY = '2021-09-22';
const data = buildDemoDataset();
const plan = data.plans[0]!;
const rowsAt = (period: string, goals: Goal[] = data.goals, checkIns: CheckIn[] = data.checkIns) =>
  buildRows({ plan, themes: data.themes, goals, checkIns, period, today: TODAY });
const codes = (rows: { goal: Goal }[]) => rows.map((r) => r.goal.code);
const noFilter = { overdue: false, q: '' };

describe('dashboard model', () => {
  it('shows the current period from the goals’ summaries, in theme order', () => {
    const rows = rowsAt('2021-09');
    expect(rows).toHaveLength(10);
    const g5 = rows.find((r) => r.goal.code === '5')!;
    expect(g5.cells.get('TAKO')).toMatchObject({ status: 1, reportedFor: '2021-06', due: 'due', stale: true });
    expect(g5.cells.get('VAKA')).toMatchObject({ status: 2, reportedFor: '2021-08', stale: false });
    expect(g5.overall).toBe(1);
    // Theme order: goals of theme 1.x come before 2.x.
    expect(rows[0]!.theme?.code.startsWith('1')).toBe(true);
  });

  it('replays the check-in history for a past period (the state as of then)', () => {
    const march = rowsAt('2021-03');
    const g5 = march.find((r) => r.goal.code === '5')!;
    for (const c of g5.cells.values()) expect(c.reportedFor === undefined || c.reportedFor <= '2021-03').toBe(true);
    const fromHistory = data.checkIns.filter((c) => c.goalKey === g5.goal.key && c.unit === 'VAKA' && c.period <= '2021-03').at(-1);
    expect(g5.cells.get('VAKA')?.status).toBe(fromHistory?.status);
  });

  it('marks the slots left unreported after the due date as overdue', () => {
    const august = rowsAt('2021-08');
    const overdue = filterRows(august, { ...noFilter, overdue: true }, data.themes);
    expect(codes(overdue).sort()).toEqual(['5', '6', '9']);
    expect(overdue.find((r) => r.goal.code === '9')!.cells.get('POPE')?.due).toBe('overdue');
    // Nothing is overdue in September yet: reporting closes on 5 October.
    expect(filterRows(rowsAt('2021-09'), { ...noFilter, overdue: true }, data.themes)).toEqual([]);
  });

  it('filters by unit (its own status), status, group, theme with its sub-themes, and search words', () => {
    const rows = rowsAt('2021-09');
    const sve = filterRows(rows, { ...noFilter, unit: 'SVE' }, data.themes);
    expect(sve.every((r) => r.goal.units.includes('SVE'))).toBe(true);
    const sveOne = filterRows(rows, { ...noFilter, unit: 'SVE', status: '1' }, data.themes);
    expect(sveOne.every((r) => r.cells.get('SVE')?.status === 1)).toBe(true);
    expect(sveOne.length).toBeGreaterThan(0);

    const partially = filterRows(rows, { ...noFilter, status: '1' }, data.themes);
    expect(partially.every((r) => r.overall === 1)).toBe(true);

    const group = data.goals[0]!.responsibleGroupKeys[0]!;
    expect(filterRows(rows, { ...noFilter, group }, data.themes).every((r) => r.goal.responsibleGroupKeys.includes(group))).toBe(true);

    const top = data.themes.find((t) => !t.parentKey)!;
    const subtree = themeAndDescendants(data.themes, top.key);
    expect(subtree.size).toBeGreaterThan(1);
    const inTheme = filterRows(rows, { ...noFilter, theme: top.key }, data.themes);
    expect(inTheme.length).toBeGreaterThan(0);
    expect(inTheme.every((r) => subtree.has(r.goal.themeKey))).toBe(true);

    const person = data.goals[4]!.responsiblePersons[0]!.name;
    const found = filterRows(rows, { ...noFilter, q: person.toUpperCase().split(' ')[1]! }, data.themes);
    expect(found.some((r) => r.goal.code === '5')).toBe(true);
    expect(filterRows(rows, { ...noFilter, q: 'zzz-not-there' }, data.themes)).toEqual([]);
  });

  it('sorts worst first, with not reported worst of all, then by overdue slots', () => {
    const withSilent = data.goals.map((g) => (g.code === '10' ? { ...g, summary: {} } : g));
    const rows = sortRows(buildRows({ plan, themes: data.themes, goals: withSilent, checkIns: [], period: '2021-09', today: TODAY }), 'worst');
    expect(rows[0]!.goal.code).toBe('10');
    const statuses = rows.slice(1).map((r) => r.overall as number);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    // Every neighbouring pair keeps the rule: worse status first, then more overdue, then plan order.
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const [ra, rb] = [a.overall ?? -1, b.overall ?? -1];
      expect(ra < rb || (ra === rb && (a.overdueSlots > b.overdueSlots || (a.overdueSlots === b.overdueSlots && a.order < b.order))), `${a.goal.code} before ${b.goal.code}`).toBe(true);
    }
  });

  it('counts goals per level of the scale, worst first, plus not reported', () => {
    const counts = countByStatus(plan, rowsAt('2021-08'));
    expect(counts.map((c) => c.status)).toEqual([0, 1, 2, undefined]);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(10);
    expect(counts.find((c) => c.status === 2)?.count).toBe(4);
  });

  it('reflects a new check-in on the goal summary at once', () => {
    const g5 = data.goals.find((g) => g.code === '5')!;
    const c: CheckIn = {
      key: 'x',
      goalKey: g5.key,
      planKey: plan.key,
      period: '2021-09',
      unit: 'TAKO',
      status: 0,
      narrative: 'n',
      author: { id: 'a', upn: 'a@x', name: 'A' },
      submittedAt: '2021-09-22T08:00:00Z',
      source: 'tab',
      submissionId: 'sub-12345',
    };
    const goals = data.goals.map((g) => (g.key === g5.key ? { ...g, summary: applyCheckIn(g.summary, c) } : g));
    const row = rowsAt('2021-09', goals, [...data.checkIns, c]).find((r) => r.goal.key === g5.key)!;
    expect(row.overall).toBe(0);
    expect(row.cells.get('TAKO')).toMatchObject({ status: 0, due: 'done', stale: false });
  });

  it('keeps filters in the URL and reads them back', () => {
    const q = { ...EMPTY_QUERY, plan: 'p', period: '2021-08', unit: 'SVE', status: 'none', overdue: true, sort: 'worst' as const, q: 'mental' };
    const search = new URLSearchParams(Object.entries(toSearch(q)).filter(([, v]) => v !== undefined) as [string, string][]);
    expect(parseQuery(search)).toEqual(q);
    expect(toSearch(EMPTY_QUERY)).toEqual(Object.fromEntries(Object.keys(toSearch(EMPTY_QUERY)).map((k) => [k, undefined])));
  });

  it('groups rows by theme in reading order and lists unit columns in unit order', () => {
    const sections = groupByTheme(rowsAt('2021-09'), data.themes);
    expect(sections.reduce((n, s) => n + s.rows.length, 0)).toBe(10);
    expect(sections.map((s) => s.theme?.code)).toEqual([...sections.map((s) => s.theme?.code)].sort());
    expect(columnsFor(plan, data.units, rowsAt('2021-09'))).toEqual(['KASO', 'VAKA', 'POPE', 'TAKO', 'SVE']);
    expect(columnsFor(plan, data.units, rowsAt('2021-09'), 'POPE')).toEqual(['POPE']);
  });

  it('offers the reporting periods up to the current one (no July) and a trend over them', () => {
    const periods = periodsToShow(plan, TODAY);
    expect(periods).not.toContain('2021-07');
    expect(periods.at(-1)).toBe('2021-09');
    const points = trend(plan, data.goals, data.checkIns, periods);
    expect(points).toHaveLength(periods.length);
    for (const p of points) expect(p.counts.reduce((n, c) => n + c.count, 0)).toBe(10);
    expect(points.find((p) => p.period === '2021-08')!.counts).toEqual(countByStatus(plan, rowsAt('2021-08')));
  });

  it('stays fast at 500 goals', () => {
    const many: Goal[] = Array.from({ length: 50 }, (_, i) => data.goals.map((g) => ({ ...g, key: `${g.key}-${i}`, code: `${g.code}.${i}` }))).flat();
    const checkIns = Array.from({ length: 50 }, (_, i) => data.checkIns.map((c) => ({ ...c, goalKey: `${c.goalKey}-${i}`, key: `${c.key}-${i}` }))).flat();
    const t0 = performance.now();
    const rows = buildRows({ plan, themes: data.themes, goals: many, checkIns, period: '2021-08', today: TODAY });
    const shown = sortRows(filterRows(rows, { ...noFilter, overdue: true }, data.themes), 'worst');
    trend(plan, many, checkIns, periodsToShow(plan, TODAY));
    expect(rows).toHaveLength(500);
    expect(shown).toHaveLength(150);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
