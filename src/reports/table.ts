import type { BoardReport, ReportGoal, ReportSection } from '../domain/report';
import { periodLabel } from '../domain/report';
import { excelDate, measureText, realisationText, statusText } from './format';
import { stringsFor } from './strings';

/**
 * The goal table as columns, written once for the spreadsheet formats (Excel and CSV) so both
 * carry the same data under the same headers. Word prints the board's seven-column shape instead.
 */
export type TableValue = string | number | Date | undefined;

export interface TableColumn {
  key: string;
  header: string;
  /** Width in Excel's character units. */
  width: number;
  kind: 'text' | 'long' | 'number' | 'date';
  value: (row: TableRow) => TableValue;
}

export interface TableRow {
  section: ReportSection;
  goal: ReportGoal;
}

export function tableRows(report: BoardReport): TableRow[] {
  return report.sections.flatMap((section) => section.goals.map((goal) => ({ section, goal })));
}

export function goalColumns(report: BoardReport, options: { withTheme: boolean }): TableColumn[] {
  const s = stringsFor(report.lang);
  const lang = report.lang;
  const cols: TableColumn[] = [];
  if (options.withTheme) {
    cols.push(
      { key: 'themeCode', header: s.themeCode, width: 10, kind: 'text', value: (r) => r.section.theme?.code ?? '' },
      { key: 'theme', header: s.theme, width: 36, kind: 'long', value: (r) => r.section.theme?.title.text ?? s.noTheme },
    );
  }
  cols.push(
    { key: 'code', header: s.code, width: 7, kind: 'text', value: (r) => r.goal.code },
    { key: 'goal', header: s.goal, width: 44, kind: 'long', value: (r) => r.goal.title.text },
    { key: 'indicator', header: s.indicator, width: 32, kind: 'long', value: (r) => r.goal.indicator.text.text },
    { key: 'baseline', header: s.baseline, width: 32, kind: 'long', value: (r) => measureText({ ...r.goal.baseline, date: undefined }, lang, r.goal.indicator.unit) },
    { key: 'baselineDate', header: s.baselineDate, width: 14, kind: 'date', value: (r) => (r.goal.baseline.date ? excelDate(r.goal.baseline.date) : undefined) },
    { key: 'target', header: s.target, width: 40, kind: 'long', value: (r) => measureText({ ...r.goal.target, date: undefined }, lang, r.goal.indicator.unit) },
    { key: 'targetDate', header: s.targetDate, width: 14, kind: 'date', value: (r) => (r.goal.target.date ? excelDate(r.goal.target.date) : undefined) },
    { key: 'responsible', header: s.responsible, width: 28, kind: 'long', value: (r) => r.goal.responsiblePersons.join(', ') },
    { key: 'group', header: s.responsibleGroup, width: 32, kind: 'long', value: (r) => r.goal.responsibleGroups.map((g) => g.text).join(', ') },
    { key: 'indicatorValue', header: s.indicatorValue, width: 12, kind: 'number', value: (r) => r.goal.indicator.value },
    { key: 'indicatorValuePeriod', header: s.indicatorValuePeriod, width: 12, kind: 'text', value: (r) => (r.goal.indicator.valuePeriod ? periodLabel(r.goal.indicator.valuePeriod) : '') },
    { key: 'realisation', header: s.realisation(periodLabel(report.period)), width: 80, kind: 'long', value: (r) => realisationText(r.goal, s, lang) },
    { key: 'status', header: s.status, width: 20, kind: 'text', value: (r) => statusText(r.goal.overall, s) },
    { key: 'statusValue', header: s.statusValue, width: 10, kind: 'number', value: (r) => r.goal.overall?.value },
  );
  for (const u of report.units) {
    cols.push({
      key: `unit:${u.key}`,
      header: s.unitStatus(u.key),
      width: 20,
      kind: 'text',
      value: (r) => {
        const cell = r.goal.cells.find((c) => c.unit === u.key);
        return cell ? statusText(cell.status, s) : '';
      },
    });
  }
  return cols;
}
