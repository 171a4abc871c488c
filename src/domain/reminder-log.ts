import { z } from 'zod';
import { keySchema, periodSchema } from './plan';

export const REMINDER_KINDS = ['group', 'personal', 'escalation', 'digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One send of the reminder bot; `key` is unique so a rerun never sends twice. */
export const reminderLogSchema = z.object({
  key: z.string().min(1),
  planKey: keySchema,
  period: periodSchema,
  target: z.string().min(1),
  kind: z.enum(REMINDER_KINDS),
  conversationId: z.string().min(1),
  state: z.enum(['sending', 'sent', 'failed']),
  sentAt: z.string().datetime({ offset: true }).optional(),
  activityId: z.string().optional(),
  error: z.string().optional(),
});
export type ReminderLog = z.infer<typeof reminderLogSchema>;

export function reminderKey(planKey: string, period: string, target: string, kind: ReminderKind): string {
  return `${planKey}|${period}|${target}|${kind}`;
}
