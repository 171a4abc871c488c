import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { Locale } from '../domain';
import { periodLabel, type BoardReport, type ReportGoal, type ReportText } from '../domain/report';
import { cleanText, formatDate, formatInstant, formatNumber, indicatorValueText, measureText, realisationParts, statusHex, statusText } from './format';
import { LANGUAGE_TAGS, stringsFor, type ReportStrings } from './strings';

/**
 * The board report as Word: a cover (plan, period, counts per status and a chart of them with a
 * description for screen readers), then one table in the board's seven-column shape with a header
 * row Word repeats on every page and each theme as a heading row. Landscape A4, the document's
 * language set, and every text that fell back to another language marked with its own.
 */

// A4 in twentieths of a point, given portrait; the section turns it to landscape.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134; // 2 cm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
/** Goal, indicator, baseline, target, responsible, realization, status: the seed's proportions, the responsible column wide enough for its header ("Vastuuhenkilö(t)") in one piece. */
const COLUMN_SHARES = [14, 11, 10, 14, 13, 27, 11];
const COLUMN_WIDTHS = (() => {
  const total = COLUMN_SHARES.reduce((a, b) => a + b, 0);
  const widths = COLUMN_SHARES.map((s) => Math.floor((TABLE_WIDTH * s) / total));
  widths[5] = (widths[5] ?? 0) + TABLE_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
})();

const HEADER_FILL = 'DCE6F0';
const THEME_FILL = 'F2F2F2';
const FONT_SIZE = 18; // half-points: 9 pt keeps a board table readable in landscape
const SMALL = 16;

class Writer {
  constructor(
    private readonly lang: Locale,
    readonly s: ReportStrings,
  ) {}

  /** A run of text, marked with its language when it is not the document's. */
  run(text: string, opts: { bold?: boolean; lang?: Locale; size?: number; italics?: boolean } = {}): TextRun {
    return new TextRun({
      text: cleanText(text),
      ...(opts.bold ? { bold: true } : {}),
      ...(opts.italics ? { italics: true } : {}),
      ...(opts.size ? { size: opts.size } : {}),
      ...(opts.lang && opts.lang !== this.lang ? { language: { value: LANGUAGE_TAGS[opts.lang] } } : {}),
    });
  }

  /** A text as paragraphs, one per line; the first may start with runs of its own (a prefix). */
  paragraphs(text: ReportText | string | undefined, lead: ParagraphChild[] = [], size?: number): Paragraph[] {
    const t = typeof text === 'string' ? { text, lang: this.lang } : text;
    const lines = t ? cleanText(t.text).split('\n').filter((l) => l.trim() !== '') : [];
    if (lines.length === 0) return lead.length ? [new Paragraph({ children: lead })] : [];
    return lines.map((line, i) => new Paragraph({ spacing: { after: 60 }, children: [...(i === 0 ? lead : []), this.run(line, { lang: t?.lang, ...(size ? { size } : {}) })] }));
  }

  cell(children: Paragraph[], width: number, fill?: string): TableCell {
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      // A cell must hold a paragraph, even an empty one.
      children: children.length ? children : [new Paragraph({})],
    });
  }
}

function cover(report: BoardReport, w: Writer): (Paragraph | Table)[] {
  const { s } = w;
  const period = periodLabel(report.period);
  const counts = report.counts.filter((c) => c.status !== undefined || c.count > 0);
  const label = (c: (typeof counts)[number]) => statusText(c.status, s);
  const chart = new ChartRun({
    type: 'column',
    categories: counts.map(label),
    series: [{ name: s.countHeader, values: counts.map((c) => c.count), colors: counts.map((c) => statusHex(c.status)) }],
    legend: false,
    dataLabels: { value: true },
    valueAxis: { minimum: 0, interval: 1, gridlines: true },
    transformation: { width: 560, height: 280 },
    altText: {
      name: s.distribution,
      title: s.distribution,
      description: s.distributionAlt(counts.map((c) => `${label(c)} ${c.count}`).join(', ')),
    },
  });
  const countRow = (cells: string[], header: boolean) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: cells.map((text, i) =>
        w.cell([new Paragraph({ alignment: i === 1 ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [w.run(text, { bold: header })] })], i === 0 ? 4200 : 1800, header ? HEADER_FILL : undefined),
      ),
    });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [w.run(report.plan.title.text, { lang: report.plan.title.lang })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [w.run(`${s.documentKind} — ${s.realisation(period)}`)] }),
    new Paragraph({ children: [w.run(`${s.planPeriod}: `, { bold: true }), w.run(`${formatDate(report.plan.periodStart, report.lang)}–${formatDate(report.plan.periodEnd, report.lang)}`)] }),
    new Paragraph({ children: [w.run(`${s.generatedAt}: `, { bold: true }), w.run(formatInstant(report.generatedAt, report.lang))] }),
    new Paragraph({ spacing: { after: 240 }, children: [w.run(`${s.goalCount}: `, { bold: true }), w.run(formatNumber(report.goalCount, report.lang))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [w.run(s.distribution)] }),
    new Paragraph({ children: [chart] }),
    new Table({
      width: { size: 6000, type: WidthType.DXA },
      columnWidths: [4200, 1800],
      rows: [countRow([s.status, s.countHeader], true), ...counts.map((c) => countRow([label(c), formatNumber(c.count, report.lang)], false))],
    }),
  ];
}

