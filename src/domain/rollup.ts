import type { CheckIn } from './check-in';
import { OVERALL, type GoalSummary, type SummaryEntry } from './goal';
import type { Period } from './periods';

/**
 * Whether check-in `a` supersedes `b` for the same slot: a later period wins; within one period
 * the later submission wins (a correction is a new check-in).
 */
export function isNewer(a: Pick<CheckIn, 'period' | 'submittedAt'>, b: Pick<SummaryEntry, 'period' | 'at'>): boolean {
  if (a.period !== b.period) return a.period > b.period;
  return Date.parse(a.submittedAt) >= Date.parse(b.at);
}

/** The goal's summary after a check-in: replaces the slot's entry only if the check-in is newer. */
export function applyCheckIn(summary: GoalSummary, c: CheckIn): GoalSummary {
  const slot = c.unit ?? OVERALL;
  const prev = summary[slot];
  if (prev && !isNewer(c, prev)) return summary;
  const entry: SummaryEntry = {
    period: c.period,
    status: c.status,
    at: c.submittedAt,
    author: { id: c.author.id, name: c.author.name },
    checkInKey: c.key,
    ...(c.indicatorValue !== undefined ? { indicatorValue: c.indicatorValue } : {}),
  };
  return { ...summary, [slot]: entry };
}

/** The latest entry per slot as of a period, from a goal's check-in history. */
export function summaryAsOf(checkIns: readonly CheckIn[], asOf: Period): GoalSummary {
  let summary: GoalSummary = {};
  const sorted = [...checkIns].filter((c) => c.period <= asOf).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const c of sorted) summary = applyCheckIn(summary, c);
  return summary;
}

export interface OverallStatus {
  status: number;
  period: Period;
  /** True when computed from unit statuses, false when an explicit overall assessment decided it. */
  computed: boolean;
}

/**
 * A goal's overall status: an explicit overall assessment wins when it is at least as recent as
 * the latest unit report; otherwise the worst (lowest) latest status among the units, which is
 * how a division reports "partially" as soon as one service area is behind. Undefined when
 * nothing has been reported.
 */
export function overallStatus(summary: GoalSummary, units: readonly string[]): OverallStatus | undefined {
  const explicit = summary[OVERALL];
  const unitEntries = units.map((u) => summary[u]).filter((e): e is SummaryEntry => !!e);
  const latestUnitPeriod = unitEntries.reduce<string | undefined>((m, e) => (!m || e.period > m ? e.period : m), undefined);
  if (explicit && (!latestUnitPeriod || explicit.period >= latestUnitPeriod)) {
    return { status: explicit.status, period: explicit.period, computed: false };
  }
  if (unitEntries.length === 0) return undefined;
  const worst = Math.min(...unitEntries.map((e) => e.status));
  return { status: worst, period: latestUnitPeriod as string, computed: true };
}
