import { z } from 'zod';
import { CADENCES, DEFAULT_REMINDER_CALENDAR as D } from '../plan';
import { localeSchema, localizedTextSchema } from './localized';
import { statusScaleSchema } from './status-scale';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a period as YYYY-MM');
export const keySchema = z
  .string()
  .min(1, 'A key is required')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Keys use letters, digits, dot, dash and underscore');

export const cadenceSchema = z.enum(CADENCES);

/**
 * When reminders go out, in Europe/Helsinki. Days are days of the period's month; a due day
 * earlier than the reminder day means "that day of the following month".
 */
export const reminderCalendarSchema = z.object({
  reminderDay: z.number().int().min(1).max(28).default(D.reminderDay),
  dueDay: z.number().int().min(1).max(28).default(D.dueDay),
  /** Working days after the due date when overdue goals escalate to responsible persons. */
  escalationDays: z.number().int().min(0).max(20).default(D.escalationDays),
  /** Working days after the due date when leaders get the digest before their review meeting. */
  digestDays: z.number().int().min(0).max(20).default(D.digestDays),
  /** Local hour (0–23, Helsinki) at which sends start. */
  sendHour: z.number().int().min(0).max(23).default(D.sendHour),
  /** Months (1–12) with no reporting; July by default. A fresh array each time: plans get edited. */
  nonReportingMonths: z.array(z.number().int().min(1).max(12)).default(() => [...D.nonReportingMonths]),
});
export type ReminderCalendar = z.infer<typeof reminderCalendarSchema>;

export const planSchema = z
  .object({
    key: keySchema,
    title: localizedTextSchema,
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    cadence: cadenceSchema,
    statusScale: statusScaleSchema,
    /** Reporting units (service areas) in use in this plan, in display order. */
    units: z.array(keySchema).default([]),
    reminders: reminderCalendarSchema.default(() => reminderCalendarSchema.parse({})),
    /** Language of cards posted to channels when a group has none of its own. */
    language: localeSchema.default('fi'),
    /** Set when the plan was archived: read-only, out of My goals and reminders (domain/life-cycle.ts). */
    archivedAt: z.string().datetime({ offset: true }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The plan ends before it starts' });
    }
  });
export type Plan = z.infer<typeof planSchema>;
