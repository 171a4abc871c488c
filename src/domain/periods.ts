import type { Plan } from './plan';
import type { CheckIn } from './check-in';
import { OVERALL, reportingSlots, type Goal } from './goal';

/**
 * Reporting periods and due rules. A period is named by its month, `YYYY-MM`; a tertial is named
 * by its last month (2021-04, 2021-08, 2021-12), as Finnish reports say "toteuma 1–8/2021".
 * All calendar dates here are local dates in Europe/Helsinki as `YYYY-MM-DD` strings; callers turn
 * an instant into one with `helsinkiDate`.
 */

export type Period = string;

const pad = (n: number) => String(n).padStart(2, '0');

export function periodOf(year: number, month: number): Period {
  return `${year}-${pad(month)}`;
}

export function parsePeriod(p: Period): { year: number; month: number } {
  // Read in place: the dashboard asks this for every goal, slot and month (no split, no array).
  const dash = p.indexOf('-');
  if (dash < 0) return { year: Number(p), month: 0 };
  const end = p.indexOf('-', dash + 1);
  return { year: Number(p.slice(0, dash)), month: Number(end < 0 ? p.slice(dash + 1) : p.slice(dash + 1, end)) };
}

export function addMonths(p: Period, n: number): Period {
  const { year, month } = parsePeriod(p);
  const idx = year * 12 + (month - 1) + n;
  return periodOf(Math.floor(idx / 12), (idx % 12) + 1);
}

// One formatter for every call: building an Intl.DateTimeFormat costs a tenth of a millisecond
// or more, and views ask for today on every render.
let helsinkiDay: Intl.DateTimeFormat | undefined;

