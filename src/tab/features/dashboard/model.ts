/**
 * The dashboard as pure data: which goals show, in what order, with which status per unit, as of
 * a chosen period. The view only renders this; everything a leader filters or sorts by is decided
 * here (and unit-tested), from the same domain rules the server and the bot use.
 */
import { compareCodes, OVERALL, reportingSlots, type Goal } from '../../../domain/goal';
import type { CheckIn } from '../../../domain/check-in';
import type { Group, Unit } from '../../../domain/organisation';
import { currentPeriod, reportingPeriods, slotStates, type DueState, type Period } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { countStatuses, overallStatus, reportsFor, statusCountsAsOf, statusesAt, summaryAsOf, summaryAt, type SlotStatus, type StatusCount } from '../../../domain/rollup';
import { orderThemes, type Theme } from '../../../domain/theme';
import type { QueryOf } from '../../routing/route-table';

export type SortOrder = 'theme' | 'worst';

/** What the URL holds, so a view can be shared as a link. */
export interface DashboardQuery {
  plan?: string;
  period?: string;
  theme?: string;
  group?: string;
  unit?: string;
  /** A status value on the plan's scale, or 'none' for not reported. */
  status?: string;
  overdue: boolean;
  sort: SortOrder;
  q: string;
}

export const EMPTY_QUERY: DashboardQuery = { overdue: false, sort: 'theme', q: '' };

export function parseQuery(search: URLSearchParams): DashboardQuery {
  const get = (k: string) => search.get(k)?.trim() || undefined;
  const out: DashboardQuery = {
    overdue: search.get('overdue') === '1' || search.get('overdue') === 'true',
    sort: search.get('sort') === 'worst' ? 'worst' : 'theme',
    q: search.get('q') ?? '',
  };
  for (const k of ['plan', 'period', 'theme', 'group', 'unit', 'status'] as const) {
    const v = get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The query as URL parameters, leaving defaults out so links stay short. */
export function toSearch(q: DashboardQuery): QueryOf<'dashboard'> {
  return {
    plan: q.plan,
    period: q.period,
    theme: q.theme,
    group: q.group,
    unit: q.unit,
    status: q.status,
    overdue: q.overdue ? '1' : undefined,
    sort: q.sort === 'worst' ? 'worst' : undefined,
    q: q.q.trim() || undefined,
  };
}

export interface Cell {
  /** Unit key, or OVERALL for a goal reporting as a whole. */
  unit: string;
  /** Latest status as of the period (may come from an earlier period). */
  status: number | undefined;
  /** The period that status was reported for. */
  reportedFor: Period | undefined;
  /** Whether the slot reported in the chosen period itself, is due, overdue or upcoming. */
  due: DueState | undefined;
  /**
   * The status shown is older than it should be: from before the chosen period (a past, closed
   * period), or from before the last closed period while the current one is still open.
   */
  stale: boolean;
}

export interface Row {
  goal: Goal;
  theme: Theme | undefined;
  /** Position in reading order (themes, then goal code), for stable sorting. */
  order: number;
  overall: number | undefined;
  /** Cells by unit key; OVERALL for goals without units. */
  cells: Map<string, Cell>;
  overdueSlots: number;
  /** Lower-cased text searched by the search box. */
  haystack: string;
}

export interface ModelInput {
  plan: Plan;
  themes: readonly Theme[];
  goals: readonly Goal[];
  /** Every check-in of the plan (needed for past periods and for what is overdue). */
  checkIns: readonly CheckIn[];
  period: Period;
  /** Today in Helsinki, YYYY-MM-DD. */
  today: string;
  /** Localized text for search (theme titles, people, groups). */
  searchText?: (goal: Goal, theme: Theme | undefined) => string;
}

/**
 * The current period reads the goals' denormalized summaries (what check-ins wrote); a past
 * period replays the check-in history up to it, so "as of August" means what was known then.
 */
export function isCurrentView(plan: Plan, period: Period, today: string): boolean {
  const current = currentPeriod(plan, today);
  return current === undefined || period >= current;
}

export function buildRows(input: ModelInput): Row[] {
  const { plan, goals, checkIns, period, today } = input;
  const themes = orderThemes(input.themes);
  const themeIndex = new Map(themes.map((t, i) => [t.key, i]));
  const themeByKey = new Map(themes.map((t) => [t.key, t]));
  const current = isCurrentView(plan, period, today);

  const byGoal = new Map<string, CheckIn[]>();
  if (!current) {
    for (const c of checkIns) {
      const list = byGoal.get(c.goalKey);
      if (list) list.push(c);
      else byGoal.set(c.goalKey, [c]);
    }
  }
  const slots = slotStates(plan, goals, reportsFor(goals, checkIns, period), period, today);
  const periods = reportingPeriods(plan);
  const staleBefore = current ? (periods[periods.indexOf(period) - 1] ?? period) : period;
  const dueBySlot = new Map(slots.map((s) => [`${s.goalKey}|${s.unit}`, s.state]));

  const sortedGoals = [...goals].sort(
    (a, b) => (themeIndex.get(a.themeKey) ?? 1e9) - (themeIndex.get(b.themeKey) ?? 1e9) || compareCodes(a.code, b.code) || compareCodes(a.title, b.title),
  );

  return sortedGoals.map((goal, order) => {
    // From the summary's month-by-month histories; a goal without them replays its check-ins.
    const summary: Readonly<Record<string, SlotStatus>> = statusesAt(goal, period) ?? (current ? summaryAt(goal, checkIns, period) : summaryAsOf(byGoal.get(goal.key) ?? [], period));
    const cells = new Map<string, Cell>();
    let overdueSlots = 0;
    for (const unit of reportingSlots(goal)) {
      const entry = summary[unit];
      const due = dueBySlot.get(`${goal.key}|${unit}`);
      if (due === 'overdue') overdueSlots++;
      cells.set(unit, { unit, status: entry?.status, reportedFor: entry?.period, due, stale: !!entry && entry.period < staleBefore });
    }
    const theme = themeByKey.get(goal.themeKey);
    const overall = overallStatus(summary, goal.units)?.status;
    const haystack = [goal.code, goal.title, goal.description ?? '', goal.indicator.text, ...goal.responsiblePersons.map((p) => p.name), input.searchText?.(goal, theme) ?? '']
      .join(' ')
      .toLowerCase();
    return { goal, theme, order, overall, cells, overdueSlots, haystack };
  });
}

export interface FilterInput {
  theme?: string;
  group?: string;
  unit?: string;
  status?: string;
  overdue: boolean;
  q: string;
}

/** A theme and every theme below it, so choosing "1" also shows goals under "1.2". */
export function themeAndDescendants(themes: readonly Theme[], key: string): Set<string> {
  const out = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of themes) {
      if (t.parentKey && out.has(t.parentKey) && !out.has(t.key)) {
        out.add(t.key);
        grew = true;
      }
    }
  }
  return out;
}