function goalRow(g: ReportGoal, w: Writer, lang: Locale): TableRow {
  const { s } = w;
  const unit = g.indicator.unit;
  const goalCell = [
    ...w.paragraphs(g.title, g.code ? [w.run(`${g.code} `, { bold: true })] : []),
    ...(g.description ? w.paragraphs(g.description, [], SMALL) : []),
  ];
  const value = indicatorValueText(g, lang, s);
  const indicatorCell = [...w.paragraphs(g.indicator.text), ...(value ? w.paragraphs(value, [w.run(`${s.indicatorValue}: `, { bold: true })]) : [])];
  const measureCell = (m: ReportGoal['baseline']) => {
    const text = measureText(m, lang, unit);
    return w.paragraphs(m.text ? { text, lang: m.text.lang } : text);
  };
  const responsibleCell = [
    ...g.responsiblePersons.flatMap((p) => w.paragraphs(p)),
    ...g.responsibleGroups.flatMap((grp) => w.paragraphs(grp, [w.run(`${s.responsibleGroup}: `, { bold: true })])),
  ];
  const realisationCell = realisationParts(g, s, lang).flatMap((part) => {
    const lead = part.prefix ? [w.run(part.narrative ? `${part.prefix}: ` : part.prefix, { bold: true })] : [];
    return w.paragraphs(part.narrative, lead);
  });
  const statusCell = [new Paragraph({ children: [w.run(statusText(g.overall, s), { bold: true })] })];
  const cells = [goalCell, indicatorCell, measureCell(g.baseline), measureCell(g.target), responsibleCell, realisationCell, statusCell];
  return new TableRow({ children: cells.map((c, i) => w.cell(c, COLUMN_WIDTHS[i] ?? 1000)) });
}

function goalTable(report: BoardReport, w: Writer): Table {
  const { s } = w;
  const headers = [s.goal, s.indicator, s.baseline, s.target, s.responsible, s.realisation(periodLabel(report.period)), s.status];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => w.cell([new Paragraph({ children: [w.run(h, { bold: true })] })], COLUMN_WIDTHS[i] ?? 1000, HEADER_FILL)),
  });
  const rows: TableRow[] = [header];
  for (const section of report.sections) {
    const title = section.theme ? `${section.theme.code} ${section.theme.title.text}` : s.noTheme;
    const level = (section.theme?.depth ?? 0) === 0 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: COLUMN_WIDTHS.length,
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            margins: { top: 80, bottom: 80, left: 80, right: 80 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: THEME_FILL },
            children: [new Paragraph({ heading: level, keepNext: true, children: [w.run(title, { lang: section.theme?.title.lang })] })],
          }),
        ],
      }),
    );
    for (const g of section.goals) rows.push(goalRow(g, w, report.lang));
  }
  return new Table({ width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS, rows });
}

export async function writeDocx(report: BoardReport): Promise<Uint8Array> {
  const s = stringsFor(report.lang);
  const w = new Writer(report.lang, s);
  const title = `${report.plan.title.text} — ${s.realisation(periodLabel(report.period))}`;
  const doc = new Document({
    title: cleanText(title),
    subject: s.documentKind,
    creator: 'Tavoitteet',
    // Finnish compounds are long and the columns narrow: hyphenate by the text's language rather than break mid-word.
    hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true },
    styles: { default: { document: { run: { size: FONT_SIZE, font: 'Calibri', language: { value: LANGUAGE_TAGS[report.lang] } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [w.run(`${title} · ${s.page} `, { size: SMALL }), new TextRun({ children: [PageNumber.CURRENT], size: SMALL })] })],
          }),
        },
        children: [
          ...cover(report, w),
          new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [w.run(s.goalsHeading)] }),
          goalTable(report, w),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
