import { describe, it, expect } from 'vitest';
import { REALISATION_SCALE, applyCheckIn, countStatuses, goalStatusAsOf, statusCountsAsOf, summaryAt, type CheckIn, type Goal } from '../../../src/domain';
import { checkIn, goal } from './fixtures';

/** A goal whose summary was written from its check-ins, as the command writes it. */
function reported(g: Goal, checkIns: readonly CheckIn[]): Goal {
  return { ...g, summary: checkIns.reduce((s, c) => applyCheckIn(s, c), g.summary) };
}

// Issue 13's case: TAKO said "not realised" (0) for September, then someone reported December as "fully" (2).
const september = checkIn({ goalKey: 'g2', unit: 'TAKO', period: '2021-09', status: 0, submittedAt: '2021-09-21T10:00:00+03:00' });
const december = checkIn({ goalKey: 'g2', unit: 'TAKO', period: '2021-12', status: 2, submittedAt: '2021-09-22T10:00:00+03:00' });
const vaka = checkIn({ goalKey: 'g2', unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-08-25T10:00:00+03:00' });
const history = [september, december, vaka];
const g2 = reported(goal({ key: 'g2', units: ['VAKA', 'TAKO'] }), history);

describe('a goal as of a period', () => {
  it('uses the latest report at or before the period, never a later one', () => {
    expect(g2.summary.TAKO?.period).toBe('2021-12');
    const asOf = summaryAt(g2, history, '2021-09');
    expect(asOf.TAKO).toMatchObject({ period: '2021-09', status: 0 });
    expect(asOf.VAKA).toMatchObject({ period: '2021-08', status: 2 });
    expect(goalStatusAsOf(g2, history, '2021-09')).toBe(0);
    expect(goalStatusAsOf(g2, history, '2021-09', 'TAKO')).toBe(0);
  });

  it('reads the summary as it is when nothing in it is later than the period', () => {
    const g = reported(goal({ key: 'g2', units: ['VAKA', 'TAKO'] }), [september, vaka]);
    expect(summaryAt(g, [], '2021-09')).toBe(g.summary);
  });

  it('shows nothing for a slot whose only report is later, rather than the later report', () => {
    const only = reported(goal({ key: 'g3', units: ['TAKO'] }), [{ ...december, goalKey: 'g3' }]);
    expect(summaryAt(only, [], '2021-09')).toEqual({});
    expect(goalStatusAsOf(only, [], '2021-09')).toBeUndefined();
  });

  it('ignores other goals’ check-ins in the history it is given', () => {
    const other = checkIn({ goalKey: 'other', unit: 'TAKO', period: '2021-09', status: 2 });
    expect(summaryAt(g2, [other, ...history], '2021-09').TAKO?.status).toBe(0);
  });
});

describe('counts per status as of a period', () => {
  const g1 = reported(goal({ key: 'g1', units: ['VAKA'] }), [checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-09', status: 1 })]);
  const silent = goal({ key: 'g4', units: ['VAKA'] });

  it('counts the goal whose September is red as red, however the later report reads', () => {
    expect(statusCountsAsOf(REALISATION_SCALE, [g2, g1, silent], history.concat(), '2021-09')).toEqual([
      { status: 0, count: 1 },
      { status: 1, count: 1 },
      { status: 2, count: 0 },
      { status: undefined, count: 1 },
    ]);
  });

  it('counts one unit when asked, the same way', () => {
    expect(statusCountsAsOf(REALISATION_SCALE, [g2, g1], history, '2021-09', 'TAKO')).toEqual([
      { status: 0, count: 1 },
      { status: 1, count: 0 },
      { status: 2, count: 0 },
      { status: undefined, count: 1 },
    ]);
  });

  it('keeps a value no longer on the scale, after the scale and before not reported', () => {
    expect(countStatuses(REALISATION_SCALE, [5, undefined, 2])).toEqual([
      { status: 0, count: 0 },
      { status: 1, count: 0 },
      { status: 2, count: 1 },
      { status: 5, count: 1 },
      { status: undefined, count: 1 },
    ]);
  });
});
