import { z } from 'zod';
import { REVIEW_KINDS } from '../review';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';
import { followUpInputSchema, followUpSchema, meetingIdSchema } from './meeting';

export const reviewSchema = z.object({
  key: z.string().min(1),
  goalKey: keySchema,
  planKey: keySchema,
  period: periodSchema.optional(),
  meetingDate: isoDateSchema,
  kind: z.enum(REVIEW_KINDS),
  text: z.string().min(1).max(4000),
  author: personSchema,
  createdAt: z.string().datetime({ offset: true }),
  /** The Teams meeting (or the review page's own id) the note was recorded in; older notes have none. */
  meetingId: meetingIdSchema.optional(),
  /** What a decision asks of a development group, by when (domain/meeting.ts); older notes have none. */
  followUp: followUpSchema.optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A date that exists in the calendar (the format alone lets 2021-02-31 through). */
const calendarDateSchema = isoDateSchema.refine(
  (d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  },
  { message: 'Expected a date that exists, as YYYY-MM-DD', params: { code: 'notADate' } },
);

/** What a leader submits; the meeting date's range needs the plan and today (`meetingDateIssue`, in the command). */
export const reviewInputSchema = z.object({
  goalKey: keySchema,
  period: periodSchema.optional(),
  meetingDate: calendarDateSchema,
  kind: z.enum(REVIEW_KINDS).default('comment'),
  text: z.string().trim().min(1, 'Write the comment or decision').max(4000),
  meetingId: meetingIdSchema.optional(),
  followUp: followUpInputSchema.optional(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;
