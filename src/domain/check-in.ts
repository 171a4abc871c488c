import { z } from 'zod';
import { keySchema, periodSchema } from './plan';
import { personSchema } from './person';

export const CHECK_IN_SOURCES = ['tab', 'card', 'import'] as const;

export const NARRATIVE_MAX = 8000;

/** A periodic report on one goal, optionally for one unit. Append-only: corrections are new check-ins. */
export const checkInSchema = z.object({
  key: z.string().min(1),
  goalKey: keySchema,
  planKey: keySchema,
  period: periodSchema,
  /** Unit key, or undefined for an assessment of the goal as a whole. */
  unit: keySchema.optional(),
  status: z.number().int(),
  narrative: z.string().max(NARRATIVE_MAX),
  indicatorValue: z.number().finite().optional(),
  author: personSchema,
  submittedAt: z.string().datetime({ offset: true }),
  source: z.enum(CHECK_IN_SOURCES),
  submissionId: z.string().min(8).max(100),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** What a person submits (from the tab, a card or an import); the rest is filled in by the command. */
export const checkInInputSchema = z.object({
  goalKey: keySchema,
  period: periodSchema,
  unit: keySchema.optional(),
  status: z.number({ error: 'Choose a status' }).int(),
  narrative: z.string().trim().min(1, 'Write a short account of the situation').max(NARRATIVE_MAX),
  indicatorValue: z.number().finite().optional(),
  submissionId: z
    .string()
    .min(8, 'submissionId must be at least 8 characters')
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, 'submissionId may contain letters, digits and . _ : -'),
});
export type CheckInInput = z.infer<typeof checkInInputSchema>;
