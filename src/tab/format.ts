/**
 * Dates and numbers for people: Intl in the user's language, always in Europe/Helsinki (the
 * municipality's time, whatever the laptop says). Periods are `YYYY-MM` (a month, or a tertial
 * named by its last month).
 */
import type { Locale } from '../domain/localized';

export const TIME_ZONE = 'Europe/Helsinki';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface Format {
  locale: Locale;
  /** 22.9.2021 */
  date(value: Date | string): string;
  /** 22.9.2021 klo 9.00 */
  dateTime(value: Date | string): string;
  /** syyskuu 2021 */
  period(period: string): string;
  /** 1 234,5 */
  number(value: number, opts?: Intl.NumberFormatOptions): string;
  /** 13,4 % from a ratio 0.134 */
  percent(ratio: number, fractionDigits?: number): string;
  /** "3 days ago" / "in 2 days" relative to `now`. */
  relativeDays(target: string, today: string): string;
  /** Joins names: "A, B ja C". */
  list(items: readonly string[]): string;
}

/** A calendar date `YYYY-MM-DD` means that day in Helsinki: anchor it at noon UTC so no zone shifts it. */
function toInstant(value: Date | string): Date {
  if (value instanceof Date) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return new Date(value);
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

export function createFormat(locale: Locale): Format {
  const tag = INTL_LOCALE[locale];
  const dateFmt = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const monthFmt = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, month: 'long', year: 'numeric' });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const listFmt = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const numberFmts = new Map<string, Intl.NumberFormat>();
  const numberFmt = (opts: Intl.NumberFormatOptions = {}) => {
    const k = JSON.stringify(opts);
    let f = numberFmts.get(k);
    if (!f) numberFmts.set(k, (f = new Intl.NumberFormat(tag, opts)));
    return f;
  };
  return {
    locale,
    date: (v) => dateFmt.format(toInstant(v)),
    dateTime: (v) => dateTimeFmt.format(toInstant(v)),
    period(p) {
      const d = new Date(`${p}-15T12:00:00Z`);
      return Number.isNaN(d.getTime()) ? p : monthFmt.format(d);
    },
    number: (v, opts) => numberFmt(opts ?? { maximumFractionDigits: 2 }).format(v),
    percent: (r, digits = 1) => numberFmt({ style: 'percent', maximumFractionDigits: digits }).format(r),
    relativeDays: (target, today) => rel.format(dayNumber(target) - dayNumber(today), 'day'),
    list: (items) => listFmt.format(items),
  };
}
