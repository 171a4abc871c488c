import { z } from 'zod';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';

/** A leaders' comment or decision on a goal, recorded in a review meeting. */
export const reviewSchema = z.object({
  key: z.string().min(1),
  goalKey: keySchema,
  planKey: keySchema,
  period: periodSchema.optional(),
  meetingDate: isoDateSchema,
  kind: z.enum(['comment', 'decision']),
  text: z.string().min(1).max(4000),
  author: personSchema,
  createdAt: z.string().datetime({ offset: true }),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewInputSchema = z.object({
  goalKey: keySchema,
  period: periodSchema.optional(),
  meetingDate: isoDateSchema,
  kind: z.enum(['comment', 'decision']).default('comment'),
  text: z.string().trim().min(1, 'Write the comment or decision').max(4000),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;
