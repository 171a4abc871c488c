/**
 * The form's side of the one check-in validator: it parses the form's own shape (the indicator
 * value as typed, with a decimal comma) and hands the rest to the domain's `checkInIssues`, the
 * rule the server runs too, turning its issue codes into message keys next to each field before
 * a round trip. The server stays the judge: its `fields` are mapped onto the same keys.
 */
import { checkInIssues, NARRATIVE_MAX, type CheckInIssueCode, type CheckInTarget } from '../../../domain/rules';
import type { FieldIssue } from '../../data/api';
import type { Draft } from '../../data/drafts';
import { issueKeys } from '../../i18n/issues';

export type CheckInField = 'status' | 'narrative' | 'indicatorValue' | 'unit' | 'period';
export type FieldErrors = Partial<Record<CheckInField, { key: string | string[]; values?: Record<string, unknown>; text?: string }>>;

/** Parses a number as people type it in Finnish or Swedish (comma decimal, spaces as thousands). */
export function parseLocaleNumber(raw: string): number | undefined | 'invalid' {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[−–]/g, '-').replace(',', '.');
  if (s === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return 'invalid';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}

const ISSUE_KEYS: Record<CheckInIssueCode, string> = {
  'period.outsidePlan': 'validation.periodInvalid',
  'period.notReporting': 'validation.periodInvalid',
  'period.future': 'validation.periodInvalid',
  'unit.notReported': 'validation.unitInvalid',
  'status.required': 'validation.statusRequired',
  'status.offScale': 'validation.statusInvalid',
  'narrative.required': 'validation.narrativeRequired',
  'narrative.tooLong': 'validation.narrativeTooLong',
  'indicatorValue.notTaken': 'validation.indicatorInvalid',
  'indicatorValue.negative': 'validation.indicatorInvalid',
  'indicatorValue.belowMin': 'validation.indicatorInvalid',
  'indicatorValue.aboveMax': 'validation.indicatorInvalid',
};

/** The slot being reported on: the goal, its plan, the period and unit the form is for. */
export type CheckInSlot = CheckInTarget & { period: string; unit: string | undefined };

export function validateDraft(d: Draft, slot: CheckInSlot): FieldErrors {
  const errors: FieldErrors = {};
  const typed = slot.goal.indicator.kind === 'quantitative' ? parseLocaleNumber(d.indicatorValue) : undefined;
  if (typed === 'invalid') errors.indicatorValue = { key: 'validation.indicatorNumber' };
  const fields = {
    period: slot.period,
    unit: slot.unit,
    status: d.status,
    narrative: d.narrative,
    indicatorValue: typeof typed === 'number' ? typed : undefined,
  };
  for (const issue of checkInIssues(fields, slot)) {
    // The period is the view's choice, not a field of the form: the server answers for it.
    if (issue.path === 'period' || errors[issue.path]) continue;
    errors[issue.path] = { key: ISSUE_KEYS[issue.code], ...(issue.code === 'narrative.tooLong' ? { values: { max: NARRATIVE_MAX } } : {}) };
  }
  return errors;
}

const FIELDS: readonly CheckInField[] = ['status', 'narrative', 'indicatorValue', 'unit', 'period'];

/**
 * The server's field issues in the user's language, by their code: the form's own message for a
 * code it knows, else the common catalog's text for the code (i18n/issues.ts). The server's
 * English text is kept as detail only.
 */
export function serverFieldErrors(fields: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields) {
    const field = f.path.split('.')[0] as CheckInField;
    if (!FIELDS.includes(field) || out[field]) continue;
    const own = f.code ? ISSUE_KEYS[f.code as CheckInIssueCode] : undefined;
    out[field] = { key: own ?? issueKeys(f), ...(f.code === 'narrative.tooLong' ? { values: { max: NARRATIVE_MAX } } : {}), text: f.message };
  }
  return out;
}

export const FIELD_ORDER: readonly CheckInField[] = ['unit', 'status', 'narrative', 'indicatorValue', 'period'];
