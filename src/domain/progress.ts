import type { Indicator, Measure } from './goal';

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
