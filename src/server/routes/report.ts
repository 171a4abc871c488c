import express, { type Router } from 'express';
import { Forbidden, parseOrInvalid } from '../../domain';
import { canExportReport, reportRequestSchema } from '../../domain/report-request';
import type { BoardReader, Clock } from '../../ports';
import { exportReport } from '../../reports';
import type { TokenVerifier } from '../auth/token-verifier';

/**
 * `GET /api/reports?plan=…&period=YYYY-MM&format=docx|xlsx|csv&lang=fi|sv|en[&theme&group&unit&status]`:
 * the board report as a download, for leaders and admins. The same `exportReport` as the command
 * line, so a file from the dashboard and one from `npm run export` are the same file.
 */
export interface ReportRouteDeps {
  board: BoardReader;
  verify: TokenVerifier;
  clock: Clock;
}

/** `filename` for old clients (ASCII), `filename*` (RFC 6266/5987) for the real name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function reportRouter({ board, verify, clock }: ReportRouteDeps): Router {
  const r = express.Router();
  r.get('/', (req, res, next) => {
    (async () => {
      const { actor } = await verify(req.get('Authorization'));
      if (!canExportReport(actor)) throw new Forbidden('Only leaders and admins take the board report');
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
    })().catch(next);
  });
  return r;
}
