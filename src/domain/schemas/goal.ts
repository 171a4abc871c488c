import { z } from 'zod';
import { DIRECTIONS, INDICATOR_KINDS } from '../goal';
import { isoDateSchema, keySchema, periodSchema } from './plan';
import { personSchema } from './person';

export const indicatorSchema = z
  .object({
    text: z.string().min(1, 'Describe how the goal is measured'),
    kind: z.enum(INDICATOR_KINDS),
    unit: z.string().max(32).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    /**
     * The range a reported value must be in, set by the admin. Without `min` a value may not be
     * negative (a count, a share); a negative `min` allows it (a change). Indicators written before
     * these existed have neither and read unchanged.
     */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .superRefine((ind, ctx) => {
    if (ind.kind === 'quantitative' && !ind.direction) {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'A quantitative indicator needs a direction', params: { code: 'required' } });
    }
    if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'The largest value must not be below the smallest', params: { code: 'belowMin' } });
    }
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/** A baseline or target: a number and/or a text, at a date. */
export const measureSchema = z.object({
  value: z.number().finite().optional(),
  text: z.string().optional(),
  date: isoDateSchema.optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const summaryEntrySchema = z.object({
  period: periodSchema,
  status: z.number().int(),
  at: z.string().datetime({ offset: true }),
  author: personSchema.pick({ id: true, name: true }),
  checkInKey: z.string(),
  indicatorValue: z.number().finite().optional(),
  /**
   * The slot's status per month up to `period`, so views of past periods and the trend need no
   * check-ins (domain/rollup.ts `statusesAt`): "YYYY-MM:" and one character per month from that
   * month on, a digit for the latest status reported for it or "." for none. Absent on entries
   * written before it existed, or when a late correction could not be placed (the summary
   * reconciler fills it in from CheckIns).
   */
  history: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]):[0-9.]{1,600}$/)
    .optional(),
  /** The latest submission time folded into `history`. */
  historyAt: z.string().datetime({ offset: true }).optional(),
});
export type SummaryEntry = z.infer<typeof summaryEntrySchema>;

/** The latest check-in per unit (and OVERALL). */
export const goalSummarySchema = z.record(z.string(), summaryEntrySchema);
export type GoalSummary = z.infer<typeof goalSummarySchema>;

/**
 * A goal's texts in one more language (sv, en). The goal's own fields are its Finnish texts, which
 * are required; a text left out here falls back to them. Items written before goals were bilingual
 * have no translations and so read as Finnish, unchanged.
 */
export const goalTranslationSchema = z.object({
  title: z.string().trim().max(500).optional(),
  description: z.string().max(5000).optional(),
  indicatorText: z.string().optional(),
  indicatorUnit: z.string().max(32).optional(),
  baselineText: z.string().optional(),
  targetText: z.string().optional(),
});
export type GoalTranslation = z.infer<typeof goalTranslationSchema>;

export const goalTranslationsSchema = z.object({ sv: goalTranslationSchema.optional(), en: goalTranslationSchema.optional() });
export type GoalTranslations = z.infer<typeof goalTranslationsSchema>;

export const goalSchema = z.object({
  key: keySchema,
  planKey: keySchema,
  themeKey: keySchema,
  code: z.string().max(16).default(''),
  title: z.string().min(1, 'A goal needs a title').max(500),
  description: z.string().max(5000).optional(),
  indicator: indicatorSchema,
  baseline: measureSchema.default({}),
  target: measureSchema.default({}),
  responsiblePersons: z.array(personSchema).default([]),
  responsibleGroupKeys: z.array(keySchema).default([]),
  /** Units that report separately; empty = the goal reports as a whole. */
  units: z.array(keySchema).default([]),
  summary: goalSummarySchema.default({}),
  /** Swedish and English texts; Finnish is in the fields above. */
  translations: goalTranslationsSchema.optional(),
});
export type Goal = z.infer<typeof goalSchema>;
