import { z } from 'zod';
import { CHECK_IN_SOURCES, NARRATIVE_MAX, narrativeIssue, STATUS_REQUIRED } from '../check-in';
import { localeSchema } from './localized';
import { keySchema, periodSchema } from './plan';
import { personSchema } from './person';

/** A check-in as stored. */
export const checkInSchema = z.object({
  key: z.string().min(1),
  goalKey: keySchema,
  planKey: keySchema,
  period: periodSchema,
  /** Unit key, or undefined for an assessment of the goal as a whole. */
  unit: keySchema.optional(),
  status: z.number().int(),
  narrative: z.string().max(NARRATIVE_MAX),
  /** The language the narrative is written in; check-ins from before it was recorded have none. */
  language: localeSchema.optional(),
  indicatorValue: z.number().finite().optional(),
  author: personSchema,
  submittedAt: z.string().datetime({ offset: true }),
  source: z.enum(CHECK_IN_SOURCES),
  submissionId: z.string().min(8).max(100),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/**
 * A submitted check-in's shape (HTTP body, card data after its own parse, import row). The
 * narrative is judged by the domain rule (`narrativeIssue`), per field so that every bad field is
 * named at once; the rules that need the goal and plan run in the command (`checkInIssues`).
 */
export const checkInInputSchema = z.object({
  goalKey: keySchema,
  period: periodSchema,
  unit: keySchema.optional(),
  status: z.number({ error: STATUS_REQUIRED }).int(),
  narrative: z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const issue = narrativeIssue(text);
      if (issue) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code } });
    }),
  /** Chosen in the form, defaulting to the writer's UI language. */
  language: localeSchema.optional(),
  indicatorValue: z.number().finite().optional(),
  submissionId: z
    .string()
    .min(8, 'submissionId must be at least 8 characters')
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'submissionId may contain letters, digits and . _ : -'),
});
export type CheckInInput = z.infer<typeof checkInInputSchema>;