/** The status a row is filtered by: the unit's when a unit is chosen, else the goal's overall. */
export function rowStatus(row: Row, unit: string | undefined): number | undefined {
  if (!unit) return row.overall;
  return row.cells.get(unit)?.status;
}

export function filterRows(rows: readonly Row[], f: FilterInput, themes: readonly Theme[]): Row[] {
  const themeSet = f.theme ? themeAndDescendants(themes, f.theme) : undefined;
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (themeSet && !themeSet.has(r.goal.themeKey)) return false;
    if (f.group && !r.goal.responsibleGroupKeys.includes(f.group)) return false;
    if (f.unit && !r.cells.has(f.unit)) return false;
    if (f.status !== undefined) {
      const s = rowStatus(r, f.unit);
      if (f.status === 'none' ? s !== undefined : s !== Number(f.status)) return false;
    }
    if (f.overdue) {
      const overdue = f.unit ? r.cells.get(f.unit)?.due === 'overdue' : r.overdueSlots > 0;
      if (!overdue) return false;
    }
    return words.every((w) => r.haystack.includes(w));
  });
}

/**
 * Worst first: lowest status, with nothing reported counted worse than any status (a leader needs
 * to see silence); then the most overdue slots; then reading order.
 */
export function sortRows(rows: readonly Row[], order: SortOrder, unit?: string): Row[] {
  if (order === 'theme') return [...rows].sort((a, b) => a.order - b.order);
  const rank = (r: Row) => {
    const s = rowStatus(r, unit);
    return s === undefined ? -1 : s;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.overdueSlots - a.overdueSlots || a.order - b.order);
}

export type { StatusCount };

/** How many goals stand at each level of the scale (worst first), plus not reported: the domain's one count. */
export function countByStatus(plan: Plan, rows: readonly Row[], unit?: string): StatusCount[] {
  return countStatuses(
    plan.statusScale,
    rows.map((r) => rowStatus(r, unit)),
  );
}

/** Themes as sections in reading order, each with its (already filtered and sorted) rows. */
export function groupByTheme(rows: readonly Row[], themes: readonly Theme[]): { theme: Theme | undefined; rows: Row[] }[] {
  const ordered = orderThemes(themes);
  const byTheme = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byTheme.get(r.goal.themeKey);
    if (list) list.push(r);
    else byTheme.set(r.goal.themeKey, [r]);
  }
  const out: { theme: Theme | undefined; rows: Row[] }[] = [];
  for (const t of ordered) {
    const list = byTheme.get(t.key);
    if (list) {
      out.push({ theme: t, rows: list });
      byTheme.delete(t.key);
    }
  }
  const orphans = [...byTheme.values()].flat();
  if (orphans.length) out.push({ theme: undefined, rows: orphans });
  return out;
}

/** The units that get a column: the plan's units in display order, narrowed to one when filtered. */
export function columnsFor(plan: Plan, units: readonly Unit[], rows: readonly Row[], unit?: string): string[] {
  const order = new Map(units.map((u, i) => [u.key, u.order * 1000 + i]));
  const used = new Set<string>(plan.units);
  for (const r of rows) for (const k of r.cells.keys()) if (k !== OVERALL) used.add(k);
  const cols = [...used].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  return unit ? cols.filter((c) => c === unit) : cols;
}

/** The periods a leader can choose: the plan's reporting periods up to the current one. */
export function periodsToShow(plan: Plan, today: string): Period[] {
  const current = currentPeriod(plan, today);
  const all = reportingPeriods(plan);
  return current ? all.filter((p) => p <= current) : all;
}

export interface TrendPoint {
  period: Period;
  counts: StatusCount[];
}

/**
 * Status of every goal as of each period (overall, worst unit unless an overall assessment is
 * newer), from the check-in history: the trend a board report shows across the year.
 */
export function trend(plan: Plan, goals: readonly Goal[], checkIns: readonly CheckIn[], periods: readonly Period[], unit?: string): TrendPoint[] {
  return periods.map((period) => ({ period, counts: statusCountsAsOf(plan.statusScale, goals, checkIns, period, unit) }));
}

/** Options for the filters: groups responsible for some goal of the plan. */
export function groupsInPlan(goals: readonly Goal[], groups: readonly Group[]): Group[] {
  const used = new Set(goals.flatMap((g) => g.responsibleGroupKeys));
  return groups.filter((g) => used.has(g.key));
}
