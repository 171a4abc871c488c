// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { buildDemoDataset } from '../../../../src/demo';
import type { CheckIn } from '../../../../src/domain/check-in';
import { OVERALL } from '../../../../src/domain/goal';
import { CheckInTimeline } from '../../../../src/tab/features/goal/components/check-in-timeline';
import { historyByUnit, indicatorSeries } from '../../../../src/tab/features/goal/model';
import { renderTab } from '../helpers';

const data = buildDemoDataset();
const plan = data.plans[0]!;
const goal = data.goals.find((g) => g.code === '5')!;
const unitName = (k: string) => data.units.find((u) => u.key === k)?.name.fi ?? k;

const hostile: CheckIn = {
  key: 'ci-hostile',
  goalKey: goal.key,
  planKey: plan.key,
  period: '2021-09',
  unit: 'TAKO',
  status: 0,
  narrative: 'Tilanne:\n<img src=x onerror=alert(1)>\n[link](http://evil) **lihava**',
  author: { id: 'u', upn: 'u@x', name: 'Aino Virtanen' },
  submittedAt: '2021-09-22T06:30:00Z',
  source: 'tab',
  submissionId: 'hostile-123',
};

describe('goal check-in timeline', () => {
  it('renders a narrative with HTML and markdown as the plain text it is, keeping line breaks', async () => {
    const { container } = await renderTab(<CheckInTimeline plan={plan} history={historyByUnit(goal, [hostile])} unitName={unitName} />);
    const list = screen.getByRole('list', { name: 'Toisen asteen koulutus: raportit, uusin ensin' });
    const item = within(list).getByRole('listitem');
    const p = item.querySelector('p')!;
    expect(p.textContent).toBe(hostile.narrative);
    expect(container.querySelector('img')).toBeNull();
    expect(within(item).queryByRole('link')).toBeNull();
    expect(item.querySelector('strong, b')).toBeNull();
    expect(p.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(p.innerHTML.split('\n')).toHaveLength(3);
  });

  it('shows author, the date and time in Helsinki, and the status in words, per unit, newest first', async () => {
    const checkIns = data.checkIns.filter((c) => c.goalKey === goal.key);
    await renderTab(<CheckInTimeline plan={plan} history={historyByUnit(goal, [...checkIns, hostile])} unitName={unitName} indicatorUnit="koulutettua" />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(goal.units.map(unitName));
    const tako = within(screen.getByRole('list', { name: /Toisen asteen koulutus/ })).getAllByRole('listitem');
    expect(within(tako[0]!).getByText('syyskuu 2021')).toBeTruthy();
    expect(within(tako[0]!).getByText('Ei toteudu')).toBeTruthy();
    // 06:30 UTC is 9.30 in Helsinki (summer time).
    expect(tako[0]!.querySelector('time')?.textContent).toBe('22.9.2021 klo 9.30');
    expect(tako[0]!.textContent).toContain('Aino Virtanen');
    const periods = tako.map((li) => li.querySelector('time')?.getAttribute('dateTime') ?? '');
    expect(periods).toEqual([...periods].sort().reverse());
  });

  it('has a designed empty state when nothing is reported', async () => {
    await renderTab(<CheckInTimeline plan={plan} history={historyByUnit({ units: [] }, [])} unitName={unitName} />);
    expect(screen.getByRole('heading', { name: 'Ei vielä raportteja' })).toBeTruthy();
  });
});

describe('goal detail model', () => {
  it('groups history by the goal’s units, with the whole-goal slot for goals without units', () => {
    expect(historyByUnit(goal, []).map((h) => h.unit)).toEqual(goal.units);
    const whole = historyByUnit({ units: [] }, [{ ...hostile, unit: undefined }]);
    expect(whole.map((h) => h.unit)).toEqual([OVERALL]);
    expect(whole[0]!.checkIns).toHaveLength(1);
  });

  it('takes the newest indicator value of each period, with progress from baseline to target', () => {
    const series = indicatorSeries(goal, data.checkIns.filter((c) => c.goalKey === goal.key));
    expect(series.length).toBeGreaterThan(0);
    expect(series.map((p) => p.period)).toEqual([...new Set(series.map((p) => p.period))].sort());
    const last = series.at(-1)!;
    expect(last.progress?.ratio).toBeCloseTo((last.value - goal.baseline.value!) / (goal.target.value! - goal.baseline.value!));
  });
});
