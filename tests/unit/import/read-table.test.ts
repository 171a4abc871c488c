import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError, readTable } from '../../../src/commands';
import { decodeText, detectSeparator, parseCsv } from '../../../src/commands/import-table/read-table';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name));

async function rejection(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
  const e = await readTable(bytes, { fileName }).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportFileError);
  return e as ImportFileError;
}

describe('reading an uploaded goal table', () => {
  it('reads a Windows-1252 CSV with ; as Finnish Excel writes it, ä, ö and a quoted line break intact', async () => {
    const t = await readTable(fixture('tavoitteet-2024-win1252.csv'), { fileName: 'tavoitteet-2024-win1252.csv' });
    const rows = t.sheets[0]!.rows;
    expect(rows[0]!.map((c) => c.text)).toEqual(['Tavoite', 'Mittari', 'Lähtötaso', 'Tavoitetaso 2024', 'Vastuuhenkilö', 'Vastuutaho', 'Toteuma 4/2024', 'Tila']);
    expect(rows[1]![6]!.text).toBe('Lukudiplomeja suoritettu 150.\nKirjastoyhteistyö jatkuu.');
    expect(rows[1]![4]!.text).toBe('Pekka Järvinen');
  });

  it('reads UTF-8 with and without a BOM and detects , as the separator', async () => {
    const body = 'Tavoite,Tila\n"Lukutaito, luku-into",Toteutuu täysin\n';
    for (const bytes of [Buffer.from(body, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])]) {
      const t = await readTable(bytes, { fileName: 'x.csv' });
      expect(t.sheets[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
        ['Tavoite', 'Tila'],
        ['Lukutaito, luku-into', 'Toteutuu täysin'],
      ]);
    }
    expect(decodeText(Buffer.from('Mål;Målnivå', 'latin1'))).toBe('Mål;Målnivå');
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(parseCsv('a;"b ""c""";d', ';')).toEqual([['a', 'b "c"', 'd']]);
  });

  it('reads bold headings, merged cells once and numbers as numbers from xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('T');
    ws.getCell('A1').value = 'Otsikko';
    ws.getCell('A1').font = { bold: true };
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 2;
    const t = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 't.xlsx' });
    expect(t.sheets[0]!.rows[0]!.map((c) => c.text)).toEqual(['Otsikko', '', '']);
    expect(t.sheets[0]!.rows[0]![0]!.bold).toBe(true);
    expect(t.sheets[0]!.rows[1]![0]).toEqual({ text: '2', number: 2 });
  });

  it('keeps a formula cell as a formula, with its saved value when the workbook has one', async () => {
    const t = await readTable(fixture('formula-cell.xlsx'), { fileName: 'formula-cell.xlsx' });
    expect(t.sheets[0]!.rows[1]![3]).toEqual({ text: '', formula: 'D3*2' });
  });

  it('refuses a PNG renamed .xlsx, saying it is an image', async () => {
    const e = await rejection(fixture('png-renamed.xlsx'), 'png-renamed.xlsx');
    expect(e.reason).toBe('not-spreadsheet');
    expect(e.message).toMatch(/PNG image, not a spreadsheet/);
  });

  it('refuses an empty file', async () => {
    expect((await rejection(fixture('empty.csv'), 'empty.csv')).reason).toBe('empty');
    expect((await rejection(Buffer.from('  \r\n'), 'blank.csv')).reason).toBe('empty');
  });

  it('refuses a workbook without filled cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tyhjä');
    expect((await rejection(new Uint8Array(await wb.xlsx.writeBuffer()), 'tyhja.xlsx')).reason).toBe('empty');
  });

  it('refuses a password-protected workbook and says how to remove the password', async () => {
    const e = await rejection(fixture('password-protected.xlsx'), 'password-protected.xlsx');
    expect(e.reason).toBe('password-protected');
    expect(e.message).toMatch(/remove the password/);
  });

  it('refuses a corrupt workbook (a zip that is no xlsx, a truncated file)', async () => {
    const good = fixture('vantaa-fi-2021.xlsx');
    expect((await rejection(good.subarray(0, 600), 'katkennut.xlsx')).reason).toBe('corrupt');
    expect((await rejection(Buffer.from('not a workbook at all'), 'fake.xlsx')).reason).toBe('corrupt');
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const e = await rejection(big, 'iso.csv');
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/10\.0 MB; the limit is 10 MB/);
  });

  it('refuses a binary file that is no known format', async () => {
    expect((await rejection(Buffer.from([1, 2, 0, 3, 4, 5]), 'data.bin')).reason).toBe('not-spreadsheet');
  });
});
