/**
 * Commands to the app server (`/api/*`, see docs/api.md). Every write the tab makes goes through
 * here with the API token; failures become one typed `ApiError` carrying the server's `fields`
 * (shown next to the form fields) and, on 412, the `current` version that won.
 */
import type { CheckIn, CheckInInput, Goal, Group, MeetingSession, MeetingStartInput, Plan, Review, ReviewInput, Role, Theme, Unit } from '../../domain';

export interface FieldIssue {
  path: string;
  /** English, for logs; the tab shows `code` in the user's language (i18n/issues.ts). */
  message: string;
  /** Stable `<field>.<reason>`, e.g. `indicatorValue.negative`. */
  code?: string;
}

export type ApiErrorCode = 'network' | 'invalid' | 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'stale' | 'throttled' | 'unavailable' | 'server';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    /** On 412: the version that won, `{ value, etag }`. */
    readonly current?: { value: unknown; etag: string },
    readonly retryAfterSeconds?: number,
    /** The server's own error code, for diagnostics. */
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth retrying as is (network, throttling, outage); invalid or forbidden requests are not. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

export function codeFor(status: number): ApiErrorCode {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';
  if (status === 429) return 'throttled';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'server';
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldIssue[]; current?: { value: unknown; etag: string } };
}

export interface Me {
  id: string;
  upn: string;
  name: string;
  roles: Role[];
  /** Keys of the groups I belong to (member or owner). */
  groups: string[];
  /** Server clock. */
  now: string;
}

export interface Saved<T> {
  value: T;
  etag: string;
}

export type EntityKind = 'plans' | 'themes' | 'goals' | 'groups' | 'units';
export interface EntityOfKind {
  plans: Plan;
  themes: Theme;
  goals: Goal;
  groups: Group;
  units: Unit;
}

export interface Api {
  me(): Promise<Me>;
  /** Idempotent by `submissionId`: a repeat returns the stored check-in with `created: false`. */
  submitCheckIn(input: CheckInInput): Promise<{ value: CheckIn; created: boolean }>;
  recordReview(input: ReviewInput): Promise<{ value: Review }>;
  /** Review meetings (docs/api.md): start (or start over), move with If-Match, end with If-Match. */
  startMeeting(input: MeetingStartInput): Promise<Saved<MeetingSession>>;
  moveMeeting(meetingId: string, goalKey: string, etag: string): Promise<Saved<MeetingSession>>;
  endMeeting(meetingId: string, etag: string): Promise<Saved<MeetingSession>>;
  markFollowUpDone(reviewKey: string): Promise<Saved<Review>>;
  /** The author corrects a note (its earlier wording stays) or withdraws it with a reason; nothing is deleted. */
  correctReview(reviewKey: string, text: string): Promise<Saved<Review>>;
  withdrawReview(reviewKey: string, reason: string): Promise<Saved<Review>>;
  /** Creates (no etag) or updates with If-Match (etag). */
  save<K extends EntityKind>(kind: K, key: string, value: EntityOfKind[K], etag?: string): Promise<Saved<EntityOfKind[K]> & { created: boolean }>;
}

export interface ApiOptions {
  /** The API root, e.g. `https://host/api`; routes are appended (`/me`, `/check-ins`). */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

export function createApi({ baseUrl, getToken, fetch: fetchImpl }: ApiOptions): Api {
  const doFetch = fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const root = baseUrl.replace(/\/$/, '');

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const token = await getToken();
    let res: Response;
    try {
      res = await doFetch(`${root}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : 'The server could not be reached');
    }
    const parsed = (await res.json().catch(() => undefined)) as unknown;
    if (!res.ok) {
      const err = (parsed as ErrorBody | undefined)?.error;
      const retryAfter = Number(res.headers.get('Retry-After'));
      throw new ApiError(
        res.status,
        codeFor(res.status),
        err?.message ?? `HTTP ${res.status}`,
        Array.isArray(err?.fields) ? err.fields : [],
        err?.current,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        err?.code,
      );
    }
    return { status: res.status, body: parsed as T };
  }

  return {
    me: async () => (await call<Me>('GET', '/me')).body,
    submitCheckIn: async (input) => (await call<{ value: CheckIn; created: boolean }>('POST', '/check-ins', input)).body,
    recordReview: async (input) => (await call<{ value: Review }>('POST', '/reviews', input)).body,
    startMeeting: async (input) => (await call<Saved<MeetingSession>>('POST', '/meetings', input)).body,
    moveMeeting: async (id, goalKey, etag) => (await call<Saved<MeetingSession>>('POST', `/meetings/${encodeURIComponent(id)}/move`, { goalKey }, { 'If-Match': etag })).body,
    endMeeting: async (id, etag) => (await call<Saved<MeetingSession>>('POST', `/meetings/${encodeURIComponent(id)}/end`, undefined, { 'If-Match': etag })).body,
    markFollowUpDone: async (key) => (await call<Saved<Review>>('POST', `/reviews/${encodeURIComponent(key)}/follow-up/done`)).body,
    correctReview: async (key, text) => (await call<Saved<Review>>('POST', `/reviews/${encodeURIComponent(key)}/correct`, { text })).body,
    withdrawReview: async (key, reason) => (await call<Saved<Review>>('POST', `/reviews/${encodeURIComponent(key)}/withdraw`, { reason })).body,
    async save(kind, key, value, etag) {
      const r = await call<Saved<never>>('PUT', `/${kind}/${encodeURIComponent(key)}`, value, etag ? { 'If-Match': etag } : {});
      return { ...r.body, created: r.status === 201 };
    },
  };
}

/** Server field issues by path, for showing next to the fields (`indicator.direction` → message). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) if (!(f.path in out)) out[f.path] = f.message;
  return out;
}
