/**
 * The life-cycle commands the admin view sends (docs in src/server/routes/plan-life-cycle.ts):
 * copy a plan, archive or restore it, delete a theme, goal, group or service area that has no
 * history. Failures are the tab's one `ApiError`, carrying the server's field issues (shown by
 * their code in the user's language) and, on a refused delete, the reason in `current.value`.
 */
import type { DeletableKind, DeletionBlock } from '../../../../domain/life-cycle';
import type { Plan } from '../../../../domain/plan';
import { ApiError, type FieldIssue, type Services } from '../../../data';

type Caller = Pick<Services, 'config' | 'auth'>;

const STATUS_CODES: Record<number, ApiError['code']> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 409: 'conflict', 412: 'stale', 429: 'throttled', 503: 'unavailable' };

async function send<T>(services: Caller, method: 'POST' | 'DELETE', path: string, body?: unknown, ifMatch?: string): Promise<T> {
  const token = await services.auth.getApiToken();
  let res: Response;
  try {
    res = await fetch(`${services.config.apiBaseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(ifMatch ? { 'If-Match': ifMatch } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
  }
  const parsed = (await res.json().catch(() => undefined)) as
    | { value?: T; error?: { code?: string; message?: string; fields?: FieldIssue[]; current?: { value: unknown; etag: string } } }
    | undefined;
  if (!res.ok || parsed?.value === undefined) {
    const e = parsed?.error;
    throw new ApiError(res.status, STATUS_CODES[res.status] ?? 'server', e?.message ?? `HTTP ${res.status}`, e?.fields ?? [], e?.current, undefined, e?.code);
  }
  return parsed.value;
}

export interface CopyInput {
  key: string;
  title: Plan['title'];
  periodStart: string;
  periodEnd: string;
}

export const copyPlan = (services: Caller, from: string, input: CopyInput) =>
  send<{ plan: Plan; themes: number; goals: number }>(services, 'POST', `/plans/${encodeURIComponent(from)}/copy`, input);

export const setArchived = (services: Caller, key: string, archived: boolean, etag: string) => send<Plan>(services, 'POST', `/plans/${encodeURIComponent(key)}/archive`, { archived }, etag);

export const deleteEntity = (services: Caller, kind: DeletableKind, key: string, etag: string) =>
  send<{ deleted: Record<'themes' | 'goals' | 'groups' | 'units', string[]> }>(services, 'DELETE', `/${kind}/${encodeURIComponent(key)}`, undefined, etag);

/** Why the server refused a delete (409), if it said. */
export function deletionBlock(error: unknown): DeletionBlock | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const v = error.current?.value as Partial<DeletionBlock> | undefined;
  return v && (v.reason === 'history' || v.reason === 'in-use') ? (v as DeletionBlock) : undefined;
}
