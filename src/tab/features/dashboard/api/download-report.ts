/**
 * `GET /api/reports?…`: the board report as a file. Read as a stream so a large plan's report
 * shows how far the download is; the server's error body becomes a `ReportRequestError`.
 */
import type { ReportFormat } from '../../../../domain/report-rules';
import type { Locale } from '../../../../domain/localized';
import type { Services } from '../../../data';

export interface ReportQuery {
  plan: string;
  period: string;
  format: ReportFormat;
  lang: Locale;
  theme?: string;
  group?: string;
  unit?: string;
  status?: string;
}

export interface DownloadedReport {
  blob: Blob;
  fileName: string;
  goals: number;
}

/** A field the server refused, by its stable code (shown in the user's language, never its English message). */
export interface RefusedField {
  path: string;
  code?: string;
}

export class ReportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'forbidden' | 'invalid' | 'notFound' | 'network' | 'server',
    message: string,
    readonly fields: RefusedField[] = [],
  ) {
    super(message);
    this.name = 'ReportRequestError';
  }
}

type ErrorBody = { error?: { message?: string; fields?: RefusedField[] } } | undefined;

/** The server's refusal as a `ReportRequestError`: its status, the fields it named and their codes. */
function refusal(status: number, body: ErrorBody): ReportRequestError {
  const code = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status === 400 || status === 409 ? 'invalid' : 'server';
  const fields = (body?.error?.fields ?? []).filter((f) => typeof f?.path === 'string').map((f) => ({ path: f.path, ...(typeof f.code === 'string' ? { code: f.code } : {}) }));
  return new ReportRequestError(status, code, body?.error?.message ?? `HTTP ${status}`, fields);
}

export function reportUrl(apiBaseUrl: string, q: ReportQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, v);
  return `${apiBaseUrl.replace(/\/$/, '')}/reports?${params.toString()}`;
}

/** The file name from `Content-Disposition` (RFC 6266 `filename*` first), else one made of the query. */
export function fileNameOf(header: string | null, q: ReportQuery): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? `${q.plan}_${q.period}_${q.lang}.${q.format}`;
}

export async function downloadReport(
  services: Pick<Services, 'config' | 'auth'>,
  q: ReportQuery,
  onProgress: (received: number, total: number | undefined) => void,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<DownloadedReport> {
  const token = await services.auth.getApiToken();
  let res: Response;
  try {
    res = await fetchImpl(reportUrl(services.config.apiBaseUrl, q), { headers: { Authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new ReportRequestError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
  }
  if (!res.ok) throw refusal(res.status, (await res.json().catch(() => undefined)) as ErrorBody);
  const total = Number(res.headers.get('Content-Length')) || undefined;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total);
    }
  } else {
    const buf = new Uint8Array(await res.arrayBuffer());
    chunks.push(buf);
    onProgress(buf.byteLength, total);
  }
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName: fileNameOf(res.headers.get('Content-Disposition'), q), goals: Number(res.headers.get('X-Report-Goals')) || 0 };
}

/** Hands the file to the browser as a download. */
export function saveFile(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once click() returns; free the memory a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A board report filed in the site's document library (`POST/GET /api/reports/archive`). */
export interface FiledReport {
  name: string;
  folder: string;
  webUrl: string;
  size: number;
  createdAt: string;
  /** When the app filed it, as the file's name says; `createdAt` is SharePoint's own clock. */
  filedAt?: string;
  /** Who the library says created the file (for the app's uploads, the app). */
  createdBy: string;
  /** The leader who filed it; absent on reports filed before the library recorded it. */
  filedBy?: { id: string; name: string };
  planKey: string;
  period: string;
  lang: Locale;
  format: ReportFormat;
}

async function archiveCall<T>(services: Pick<Services, 'config' | 'auth'>, init: { method: 'GET'; plan: string } | { method: 'POST'; body: ReportQuery }): Promise<T> {
  const token = await services.auth.getApiToken();
  const root = `${services.config.apiBaseUrl.replace(/\/$/, '')}/reports/archive`;
  let res: Response;
  try {
    res =
      init.method === 'GET'
        ? await fetch(`${root}?${new URLSearchParams({ plan: init.plan }).toString()}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })
        : await fetch(root, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(init.body) });
  } catch (e) {
    throw new ReportRequestError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
  }
  const body = (await res.json().catch(() => undefined)) as ({ value?: T } & ErrorBody) | undefined;
  if (!res.ok || body?.value === undefined) throw refusal(res.ok ? 502 : res.status, body);
  return body.value;
}

export const fileReport = (services: Pick<Services, 'config' | 'auth'>, q: ReportQuery) => archiveCall<FiledReport>(services, { method: 'POST', body: q });
export const listFiledReports = (services: Pick<Services, 'config' | 'auth'>, plan: string) => archiveCall<FiledReport[]>(services, { method: 'GET', plan });

/** Where a filed report is downloaded from through the app (`GET /api/reports/archive/file?name=`). */
export function filedReportUrl(apiBaseUrl: string, name: string): string {
  return `${apiBaseUrl.replace(/\/$/, '')}/reports/archive/file?${new URLSearchParams({ name }).toString()}`;
}

/** A filed report's bytes, fetched with the user's token (a plain link would carry none). */
export async function downloadFiledReport(services: Pick<Services, 'config' | 'auth'>, name: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<{ blob: Blob; fileName: string }> {
  const token = await services.auth.getApiToken();
  let res: Response;
  try {
    res = await fetchImpl(filedReportUrl(services.config.apiBaseUrl, name), { headers: { Authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new ReportRequestError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
  }
  if (!res.ok) throw refusal(res.status, (await res.json().catch(() => undefined)) as ErrorBody);
  return { blob: await res.blob(), fileName: name };
}
