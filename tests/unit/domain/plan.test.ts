import { describe, it, expect } from 'vitest';
import { DEFAULT_REMINDER_CALENDAR, REALISATION_SCALE, planSchema } from '../../../src/domain';

const input = {
  key: 'vantaa-2021',
  title: { fi: 'Tavoitteet 2021', sv: 'Mål 2021' },
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
};

describe('plan schema', () => {
  it('accepts a one-year monthly plan', () => {
    expect(planSchema.safeParse(input).success).toBe(true);
  });

  it('refuses a plan that ends before it starts, naming periodEnd', () => {
    const r = planSchema.safeParse({ ...input, periodStart: '2021-06-01', periodEnd: '2021-05-31' });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['periodEnd'], message: 'The plan ends before it starts' }),
    ]);
  });

  it('accepts a plan that starts and ends on the same day', () => {
    expect(planSchema.safeParse({ ...input, periodStart: '2021-06-01', periodEnd: '2021-06-01' }).success).toBe(true);
  });

  it('refuses a start date that is not YYYY-MM-DD', () => {
    const r = planSchema.safeParse({ ...input, periodStart: '1.1.2021' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['periodStart'], message: 'Expected a date as YYYY-MM-DD' });
  });

  it('refuses an unknown cadence', () => {
    expect(planSchema.safeParse({ ...input, cadence: 'weekly' }).success).toBe(false);
  });

  it('gives a plan without a reminder calendar the defaults: reminder on the 20th, due on the 5th, no reporting in July', () => {
    const plan = planSchema.parse(input);
    expect(plan.reminders).toEqual(DEFAULT_REMINDER_CALENDAR);
    expect(plan.reminders).toMatchObject({ reminderDay: 20, dueDay: 5, sendHour: 9, nonReportingMonths: [7] });
    expect(plan.reminders.escalationDays).toBe(2);
    expect(plan.reminders.digestDays).toBe(3);
  });

  it('fills in the rest of a partly given reminder calendar, keeping July free', () => {
    const plan = planSchema.parse({ ...input, reminders: { reminderDay: 15 } });
    expect(plan.reminders.reminderDay).toBe(15);
    expect(plan.reminders.dueDay).toBe(5);
    expect(plan.reminders.nonReportingMonths).toEqual([7]);
  });

  it('lets a plan report every month by giving no non-reporting months', () => {
    expect(planSchema.parse({ ...input, reminders: { nonReportingMonths: [] } }).reminders.nonReportingMonths).toEqual([]);
  });

  it('refuses a reminder day of 29 or later, so every month has that day', () => {
    const r = planSchema.safeParse({ ...input, reminders: { reminderDay: 29 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['reminders', 'reminderDay']);
  });

  it('refuses a non-reporting month outside 1–12', () => {
    expect(planSchema.safeParse({ ...input, reminders: { nonReportingMonths: [13] } }).success).toBe(false);
  });

  it('defaults the card language to Finnish and the units to none', () => {
    const plan = planSchema.parse(input);
    expect(plan.language).toBe('fi');
    expect(plan.units).toEqual([]);
  });
});
