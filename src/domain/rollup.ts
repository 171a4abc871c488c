import type { CheckIn } from './check-in';
import { OVERALL, type Goal, type GoalSummary, type SummaryEntry } from './goal';
import type { Period } from './periods';
import { levelsWorstFirst, type StatusScale } from './status-scale';

/**
 * Whether check-in `a` supersedes `b` for the same slot: a later period wins; within one period
 * the later submission wins (a correction is a new check-in); two stamped in the same millisecond
 * are ordered by key, so whichever write lands last, the summary and its recomputation agree.
 */
export function isNewer(a: Pick<CheckIn, 'period' | 'submittedAt' | 'key'>, b: Pick<SummaryEntry, 'period' | 'at' | 'checkInKey'>): boolean {
  if (a.period !== b.period) return a.period > b.period;
  const ta = Date.parse(a.submittedAt);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta > tb;
  return a.key >= b.checkInKey;
}

/** Submission order of check-ins as the summary sees it: time, then key for the same millisecond. */
const bySubmission = (a: CheckIn, b: CheckIn): number => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

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
  const sorted = [...checkIns].filter((c) => c.period <= asOf).sort(bySubmission);
  for (const c of sorted) summary = applyCheckIn(summary, c);
  return summary;
}

/**
 * A goal's latest entry per slot at or before `asOf`, never a later one: the one "as of" rule
 * for every view of a period (dashboard, goal page, my goals, bot, board report). The goal's
 * denormalized summary holds the latest period per slot, so an entry at or before `asOf` is the
 * answer as it is; a slot whose entry is later (a report for a future period, or a past period
 * being viewed) is replayed from the goal's check-ins. `checkIns` may hold other goals' check-ins
 * too; while they are not loaded, such a slot shows nothing rather than the later report.
 */
export function summaryAt(goal: Pick<Goal, 'key' | 'summary'>, checkIns: readonly CheckIn[], asOf: Period): GoalSummary {
  const later = Object.values(goal.summary).some((e) => e.period > asOf);
  if (!later) return goal.summary;
  const replayed = summaryAsOf(
    checkIns.filter((c) => c.goalKey === goal.key),
    asOf,
  );
  const out: GoalSummary = { ...replayed };
  for (const [slot, entry] of Object.entries(goal.summary)) if (entry.period <= asOf) out[slot] = entry;
  return out;
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

export interface StatusCount {
  /** A status value, or undefined for not reported. */
  status: number | undefined;
  count: number;
}

/**
 * How many of the given statuses stand at each level of the scale (worst first), then values no
 * longer on the scale (a scale edited after reporting), then not reported (undefined). The one
 * count the dashboard's summary, its trend chart and the leaders' digest all show.
 */
export function countStatuses(scale: StatusScale, statuses: Iterable<number | undefined>): StatusCount[] {
  const levels = levelsWorstFirst(scale);
  const counts = new Map<number | undefined, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out: StatusCount[] = levels.map((l) => ({ status: l.value, count: counts.get(l.value) ?? 0 }));
  for (const [s, n] of counts) if (s !== undefined && !levels.some((l) => l.value === s)) out.push({ status: s, count: n });
  out.push({ status: undefined, count: counts.get(undefined) ?? 0 });
  return out;
}

/**
 * The status of a goal as of a period: its overall status (`overallStatus`) over the latest
 * entries at or before the period (`summaryAt`), for one unit when `unit` is given.
 */
export function goalStatusAsOf(goal: Pick<Goal, 'key' | 'summary' | 'units'>, checkIns: readonly CheckIn[], asOf: Period, unit?: string): number | undefined {
  const summary = summaryAt(goal, checkIns, asOf);
  return unit ? summary[unit]?.status : overallStatus(summary, goal.units)?.status;
}

/** How many goals stand at each status as of a period (`goalStatusAsOf`, `countStatuses`). */
export function statusCountsAsOf(
  scale: StatusScale,
  goals: readonly Pick<Goal, 'key' | 'summary' | 'units'>[],
  checkIns: readonly CheckIn[],
  asOf: Period,
  unit?: string,
): StatusCount[] {
  const byGoal = new Map<string, CheckIn[]>();
  for (const c of checkIns) {
    const list = byGoal.get(c.goalKey);
    if (list) list.push(c);
    else byGoal.set(c.goalKey, [c]);
  }
  return countStatuses(
    scale,
    goals.map((g) => goalStatusAsOf(g, byGoal.get(g.key) ?? [], asOf, unit)),
  );
}
