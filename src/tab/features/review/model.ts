/**
 * The review as pure data: what the page shows of the current goal (the latest report per
 * service area as of the period, the indicator against baseline and target) and the query the
 * page reads (plan, period, group, order, meeting).
 */
import type { CheckIn } from '../../../domain/check-in';
import { reportingSlots, type Goal } from '../../../domain/goal';
import { AGENDA_ORDERS, type AgendaOrder } from '../../../domain/meeting';
import { goalIndicatorValue, progressOf, type Progress } from '../../../domain/progress';

export interface SlotReport {
  /** Unit key, or OVERALL. */
  unit: string;
  /** The latest check-in at or before the period, if any. */
  latest: CheckIn | undefined;
}

/** Each reporting slot's latest report as of the period (a later period's never stands in). */
export function latestReports(goal: Pick<Goal, 'key' | 'units'>, checkIns: readonly CheckIn[], period: string): SlotReport[] {
  const mine = checkIns.filter((c) => c.goalKey === goal.key && c.period <= period);
  return reportingSlots(goal).map((unit) => {
    const forSlot = mine.filter((c) => (goal.units.length === 0 ? true : c.unit === unit));
    const latest = forSlot.sort((a, b) => b.period.localeCompare(a.period) || b.submittedAt.localeCompare(a.submittedAt))[0];
    return { unit, latest };
  });
}

export interface IndicatorStanding {
  value: number | undefined;
  period: string | undefined;
  progress: Progress | undefined;
}

/** The goal-wide indicator value as of the period and how far it is from baseline to target. */
export function indicatorStanding(goal: Goal, checkIns: readonly CheckIn[], period: string): IndicatorStanding {
  const v = goalIndicatorValue(
    checkIns.filter((c) => c.goalKey === goal.key),
    period,
  );
  return { value: v?.indicatorValue, period: v?.period, progress: progressOf(goal.indicator, goal.baseline, goal.target, v?.indicatorValue) };
}

export const parseOrder = (s: string | null | undefined): AgendaOrder => ((AGENDA_ORDERS as readonly string[]).includes(s ?? '') ? (s as AgendaOrder) : 'worst');

/** An id for a review held outside Teams (a plain browser, a leader preparing): made once per page. */
export function localMeetingId(random: () => number = Math.random): string {
  return `local-${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
}
