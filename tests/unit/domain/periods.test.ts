import { describe, it, expect } from 'vitest';
import {
  OVERALL,
  addMonths,
  currentPeriod,
  dueOn,
  dueState,
  helsinkiDate,
  opensOn,
  parsePeriod,
  periodMonths,
  reportingPeriods,
  slotStates,
  type ReminderCalendar,
} from '../../../src/domain';
import { checkIn, goal, plan } from './fixtures';

const monthly2021 = plan();
const tertial2021 = plan({ cadence: 'tertial' });
const withReminders = (r: Partial<ReminderCalendar>) => plan({ reminders: { ...monthly2021.reminders, ...r } });

describe('reporting periods', () => {
  it('gives a monthly 2021 plan eleven periods, skipping July', () => {
    const periods = reportingPeriods(monthly2021);
    expect(periods).toHaveLength(11);
    expect(periods).not.toContain('2021-07');
    expect(periods[0]).toBe('2021-01');
    expect(periods.at(-1)).toBe('2021-12');
    expect(periods.slice(5, 7)).toEqual(['2021-06', '2021-08']);
  });

  it('gives a monthly plan all twelve months when no month is non-reporting', () => {
    expect(reportingPeriods(withReminders({ nonReportingMonths: [] }))).toHaveLength(12);
  });

  it('names the tertials of 2021 by their last months: April, August, December', () => {
    expect(reportingPeriods(tertial2021)).toEqual(['2021-04', '2021-08', '2021-12']);
  });

  it('starts a plan that starts mid-year in its starting month and crosses the year end', () => {
    const p = plan({ periodStart: '2021-08-16', periodEnd: '2022-06-30' });
    const periods = reportingPeriods(p);
    expect(periods[0]).toBe('2021-08');
    expect(periods).toContain('2021-12');
    expect(periods).toContain('2022-01');
    expect(periods.at(-1)).toBe('2022-06');
    expect(periods).toHaveLength(11);
  });

  it('ends a plan that ends mid-month with that month', () => {
    expect(reportingPeriods(plan({ periodStart: '2021-01-01', periodEnd: '2021-03-15' }))).toEqual(['2021-01', '2021-02', '2021-03']);
  });

  it('closes a tertial plan that ends mid-tertial with a short last period named by its last month', () => {
    const p = plan({ cadence: 'tertial', periodStart: '2021-03-01', periodEnd: '2022-06-30' });
    expect(reportingPeriods(p)).toEqual(['2021-04', '2021-08', '2021-12', '2022-04', '2022-06']);
  });

  it('keeps the year-end tertial when December is a non-reporting month, because the tertial still covers September to November', () => {
    const p = plan({ cadence: 'tertial', reminders: { ...tertial2021.reminders, nonReportingMonths: [7, 12] } });
    expect(reportingPeriods(p)).toEqual(['2021-04', '2021-08', '2021-12']);
  });

  it('keeps the May–August tertial when August is a non-reporting month', () => {
    const p = plan({ cadence: 'tertial', reminders: { ...tertial2021.reminders, nonReportingMonths: [8] } });
    expect(reportingPeriods(p)).toContain('2021-08');
  });

  it('drops a tertial only when none of its months report', () => {
    const p = plan({ cadence: 'tertial', reminders: { ...tertial2021.reminders, nonReportingMonths: [5, 6, 7, 8] } });
    expect(reportingPeriods(p)).toEqual(['2021-04', '2021-12']);
  });

  it('has no periods for a plan that lies wholly in July', () => {
    expect(reportingPeriods(plan({ periodStart: '2021-07-01', periodEnd: '2021-07-31' }))).toEqual([]);
  });
});

