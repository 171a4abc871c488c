import { z } from 'zod';
import { Invalid, keySchema, localeSchema, periodSchema, type Plan } from './index';
import { REPORT_FORMATS } from './report-rules';

export { canExportReport, REPORT_FORMATS, type ReportFormat } from './report-rules';
export const reportFormatSchema = z.enum(REPORT_FORMATS);

/**
 * What a board report is asked for with, from the dashboard (query string) or the command line:
 * the plan, the snapshot period, the report's language (independent of the reader's UI) and the
 * dashboard's filters, which apply to the report as they do to the view.
 */
export const reportRequestSchema = z.object({
  plan: keySchema,
  period: periodSchema,
  lang: localeSchema.default('fi'),
  format: reportFormatSchema.default('docx'),
  theme: keySchema.optional(),
  group: keySchema.optional(),
  unit: keySchema.optional(),
  status: z.union([z.literal('none'), z.string().regex(/^\d$/, 'A status is a value of the plan’s scale or "none"')]).optional(),
});
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** A snapshot is of a month of the plan's period: a report "as of" a month outside it says nothing true. */
export function assertReportPeriod(plan: Pick<Plan, 'key' | 'periodStart' | 'periodEnd'>, period: string): void {
  if (period < plan.periodStart.slice(0, 7) || period > plan.periodEnd.slice(0, 7)) {
    throw new Invalid(`Period ${period} is outside plan '${plan.key}' (${plan.periodStart.slice(0, 7)} – ${plan.periodEnd.slice(0, 7)})`, [
      { path: 'period', message: `Choose a month between ${plan.periodStart.slice(0, 7)} and ${plan.periodEnd.slice(0, 7)}` },
    ]);
  }
}

