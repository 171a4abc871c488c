import { z } from 'zod';
import { REVIEW_KINDS } from '../review';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';
import { followUpInputSchema, followUpSchema, meetingIdSchema } from './meeting';

/** Who wrote a version of a note or withdrew it. */
const byPersonSchema = personSchema.pick({ id: true, name: true });

/** An earlier wording of a note, kept when its author corrects it: history stays, nothing is overwritten. */
export const reviewRevisionSchema = z.object({
  text: z.string().min(1).max(4000),
  /** When this wording was written (the note's createdAt, or the correction that wrote it). */
  writtenAt: z.string().datetime({ offset: true }),
  writtenBy: byPersonSchema,
});
export type ReviewRevision = z.infer<typeof reviewRevisionSchema>;

/** A note taken back: it stays readable, marked withdrawn with the reason; its follow-up is no longer asked. */
export const reviewWithdrawalSchema = z.object({
  reason: z.string().min(1).max(1000),
  at: z.string().datetime({ offset: true }),
  by: byPersonSchema,
});
export type ReviewWithdrawal = z.infer<typeof reviewWithdrawalSchema>;

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
  /** Earlier wordings, oldest first, when the author corrected the note; the current one is `text`. */
  revisions: z.array(reviewRevisionSchema).max(100).optional(),
  /** When and by whom the current wording was written, when it is a correction. */
  correctedAt: z.string().datetime({ offset: true }).optional(),
  correctedBy: byPersonSchema.optional(),
  withdrawn: reviewWithdrawalSchema.optional(),
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
  /**
   * The client's id for this note, so sending it again (a lost answer, a double click) stores it
   * once, as a check-in's does. Optional: notes sent without one are stored each time.
   */
  submissionId: z
    .string()
    .min(8, 'submissionId must be at least 8 characters')
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'submissionId may contain letters, digits and . _ : -')
    .optional(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** A correction of a note's wording, by its author. */
export const reviewCorrectionInputSchema = z.object({
  text: z.string().trim().min(1, 'Write the corrected comment or decision').max(4000),
});
export type ReviewCorrectionInput = z.infer<typeof reviewCorrectionInputSchema>;

/** Withdrawing a note: the reason is required, so the history says why. */
export const reviewWithdrawalInputSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the note is withdrawn').max(1000),
});
export type ReviewWithdrawalInput = z.infer<typeof reviewWithdrawalInputSchema>;
