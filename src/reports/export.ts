import { assertReportPeriod, type ReportRequest } from '../domain/report-request';
import { buildReport, type BoardReport } from '../domain/report';
import { checkInSlots, type CheckIn, type Goal } from '../domain';
import { snapshotPeriods } from '../domain/rollup';
import type { BoardReader, ListResult } from '../ports';
import { writeReport, type ReportFile } from './write-report';

export interface ExportedReport extends ReportFile {
  report: BoardReport;
}

/**
 * The check-ins a snapshot needs: the months in which each slot's latest report at or before the
 * period was made (the goals' summaries know them, `snapshotPeriods`), by `PlanPeriodUnit`, plus the
 * whole history of goals with a quantitative indicator (their latest value may be older than their
 * latest status). Goals whose summaries lack a history make it the plan's whole history.
 */
async function snapshotCheckIns(board: BoardReader, planKey: string, goals: readonly Goal[], units: readonly string[], period: string): Promise<ListResult<CheckIn>> {
  const months = snapshotPeriods(goals, period);
  if (!months) return board.readCheckIns({ planKey, units });
  const quantitative = goals.filter((g) => g.indicator.kind === 'quantitative').map((g) => g.key);
  const parts: ListResult<CheckIn>[] = [await board.readCheckIns({ planKey, periods: months, units })];
  for (let i = 0; i < quantitative.length; i += 8) parts.push(...(await Promise.all(quantitative.slice(i, i + 8).map((goalKey) => board.readCheckIns({ goalKey })))));
  const seen = new Set<string>();
  const items = parts.flatMap((p) => p.items).filter((c) => !seen.has(c.value.key) && (seen.add(c.value.key), true));
  return { items, invalid: parts.flatMap((p) => p.invalid) };
}

/**
 * Reads a plan's board and the check-ins its snapshot needs through the port (`snapshotCheckIns`),
 * builds the report model and writes the file. Used by the API
 * route and the command line alike, so both give the same file for the same request.
 */
export async function exportReport(board: BoardReader, req: ReportRequest, now: Date): Promise<ExportedReport> {
  const planBoard = await board.readPlanBoard(req.plan);
  const plan = planBoard.plan.value;
  assertReportPeriod(plan, req.period);
  const goals = planBoard.goals.map((g) => g.value);
  const slots = checkInSlots(plan, goals, planBoard.units.map((u) => u.value));
  const checkIns = await snapshotCheckIns(board, plan.key, goals, slots, req.period);
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
