import type { Plan, ReminderCalendar } from './schemas/plan';

/** A strategic plan: its period, reporting cadence, status scale, units and reminder calendar. */
export type { Plan, ReminderCalendar };

export const CADENCES = ['monthly', 'tertial'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * The reminder calendar a plan gets when it names none (the schema's defaults come from here):
 * reminders on the 20th, due on the 5th of the next month, no reporting in July.
 */
export const DEFAULT_REMINDER_CALENDAR = {
  reminderDay: 20,
  dueDay: 5,
  escalationDays: 2,
  digestDays: 3,
  sendHour: 9,
  nonReportingMonths: [7],
};
