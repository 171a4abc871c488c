/**
 * The client-side mirror of the domain's `checkInInputSchema` (and the command's checks), giving
 * message keys per field so they show next to the field before a round trip. The server stays the
 * judge: its `fields` are mapped onto the same keys.
 */
import { NARRATIVE_MAX } from '../../../domain/check-in';
import type { FieldIssue } from '../../data/api';
import type { Draft } from './drafts';

export type CheckInField = 'status' | 'narrative' | 'indicatorValue' | 'unit' | 'period';
export type FieldErrors = Partial<Record<CheckInField, { key: string; values?: Record<string, unknown>; text?: string }>>;

/** Parses a number as people type it in Finnish or Swedish (comma decimal, spaces as thousands). */
export function parseLocaleNumber(raw: string): number | undefined | 'invalid' {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[−–]/g, '-').replace(',', '.');
  if (s === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return 'invalid';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}

export function validateDraft(d: Draft, opts: { quantitative: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  if (d.status === undefined) errors.status = { key: 'validation.statusRequired' };
  const text = d.narrative.trim();
  if (text.length === 0) errors.narrative = { key: 'validation.narrativeRequired' };
  else if (d.narrative.length > NARRATIVE_MAX) errors.narrative = { key: 'validation.narrativeTooLong', values: { max: NARRATIVE_MAX } };
  if (opts.quantitative && parseLocaleNumber(d.indicatorValue) === 'invalid') errors.indicatorValue = { key: 'validation.indicatorNumber' };
  return errors;
}

const SERVER_KEYS: Record<CheckInField, string> = {
  status: 'validation.statusInvalid',
  narrative: 'validation.narrativeRequired',
  indicatorValue: 'validation.indicatorInvalid',
  unit: 'validation.unitInvalid',
  period: 'validation.periodInvalid',
};

/** The server's field issues in the user's language (the server's own text kept as detail). */
export function serverFieldErrors(fields: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields) {
    const field = f.path.split('.')[0] as CheckInField;
    if (field in SERVER_KEYS && !out[field]) out[field] = { key: SERVER_KEYS[field], text: f.message };
  }
  return out;
}

export const FIELD_ORDER: readonly CheckInField[] = ['unit', 'status', 'narrative', 'indicatorValue', 'period'];
