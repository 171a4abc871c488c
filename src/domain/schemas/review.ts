import { z } from 'zod';
import { REVIEW_KINDS } from '../review';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';

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
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewInputSchema = z.object({
  goalKey: keySchema,
  period: periodSchema.optional(),
  meetingDate: isoDateSchema,
  kind: z.enum(REVIEW_KINDS).default('comment'),
  text: z.string().trim().min(1, 'Write the comment or decision').max(4000),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;
