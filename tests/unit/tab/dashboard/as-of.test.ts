import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../../../src/demo';
import type { CheckIn } from '../../../../src/domain/check-in';
import { applyCheckIn } from '../../../../src/domain/rollup';
import { buildRows, countByStatus, trend } from '../../../../src/tab/features/dashboard/model';

// Issue 13, items 1 and 4: on 22.9.2021 a December report for TAKO (written before the rule closed
// future periods) must not colour September, and the counts must say what the September bar says.
const TODAY = '2021-09-22';
const data = buildDemoDataset();
const plan = data.plans[0]!;
const g = data.goals.find((x) => x.units.includes('TAKO'))!;
const at = (period: string, status: number, submittedAt: string): CheckIn => ({
  key: `ci-${period}-${status}`,
  goalKey: g.key,
  planKey: plan.key,
  period,
  unit: 'TAKO',
  status,
  narrative: 'TAKO.',
  author: { id: 'u', upn: 'u@x', name: 'U' },
  submittedAt,
  source: 'tab',
  submissionId: `sub-${period}-${status}`,
});
const september = at('2021-09', 0, '2021-09-21T10:00:00+03:00');
const december = at('2021-12', 2, '2021-09-22T10:00:00+03:00');
const checkIns = [...data.checkIns, september, december];
const goals = data.goals.map((x) => (x.key === g.key ? { ...x, summary: applyCheckIn(applyCheckIn(x.summary, september), december) } : x));

describe('the dashboard as of the current period', () => {
  it('shows September’s report, not a later period’s', () => {
    const rows = buildRows({ plan, themes: data.themes, goals, checkIns, period: '2021-09', today: TODAY });
    const row = rows.find((r) => r.goal.key === g.key)!;
    expect(row.cells.get('TAKO')).toMatchObject({ status: 0, reportedFor: '2021-09' });
    expect(row.overall).toBe(0);
  });

  it('counts what the trend’s September bar shows', () => {
    const rows = buildRows({ plan, themes: data.themes, goals, checkIns, period: '2021-09', today: TODAY });
    const last = trend(plan, goals, checkIns, ['2021-08', '2021-09']).at(-1)!;
    expect(countByStatus(plan, rows)).toEqual(last.counts);
    expect(last.counts.find((c) => c.status === 0)?.count).toBeGreaterThan(0);
  });

  it('counts one service area the same way in the summary and the trend', () => {
    const rows = buildRows({ plan, themes: data.themes, goals, checkIns, period: '2021-09', today: TODAY }).filter((r) => r.cells.has('TAKO'));
    const last = trend(plan, rows.map((r) => r.goal), checkIns, ['2021-09'], 'TAKO').at(-1)!;
    expect(countByStatus(plan, rows, 'TAKO')).toEqual(last.counts);
  });
});
