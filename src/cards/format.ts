import type { Locale, LocalizedText } from '../domain';

/** Dates and periods for people, through Intl in the card's locale, always in Helsinki time. */
const TAG: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const TZ = 'Europe/Helsinki';

/** `2021-10-05` → "5.10.2021" (fi), "5.10.2021" (sv-FI), "5 Oct 2021" (en). */
export function formatDate(locale: Locale, isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(TAG[locale], { timeZone: TZ, day: 'numeric', month: locale === 'en' ? 'short' : 'numeric', year: 'numeric' }).format(d);
}

/** An instant as date and time in Helsinki, e.g. "22.9.2021 klo 9.00". */
export function formatDateTime(locale: Locale, instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(TAG[locale], {
    timeZone: TZ,
    day: 'numeric',
    month: locale === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(d);
}

/** `2021-09` → "9/2021", the way Finnish reports name a period ("toteuma 8/2021"). */
export function formatPeriod(_locale: Locale, period: string): string {
  const [y, m] = period.split('-');
  return `${Number(m)}/${y}`;
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: 2 }).format(n);
}

/**
 * A goal's title in the card's language, or the Finnish one when it has none there. (A card cannot
 * mark the fallback as Finnish: the adaptivecards 1.5 parser the cards are validated with drops a
 * text block's `lang` as an invalid value.)
 */
export function goalTitleIn(g: { title: string; titleText?: LocalizedText }, L: Locale): { text: string; lang: Locale } {
  const own = g.titleText?.[L]?.trim();
  return own ? { text: own, lang: L } : { text: g.titleText?.fi ?? g.title, lang: 'fi' };
}
