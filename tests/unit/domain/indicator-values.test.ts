import { describe, it, expect } from 'vitest';
import { OVERALL, goalIndicatorValue, indicatorSeriesAsOf, indicatorValuesAsOf } from '../../../src/domain';
import { checkIn } from './fixtures';

// Decision 0009: a value belongs to the slot whose check-in carries it; the goal-wide value is the
// goal-as-a-whole one, or the only reporting area's; several areas' values never stand for the goal.
const total = (period: string, value: number, at: string) => checkIn({ period, unit: 'VAKA', indicatorValue: value, submittedAt: at });

describe('indicator values as of a period', () => {
  it('take the latest value at or before the period, never a later one', () => {
    const history = [total('2021-08', 753, '2021-08-25T10:00:00Z'), total('2021-12', 900, '2021-09-22T10:00:00Z')];
    expect(indicatorValuesAsOf(history, '2021-09').get('VAKA')?.indicatorValue).toBe(753);
    expect(goalIndicatorValue(history, '2021-09')?.indicatorValue).toBe(753);
  });

  it('keep a value when a later check-in of the slot brings none', () => {
    const history = [total('2021-08', 753, '2021-08-25T10:00:00Z'), checkIn({ period: '2021-09', unit: 'VAKA', submittedAt: '2021-09-21T10:00:00Z' })];
    expect(goalIndicatorValue(history, '2021-09')?.indicatorValue).toBe(753);
  });

  it('do not let one service area’s number replace the goal-wide one', () => {
    const history = [
      checkIn({ period: '2021-08', indicatorValue: 753, submittedAt: '2021-08-25T10:00:00Z' }),
      checkIn({ period: '2021-09', unit: 'TAKO', indicatorValue: 12, submittedAt: '2021-09-21T10:00:00Z' }),
    ];
    expect(goalIndicatorValue(history, '2021-09')?.indicatorValue).toBe(753);
  });

  it('have no goal-wide value when several areas report their own and nobody the whole', () => {
    const history = [total('2021-08', 753, '2021-08-25T10:00:00Z'), checkIn({ period: '2021-09', unit: 'TAKO', indicatorValue: 12, submittedAt: '2021-09-21T10:00:00Z' })];
    expect(goalIndicatorValue(history, '2021-09')).toBeUndefined();
  });

  it('make one goal-wide line and one line per area for the chart', () => {
    const history = [
      checkIn({ period: '2021-08', indicatorValue: 753, submittedAt: '2021-08-25T10:00:00Z' }),
      checkIn({ period: '2021-09', unit: 'TAKO', indicatorValue: 12, submittedAt: '2021-09-21T10:00:00Z' }),
    ];
    expect(indicatorSeriesAsOf(history, ['2021-08', '2021-09'])).toEqual([
      { period: '2021-08', value: 753, reportedFor: '2021-08', slot: OVERALL },
      { period: '2021-09', value: 753, reportedFor: '2021-08', slot: OVERALL },
      { period: '2021-09', value: 12, reportedFor: '2021-09', slot: 'TAKO' },
    ]);
  });
});
