import type { ReminderLog } from './schemas/reminder-log';

/** One send of the reminder bot; `key` is unique so a rerun never sends twice. */
export type { ReminderLog };

export const REMINDER_KINDS = ['group', 'personal', 'escalation', 'digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function reminderKey(planKey: string, period: string, target: string, kind: ReminderKind): string {
  return `${planKey}|${period}|${target}|${kind}`;
}
