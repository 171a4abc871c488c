import type { Role } from './person';

/** The board report's file formats; the rules here load no zod, so the tab can use them. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Leaders and admins take the board report (it shows every goal of the plan, in any language). */
export function canExportReport(actor: { roles: readonly Role[] | readonly string[] }): boolean {
  return actor.roles.some((r) => r === 'leader' || r === 'admin');
}

/** The document library folder board reports are filed in: `Raportit/<year of the period>`. */
export const ARCHIVE_ROOT = 'Raportit';

export function archiveFolder(period: string): string[] {
  return [ARCHIVE_ROOT, period.slice(0, 4)];
}

/** When a report was filed, in Helsinki, as the file name carries it: `20210922-0900`. */
export function archiveStamp(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}`;
}

/**
 * The instant a stamp names (`20210922-0900`, Helsinki time): the filing time as the app's clock
 * had it, which the file's name carries. Helsinki is UTC+2 or, in summer, UTC+3; the one whose
 * stamp reads back the same is it. Undefined for a stamp that names no time.
 */
export function stampInstant(stamp: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  for (const offset of [3, 2]) {
    const at = new Date(Date.UTC(y, mo - 1, d, h - offset, mi));
    if (archiveStamp(at) === stamp) return at;
  }
  return undefined;
}

export interface ArchiveName {
  planKey: string;
  period: string;
  lang: 'fi' | 'sv' | 'en';
  format: ReportFormat;
  stamp: string;
}

/**
 * A filed report's name says what it is — plan, period, language, when it was filed — so the
 * library needs no columns of our own and a person browsing it reads the same:
 * `vantaa-ko-2021_2021-08_sv_20210922-0900.docx`. A snapshot is a record: each filing is a new file.
 */
export function archiveFileName(n: ArchiveName): string {
  return `${n.planKey}_${n.period}_${n.lang}_${n.stamp}.${n.format}`;
}

export function parseArchiveFileName(name: string): ArchiveName | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)_(\d{4}-\d{2})_(fi|sv|en)_(\d{8}-\d{4})\.(docx|xlsx|csv)$/.exec(name);
  if (!m) return undefined;
  return { planKey: m[1] as string, period: m[2] as string, lang: m[3] as ArchiveName['lang'], stamp: m[4] as string, format: m[5] as ReportFormat };
}
