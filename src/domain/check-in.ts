import type { FieldIssue } from './errors';
import { OVERALL, type Goal, type Indicator } from './goal';
import { periodProblem } from './periods';
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

/**
 * What a check-in is checked against: its goal and the goal's plan, and the local date in
 * Helsinki it is submitted on (`helsinkiDate`), which decides the open periods. Without `today`
 * only the plan's own periods are checked (a form that has no clock of its own yet).
 */
export interface CheckInTarget {
  plan: Pick<Plan, 'key' | 'statusScale' | 'periodStart' | 'periodEnd' | 'cadence' | 'reminders'>;
  goal: Pick<Goal, 'key' | 'units' | 'indicator'>;
  today?: string | undefined;
}

/** Stable codes, `<field>.<reason>`: the API sends them in `fields[].code` (docs/api.md). */
export type CheckInIssueCode =
  | 'period.outsidePlan'
  | 'period.notReporting'
  | 'period.future'
  | 'unit.notReported'
  | 'status.required'
  | 'status.offScale'
  | 'narrative.required'
  | 'narrative.tooLong'
  | 'indicatorValue.notTaken'
  | IndicatorValueProblem;

/** A field issue with a stable code, so each front end can say it in the user's language. */
export interface CheckInIssue extends FieldIssue {
  path: 'period' | 'unit' | 'status' | 'narrative' | 'indicatorValue';
  code: CheckInIssueCode;
}

export type IndicatorValueProblem = 'indicatorValue.negative' | 'indicatorValue.belowMin' | 'indicatorValue.aboveMax';

/**
 * Whether a number fits the indicator: within the range the admin set (`min`, `max`), and without
 * a `min`, not negative, since a quantitative indicator counts something (people trained, a share
 * in %) unless the admin says it may go below zero (a change, a balance) by setting a negative min.
 * A value belongs to the slot whose check-in carries it (docs/decisions/0009-indicator-per-goal.md).
 */
export function indicatorValueProblem(indicator: Pick<Indicator, 'min' | 'max'>, value: number): IndicatorValueProblem | undefined {
  if (indicator.min !== undefined) {
    if (value < indicator.min) return 'indicatorValue.belowMin';
  } else if (value < 0) return 'indicatorValue.negative';
  if (indicator.max !== undefined && value > indicator.max) return 'indicatorValue.aboveMax';
  return undefined;
}

/** Also the HTTP schema's message for a status that is not a number, so every way in says the same. */
export const STATUS_REQUIRED = 'Choose a status';

/** The narrative's own rule (it is judged trimmed): the HTTP schema applies it field by field. */
export function narrativeIssue(narrative: string): CheckInIssue | undefined {
  const text = narrative.trim();
  if (text.length === 0) return { path: 'narrative', code: 'narrative.required', message: 'Write a short account of the situation' };
  if (text.length > NARRATIVE_MAX) return { path: 'narrative', code: 'narrative.tooLong', message: `Write at most ${NARRATIVE_MAX} characters` };
  return undefined;
}

/**
 * The one check-in validator. Without a target it checks what needs no reads (a status is
 * chosen, the narrative is written and not too long); with the goal and its plan it also checks
 * that the period is one of the plan's reporting periods and, given `today`, open for reporting
 * (`periodProblem`: the current one or a past one, never a future one), the unit is one the goal
 * reports for, the status is on the plan's scale, and an indicator value is given only for a
 * quantitative goal and fits its range (`indicatorValueProblem`).
 * The command, the tab's form and (through the command) the card all call this.
 */
export function checkInIssues(c: CheckInFields, target?: CheckInTarget): CheckInIssue[] {
  const issues: CheckInIssue[] = [];
  const plan = target?.plan;
  const goal = target?.goal;
  if (plan) {
    // Without a date, "future" cannot be judged: the far end of time makes every period past.
    const problem = periodProblem(plan, c.period, target?.today ?? '9999-12-31');
    if (problem === 'outsidePlan') {
      issues.push({ path: 'period', code: 'period.outsidePlan', message: `${c.period} is outside plan ${plan.key} (${plan.periodStart.slice(0, 7)} – ${plan.periodEnd.slice(0, 7)})` });
    } else if (problem === 'notReporting') {
      issues.push({ path: 'period', code: 'period.notReporting', message: `${c.period} is not a reporting period of plan ${plan.key}` });
    } else if (problem === 'future') {
      issues.push({ path: 'period', code: 'period.future', message: `${c.period} is not open for reporting yet: report on the current period or an earlier one` });
    }
  }
  if (goal && c.unit !== undefined && !goal.units.includes(c.unit)) {
    issues.push({ path: 'unit', code: 'unit.notReported', message: `Goal ${goal.key} does not report for unit ${c.unit}` });
  }
  if (c.status === undefined) issues.push({ path: 'status', code: 'status.required', message: STATUS_REQUIRED });
  else if (plan && !levelOf(plan.statusScale, c.status)) {
    issues.push({ path: 'status', code: 'status.offScale', message: `Status ${c.status} is not on the plan's scale` });
  }
  const narrative = narrativeIssue(c.narrative);
  if (narrative) issues.push(narrative);
  if (goal && c.indicatorValue !== undefined) {
    if (goal.indicator.kind !== 'quantitative') {
      issues.push({ path: 'indicatorValue', code: 'indicatorValue.notTaken', message: 'This goal has a qualitative indicator: leave the value out' });
    } else {
      const problem = indicatorValueProblem(goal.indicator, c.indicatorValue);
      if (problem) issues.push({ path: 'indicatorValue', code: problem, message: indicatorValueMessage(goal.indicator, problem) });
    }
  }
  return issues;
}

function indicatorValueMessage(indicator: Pick<Indicator, 'min' | 'max'>, problem: IndicatorValueProblem): string {
  if (problem === 'indicatorValue.negative') return 'The value cannot be negative';
  if (problem === 'indicatorValue.belowMin') return `The value must be at least ${indicator.min}`;
  return `The value must be at most ${indicator.max}`;
}

/**
 * Every slot a plan's check-ins can be filed under: the service areas of the plan, of its goals and
 * of their summaries (a unit taken off a goal keeps its check-ins), of the site, and OVERALL for a
 * goal reported as a whole. A period is read one slot at a time (docs/decisions/0008), so a slot left
 * out here would hide its check-ins.
 */
export function checkInSlots(
  plan: Pick<Plan, 'units'>,
  goals: readonly Pick<Goal, 'units' | 'summary'>[],
  units: readonly { key: string }[] = [],
): string[] {
  const out = new Set<string>([OVERALL, ...plan.units, ...units.map((u) => u.key)]);
  for (const g of goals) {
    for (const u of g.units) out.add(u);
    for (const u of Object.keys(g.summary)) out.add(u);
  }
  return [...out];
}
