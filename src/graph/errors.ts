/**
 * The one place where Microsoft Graph failures become domain errors. Everything in `src/graph`
 * funnels HTTP failures (from the graph-client's `GraphError`, or from a response inside a JSON
 * `$batch`) through here, so the server and the bot only ever see `src/domain/errors.ts` types.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { Conflict, DomainError, Forbidden, Invalid, NotFound, Throttled, Unavailable } from '../domain';

/** What the failed Graph call said, kept on the domain error as `cause` for logs and for status checks. */
export interface GraphFailure {
  status: number;
  code?: string;
  /** Graph's more specific code inside `innerError` (e.g. `tooManyResources`). */
  innerCode?: string;
  message: string;
  requestId?: string;
}

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: { code?: string; 'request-id'?: string } };
}

type HeaderBag = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const bag = headers as Record<string, string | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : bag[key];
}

/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(headers: HeaderBag, now = Date.now()): number | undefined {
  const raw = header(headers, 'Retry-After');
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Graph's answer when a list query exceeds the list view threshold; waiting does not help, so it is never retried. */
export const THRESHOLD_INNER_CODE = 'tooManyResources';
const isThresholdRefusal = (f: GraphFailure): boolean => f.status === 429 && f.innerCode === THRESHOLD_INNER_CODE;

/** Maps an HTTP status + Graph error body to a domain error. `what` names the resource for the message. */
export function errorFromResponse(status: number, body: unknown, headers?: HeaderBag, what = 'Graph request'): DomainError {
  const err = (body as GraphErrorBody | undefined)?.error;
  const failure: GraphFailure = {
    status,
    message: err?.message ?? `HTTP ${status}`,
    ...(err?.code ? { code: err.code } : {}),
    ...(err?.innerError?.code ? { innerCode: err.innerError.code } : {}),
    ...(err?.innerError?.['request-id'] ? { requestId: err.innerError['request-id'] } : {}),
  };
  return withCause(domainErrorFor(failure, headers, what), failure);
}

function domainErrorFor(f: GraphFailure, headers: HeaderBag, what: string): DomainError {
  const text = `${what}: ${f.message}${f.code ? ` (${f.code})` : ''}`;
  const s = f.status;
  if (s === 404 || s === 410) return new NotFound(text);
  // 412: the If-Match eTag is not the item's current one. 409: a unique column already holds the value.
  if (s === 412) return new Conflict('stale', text);
  if (s === 409) return new Conflict('duplicate', text);
  if (s === 401 || s === 403) return new Forbidden(text);
  // SharePoint's list view threshold (docs/decisions/0008): a refusal of the query, not a throttle.
  if (isThresholdRefusal(f)) {
    return new Invalid(`${what}: the query exceeds SharePoint's list view threshold (its first indexed condition matches more than 5,000 items)`);
  }
  if (s === 429) return new Throttled(text, retryAfterSeconds(headers));
  if (s >= 500 || s <= 0) return new Unavailable(text);
  // 400 and the other 4xx (405, 413, 424, …): the request itself was wrong.
  return new Invalid(text);
}

function withCause<E extends Error>(e: E, failure: GraphFailure): E {
  Object.defineProperty(e, 'cause', { value: failure, enumerable: false, configurable: true, writable: true });
  return e;
}

/**
 * Turns anything a graph-client call threw into a domain error. Programming errors (TypeError
 * from our own code, domain errors already mapped) pass through unchanged.
 */
export function toDomainError(e: unknown, what = 'Graph request'): unknown {
  if (e instanceof DomainError) return e;
  if (e instanceof GraphError || isGraphErrorLike(e)) {
    const g = e as GraphError;
    let body: unknown;
    try {
      body = typeof g.body === 'string' ? { error: JSON.parse(g.body) } : undefined;
    } catch {
      body = undefined;
    }
    const status = typeof g.statusCode === 'number' ? g.statusCode : -1;
    const parsed = (body as GraphErrorBody | undefined)?.error;
    const failure: GraphFailure = {
      status,
      message: parsed?.message ?? g.message ?? `HTTP ${status}`,
      ...((parsed?.code ?? g.code) ? { code: (parsed?.code ?? g.code) as string } : {}),
      ...(parsed?.innerError?.code ? { innerCode: parsed.innerError.code } : {}),
      ...(g.requestId ? { requestId: g.requestId } : {}),
    };
    // statusCode -1: the request never got an HTTP answer (network down, DNS, CORS).
    return withCause(domainErrorFor(failure, g.headers as HeaderBag, what), failure);
  }
  return e;
}

function isGraphErrorLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'statusCode' in e && 'code' in e && 'body' in e;
}

/** The HTTP status behind a mapped domain error, if it came from Graph. */
export function statusOf(e: unknown): number | undefined {
  const cause = (e as { cause?: unknown } | undefined)?.cause as GraphFailure | undefined;
  return typeof cause?.status === 'number' ? cause.status : undefined;
}

/** The Graph error code behind a mapped domain error, e.g. `resyncRequired`, `nameAlreadyExists`. */
export function graphCodeOf(e: unknown): string | undefined {
  return ((e as { cause?: unknown } | undefined)?.cause as GraphFailure | undefined)?.code;
}
