import type { BoardReport } from '../domain/report';
import type { ReimportInput } from '../domain/import/reimport';
import type { ReportFormat } from '../domain/report-request';
import { writeCsv } from './csv';
import { writeDocx } from './docx';
import { writeXlsx } from './xlsx';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ReportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** "vantaa-ko-2021_2021-08_sv.docx": plan, period and language, sortable and safe in any file system. */
export function reportFileName(report: Pick<BoardReport, 'plan' | 'period' | 'lang'>, format: ReportFormat): string {
  return `${report.plan.key}_${report.period}_${report.lang}.${format}`;
}

/** `data`: the plan as data, which the Excel file carries on a hidden sheet for re-import. */
export async function writeReport(report: BoardReport, format: ReportFormat, data?: ReimportInput): Promise<ReportFile> {
  const bytes = format === 'docx' ? await writeDocx(report) : format === 'xlsx' ? await writeXlsx(report, data) : writeCsv(report);
  return { bytes, contentType: CONTENT_TYPES[format], fileName: reportFileName(report, format) };
}

