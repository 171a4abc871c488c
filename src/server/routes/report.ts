import express, { type Router } from 'express';
import { Forbidden, Invalid, parseOrInvalid } from '../../domain';
import type { Actor } from '../../domain';
import { canExportReport, reportRequestSchema } from '../../domain/report-request';
import { archiveFileName, archiveFolder, archiveStamp, parseArchiveFileName, stampInstant } from '../../domain/report-rules';
import type { BoardReader, Clock, ReportArchive } from '../../ports';
import { CONTENT_TYPES, exportReport } from '../../reports';
import { command } from '../http/command-route';

/**
 * `GET /api/reports?plan=…&period=YYYY-MM&format=docx|xlsx|csv&lang=fi|sv|en[&theme&group&unit&status]`:
 * the board report as a download, for leaders and admins. The same `exportReport` as the command
 * line, so a file from the dashboard and one from `npm run export` are the same file.
 *
 * `POST /api/reports/archive` (the same request as JSON) files the report in the site's document
 * library (`Raportit/<year>/<plan>_<period>_<lang>_<filed>.<format>`), a new record each time;
 * `GET /api/reports/archive?plan=` lists a plan's filed reports, newest first;
 * `GET /api/reports/archive/file?name=` downloads one of them by its name (which says its folder).
 */
export interface ReportRouteDeps {
  board: BoardReader;
  clock: Clock;
  archive: ReportArchive;
}

/** `filename` for old clients (ASCII), `filename*` (RFC 6266/5987) for the real name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** When the app filed a report, as its name says (the app's clock); SharePoint's createdAt is the library's own clock. */
const filedAt = (stamp: string): string | undefined => stampInstant(stamp)?.toISOString();

function requireLeaderOrAdmin(actor: Actor): void {
  if (!canExportReport(actor)) throw new Forbidden('Only leaders and admins take the board report');
}

export function reportRouter({ board, clock, archive }: ReportRouteDeps): Router {
  const r = express.Router();
  r.post(
    '/archive',
    express.json({ limit: '16kb' }),
    command(async (req, res, actor) => {
      requireLeaderOrAdmin(actor);
      const request = parseOrInvalid(reportRequestSchema, req.body, 'report request');
      const now = clock.now();
      const file = await exportReport(board, request, now);
      const name = { planKey: request.plan, period: request.period, lang: request.lang, format: request.format, stamp: archiveStamp(now) };
      // The upload runs as the app: the leader is recorded in the library's own columns.
      const metadata = { filedBy: { id: actor.id, name: actor.name }, planKey: request.plan, period: request.period, lang: request.lang };
      const saved = await archive.save(archiveFolder(request.period), archiveFileName(name), file.bytes, file.contentType, metadata);
      res.status(201).json({ value: { ...saved, ...name, filedAt: filedAt(name.stamp), goals: file.report.goalCount } });
    }),
  );
  r.get(
    '/archive',
    command(async (req, res, actor) => {
      requireLeaderOrAdmin(actor);
      const { plan: planKey } = parseOrInvalid(reportRequestSchema.pick({ plan: true }), req.query, 'report archive query');
      const plan = (await board.readPlanBoard(planKey)).plan.value;
      // Reports are filed by the year of their period.
      const years: string[] = [];
      for (let y = Number(plan.periodStart.slice(0, 4)); y <= Number(plan.periodEnd.slice(0, 4)); y++) years.push(String(y));
      const lists = await Promise.all(years.map((y) => archive.list(archiveFolder(`${y}-01`))));
      const files = lists
        .flat()
        .flatMap((f) => {
          const name = parseArchiveFileName(f.name);
          return name?.planKey === planKey ? [{ ...f, ...name, filedAt: filedAt(name.stamp) }] : [];
        })
        .sort((a, b) => b.stamp.localeCompare(a.stamp) || b.name.localeCompare(a.name));
      res.json({ value: files });
    }),
  );
  r.get(
    '/archive/file',
    command(async (req, res, actor) => {
      requireLeaderOrAdmin(actor);
      const raw = typeof req.query.name === 'string' ? req.query.name : '';
      // Only a name the archive itself gives (plan_period_lang_stamp.format): no paths, no other files of the library.
      const name = parseArchiveFileName(raw);
      if (!name) throw new Invalid(`'name' must be a filed report's name such as vantaa-ko-2021_2021-08_sv_20210922-0900.docx, not '${raw.slice(0, 120)}'`, [{ path: 'name', message: 'Not a filed report name' }]);
      const bytes = await archive.read(archiveFolder(name.period), raw);
      res
        .status(200)
        .set({ 'Content-Type': CONTENT_TYPES[name.format], 'Content-Disposition': contentDisposition(raw), 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'private, no-store' })
        .end(Buffer.from(bytes));
    }),
  );
  r.get(
    '/',
    command(async (req, res, actor) => {
      requireLeaderOrAdmin(actor);
      const request = parseOrInvalid(reportRequestSchema, req.query, 'report request');
      const file = await exportReport(board, request, clock.now());
      res
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': contentDisposition(file.fileName),
          'Content-Length': String(file.bytes.byteLength),
          // A snapshot of named people's reports: not for shared caches.
          'Cache-Control': 'private, no-store',
          'X-Report-Goals': String(file.report.goalCount),
        })
        .end(Buffer.from(file.bytes));
    }),
  );
  return r;
}
