import { describe, expect, it } from 'vitest';
import { addWorkingDays, helsinkiInstant, isWorkingDay, nextSendDay, periodSchedule, sendsBetween } from '../../../src/bot/calendar';
import { DEFAULT_REMINDER_CALENDAR, REALISATION_SCALE, type Plan } from '../../../src/domain';

const plan = (over: Partial<Plan['reminders']> = {}): Plan => ({
  key: 'p',
  title: { fi: 'T' },
  periodStart: '2021-01-01',
  periodEnd: '2022-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
  units: [],
  reminders: { ...DEFAULT_REMINDER_CALENDAR, ...over },
  language: 'fi',
});

describe('working days in Finland', () => {
  it('knows the public holidays and the eves offices close on', () => {
    expect(isWorkingDay('2021-12-06')).toBe(false); // Independence Day
    expect(isWorkingDay('2021-06-25')).toBe(false); // Midsummer Eve
    expect(isWorkingDay('2021-12-24')).toBe(false); // Christmas Eve
    expect(isWorkingDay('2021-12-27')).toBe(true);
    expect(isWorkingDay('2021-05-13')).toBe(false); // Ascension Day
    expect(isWorkingDay('2021-12-31')).toBe(true); // New Year's Eve is a working day
  });
  it('moves weekends and holidays to the next working day', () => {
    expect(nextSendDay('2021-11-20')).toBe('2021-11-22'); // Saturday → Monday
    expect(nextSendDay('2021-12-06')).toBe('2021-12-07');
    expect(nextSendDay('2021-12-24')).toBe('2021-12-27'); // Christmas Eve, Christmas, Boxing Day, Sunday… → Monday 27th
    expect(nextSendDay('2021-06-25')).toBe('2021-06-28'); // Midsummer Eve → Monday
    expect(nextSendDay('2021-09-22')).toBe('2021-09-22');
  });
  it('skips non-reporting months', () => {
    expect(nextSendDay('2021-06-30', [7])).toBe('2021-06-30');
    expect(nextSendDay('2021-07-01', [7])).toBe('2021-08-02');
  });
  it('counts working days', () => {
    expect(addWorkingDays('2021-12-03', 1)).toBe('2021-12-07'); // Fri + 1 skips the weekend and Independence Day
  });
});

describe('Helsinki time', () => {
  it('turns a local hour into the right instant in summer and winter time', () => {
    expect(helsinkiInstant('2021-09-20', 9).toISOString()).toBe('2021-09-20T06:00:00.000Z');
    expect(helsinkiInstant('2021-12-07', 9).toISOString()).toBe('2021-12-07T07:00:00.000Z');
  });
});

describe('the reminder calendar of a period', () => {
  it('sends on the reminder day, escalates and digests working days after the due date', () => {
    const s = periodSchedule(plan(), '2021-09');
    expect(s.map((x) => [x.kind, x.date])).toEqual([
      ['group', '2021-09-20'],
      ['personal', '2021-09-20'],
      ['escalation', '2021-10-07'], // due Tue 5 Oct; 2 working days after
      ['digest', '2021-10-08'],
    ]);
    expect(s[0]!.at.toISOString()).toBe('2021-09-20T06:00:00.000Z');
  });
  it('moves a reminder day on a Saturday to Monday', () => {
    expect(periodSchedule(plan(), '2021-11')[0]!.date).toBe('2021-11-22');
  });
  it('moves a reminder on Independence Day to the next day', () => {
    expect(periodSchedule(plan({ reminderDay: 6 }), '2021-12')[0]!.date).toBe('2021-12-07');
  });
  it('moves a reminder on Midsummer Eve past the weekend', () => {
    expect(periodSchedule(plan({ reminderDay: 25 }), '2021-06')[0]!.date).toBe('2021-06-28');
  });
  it('sends nothing for a non-reporting month', () => {
    expect(periodSchedule(plan(), '2021-07')).toEqual([]);
    expect(periodSchedule(plan({ nonReportingMonths: [7, 12] }), '2021-12')).toEqual([]);
  });
  it('moves a June escalation that would fall in July to August', () => {
    const s = periodSchedule(plan({ reminderDay: 25, dueDay: 30, escalationDays: 2 }), '2021-06');
    expect(s.find((x) => x.kind === 'escalation')!.date).toBe('2021-08-02');
  });
});

describe('what a scheduler tick sends', () => {
  it('finds the sends in a window and nothing on a start inside a quiet stretch', () => {
    const p = plan();
    expect(sendsBetween([p], new Date('2021-09-22T06:00:00Z'), new Date('2021-09-22T06:05:00Z'))).toEqual([]);
    const hits = sendsBetween([p], new Date('2021-09-20T05:59:00Z'), new Date('2021-09-20T06:00:00Z'));
    expect(hits.map((h) => `${h.period} ${h.kind}`)).toEqual(['2021-09 group', '2021-09 personal']);
    const week = sendsBetween([p], new Date('2021-10-04T00:00:00Z'), new Date('2021-10-10T00:00:00Z'));
    expect(week.map((h) => `${h.period} ${h.kind} ${h.date}`)).toEqual(['2021-09 escalation 2021-10-07', '2021-09 digest 2021-10-08']);
  });
});