/** The local calendar date in Helsinki of an instant, as YYYY-MM-DD. */
export function helsinkiDate(instant: Date): string {
  helsinkiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = helsinkiDay.formatToParts(instant);
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function dateIn(p: Period, day: number): string {
  const { year, month } = parsePeriod(p);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${p}-${pad(Math.min(day, last))}`;
}

/** The plan's reporting periods in order: months of the plan period minus non-reporting months, or tertials. */
export function reportingPeriods(plan: Pick<Plan, 'periodStart' | 'periodEnd' | 'cadence' | 'reminders'>): Period[] {
  const first = plan.periodStart.slice(0, 7);
  const last = plan.periodEnd.slice(0, 7);
  const out: Period[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) {
    const { month } = parsePeriod(p);
    if (plan.cadence === 'tertial') {
      // A tertial reports on four months: skip it only when none of them (within the plan) reports,
      // not merely because its closing month does (e.g. December off would lose the year-end report).
      if (month % 4 === 0 || p === last) {
        const months = periodMonths(plan, p).filter((m) => m >= first);
        if (months.some((m) => !plan.reminders.nonReportingMonths.includes(parsePeriod(m).month))) out.push(p);
      }
    } else if (!plan.reminders.nonReportingMonths.includes(month)) {
      out.push(p);
    }
  }
  return out;
}

/** The months a tertial period covers, e.g. 2021-08 → 2021-05..2021-08; a monthly period covers itself. */
export function periodMonths(plan: Pick<Plan, 'cadence'>, p: Period): Period[] {
  if (plan.cadence === 'monthly') return [p];
  const { month } = parsePeriod(p);
  const start = month - ((month - 1) % 4);
  return Array.from({ length: month - start + 1 }, (_, i) => addMonths(p, start - month + i));
}

/** The day the reminder for a period goes out (before moving off weekends and holidays). */
export function opensOn(plan: Pick<Plan, 'reminders'>, p: Period): string {
  return dateIn(p, plan.reminders.reminderDay);
}

/** The last day a check-in for a period is on time. A due day before the reminder day falls in the next month. */
export function dueOn(plan: Pick<Plan, 'reminders'>, p: Period): string {
  const { reminderDay, dueDay } = plan.reminders;
  return dueDay >= reminderDay ? dateIn(p, dueDay) : dateIn(addMonths(p, 1), dueDay);
}

/**
 * The period that needs reporting on a given local date: the latest reporting period that has
 * opened; before the first opens, the first one. Undefined for a plan with no reporting periods.
 */
export function currentPeriod(plan: Parameters<typeof reportingPeriods>[0], today: string): Period | undefined {
  const periods = reportingPeriods(plan);
  let current = periods[0];
  for (const p of periods) if (opensOn(plan, p) <= today) current = p;
  return current;
}

export type DueState = 'done' | 'overdue' | 'due' | 'upcoming';

/** The state of one goal × unit for one period on a local date. */
export function dueState(
  plan: Pick<Plan, 'reminders'>,
  period: Period,
  today: string,
  reported: boolean,
): DueState {
  if (reported) return 'done';
  if (today > dueOn(plan, period)) return 'overdue';
  if (today >= opensOn(plan, period)) return 'due';
  return 'upcoming';
}

export interface SlotState {
  goalKey: string;
  /** Unit key, or OVERALL for a goal that reports as a whole. */
  unit: string;
  period: Period;
  state: DueState;
}

/**
 * Which goal × unit slots are due, overdue, done or upcoming in a period. A check-in counts for
 * the slot of its unit; for goals without units, any check-in of the goal counts.
 */
export function slotStates(
  plan: Pick<Plan, 'reminders' | 'periodStart' | 'periodEnd' | 'cadence'>,
  goals: readonly Goal[],
  checkIns: readonly Pick<CheckIn, 'goalKey' | 'unit' | 'period'>[],
  period: Period,
  today: string,
): SlotState[] {
  if (!reportingPeriods(plan).includes(period)) return [];
  const inPeriod = checkIns.filter((c) => c.period === period);
  const reported = new Set(inPeriod.map((c) => `${c.goalKey}|${c.unit ?? OVERALL}`));
  const goalsReported = new Set(inPeriod.map((c) => c.goalKey));
  // Every slot not reported stands the same on a date: its state is worked out once.
  const open = dueState(plan, period, today, false);
  const out: SlotState[] = [];
  for (const g of goals) {
    for (const unit of reportingSlots(g)) {
      // A goal without units may still hold check-ins naming a unit (units removed later, imports).
      const done = unit === OVERALL && g.units.length === 0 ? goalsReported.has(g.key) : reported.has(`${g.key}|${unit}`);
      out.push({ goalKey: g.key, unit, period, state: done ? 'done' : open });
    }
  }
  return out;
}

/** Whether a plan's period contains a local date. */
export function isRunning(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, today: string): boolean {
  return plan.periodStart <= today && today <= plan.periodEnd;
}

/** The plan to show by default on a date: the running plan that started last; else the latest-starting plan. */
export function defaultPlan<P extends Pick<Plan, 'periodStart' | 'periodEnd'>>(plans: readonly P[], today: string): P | undefined {
  const newestFirst = [...plans].sort((a, b) => b.periodStart.localeCompare(a.periodStart));
  return newestFirst.find((p) => isRunning(p, today)) ?? newestFirst[0];
}

/** The plan a view shows: the one named (`?plan=`) if it exists, else the default plan on that date. */
export function chosenPlan<P extends Pick<Plan, 'key' | 'periodStart' | 'periodEnd'>>(plans: readonly P[], key: string | undefined, today: string): P | undefined {
  return plans.find((p) => p.key === key) ?? defaultPlan(plans, today);
}

/**
 * The plans My goals shows on a date: those running (reporting open or upcoming), not archived
 * (life-cycle.ts); else the most recent one with a current period. `plans` newest first.
 */
export function activePlans<P extends Parameters<typeof currentPeriod>[0] & { archivedAt?: string }>(plans: readonly P[], today: string): P[] {
  const running = plans.filter((p) => !p.archivedAt && isRunning(p, today) && currentPeriod(p, today));
  if (running.length > 0) return running;
  const latest = plans.find((p) => currentPeriod(p, today));
  return latest ? [latest] : [];
}

/**
 * Why a period cannot be reported on (or shown) on a date, or undefined when it can:
 * `outsidePlan` — not a month of the plan's period; `notReporting` — a month of the plan that is
 * not one of its reporting periods (a non-reporting month such as July, or a month that closes no
 * tertial); `future` — a reporting period after the current one.
 */
export type PeriodProblem = 'outsidePlan' | 'notReporting' | 'future';

/**
 * The one rule for which periods are open for reporting on a local date: the plan's reporting
 * periods up to and including the current one (`currentPeriod`: a period opens on its reminder
 * day, and the first one is open from the start), and a past period stays open, so a late report (an
 * overdue slot) or a correction (a new check-in) can still be posted. A future period is not open:
 * a report for December written in September would hide September's status.
 */
export function periodProblem(plan: Parameters<typeof reportingPeriods>[0], period: Period, today: string): PeriodProblem | undefined {
  if (period < plan.periodStart.slice(0, 7) || period > plan.periodEnd.slice(0, 7)) return 'outsidePlan';
  if (!reportingPeriods(plan).includes(period)) return 'notReporting';
  const current = currentPeriod(plan, today);
  if (current !== undefined && period > current) return 'future';
  return undefined;
}

/** The periods open for reporting on a date, in order (see `periodProblem`). */
export function openPeriods(plan: Parameters<typeof reportingPeriods>[0], today: string): Period[] {
  return reportingPeriods(plan).filter((p) => periodProblem(plan, p, today) === undefined);
}

/** Why a period in a URL cannot be used: it is not written as YYYY-MM, is no month, or `PeriodProblem`. */
export type PeriodParamProblem = 'notAPeriod' | 'notAMonth' | PeriodProblem;

export type PeriodParam =
  /** `given`: the URL named this period; otherwise it named none and this is the current one. */
  | { ok: true; period: Period; given: boolean }
  /** `fallback`: the period a view shows instead (the current one), while it says why. */
  | { ok: false; problem: PeriodParamProblem; text: string; fallback: Period | undefined };

/**
 * A period as a URL gives it (`?period=2021-09`), judged against the plan on a date: a view shows
 * a usable one, and for anything else says why (`problem`) while showing the current period
 * instead of silently falling back to it. Open periods (`periodProblem`) are the usable ones; a
 * missing or empty parameter means the current period.
 */
export function parsePeriodParam(text: string | null | undefined, plan: Parameters<typeof reportingPeriods>[0], now: Date): PeriodParam {
  const today = helsinkiDate(now);
  const fallback = currentPeriod(plan, today);
  const raw = (text ?? '').trim();
  if (raw === '') return fallback ? { ok: true, period: fallback, given: false } : { ok: false, problem: 'notAPeriod', text: raw, fallback };
  const m = /^(\d{4})-(\d{1,2})$/.exec(raw);
  if (!m) return { ok: false, problem: 'notAPeriod', text: raw, fallback };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { ok: false, problem: 'notAMonth', text: raw, fallback };
  const period = periodOf(Number(m[1]), month);
  const problem = periodProblem(plan, period, today);
  return problem ? { ok: false, problem, text: raw, fallback } : { ok: true, period, given: true };
}
