import { z } from 'zod';
import { AGENDA_ORDERS, FOLLOW_UP_STATES } from '../meeting';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';

/**
 * A Teams meeting id (`context.meeting.id`, base64 text well over 64 characters) or, outside
 * Teams, the id the review page made up. It is the MeetingSessions item's Key and travels in
 * URLs (`/review/stage?meeting=`), so only URL- and filter-safe characters.
 */
export const meetingIdSchema = z
  .string()
  .min(1, 'A meeting id is required')
  .max(255)
  .regex(/^[A-Za-z0-9+/=_.:@-]+$/, 'A meeting id uses letters, digits and + / = _ . : @ -');

/** A Teams conversation id such as `19:meeting_…@thread.v2` (a meeting chat) or `19:…@thread.tacv2;messageid=…` (a channel meeting's thread). */
export const conversationIdSchema = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[A-Za-z0-9:@._;=+/-]+$/, 'A conversation id uses letters, digits and : @ . _ ; = + / -');

/** Who last moved the meeting, shown on the stage ("moved by …"). */
const byPersonSchema = personSchema.pick({ id: true, name: true });

/** One meeting's review: what is on the agenda, where the presenter is, whether it has ended. */
export const meetingSessionSchema = z.object({
  key: meetingIdSchema,
  planKey: keySchema,
  period: periodSchema,
  groupKey: keySchema.optional(),
  order: z.enum(AGENDA_ORDERS).default('worst'),
  /** The agenda as the presenter started it, so every attendee steps through the same sequence. */
  goalKeys: z.array(keySchema).min(1),
  currentGoalKey: keySchema,
  updatedBy: byPersonSchema,
  updatedAt: z.string().datetime({ offset: true }),
  endedAt: z.string().datetime({ offset: true }).optional(),
  /** The meeting's chat (Teams `context.chat.id`), where the bot posts the summary when the review ends. */
  chatId: conversationIdSchema.optional(),
});
export type MeetingSession = z.infer<typeof meetingSessionSchema>;

export const meetingStartInputSchema = z.object({
  meetingId: meetingIdSchema,
  planKey: keySchema,
  period: periodSchema,
  groupKey: keySchema.optional(),
  order: z.enum(AGENDA_ORDERS).default('worst'),
  goalKeys: z.array(keySchema).min(1, 'The agenda has no goals').max(500),
  chatId: conversationIdSchema.optional(),
});
export type MeetingStartInput = z.infer<typeof meetingStartInputSchema>;

export const meetingMoveInputSchema = z.object({ goalKey: keySchema });
export type MeetingMoveInput = z.infer<typeof meetingMoveInputSchema>;

/** What a decision asks of a development group, by when; and whether the group has done it. */
export const followUpSchema = z.object({
  ask: z.string().min(1).max(2000),
  groupKey: keySchema,
  dueDate: isoDateSchema,
  state: z.enum(FOLLOW_UP_STATES).default('open'),
  doneAt: z.string().datetime({ offset: true }).optional(),
  doneBy: byPersonSchema.optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** A follow-up as a leader writes it with a decision. */
export const followUpInputSchema = z.object({
  ask: z.string().trim().min(1, 'Write what is asked of the group').max(2000),
  groupKey: keySchema,
  dueDate: isoDateSchema,
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;
