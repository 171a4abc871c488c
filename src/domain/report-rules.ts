import type { Role } from './person';

/** The board report's file formats; the rules here load no zod, so the tab can use them. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Leaders and admins take the board report (it shows every goal of the plan, in any language). */
export function canExportReport(actor: { roles: readonly Role[] | readonly string[] }): boolean {
  return actor.roles.some((r) => r === 'leader' || r === 'admin');
}
