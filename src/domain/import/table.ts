/**
 * A spreadsheet as the importer sees it: sheets of rows of cells, already decoded from xlsx or
 * CSV by the reader outside the domain. Row and column numbers are 1-based, as Excel shows them.
 */
export interface TableCell {
  /** The cell as text (numbers as written, dates as YYYY-MM-DD); '' when empty. */
  text: string;
  /** Set when the cell held a number. */
  number?: number;
  /** Bold font (xlsx): a hint that a row is a heading. */
  bold?: boolean;
  /** The cell holds a formula; `text` is its cached result, '' when the workbook kept none. */
  formula?: string;
}

export interface TableSheet {
  name: string;
  /** rows[r][c]: row r+1, column c+1. Missing cells are empty. */
  rows: TableCell[][];
}

export interface Table {
  format: 'xlsx' | 'csv';
  sheets: TableSheet[];
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellText(row: readonly TableCell[] | undefined, col: number): string {
  return row?.[col - 1]?.text.trim() ?? '';
}

/** Picks a sheet by 1-based number or by name (case-insensitive); undefined picks the first sheet with content. */
export function pickSheet(table: Table, which?: string | number): TableSheet | undefined {
  if (which === undefined || which === '') {
    return table.sheets.find((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== ''))) ?? table.sheets[0];
  }
  if (typeof which === 'number' || /^\d+$/.test(which)) return table.sheets[Number(which) - 1];
  const name = which.toLowerCase();
  return table.sheets.find((s) => s.name.toLowerCase() === name);
}