describe('period months', () => {
  it('covers just the month itself for a monthly plan', () => {
    expect(periodMonths(monthly2021, '2021-08')).toEqual(['2021-08']);
  });

  it('covers the four months of each tertial', () => {
    expect(periodMonths(tertial2021, '2021-04')).toEqual(['2021-01', '2021-02', '2021-03', '2021-04']);
    expect(periodMonths(tertial2021, '2021-08')).toEqual(['2021-05', '2021-06', '2021-07', '2021-08']);
    expect(periodMonths(tertial2021, '2021-12')).toEqual(['2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('covers only the months so far for a tertial cut short by the plan end', () => {
    expect(periodMonths(tertial2021, '2022-06')).toEqual(['2022-05', '2022-06']);
  });
});

describe('adding months', () => {
  it('moves forward across a year end', () => {
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-11', 14)).toBe('2023-01');
  });

  it('moves backward across a year start', () => {
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(addMonths('2021-03', -15)).toBe('2019-12');
  });

  it('returns the same period for zero months', () => {
    expect(addMonths('2021-09', 0)).toBe('2021-09');
  });
});

describe('reading a period', () => {
  it('reads the year and the month of YYYY-MM, and of a date that starts with one', () => {
    expect(parsePeriod('2021-09')).toEqual({ year: 2021, month: 9 });
    expect(parsePeriod('2021-12-31')).toEqual({ year: 2021, month: 12 });
  });

  it('reads a month missing as 0 and text as NaN, as the check of a URL period expects', () => {
    expect(parsePeriod('2021')).toEqual({ year: 2021, month: 0 });
    expect(parsePeriod('2021-')).toEqual({ year: 2021, month: 0 });
    expect(parsePeriod('syys-2021')).toEqual({ year: NaN, month: 2021 });
  });
});

describe('reminder and due days', () => {
  it('opens a period on the reminder day of its month', () => {
    expect(opensOn(monthly2021, '2021-09')).toBe('2021-09-20');
  });

  it('puts a due day earlier than the reminder day in the following month', () => {
    expect(dueOn(monthly2021, '2021-09')).toBe('2021-10-05');
  });

  it('puts the December due day in January of the next year', () => {
    expect(dueOn(monthly2021, '2021-12')).toBe('2022-01-05');
  });

  it('keeps a due day later than the reminder day in the same month', () => {
    expect(dueOn(withReminders({ reminderDay: 1, dueDay: 15 }), '2021-09')).toBe('2021-09-15');
  });

  it('makes a due day equal to the reminder day fall on that same day', () => {
    expect(dueOn(withReminders({ reminderDay: 10, dueDay: 10 }), '2021-09')).toBe('2021-09-10');
  });

  it('clamps a day past the end of February to its last day, in common and leap years', () => {
    // The schema stops at 28; this guards callers that build calendars by hand.
    const p = withReminders({ reminderDay: 30, dueDay: 31 });
    expect(opensOn(p, '2021-02')).toBe('2021-02-28');
    expect(opensOn(p, '2024-02')).toBe('2024-02-29');
    expect(dueOn(p, '2021-02')).toBe('2021-02-28');
  });

  it('clamps a following-month due day that February does not have', () => {
    expect(dueOn(withReminders({ reminderDay: 31, dueDay: 30 }), '2021-01')).toBe('2021-02-28');
  });
});

describe('current period', () => {
  it('is the first period before the first one opens', () => {
    expect(currentPeriod(monthly2021, '2020-12-01')).toBe('2021-01');
    expect(currentPeriod(monthly2021, '2021-01-19')).toBe('2021-01');
  });

  it('moves to a period on its reminder day, not before', () => {
    expect(currentPeriod(monthly2021, '2021-09-19')).toBe('2021-08');
    expect(currentPeriod(monthly2021, '2021-09-20')).toBe('2021-09');
  });

  it('stays on June through July and until the August period opens, as July has no reporting', () => {
    expect(currentPeriod(monthly2021, '2021-07-25')).toBe('2021-06');
    expect(currentPeriod(monthly2021, '2021-08-19')).toBe('2021-06');
    expect(currentPeriod(monthly2021, '2021-08-20')).toBe('2021-08');
  });

  it("stays on the plan's last period after the plan has ended", () => {
    expect(currentPeriod(monthly2021, '2022-03-01')).toBe('2021-12');
  });

  it('is the August tertial on the demo date of 22 September 2021', () => {
    expect(currentPeriod(tertial2021, '2021-09-22')).toBe('2021-08');
  });

  it('is undefined for a plan with no reporting periods', () => {
    expect(currentPeriod(plan({ periodStart: '2021-07-01', periodEnd: '2021-07-31' }), '2021-07-10')).toBeUndefined();
  });
});

describe('due state', () => {
  // 2021-08 opens on 20 August and is due on 5 September.
  it('is upcoming the day before the reminder day', () => {
    expect(dueState(monthly2021, '2021-08', '2021-08-19', false)).toBe('upcoming');
  });

  it('is due from the reminder day', () => {
    expect(dueState(monthly2021, '2021-08', '2021-08-20', false)).toBe('due');
  });

  it('is still due on the due date itself', () => {
    expect(dueState(monthly2021, '2021-08', '2021-09-05', false)).toBe('due');
  });

  it('marks a unit overdue the day after the due date', () => {
    expect(dueState(monthly2021, '2021-08', '2021-09-06', false)).toBe('overdue');
  });

  it('is done once reported, whether early, on time or late', () => {
    expect(dueState(monthly2021, '2021-08', '2021-08-01', true)).toBe('done');
    expect(dueState(monthly2021, '2021-08', '2021-09-05', true)).toBe('done');
    expect(dueState(monthly2021, '2021-08', '2021-12-01', true)).toBe('done');
  });
});

describe('Helsinki date of an instant', () => {
  it('is already the next day in Helsinki at 22:30 UTC in summer', () => {
    expect(helsinkiDate(new Date('2021-08-31T22:30:00Z'))).toBe('2021-09-01');
  });

  it('turns at 21:00 UTC in summer (UTC+3)', () => {
    expect(helsinkiDate(new Date('2021-08-31T20:59:59Z'))).toBe('2021-08-31');
    expect(helsinkiDate(new Date('2021-08-31T21:00:00Z'))).toBe('2021-09-01');
  });

  it('turns at 22:00 UTC in winter (UTC+2), also across the year end', () => {
    expect(helsinkiDate(new Date('2021-01-31T21:30:00Z'))).toBe('2021-01-31');
    expect(helsinkiDate(new Date('2021-12-31T22:00:00Z'))).toBe('2022-01-01');
  });

  it('follows the spring change to summer time', () => {
    // Clocks go forward on 28 March 2021 at 03:00 local; the night before is still UTC+2.
    expect(helsinkiDate(new Date('2021-03-27T21:59:00Z'))).toBe('2021-03-27');
    expect(helsinkiDate(new Date('2021-03-27T22:00:00Z'))).toBe('2021-03-28');
    expect(helsinkiDate(new Date('2021-03-28T21:00:00Z'))).toBe('2021-03-29');
  });

  it('follows the autumn change back to winter time', () => {
    // Clocks go back on 31 October 2021 at 04:00 local.
    expect(helsinkiDate(new Date('2021-10-30T21:30:00Z'))).toBe('2021-10-31');
    expect(helsinkiDate(new Date('2021-10-31T21:30:00Z'))).toBe('2021-10-31');
    expect(helsinkiDate(new Date('2021-10-31T22:00:00Z'))).toBe('2021-11-01');
  });
});

describe('slot states', () => {
  const withUnits = goal({ key: 'g1', units: ['VAKA', 'POPE'] });
  const whole = goal({ key: 'g2', units: [] });

  it('gives each unit of a goal its own state', () => {
    const states = slotStates(
      monthly2021,
      [withUnits],
      [checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-08' }), checkIn({ goalKey: 'g1', unit: 'POPE', period: '2021-06' })],
      '2021-08',
      '2021-09-06',
    );
    expect(states).toEqual([
      { goalKey: 'g1', unit: 'VAKA', period: '2021-08', state: 'done' },
      { goalKey: 'g1', unit: 'POPE', period: '2021-08', state: 'overdue' },
    ]);
  });

  it('reports a goal with no units as one OVERALL slot', () => {
    expect(slotStates(monthly2021, [whole], [], '2021-09', '2021-09-22')).toEqual([
      { goalKey: 'g2', unit: OVERALL, period: '2021-09', state: 'due' },
    ]);
    expect(slotStates(monthly2021, [whole], [checkIn({ goalKey: 'g2', period: '2021-09' })], '2021-09', '2021-09-22')[0]?.state).toBe('done');
  });

  it('counts any check-in of a goal with no units, even one that names a unit', () => {
    // e.g. the goal's units were removed after a service area had reported
    const states = slotStates(monthly2021, [whole], [checkIn({ goalKey: 'g2', unit: 'VAKA', period: '2021-09' })], '2021-09', '2021-09-22');
    expect(states).toEqual([{ goalKey: 'g2', unit: OVERALL, period: '2021-09', state: 'done' }]);
  });

  it('does not tick off the units of a goal with an overall check-in', () => {
    const states = slotStates(monthly2021, [withUnits], [checkIn({ goalKey: 'g1', period: '2021-09' })], '2021-09', '2021-09-22');
    expect(states.map((s) => s.state)).toEqual(['due', 'due']);
  });

  it("does not count another goal's check-in", () => {
    const states = slotStates(monthly2021, [whole], [checkIn({ goalKey: 'g1', period: '2021-09' })], '2021-09', '2021-09-22');
    expect(states[0]?.state).toBe('due');
  });

  it('is empty for a non-reporting period', () => {
    expect(slotStates(monthly2021, [withUnits, whole], [], '2021-07', '2021-07-25')).toEqual([]);
  });

  it("is empty for a period outside the plan", () => {
    expect(slotStates(monthly2021, [withUnits, whole], [], '2022-01', '2022-01-25')).toEqual([]);
  });
});
