import { z } from 'zod';
import { keySchema, periodSchema } from '../domain';

/**
 * The verbs of the cards' `Action.Execute` buttons and the data each carries. The bot parses the
 * invoke's `value.action` with these schemas (zod) before doing anything, so a tampered or stale
 * card gets a clear answer instead of a crash. Builders use the same types, so a card can only
 * carry data its handler understands.
 */
export const VERBS = {
  link: 'link',
  refresh: 'refresh',
  openForm: 'openForm',
  checkIn: 'checkIn',
  followUpDone: 'followUpDone',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Which group card a button belongs to. */
export const groupCardRefSchema = z.object({
  planKey: keySchema,
  groupKey: keySchema,
  period: periodSchema,
});
export type GroupCardRef = z.infer<typeof groupCardRefSchema>;

export const linkDataSchema = z.object({
  /** The ChoiceSet input's value, merged into the data by the Teams client. */
  groupKey: keySchema,
});

export const openFormDataSchema = groupCardRefSchema.extend({
  goalKey: keySchema,
  /** Unit key; absent for a goal that reports as a whole. */
  unit: keySchema.optional(),
});
export type OpenFormData = z.infer<typeof openFormDataSchema>;

/** "Mark done" on a follow-up the group card lists: the review note that asked it. */
export const followUpDoneDataSchema = groupCardRefSchema.extend({
  reviewKey: z.string().min(1).max(255),
});
export type FollowUpDoneData = z.infer<typeof followUpDoneDataSchema>;

/** Inputs arrive as strings (ChoiceSet, Number); empty means "not given". */
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * The inline check-in form's data, parsed from its strings and nothing more: a status not chosen
 * or a narrative left empty is not refused here. The handler submits it, and the one check-in
 * validator (the domain's `checkInIssues`, run by `submitCheckIn`) names what is missing, in the
 * same words the tab and the API use.
 */
export const checkInDataSchema = openFormDataSchema.extend({
  submissionId: z.string().min(8).max(100),
  status: z.preprocess(emptyToUndefined, z.coerce.number().int().optional()),
  narrative: z.preprocess((v) => v ?? '', z.string()),
  indicatorValue: z.preprocess(emptyToUndefined, z.coerce.number().finite().optional()),
});
export type CheckInData = z.infer<typeof checkInDataSchema>;

/** Input ids of the inline check-in form (one form is open at a time, so they need no prefix). */
export const FORM_INPUTS = { status: 'status', narrative: 'narrative', indicatorValue: 'indicatorValue', groupKey: 'groupKey' } as const;
