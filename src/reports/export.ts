import { assertReportPeriod, type ReportRequest } from '../domain/report-request';
import { buildReport, type BoardReport } from '../domain/report';
import type { BoardReader } from '../ports';
import { writeReport, type ReportFile } from './write-report';

export interface ExportedReport extends ReportFile {
  report: BoardReport;
}

/**
 * Reads a plan's board and check-ins through the port (one `$batch` plus the check-in pages, the
 * same reads the dashboard makes), builds the report model and writes the file. Used by the API
 * route and the command line alike, so both give the same file for the same request.
 */
export async function exportReport(board: BoardReader, req: ReportRequest, now: Date): Promise<ExportedReport> {
  const planBoard = await board.readPlanBoard(req.plan);
  const plan = planBoard.plan.value;
  assertReportPeriod(plan, req.period);
  const checkIns = await board.readCheckIns({ planKey: plan.key });
  const filter = {
    ...(req.theme ? { theme: req.theme } : {}),
    ...(req.group ? { group: req.group } : {}),
    ...(req.unit ? { unit: req.unit } : {}),
    ...(req.status ? { status: req.status } : {}),
  };
  const report = buildReport({
    plan,
    themes: planBoard.themes.map((t) => t.value),
    goals: planBoard.goals.map((g) => g.value),
    groups: planBoard.groups.map((g) => g.value),
    units: planBoard.units.map((u) => u.value),
    checkIns: checkIns.items.map((c) => c.value),
    period: req.period,
    lang: req.lang,
    generatedAt: now.toISOString(),
    filter,
  });
  // The re-import sheet holds what the report shows: its goals (after any filter) and their themes.
  const shown = new Set(report.sections.flatMap((s) => s.goals.map((g) => g.key)));
  const data = {
    plan,
    themes: planBoard.themes.map((t) => t.value),
    goals: planBoard.goals.map((g) => g.value).filter((g) => shown.has(g.key)),
    groups: planBoard.groups.map((g) => g.value),
    units: planBoard.units.map((u) => u.value),
    checkIns: checkIns.items.map((c) => c.value).filter((c) => shown.has(c.goalKey)),
    asOf: req.period,
    allThemes: Object.keys(filter).length === 0,
  };
  return { ...(await writeReport(report, req.format, data)), report };
}
