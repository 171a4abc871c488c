import { describe, it, expect } from 'vitest';
import { OVERALL, applyCheckIn, overallStatus, summaryAsOf, type GoalSummary, type SummaryEntry } from '../../../src/domain';
import { checkIn } from './fixtures';

const entry = (period: string, status: number, at = `${period}-28T12:00:00+03:00`): SummaryEntry => ({
  period,
  status,
  at,
  author: { id: 'anna', name: 'Anna' },
  checkInKey: `ci-${period}-${status}`,
});

describe('applying a check-in to a goal summary', () => {
  it('fills an empty slot', () => {
    const c = checkIn({ unit: 'VAKA', period: '2021-08', status: 2, indicatorValue: 753 });
    expect(applyCheckIn({}, c)).toEqual({
      VAKA: { period: '2021-08', status: 2, at: c.submittedAt, author: { id: 'anna', name: 'Anna Virtanen' }, checkInKey: c.key, indicatorValue: 753, history: '2021-08:2', historyAt: c.submittedAt },
    });
  });

  it('files a check-in without a unit under OVERALL', () => {
    expect(Object.keys(applyCheckIn({}, checkIn({ status: 1 })))).toEqual([OVERALL]);
  });

  it('replaces the entry with a check-in for a later period', () => {
    const before: GoalSummary = { VAKA: entry('2021-06', 1) };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-09-01T10:00:00+03:00' }));
    expect(after.VAKA).toMatchObject({ period: '2021-08', status: 2 });
  });

  it('replaces the entry with a later submission for the same period (a correction)', () => {
    const before: GoalSummary = { VAKA: entry('2021-08', 1, '2021-09-01T10:00:00+03:00') };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-08', status: 0, submittedAt: '2021-09-02T08:00:00+03:00' }));
    expect(after.VAKA).toMatchObject({ status: 0, at: '2021-09-02T08:00:00+03:00' });
  });

  it('keeps the entry when an earlier submission for the same period arrives late', () => {
    const before: GoalSummary = { VAKA: entry('2021-08', 1, '2021-09-02T08:00:00+03:00') };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-09-01T10:00:00+03:00' }));
    expect(after).toBe(before);
  });

  it('keeps the entry when a check-in for an older period arrives late, even if submitted later', () => {
    const before: GoalSummary = { VAKA: entry('2021-08', 1, '2021-09-01T10:00:00+03:00') };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-06', status: 2, submittedAt: '2021-09-10T10:00:00+03:00' }));
    expect(after).toBe(before);
  });

  it('compares submission times as instants, not as text with different offsets', () => {
    // 07:30Z is 10:30 in Helsinki, later than 10:00+03:00 although it sorts earlier as text.
    const before: GoalSummary = { VAKA: entry('2021-08', 1, '2021-09-01T10:00:00+03:00') };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-09-01T07:30:00Z' }));
    expect(after.VAKA?.status).toBe(2);
  });

  it('leaves the other slots and the given summary untouched', () => {
    const before: GoalSummary = { POPE: entry('2021-08', 2) };
    const after = applyCheckIn(before, checkIn({ unit: 'VAKA', period: '2021-08', status: 0 }));
    expect(after.POPE).toEqual(before.POPE);
    expect(before.VAKA).toBeUndefined();
  });

  it('leaves out the indicator value when the check-in has none', () => {
    expect(applyCheckIn({}, checkIn({ unit: 'VAKA' })).VAKA).not.toHaveProperty('indicatorValue');
  });
});

describe('two check-ins stamped in the same millisecond', () => {
  it('orders them by key whichever is applied last, as the recomputation does', () => {
    const at = '2021-09-10T10:00:00.000+03:00';
    const a = checkIn({ key: 'ci-a', unit: 'VAKA', period: '2021-09', status: 0, submittedAt: at });
    const b = checkIn({ key: 'ci-b', unit: 'VAKA', period: '2021-09', status: 2, submittedAt: at });
    expect(applyCheckIn(applyCheckIn({}, a), b).VAKA?.checkInKey).toBe('ci-b');
    expect(applyCheckIn(applyCheckIn({}, b), a).VAKA?.checkInKey).toBe('ci-b');
    expect(summaryAsOf([b, a], '2021-09').VAKA?.checkInKey).toBe('ci-b');
  });
});

