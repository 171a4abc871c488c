import type { Goal, GoalSummary, Indicator, Measure, SummaryEntry } from './schemas/goal';

/**
 * A goal: what is measured (indicator, baseline, target), who answers for it, which units report
 * on it, and `summary`, the latest check-in per unit denormalized onto it so a dashboard of the
 * current state needs only the Goals list.
 */
export type { Goal, GoalSummary, Indicator, Measure, SummaryEntry };

export const INDICATOR_KINDS = ['qualitative', 'quantitative'] as const;
export const DIRECTIONS = ['increase', 'decrease'] as const;

/** Key used in summaries for a check-in that covers the whole goal rather than one unit. */
export const OVERALL = '*';

// One collator for every comparison: `localeCompare` with a locale and options builds one per
// call, and sorting 3,000 goals makes some 35,000 calls.
let codeCollator: Intl.Collator | undefined;

/** Natural order of goal and theme codes (Finnish collation): "2" before "10", "1.2" before "1.10". */
export function compareCodes(a: string, b: string): number {
  codeCollator ??= new Intl.Collator('fi', { numeric: true });
  return codeCollator.compare(a, b);
}

/** What a goal reports on: its units, or the goal as a whole. */
export function reportingSlots(goal: Pick<Goal, 'units'>): string[] {
  return goal.units.length > 0 ? [...goal.units] : [OVERALL];
}
