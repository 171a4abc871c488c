import Holidays from 'date-holidays';
import { addMonths, dueOn, opensOn, parsePeriod, reportingPeriods, type Plan, type ReminderKind } from '../domain';

/**
 * When reminders go out, as pure date logic (Europe/Helsinki local dates, `YYYY-MM-DD`).
 * A send day that falls on a weekend, a Finnish public holiday (date-holidays 'FI': its `public`
 * days plus the `bank` eves Midsummer Eve and Christmas Eve, when offices are closed) or in a
 * month the plan marks non-reporting moves to the next working day.
 */

type CalendarPlan = Pick<Plan, 'key' | 'reminders' | 'periodStart' | 'periodEnd' | 'cadence'>;

const fi = new Holidays('FI');
const holidayCache = new Map<number, Set<string>>();

function holidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(
      fi
        .getHolidays(year)
        .filter((h) => h.type === 'public' || (h.type === 'bank' && !h.date.startsWith(`${year}-12-31`)))
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, set);
  }
  return set;
}

export function isHoliday(date: string): boolean {
  return holidays(Number(date.slice(0, 4))).has(date);
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !isHoliday(date);
}

/** The day itself when sends may go out on it, else the next such day. */
export function nextSendDay(date: string, nonReportingMonths: readonly number[] = []): string {
  let d = date;
  for (let i = 0; i < 400; i++) {
    if (isWorkingDay(d) && !nonReportingMonths.includes(parsePeriod(d.slice(0, 7)).month)) return d;
    d = addDays(d, 1);
  }
  throw new Error(`No send day within a year of ${date}: every month is non-reporting?`);
}

/** `n` working days after `date` (0 = the date itself if working, else the next working day). */
export function addWorkingDays(date: string, n: number): string {
  let d = nextSendDay(date);
  for (let i = 0; i < n; i++) d = nextSendDay(addDays(d, 1));
  return d;
}

/** The UTC instant of a local Helsinki wall-clock hour on a date (handles EET/EEST). */
export function helsinkiInstant(date: string, hour: number): Date {
  const guess = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour);
  // The offset at that moment: Helsinki is UTC+2 or UTC+3; try both and keep the one that maps back.
  for (const offset of [3, 2]) {
    const t = new Date(guess - offset * 3600_000);
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(t);
    const get = (x: string) => parts.find((p) => p.type === x)?.value;
    if (`${get('year')}-${get('month')}-${get('day')}` === date && Number(get('hour')) === hour) return t;
  }
  return new Date(guess - 2 * 3600_000);
}

export interface ScheduledSend {
  planKey: string;
  period: string;
  kind: ReminderKind;
  /** Local send date in Helsinki. */
  date: string;
  at: Date;
}

/**
 * The sends of one period: the group reminder and personal reminders on the reminder day, the
 * escalation `escalationDays` working days after the due date, the digest `digestDays` working days
 * after it. None for a period the plan does not report (e.g. July).
 */
export function periodSchedule(plan: CalendarPlan, period: string): ScheduledSend[] {
  if (!reportingPeriods(plan).includes(period)) return [];
  const r = plan.reminders;
  const open = nextSendDay(opensOn(plan, period), r.nonReportingMonths);
  const due = dueOn(plan, period);
  const escalation = nextSendDay(addWorkingDays(addDays(due, 1), Math.max(0, r.escalationDays - 1)), r.nonReportingMonths);
  const digest = nextSendDay(addWorkingDays(addDays(due, 1), Math.max(0, r.digestDays - 1)), r.nonReportingMonths);
  const at = (date: string) => helsinkiInstant(date, r.sendHour);
  return [
    { planKey: plan.key, period, kind: 'group', date: open, at: at(open) },
    { planKey: plan.key, period, kind: 'personal', date: open, at: at(open) },
    { planKey: plan.key, period, kind: 'escalation', date: escalation, at: at(escalation) },
    { planKey: plan.key, period, kind: 'digest', date: digest, at: at(digest) },
  ];
}

/** Every send of every plan whose time falls in (from, to]: what a scheduler tick must do. */
export function sendsBetween(plans: readonly CalendarPlan[], from: Date, to: Date): ScheduledSend[] {
  const out: ScheduledSend[] = [];
  for (const plan of plans) {
    // Sends of a period happen in its month or the next two; look at periods around the window.
    const first = addMonths(from.toISOString().slice(0, 7), -3);
    const last = to.toISOString().slice(0, 7);
    for (let p = first; p <= last; p = addMonths(p, 1)) {
      for (const s of periodSchedule(plan, p)) if (s.at > from && s.at <= to) out.push(s);
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
