import ExcelJS from 'exceljs';
import { Invalid } from '../../domain';
import type { Table, TableCell, TableSheet } from '../../domain/import';

/**
 * Decodes an uploaded goal table into the domain's Table: xlsx through exceljs, CSV by hand
 * (UTF-8 with or without BOM, or Windows-1252 as Finnish Excel saves "CSV (semicolon)"; `;`, `,`
 * or tab detected). Bytes in, no file system, so the HTTP route and the CLI share it. Anything
 * that is not a readable spreadsheet is an ImportFileError naming the problem.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportFileProblem = 'too-large' | 'empty' | 'not-spreadsheet' | 'password-protected' | 'legacy-xls' | 'corrupt';

export class ImportFileError extends Invalid {
  constructor(
    readonly reason: ImportFileProblem,
    message: string,
  ) {
    super(message, [{ path: 'file', message }]);
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const SIGNATURES: { name: string; sig: number[] }[] = [
  { name: 'a PNG image', sig: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', sig: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', sig: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', sig: [0x25, 0x50, 0x44, 0x46] },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** UTF-16LE bytes of a text, to look for a stream name inside an OLE compound file. */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export interface ReadTableOptions {
  /** The file's name, for the format when the bytes leave it open and for messages. */
  fileName?: string;
}

export async function readTable(bytes: Uint8Array, opts: ReadTableOptions = {}): Promise<Table> {
  const name = opts.fileName ?? 'the file';
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFileError('too-large', `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB (save the goal table on its own, without pictures or other sheets)`);
  }
  if (bytes.byteLength === 0) throw new ImportFileError('empty', `${name} is empty (0 bytes)`);
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.sig)) throw new ImportFileError('not-spreadsheet', `${name} is ${s.name}, not a spreadsheet: choose an .xlsx or .csv file`);
  }
  if (startsWith(bytes, OLE)) {
    // Excel encrypts a password-protected .xlsx into an OLE container with an EncryptedPackage stream.
    if (contains(bytes, utf16('EncryptedPackage'))) {
      throw new ImportFileError('password-protected', `${name} is password-protected: open it in Excel, remove the password (File › Info › Protect Workbook) and save it again`);
    }
    throw new ImportFileError('legacy-xls', `${name} is in the old Excel format (.xls): save it as an Excel workbook (.xlsx) or CSV`);
  }
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, name);
  if (/\.(xlsx|xlsm|xls)$/i.test(opts.fileName ?? '')) {
    throw new ImportFileError('corrupt', `${name} is not a readable Excel workbook (the file is damaged or of another kind)`);
  }
  if (looksBinary(bytes)) throw new ImportFileError('not-spreadsheet', `${name} is not a spreadsheet: choose an .xlsx or .csv file`);
  return readCsv(bytes, name);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

// ---------------------------------------------------------------- xlsx

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function plainValue(v: ExcelJS.CellValue): { text: string; number?: number } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: isoDate(v) };
  if (typeof v === 'object') {
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
    if ('text' in v && typeof v.text === 'string') return { text: v.text };
    if ('error' in v) return { text: String(v.error) };
  }
  return { text: String(v) };
}

function readCell(cell: ExcelJS.Cell): TableCell {
  const v = cell.value;
  const bold = !!cell.font?.bold || (typeof v === 'object' && v !== null && 'richText' in v && v.richText.length > 0 && v.richText.every((r) => r.font?.bold || !r.text.trim()));
  if (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)) {
    const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const formula = 'formula' in f && f.formula ? f.formula : 'sharedFormula' in f ? f.sharedFormula : '';
    const result = f.result === undefined ? { text: '' } : plainValue(f.result as ExcelJS.CellValue);
    return { ...result, formula, ...(bold ? { bold } : {}) };
  }
  return { ...plainValue(v), ...(bold ? { bold } : {}) };
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ImportFileError('corrupt', `${name} is not a readable Excel workbook: ${(e as Error).message.slice(0, 160)}`);
  }
  const sheets: TableSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: TableCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: TableCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // A merged range keeps its value in the top-left cell; the others would repeat it.
        if (cell.isMerged && cell.master.address !== cell.address) {
          cells[col - 1] = { text: '' };
          return;
        }
        cells[col - 1] = readCell(cell);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= { text: '' };
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: ws.name, rows });
  });
  if (sheets.length === 0) throw new ImportFileError('empty', `${name} has no sheets`);
  if (!sheets.some((s) => s.rows.some((r) => r.some((c) => c.text.trim() || c.formula)))) {
    throw new ImportFileError('empty', `${name} has no filled cells`);
  }
  return { format: 'xlsx', sheets };
}

// ---------------------------------------------------------------- csv

/** UTF-8 (a BOM or valid UTF-8) or else Windows-1252, which is what Excel on a Finnish Windows writes. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator that splits the first lines most evenly: `;` (Finnish Excel), `,` or tab. */
export function detectSeparator(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 10);
  let best = ',';
  let bestScore = -1;
  for (const sep of [';', ',', '\t']) {
    const counts = lines.map((l) => splitCsvLine(l, sep).length - 1);
    const score = counts.reduce((a, b) => a + b, 0);
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

function splitCsvLine(line: string, sep: string): string[] {
  return parseCsv(line, sep)[0] ?? [];
}

/**
 * RFC 4180 CSV: quoted fields may hold separators, line breaks and doubled quotes. Small enough
 * to keep here; the CSV libraries we would add do the same and still leave encoding to us.
 */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(bytes: Uint8Array, name: string): Table {
  const text = decodeText(bytes);
  if (!text.trim()) throw new ImportFileError('empty', `${name} has no text`);
  const sep = detectSeparator(text);
  const rows = parseCsv(text, sep).map((r) =>
    r.map((v): TableCell => {
      const t = v.trim();
      // CSV has no types: a bare integer is a number so numeric assessments (0–2) read as numbers.
      return /^-?\d+$/.test(t) ? { text: v, number: Number(t) } : { text: v };
    }),
  );
  if (rows.length < 2 && (rows[0]?.length ?? 0) < 2) {
    throw new ImportFileError('not-spreadsheet', `${name} is not a table: no separators (; or ,) found`);
  }
  const sheetName = (name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'CSV').slice(0, 60);
  return { format: 'csv', sheets: [{ name: sheetName, rows }] };
}
