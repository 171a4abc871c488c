import ExcelJS from 'exceljs';
import { periodLabel, type BoardReport } from '../domain/report';
import { cleanText, excelDate, formatInstant, statusText } from './format';
import { stringsFor } from './strings';
import type { ReimportInput } from '../domain/import/reimport';
import { addReimportSheet } from './reimport-sheet';
import { goalColumns, tableRows, type TableColumn, type TableRow, type TableValue } from './table';

/**
 * The board report as Excel: a summary sheet (plan, period, counts per status, every goal's
 * status) and one sheet per theme with the full goal table, each with a frozen header row,
 * filters, fitted widths, status both as the scale's label and as its value, and dates as dates.
 * Every text goes in as a string value, never a formula, so "=HYPERLINK(…)" stays text.
 */

/** Excel holds at most 32,767 characters in a cell; beyond that the file does not open. */
export const EXCEL_CELL_MAX = 32_767;
const DATE_FORMAT = 'd.m.yyyy';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = cleanText(wanted).replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function cellValue(v: TableValue, truncated: string): ExcelJS.CellValue {
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') return v;
  const text = cleanText(v);
  return text.length > EXCEL_CELL_MAX ? text.slice(0, EXCEL_CELL_MAX - truncated.length) + truncated : text;
}

const LINE_HEIGHT = 15; // points, for 11 pt text
const MAX_ROW_HEIGHT = 409; // Excel's limit

/**
 * A row's height for its wrapped texts. Neither Excel nor LibreOffice grows a row to its wrapped
 * text on opening a generated file, so without one a narrative shows as a single cut-off line.
 */
export function rowHeight(texts: readonly { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
    const n = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** A column's width in characters: wide enough for its header and its longest line, within bounds. */
function fittedWidth(col: TableColumn, rows: readonly TableRow[]): number {
  if (col.kind === 'date') return Math.max(12, col.header.length + 2);
  let longest = col.header.length;
  for (const r of rows) {
    const v = col.value(r);
    const text = v instanceof Date ? '00.00.0000' : v === undefined ? '' : String(v);
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  const max = col.kind === 'long' ? col.width : Math.max(col.width, 24);
  return Math.min(max, Math.max(6, longest + 2));
}

function addTable(ws: ExcelJS.Worksheet, columns: TableColumn[], rows: TableRow[], truncated: string, headerRow: number, fitToWidth: boolean): void {
  const widths = columns.map((c) => fittedWidth(c, rows));
  ws.columns = columns.map((c, i) => ({ key: c.key, width: widths[i] }));
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  header.height = rowHeight(columns.map((c, i) => ({ text: c.header, width: widths[i] ?? 10 })));
  rows.forEach((r, ri) => {
    const row = ws.getRow(headerRow + 1 + ri);
    const wrapped: { text: string; width: number }[] = [];
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = cellValue(c.value(r), truncated);
      cell.value = value;
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'long' };
      if (c.kind === 'date') cell.numFmt = DATE_FORMAT;
      if (c.kind === 'long' && typeof value === 'string') wrapped.push({ text: value, width: widths[i] ?? 10 });
    });
    row.height = rowHeight(wrapped);
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(rows.length, 1), column: columns.length } };
  // Printed: A4 landscape with the header on every page; the summary fits the page's width, the
  // wide theme tables run across pages at a readable size (the Word report is the one to print).
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
  };
}

/** With `data`, the workbook also carries the hidden re-import sheet (reimport-sheet.ts). */
export async function writeXlsx(report: BoardReport, data?: ReimportInput): Promise<Uint8Array> {
  const s = stringsFor(report.lang);
  const period = periodLabel(report.period);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tavoitteet';
  wb.title = cleanText(`${report.plan.title.text} — ${s.realisation(period)}`);
  wb.created = new Date(report.generatedAt);
  wb.modified = new Date(report.generatedAt);
  const taken = new Set<string>();
  const rows = tableRows(report);

  // Summary: what the report is, the counts, then every goal's status.
  const summary = wb.addWorksheet(sheetName(s.summarySheet, taken));
  summary.getCell('A1').value = cleanText(report.plan.title.text);
  summary.getCell('A1').font = { bold: true, size: 14 };
  summary.getCell('A2').value = `${s.documentKind} — ${s.realisation(period)}`;
  const facts: [string, ExcelJS.CellValue][] = [
    [s.planStart, excelDate(report.plan.periodStart)],
    [s.planEnd, excelDate(report.plan.periodEnd)],
    [s.generatedAt, formatInstant(report.generatedAt, report.lang)],
    [s.goalCount, report.goalCount],
  ];
  facts.forEach(([label, value], i) => {
    const row = summary.getRow(3 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { horizontal: 'left' };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
  });
  const countsAt = 3 + facts.length + 1;
  ['status', 'statusValue', 'countHeader'].forEach((k, i) => {
    const cell = summary.getRow(countsAt).getCell(i + 1);
    cell.value = s[k as 'status' | 'statusValue' | 'countHeader'];
    cell.font = { bold: true };
  });
  report.counts.forEach((c, i) => {
    const row = summary.getRow(countsAt + 1 + i);
    row.getCell(1).value = statusText(c.status, s);
    row.getCell(2).value = c.status?.value ?? null;
    row.getCell(3).value = c.count;
    // Under their headers: the columns are as wide as the goal table's below, and a right-aligned
    // number at the far edge of the wide theme column read as the next column's count.
    row.getCell(2).alignment = { horizontal: 'left' };
    row.getCell(3).alignment = { horizontal: 'left' };
  });
  const overviewAt = countsAt + report.counts.length + 2;
  const overview = goalColumns(report, { withTheme: true }).filter((c) => ['themeCode', 'theme', 'code', 'goal', 'status', 'statusValue', 'indicatorValue'].includes(c.key));
  addTable(summary, overview, rows, s.truncated, overviewAt, true);
  summary.getColumn(1).width = Math.max(summary.getColumn(1).width ?? 10, ...facts.map(([label]) => label.length + 2), ...report.counts.map((c) => statusText(c.status, s).length + 2));

  // One sheet per theme, with the full table.
  for (const section of report.sections) {
    // A theme whose goals all sit in its focus areas has no rows of its own: its focus areas have sheets.
    if (section.goals.length === 0) continue;
    const name = section.theme ? `${section.theme.code} ${section.theme.title.text}` : s.noTheme;
    const ws = wb.addWorksheet(sheetName(name, taken));
    addTable(ws, goalColumns(report, { withTheme: false }), rows.filter((r) => r.section === section), s.truncated, 1, false);
  }
  if (data) addReimportSheet(wb, data);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
