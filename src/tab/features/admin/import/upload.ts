/**
 * The import page's two calls: `POST /api/import/preview` and `/apply` with the file as base64.
 * The server answers a bad file with `reason` (too-large, empty, not-spreadsheet, …), which the
 * page turns into a sentence in the user's language.
 */
import type { ChangeCounts, ImportChange, ImportDraft } from '../../../../domain/import';
import type { Services } from '../../../data';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ImportOptionsInput {
  plan: string;
  sheet?: string;
  mapping?: Record<string, string>;
  period?: string;
  title?: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface ImportPreviewResult {
  fileName?: string;
  draft: ImportDraft;
  changes: ImportChange[];
  counts: ChangeCounts;
  applicable: boolean;
}

export interface ImportApplyResult extends ImportPreviewResult {
  written: { entity: ImportChange['entity']; key: string; action: 'create' | 'update' }[];
}

export class ImportRequestError extends Error {
  constructor(
    readonly status: number,
    /** The file problem the server named, or the request's error code. */
    readonly reason: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ImportRequestError';
  }
}

/** The file's bytes as base64, without the data-URL prefix FileReader adds. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onerror = () => fail(r.error ?? new Error('The file could not be read'));
    r.onload = () => {
      const url = String(r.result ?? '');
      ok(url.slice(url.indexOf(',') + 1));
    };
    r.readAsDataURL(file);
  });
}

async function post<T>(services: Pick<Services, 'config' | 'auth'>, path: 'preview' | 'apply', body: unknown): Promise<T> {
  const token = await services.auth.getApiToken();
  let res: Response;
  try {
    res = await fetch(`${services.config.apiBaseUrl.replace(/\/$/, '')}/import/${path}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ImportRequestError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
  }
  const parsed = (await res.json().catch(() => undefined)) as { value?: T; error?: { code?: string; reason?: string; message?: string; fields?: { path: string; message: string }[] } } | undefined;
  if (!res.ok || !parsed?.value) {
    const e = parsed?.error;
    const reason = e?.reason ?? (res.status === 413 ? 'too-large' : res.status === 403 ? 'forbidden' : (e?.code ?? 'server'));
    throw new ImportRequestError(res.status, reason, e?.message ?? `HTTP ${res.status}`, e?.fields ?? []);
  }
  return parsed.value;
}

export function previewImportFile(services: Pick<Services, 'config' | 'auth'>, file: { name: string; base64: string }, options: ImportOptionsInput): Promise<ImportPreviewResult> {
  return post(services, 'preview', { fileName: file.name, file: file.base64, ...options });
}

export function applyImportFile(services: Pick<Services, 'config' | 'auth'>, file: { name: string; base64: string }, options: ImportOptionsInput): Promise<ImportApplyResult> {
  return post(services, 'apply', { fileName: file.name, file: file.base64, ...options });
}
