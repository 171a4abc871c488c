import type { CheckIn } from './check-in';
import { OVERALL, type Indicator, type Measure } from './goal';
import type { Period } from './periods';

export interface Progress {
  /** Share of the way from baseline to target: 0 at baseline, 1 at target, may exceed 1 or go below 0. */
  ratio: number;
  /** The ratio clamped to 0..1, for progress bars. */
  clamped: number;
  /** Whether the value has reached the target in the indicator's direction. */
  reached: boolean;
}

/**
 * Progress of a quantitative indicator toward its target. Works the same for decreasing
 * indicators (target below baseline). Undefined when it cannot be computed honestly: a
 * qualitative indicator, a missing number, or a target equal to the baseline.
 */
export function progressOf(indicator: Indicator, baseline: Measure, target: Measure, value: number | undefined): Progress | undefined {
  if (indicator.kind !== 'quantitative' || value === undefined) return undefined;
  if (baseline.value === undefined || target.value === undefined) return undefined;
  const span = target.value - baseline.value;
  if (span === 0) return undefined;
  if (indicator.direction === 'decrease' && span > 0) return undefined;
  if (indicator.direction === 'increase' && span < 0) return undefined;
  const ratio = (value - baseline.value) / span;
  return { ratio, clamped: Math.min(1, Math.max(0, ratio)), reached: ratio >= 1 };
}

/** What the indicator rules read of a check-in. */
export type ValueCheckIn = Pick<CheckIn, 'period' | 'unit' | 'submittedAt' | 'indicatorValue'>;

/** Later period first; within a period the later submission (the order check-ins supersede each other in). */
const newestFirst = (a: ValueCheckIn, b: ValueCheckIn) =>
  a.period !== b.period ? (a.period < b.period ? 1 : -1) : Date.parse(b.submittedAt) - Date.parse(a.submittedAt);

/**
 * The latest indicator value per slot (a service area, or OVERALL for the goal as a whole) at or
 * before `asOf`, never a later one; a later check-in without a value does not erase it.
 * An indicator value belongs to the slot whose check-in carries it (decision 0009).
 */
export function indicatorValuesAsOf<C extends ValueCheckIn>(checkIns: readonly C[], asOf: Period): Map<string, C> {
  const out = new Map<string, C>();
  for (const c of checkIns.filter((x) => x.period <= asOf).sort(newestFirst)) {
    if (c.indicatorValue === undefined) continue;
    const slot = c.unit ?? OVERALL;
    if (!out.has(slot)) out.set(slot, c);
  }
  return out;
}

/**
 * The goal-wide value as of a period, the one compared with the goal's baseline and target: the
 * goal-as-a-whole value when there is one, else the one service area's when exactly one reports
 * values. Several areas' values are never summed (a count adds up, a share does not) nor let stand
 * for the goal: then there is no goal-wide value and each area's shows as its own.
 */
export function goalIndicatorValue<C extends ValueCheckIn>(checkIns: readonly C[], asOf: Period): C | undefined {
  const values = indicatorValuesAsOf(checkIns, asOf);
  const overall = values.get(OVERALL);
  if (overall) return overall;
  return values.size === 1 ? [...values.values()][0] : undefined;
}

export interface IndicatorSeriesPoint {
  period: Period;
  value: number;
  /** The period the value was reported for (an earlier one when the period itself brought none). */
  reportedFor: Period;
  /** Which slot it is: a unit key, or OVERALL for the goal-wide line. */
  slot: string;
}

/**
 * The indicator over periods, as one goal-wide line (slot OVERALL, `goalIndicatorValue`) and one
 * line per service area that reports values, each point the value as of that period. A chart
 * plots the goal-wide line against baseline and target, and the areas' lines beside it.
 */
export function indicatorSeriesAsOf(checkIns: readonly ValueCheckIn[], periods: readonly Period[]): IndicatorSeriesPoint[] {
  const out: IndicatorSeriesPoint[] = [];
  for (const period of periods) {
    const goalWide = goalIndicatorValue(checkIns, period);
    if (goalWide?.indicatorValue !== undefined) out.push({ period, value: goalWide.indicatorValue, reportedFor: goalWide.period, slot: OVERALL });
    for (const [slot, c] of indicatorValuesAsOf(checkIns, period)) {
      if (slot !== OVERALL && c.indicatorValue !== undefined) out.push({ period, value: c.indicatorValue, reportedFor: c.period, slot });
    }
  }
  return out;
}
