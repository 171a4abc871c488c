import type { CheckIn } from './check-in';
import { OVERALL, type Goal, type GoalSummary, type SummaryEntry } from './goal';
import { addMonths, type Period } from './periods';
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

/** A slot's status per month, decoded from `SummaryEntry.history`. */
export function decodeHistory(history: string): Map<Period, number> {
  const out = new Map<Period, number>();
  const from = history.slice(0, 7);
  const marks = history.slice(8);
  for (let i = 0; i < marks.length; i++) {
    const ch = marks[i] as string;
    if (ch !== '.') out.set(addMonths(from, i), Number(ch));
  }
  return out;
}

const monthIndex = (p: Period): number => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;

/**
 * The latest status in a slot's history at or before `asOf`, read in place (no decoding): the
 * dashboard asks this for every goal, slot and month of its trend.
 */
export function historyStatusAt(history: string, asOf: Period): SlotStatus | undefined {
  const from = history.slice(0, 7);
  let i = Math.min(history.length - 9, monthIndex(asOf) - monthIndex(from));
  for (; i >= 0; i--) {
    const ch = history.charCodeAt(8 + i);
    if (ch !== 46 /* '.' */) return { period: addMonths(from, i), status: ch - 48 };
  }
  return undefined;
}

/** Whether a slot's history holds a report for `period`. */
function historyHas(history: string, period: Period): boolean {
  const i = monthIndex(period) - monthIndex(history.slice(0, 7));
  return i >= 0 && i < history.length - 8 && history[8 + i] !== '.';
}

/** The compact form of a slot's status per month (see `SummaryEntry.history`). */
export function encodeHistory(byPeriod: ReadonlyMap<Period, number>): string | undefined {
  const periods = [...byPeriod.keys()].sort();
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return undefined;
  let marks = '';
  for (let p = first; p <= last && marks.length < 600; p = addMonths(p, 1)) {
    const s = byPeriod.get(p);
    marks += s === undefined ? '.' : String(s);
  }
  return `${first}:${marks}`;
}

const later = (a: string, b: string | undefined) => (b === undefined || Date.parse(a) > Date.parse(b) ? a : b);

/**
 * The goal's summary after a check-in: the slot's entry is replaced only if the check-in is newer
 * (`isNewer`), and the slot's month-by-month history records the check-in's status for its period
 * when it is the newest known for that period. A check-in older than something already folded in,
 * for a past period that already has a status, cannot be placed without the check-ins: the slot's
 * history is then dropped (views replay CheckIns for it until the reconciler rebuilds it).
 */