describe('summary as of a period', () => {
  const history = [
    checkIn({ unit: 'VAKA', period: '2021-04', status: 0, submittedAt: '2021-05-03T09:00:00+03:00' }),
    checkIn({ unit: 'VAKA', period: '2021-06', status: 1, submittedAt: '2021-07-02T09:00:00+03:00' }),
    checkIn({ unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-09-01T09:00:00+03:00' }),
    checkIn({ unit: 'POPE', period: '2021-08', status: 1, submittedAt: '2021-09-03T09:00:00+03:00' }),
  ];

  it('shows for a past period the latest report up to that period and nothing later', () => {
    const s = summaryAsOf(history, '2021-06');
    expect(s.VAKA).toMatchObject({ period: '2021-06', status: 1 });
    expect(s.POPE).toBeUndefined();
  });

  it('shows the newest report per unit for the latest period', () => {
    const s = summaryAsOf([...history].reverse(), '2021-12');
    expect(s.VAKA).toMatchObject({ period: '2021-08', status: 2 });
    expect(s.POPE).toMatchObject({ period: '2021-08', status: 1 });
  });

  it('uses the correction made within the period', () => {
    const s = summaryAsOf(
      [...history, checkIn({ unit: 'VAKA', period: '2021-06', status: 0, submittedAt: '2021-07-05T09:00:00+03:00' })],
      '2021-06',
    );
    expect(s.VAKA?.status).toBe(0);
  });

  it('is empty before anything was reported', () => {
    expect(summaryAsOf(history, '2021-03')).toEqual({});
  });
});

describe('overall status of a goal', () => {
  const units = ['VAKA', 'POPE', 'SVE'];

  it('is the worst status among the units', () => {
    expect(overallStatus({ VAKA: entry('2021-08', 2), POPE: entry('2021-08', 1), SVE: entry('2021-08', 2) }, units)).toEqual({
      status: 1,
      period: '2021-08',
      computed: true,
    });
  });

  it('takes its period from the latest unit report', () => {
    expect(overallStatus({ VAKA: entry('2021-06', 0), POPE: entry('2021-08', 2) }, units)).toEqual({ status: 0, period: '2021-08', computed: true });
  });

  it('ignores entries for units the goal no longer reports on', () => {
    expect(overallStatus({ VAKA: entry('2021-08', 2), TAKO: entry('2021-08', 0) }, units)?.status).toBe(2);
  });

  it('uses an explicit overall assessment from the same period as the latest unit report', () => {
    const s = { [OVERALL]: entry('2021-08', 2), VAKA: entry('2021-08', 0) };
    expect(overallStatus(s, units)).toEqual({ status: 2, period: '2021-08', computed: false });
  });

  it('uses an explicit overall assessment newer than every unit report', () => {
    const s = { [OVERALL]: entry('2021-09', 1), VAKA: entry('2021-08', 2) };
    expect(overallStatus(s, units)).toEqual({ status: 1, period: '2021-09', computed: false });
  });

  it('goes back to the computed worst when a unit reports for a later period than the explicit assessment', () => {
    const s = { [OVERALL]: entry('2021-08', 2), VAKA: entry('2021-09', 0), POPE: entry('2021-08', 2) };
    expect(overallStatus(s, units)).toEqual({ status: 0, period: '2021-09', computed: true });
  });

  it('is undefined when nothing has been reported', () => {
    expect(overallStatus({}, units)).toBeUndefined();
  });

  it('is the explicit assessment for a goal with no units', () => {
    expect(overallStatus({ [OVERALL]: entry('2021-08', 1) }, [])).toEqual({ status: 1, period: '2021-08', computed: false });
  });

  it('is undefined for a goal with no units that has not reported', () => {
    expect(overallStatus({}, [])).toBeUndefined();
  });
});
