import { describe, expect, it } from 'vitest';
import { digestModel, previousPeriod, statusChanges, type PlanData } from '../../../src/bot/views';
import { checkIn, goal, plan } from '../domain/fixtures';

// REALISATION_SCALE: 2 = fully, 1 = partially, 0 = not realised.
const at = (period: string, day = '05') => `${period.slice(0, 4)}-${String(Number(period.slice(5)) + 1).padStart(2, '0')}-${day}T10:00:00+03:00`;
const report = (goalKey: string, period: string, status: number, unit?: string, submittedAt = at(period)) =>
  checkIn({ goalKey, period, status, ...(unit ? { unit } : {}), submittedAt });

describe('previousPeriod', () => {
  it('is the reporting period before, skipping a non-reporting July', () => {
    expect(previousPeriod(plan(), '2021-08')).toBe('2021-06');
    expect(previousPeriod(plan(), '2021-10')).toBe('2021-09');
  });

  it('is the calendar month before the plan’s first period', () => {
    expect(previousPeriod(plan(), '2021-01')).toBe('2020-12');
  });

  it('is the tertial before in a tertial plan', () => {
    expect(previousPeriod(plan({ cadence: 'tertial' }), '2021-08')).toBe('2021-04');
  });
});

describe('statusChanges: what changed since last period', () => {
  const g = (key: string, units: string[] = []) => goal({ key, code: key.slice(1), units });

  it('reports a goal whose status rose or fell this period, from the status it had before', () => {
    const history = [report('g1', '2021-08', 1), report('g1', '2021-09', 2), report('g2', '2021-08', 2), report('g2', '2021-09', 0)];
    const { changes } = statusChanges([g('g1'), g('g2')], history, '2021-09', '2021-08');
    expect(changes).toEqual([
      { key: 'g1', code: '1', title: goal().title, from: 1, to: 2 },
      { key: 'g2', code: '2', title: goal().title, from: 2, to: 0 },
    ]);
  });

  it('does not report a goal reported this period at the status it already had', () => {
    const history = [report('g1', '2021-08', 1), report('g1', '2021-09', 1)];
    const { changes, counts } = statusChanges([g('g1')], history, '2021-09', '2021-08');
    expect(changes).toEqual([]);
    expect([...counts]).toEqual([[1, 1]]);
  });

  it('reports a goal first reported this period with no previous status', () => {
    const { changes } = statusChanges([g('g1')], [report('g1', '2021-09', 1)], '2021-09', '2021-08');
    expect(changes).toEqual([{ key: 'g1', code: '1', title: goal().title, to: 1 }]);
    expect(changes[0]).not.toHaveProperty('from');
  });

  it('counts a goal not reported this period under none and reports no change for it', () => {
    const history = [report('g1', '2021-06', 0), report('g1', '2021-08', 2)];
    const { changes, counts } = statusChanges([g('g1'), g('g2')], history, '2021-09', '2021-08');
    expect(changes).toEqual([]);
    expect([...counts]).toEqual([['none', 2]]);
  });

  // A check-in can carry a month that does not report (July here, e.g. from an import): it counts
  // for the status as of later periods, but it is not the previous period's status.
  it('compares with the status as of the previous reporting period, not with the latest report before this one', () => {
    const history = [report('g1', '2021-06', 2), report('g1', '2021-07', 1), report('g1', '2021-08', 1)];
    expect(statusChanges([g('g1')], history, '2021-08', '2021-06').changes).toEqual([{ key: 'g1', code: '1', title: goal().title, from: 2, to: 1 }]);
  });

  it('reports no change for a goal whose status moved outside this period', () => {
    const history = [report('g1', '2021-06', 1), report('g1', '2021-07', 2)];
    const { changes, counts } = statusChanges([g('g1')], history, '2021-08', '2021-06');
    expect(changes).toEqual([]);
    expect([...counts]).toEqual([['none', 1]]);
  });

  it('takes the last check-in of a period when it was corrected', () => {
    const history = [report('g1', '2021-08', 1), report('g1', '2021-09', 0, undefined, at('2021-09', '01')), report('g1', '2021-09', 1, undefined, at('2021-09', '04'))];
    const { changes, counts } = statusChanges([g('g1')], history, '2021-09', '2021-08');
    expect(changes).toEqual([]);
    expect([...counts]).toEqual([[1, 1]]);
  });

  it('rolls a goal with units up to its worst unit, so one unit falling behind is a change', () => {
    const history = [report('g1', '2021-08', 2, 'KASO'), report('g1', '2021-08', 2, 'VAKA'), report('g1', '2021-09', 1, 'KASO')];
    const { changes, counts } = statusChanges([g('g1', ['KASO', 'VAKA'])], history, '2021-09', '2021-08');
    expect(changes).toEqual([{ key: 'g1', code: '1', title: goal().title, from: 2, to: 1 }]);
    expect([...counts]).toEqual([[1, 1]]);
  });

  it('ignores check-ins of later periods and of other goals', () => {
    const history = [report('g1', '2021-08', 1), report('g1', '2021-10', 2), report('g9', '2021-09', 2)];
    const { changes, counts } = statusChanges([g('g1')], history, '2021-09', '2021-08');
    expect(changes).toEqual([]);
    expect([...counts]).toEqual([['none', 1]]);
  });
});

describe('digestModel', () => {
  it('lists the counts best status first and not reported last, against the previous reporting period', () => {
    const p = plan();
    const goals = ['g1', 'g2', 'g3', 'g4'].map((key) => goal({ key, code: key.slice(1) }));
    const history = [report('g1', '2021-08', 0), report('g2', '2021-08', 2), report('g3', '2021-08', 2), report('g1', '2021-06', 2)];
    const d: PlanData = { plan: p, goals, groups: [], units: [], checkIns: history.filter((c) => c.period === '2021-08'), period: '2021-08', today: '2021-09-10' };
    const m = digestModel(d, history, 'sv');
    expect(m).toMatchObject({ locale: 'sv', period: '2021-08', previousPeriod: '2021-06' });
    expect(m.counts).toEqual([
      { status: 2, count: 2 },
      { status: 0, count: 1 },
      { status: 'none', count: 1 },
    ]);
    expect(m.changes.map((c) => [c.key, c.from, c.to])).toEqual([
      ['g1', 2, 0],
      ['g2', undefined, 2],
      ['g3', undefined, 2],
    ]);
    expect(m.overdue.map((o) => o.key)).toEqual(['g4']);
  });
});
