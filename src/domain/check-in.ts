import type { FieldIssue } from './errors';
import type { Goal } from './goal';
import { reportingPeriods } from './periods';
import type { Plan } from './plan';
import type { CheckIn, CheckInInput } from './schemas/check-in';
import { levelOf } from './status-scale';

/**
 * A periodic report on one goal, optionally for one unit (append-only: corrections are new
 * check-ins), and what a person submits (from the tab, a card or an import).
 */
export type { CheckIn, CheckInInput };

export const CHECK_IN_SOURCES = ['tab', 'card', 'import'] as const;

export const NARRATIVE_MAX = 8000;

/**
 * What a check-in says, as each way in parses it from its own shape (the tab's form state, a
 * card's string inputs, an HTTP body). The status may still be missing: saying so is this rule's job.
 */
export interface CheckInFields {
  period: string;
  unit?: string | undefined;
  status?: number | undefined;
  narrative: string;
  indicatorValue?: number | undefined;
}

/** What a check-in is checked against: its goal and the goal's plan. */
export interface CheckInTarget {
  plan: Pick<Plan, 'key' | 'statusScale' | 'periodStart' | 'periodEnd' | 'cadence' | 'reminders'>;
  goal: Pick<Goal, 'key' | 'units' | 'indicator'>;
}

export type CheckInIssueCode =
  | 'periodNotReporting'
  | 'unitNotReported'
  | 'statusRequired'
  | 'statusOffScale'
  | 'narrativeRequired'
  | 'narrativeTooLong'
  | 'indicatorNotTaken';

/** A field issue with a stable code, so each front end can say it in the user's language. */
export interface CheckInIssue extends FieldIssue {
  path: 'period' | 'unit' | 'status' | 'narrative' | 'indicatorValue';
  code: CheckInIssueCode;
}

/** Also the HTTP schema's message for a status that is not a number, so every way in says the same. */
export const STATUS_REQUIRED = 'Choose a status';

/** The narrative's own rule (it is judged trimmed): the HTTP schema applies it field by field. */
export function narrativeIssue(narrative: string): CheckInIssue | undefined {
  const text = narrative.trim();
  if (text.length === 0) return { path: 'narrative', code: 'narrativeRequired', message: 'Write a short account of the situation' };
  if (text.length > NARRATIVE_MAX) return { path: 'narrative', code: 'narrativeTooLong', message: `Write at most ${NARRATIVE_MAX} characters` };
  return undefined;
}

/**
 * The one check-in validator. Without a target it checks what needs no reads (a status is
 * chosen, the narrative is written and not too long); with the goal and its plan it also checks
 * that the period is one of the plan's reporting periods, the unit is one the goal reports for,
 * the status is on the plan's scale and an indicator value is given only for a quantitative goal.
 * The command, the tab's form and (through the command) the card all call this.
 */
export function checkInIssues(c: CheckInFields, target?: CheckInTarget): CheckInIssue[] {
  const issues: CheckInIssue[] = [];
  const plan = target?.plan;
  const goal = target?.goal;
  if (plan && !reportingPeriods(plan).includes(c.period)) {
    issues.push({ path: 'period', code: 'periodNotReporting', message: `${c.period} is not a reporting period of plan ${plan.key}` });
  }
  if (goal && c.unit !== undefined && !goal.units.includes(c.unit)) {
    issues.push({ path: 'unit', code: 'unitNotReported', message: `Goal ${goal.key} does not report for unit ${c.unit}` });
  }
  if (c.status === undefined) issues.push({ path: 'status', code: 'statusRequired', message: STATUS_REQUIRED });
  else if (plan && !levelOf(plan.statusScale, c.status)) {
    issues.push({ path: 'status', code: 'statusOffScale', message: `Status ${c.status} is not on the plan's scale` });
  }
  const narrative = narrativeIssue(c.narrative);
  if (narrative) issues.push(narrative);
  if (goal && c.indicatorValue !== undefined && goal.indicator.kind !== 'quantitative') {
    issues.push({ path: 'indicatorValue', code: 'indicatorNotTaken', message: 'This goal has a qualitative indicator: leave the value out' });
  }
  return issues;
}
