export { REPORT_FORMATS, reportRequestSchema, type ReportFormat, type ReportRequest } from '../domain/report-request';
export { CONTENT_TYPES, reportFileName, writeReport, type ReportFile } from './write-report';
export { exportReport, type ExportedReport } from './export';
export { writeCsv } from './csv';
export { writeDocx } from './docx';
export { writeXlsx } from './xlsx';
