import type { BoardReport } from '../domain/report';
import { cleanText } from './format';
import { goalColumns, tableRows, type TableValue } from './table';

/**
 * The board report as CSV the way Finnish and Swedish Excel opens it: UTF-8 with a byte order
 * mark, `;` between fields, decimal comma, CRLF between records, RFC 4180 quoting. A text that
 * a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets
 * a leading apostrophe, as OWASP advises against CSV injection; numbers we wrote ourselves don't.
 */
const BOM = '\uFEFF';
const SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A text neutralised for spreadsheets: never read as a formula. */
export function inertText(text: string): string {
  const clean = cleanText(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

function fieldOf(v: TableValue): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return csvField(inertText(v));
}

export function writeCsv(report: BoardReport): Uint8Array {
  const columns = goalColumns(report, { withTheme: true });
  const lines = [columns.map((c) => csvField(inertText(c.header))).join(SEPARATOR)];
  for (const row of tableRows(report)) lines.push(columns.map((c) => fieldOf(c.value(row))).join(SEPARATOR));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}