export function applyCheckIn(summary: GoalSummary, c: CheckIn): GoalSummary {
  const slot = c.unit ?? OVERALL;
  const prev = summary[slot];
  const newer = !prev || isNewer(c, prev);
  // The month-by-month history, when the entry has a complete one (or the slot is new).
  const known = !prev ? new Map<Period, number>() : prev.history !== undefined ? decodeHistory(prev.history) : undefined;
  let history = known;
  if (history) {
    const placed = history.get(c.period);
    const foldedUpTo = prev ? (prev.historyAt ?? prev.at) : undefined;
    if (prev && !newer && c.period === prev.period) {
      // An older submission for the slot's latest period: changes nothing.
    } else if (newer || placed === undefined || (foldedUpTo !== undefined && Date.parse(c.submittedAt) > Date.parse(foldedUpTo))) {
      history = new Map(history).set(c.period, c.status);
    } else {
      history = undefined;
    }
  }
  if (!newer && prev) {
    if (history === known) return summary;
    const { history: _h, historyAt: _a, ...rest } = prev;
    const kept: SummaryEntry = history ? { ...rest, history: encodeHistory(history) as string, historyAt: later(c.submittedAt, prev.historyAt ?? prev.at) } : rest;
    return { ...summary, [slot]: kept };
  }
  const entry: SummaryEntry = {
    period: c.period,
    status: c.status,
    at: c.submittedAt,
    author: { id: c.author.id, name: c.author.name },
    checkInKey: c.key,
    ...(c.indicatorValue !== undefined ? { indicatorValue: c.indicatorValue } : {}),
    ...(history ? { history: encodeHistory(history) as string, historyAt: later(c.submittedAt, prev ? (prev.historyAt ?? prev.at) : undefined) } : {}),
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

/** A slot's status as of a period, and the period it was reported for. */
export interface SlotStatus {
  period: Period;
  status: number;
}

/**
 * Per slot, the latest status at or before `asOf`, from the goal's summary and its month-by-month
 * history alone — what the dashboard, its trend and any past period need, without a check-in.
 * Undefined when a slot's entry is later than `asOf` and has no history (written before histories
 * existed, or dropped by a late correction): then only a replay of CheckIns (`summaryAt`) can answer.
 */
export function statusesAt(goal: Pick<Goal, 'summary'>, asOf: Period): Record<string, SlotStatus> | undefined {
  const out: Record<string, SlotStatus> = {};
  for (const [slot, e] of Object.entries(goal.summary)) {
    if (e.period <= asOf) {
      out[slot] = { period: e.period, status: e.status };
      continue;
    }
    if (e.history === undefined) return undefined;
    const best = historyStatusAt(e.history, asOf);
    if (best) out[slot] = best;
  }
  return out;
}

/**
 * The months whose check-ins hold every slot's latest report at or before `asOf` — what a snapshot
 * of that month (the board report) must read for its narratives instead of the plan's whole
 * history. Undefined when some goal's histories are incomplete: then only the whole history will do.
 */
export function snapshotPeriods(goals: readonly Pick<Goal, 'summary'>[], asOf: Period): Period[] | undefined {
  const out = new Set<Period>();
  for (const g of goals) {
    const at = statusesAt(g, asOf);
    if (!at) return undefined;
    for (const e of Object.values(at)) out.add(e.period);
  }
  return [...out].sort();
}

/**
 * Whether a view of `asOf` (or of any later month) must read CheckIns: some goal's slot has a later
 * entry without a month-by-month history, so its status then is known only from a replay
 * (`statusesAt` is undefined). A view over months (a trend) asks with its earliest month; the
 * dashboard, the review and My goals ask this one question.
 */
export function needsCheckInsAt(goals: readonly Pick<Goal, 'summary'>[], asOf: Period): boolean {
  return goals.some((g) => Object.values(g.summary).some((e) => e.period > asOf && e.history === undefined));
}

/** Whether every slot of these goals can be answered for any period from summaries alone (`statusesAt`). */
export function historiesComplete(goals: readonly Pick<Goal, 'summary'>[]): boolean {
  return goals.every((g) => Object.values(g.summary).every((e) => e.history !== undefined));
}

/**
 * The slots of a goal that have a report for `period` — from the summary's histories, or from
 * `checkIns` where a slot has none (`historiesComplete` tells whether they are needed).
 */
export function reportsFor(goals: readonly Pick<Goal, 'key' | 'summary'>[], checkIns: readonly Pick<CheckIn, 'goalKey' | 'unit' | 'period'>[], period: Period): Pick<CheckIn, 'goalKey' | 'unit' | 'period'>[] {
  const out: Pick<CheckIn, 'goalKey' | 'unit' | 'period'>[] = [];
  const replayed = new Set<string>();
  for (const g of goals) {
    for (const [slot, e] of Object.entries(g.summary)) {
      const reported = e.period === period || (e.period > period && e.history !== undefined && historyHas(e.history, period));
      if (e.period > period && e.history === undefined) replayed.add(g.key);
      else if (reported) out.push({ goalKey: g.key, period, ...(slot === OVERALL ? {} : { unit: slot }) });
    }
  }
  for (const c of checkIns) if (c.period === period && replayed.has(c.goalKey)) out.push(c);
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
export function overallStatus(summary: Readonly<Record<string, SlotStatus>>, units: readonly string[]): OverallStatus | undefined {
  const explicit = summary[OVERALL];
  const unitEntries = units.map((u) => summary[u]).filter((e): e is SlotStatus => !!e);
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
 * entries at or before the period — from the summary's histories (`statusesAt`), or replayed from
 * `checkIns` for a goal whose histories are incomplete (`summaryAt`) — for one unit when `unit` is given.
 */
export function goalStatusAsOf(goal: Pick<Goal, 'key' | 'summary' | 'units'>, checkIns: readonly CheckIn[], asOf: Period, unit?: string): number | undefined {
  const summary = statusesAt(goal, asOf) ?? summaryAt(goal, checkIns, asOf);
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
