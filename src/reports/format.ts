import type { Locale, StatusColor } from '../domain';
import { periodLabel, type ReportGoal, type ReportMeasure, type ReportStatus } from '../domain/report';
import { LANGUAGE_TAGS, type ReportStrings } from './strings';

/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab and newlines, U+FFFE/U+FFFF, lone
 * surrogates). A narrative pasted from elsewhere may carry them; left in, Word and Excel refuse
 * to open the file, so they go, and line ends become one kind.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** A 6-digit hex colour per status token for documents, each at least 3:1 against white (WCAG 1.4.11). */
export const STATUS_HEX: Record<StatusColor, string> = {
  green: '107C10',
  lightGreen: '498205',
  yellow: '8A6A00',
  orange: 'C4490F',
  red: 'C50F1F',
  grey: '616161',
};
export const NOT_REPORTED_HEX = '8A8886';

export function formatNumber(n: number, lang: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { maximumFractionDigits: 2 }).format(n);
}

export function formatPercent(ratio: number, lang: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A calendar date (YYYY-MM-DD) as the reader's locale writes it. */
export function formatDate(date: string, lang: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }).format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
}

/** An instant as a date and time in Helsinki. */
export function formatInstant(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date as a Date at UTC midnight, which Excel shows as that date whatever the reader's zone. */
export function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A baseline or target as one text: its words, its number and its date ("Suunnitelmaa ei ole (31.12.2019)"). */
export function measureText(m: ReportMeasure, lang: Locale, unit?: string): string {
  const parts: string[] = [];
  if (m.text) parts.push(m.text.text);
  if (m.value !== undefined) parts.push(unit ? `${formatNumber(m.value, lang)} ${unit}` : formatNumber(m.value, lang));
  const body = parts.join(' — ');
  if (!m.date) return body;
  return body ? `${body} (${formatDate(m.date, lang)})` : formatDate(m.date, lang);
}

/** The goal's indicator value against its target: "753 (6/2021), edistyminen tavoitteeseen 134 %". */
export function indicatorValueText(g: ReportGoal, lang: Locale, s: ReportStrings): string {
  const ind = g.indicator;
  if (ind.value === undefined) return '';
  const value = ind.unit ? `${formatNumber(ind.value, lang)} ${ind.unit}` : formatNumber(ind.value, lang);
  const when = ind.valuePeriod ? ` (${periodLabel(ind.valuePeriod)})` : '';
  const progress = ind.progress ? `, ${s.progress(formatPercent(ind.progress.ratio, lang))}` : '';
  return `${value}${when}${progress}`;
}

export function statusText(status: ReportStatus | undefined, s: ReportStrings): string {
  return status ? status.label : s.notReported;
}

export function statusHex(status: ReportStatus | undefined): string {
  return status?.color ? STATUS_HEX[status.color] : NOT_REPORTED_HEX;
}

/**
 * The realization column as board reports write it: one paragraph per unit, prefixed with the
 * unit's code and its status ("VAKA (Toteutuu täysin): …"), noting a status carried over from an
 * earlier period. A goal reporting as a whole gets its narrative alone.
 */
export interface RealisationPart {
  /** "VAKA (Toteutuu täysin, raportoitu 6/2021)", or empty for a goal reporting as a whole. */
  prefix: string;
  narrative: ReportGoal['cells'][number]['narrative'];
}

export function realisationParts(g: ReportGoal, s: ReportStrings, lang: Locale): RealisationPart[] {
  return g.cells.map((c) => {
    const notes = [c.status ? c.status.label : s.notReported];
    if (c.stale && c.reportedFor) notes.push(s.reportedFor(periodLabel(c.reportedFor)));
    // A narrative stays in the language it was written in; the reader is told which one it is.
    const foreign = c.narrative && c.narrative.lang !== lang ? s.writtenIn(c.narrative.lang) : undefined;
    if (foreign) notes.push(foreign);
    const who = c.code || (g.cells.length > 1 ? s.overallAssessment : '');
    const loose = [c.stale && c.reportedFor ? s.reportedFor(periodLabel(c.reportedFor)) : undefined, foreign].filter(Boolean);
    const prefix = who ? `${who} (${notes.join(', ')})` : loose.length > 0 ? `(${loose.join(', ')})` : '';
    return { prefix, narrative: c.narrative };
  });
}

export function realisationText(g: ReportGoal, s: ReportStrings, lang: Locale): string {
  return realisationParts(g, s, lang)
    .map((p) => [p.prefix, p.narrative?.text ?? ''].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('\n\n');
}
