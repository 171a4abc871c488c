import { z } from 'zod';
import { REMINDER_KINDS } from '../reminder-log';
import { keySchema, periodSchema } from './plan';

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
