/**
 * Goal detail as pure data: the check-in history grouped per unit (newest first) and the
 * indicator's values over periods (the latest value reported in each period, across units).
 */
import type { CheckIn } from '../../../domain/check-in';
import { OVERALL, reportingSlots, type Goal } from '../../../domain/goal';
import { progressOf, type Progress } from '../../../domain/progress';

export interface UnitHistory {
  /** Unit key or OVERALL. */
  unit: string;
  /** Newest first. */
  checkIns: CheckIn[];
}

/** The goal's slots in the goal's unit order, then any other unit that reported (units removed later). */
export function historyByUnit(goal: Pick<Goal, 'units'>, checkIns: readonly CheckIn[]): UnitHistory[] {
  const slots = reportingSlots(goal);
  const byUnit = new Map<string, CheckIn[]>();
  for (const c of checkIns) {
    const u = c.unit ?? OVERALL;
    const list = byUnit.get(u);
    if (list) list.push(c);
    else byUnit.set(u, [c]);
  }
  const keys = [...slots, ...[...byUnit.keys()].filter((k) => !slots.includes(k)).sort((a, b) => (a === OVERALL ? -1 : b === OVERALL ? 1 : a.localeCompare(b)))];
  return keys.map((unit) => ({
    unit,
    checkIns: [...(byUnit.get(unit) ?? [])].sort((a, b) => b.period.localeCompare(a.period) || b.submittedAt.localeCompare(a.submittedAt)),
  }));
}

export interface IndicatorPoint {
  period: string;
  value: number;
  /** Who reported it (unit key or OVERALL). */
  unit: string;
  progress: Progress | undefined;
}

/** The newest indicator value reported for each period, oldest period first. */
export function indicatorSeries(goal: Pick<Goal, 'indicator' | 'baseline' | 'target'>, checkIns: readonly CheckIn[]): IndicatorPoint[] {
  const latest = new Map<string, CheckIn>();
  for (const c of checkIns) {
    if (c.indicatorValue === undefined) continue;
    const prev = latest.get(c.period);
    if (!prev || c.submittedAt > prev.submittedAt) latest.set(c.period, c);
  }
  return [...latest.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((c) => ({
      period: c.period,
      value: c.indicatorValue as number,
      unit: c.unit ?? OVERALL,
      progress: progressOf(goal.indicator, goal.baseline, goal.target, c.indicatorValue),
    }));
}
