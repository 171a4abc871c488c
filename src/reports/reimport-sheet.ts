import type ExcelJS from 'exceljs';
import { REIMPORT_MARKER, REIMPORT_SHEET, reimportRows, type ReimportInput } from '../domain/import/reimport';

/**
 * The Excel report's last sheet, hidden: the plan as data for re-import (domain/import/reimport.ts),
 * so that importing the report into an empty site reproduces the plan, its texts in every language
 * and its latest statuses. Hidden, so a board member reading the report never meets it; a JSON
 * text too long for one cell is left out rather than cut (a cut JSON would not parse).
 */
/** Excel's limit for one cell (as in xlsx.ts, which imports this file). */
const EXCEL_CELL_MAX = 32_767;

export function addReimportSheet(wb: ExcelJS.Workbook, input: ReimportInput): void {
  const ws = wb.addWorksheet(REIMPORT_SHEET, { state: 'hidden' });
  ws.getCell('A1').value = REIMPORT_MARKER;
  ws.getCell('B1').value = 'Tiedot uudelleentuontia varten · Data för återimport · Data for re-import';
  ['kind', 'key', 'json'].forEach((h, i) => {
    ws.getRow(2).getCell(i + 1).value = h;
  });
  let r = 3;
  for (const [kind, key, json] of reimportRows(input)) {
    if (json.length > EXCEL_CELL_MAX) continue;
    const row = ws.getRow(r++);
    row.getCell(1).value = kind;
    row.getCell(2).value = key;
    row.getCell(3).value = json;
  }
}
