/**
 * The Graph client every other file in `src/graph` talks through: graph-client 3.0.7 with an
 * explicit middleware chain
 *
 *   BearerAuth → RetryHandler (429/503/504, Retry-After) → ThresholdRefusalMarker → RoundTripCounter → fetch
 *
 * The counter counts round trips always (a few integers); bytes only with `measure: true`,
 * because counting a response without Content-Length means cloning and reading its body.
 *
 * Why our own auth middleware and not the library's AuthenticationHandler: that handler only adds
 * the token to URLs it recognises as Graph, and its check (`isGraphURL` / `isCustomHost`) only
 * matches `https://` URLs — `customHosts` cannot make it authenticate the local emulator on
 * `http://localhost:3978`, and it deletes an Authorization header we set ourselves. Ours attaches
 * the token to requests under `baseUrl` and nothing else, so tokens never leak to other hosts.
 * Why our own terminal handler: HTTPMessageHandler calls the global `fetch`; we need it injectable.
 *
 * Runs in Node and in the browser: no Node imports here.
 */
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  ResponseType,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { THRESHOLD_INNER_CODE, toDomainError } from './errors';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Retries after the first attempt (graph-client allows 0–10). Default 3. */
  maxRetries?: number;
  /** Delay when the response has no Retry-After (grows exponentially from the 2nd retry). Default 3. */
  delaySeconds?: number;
  /** Upper bound on any single wait, Retry-After included. Default 180 (graph-client's maximum). */
  maxDelaySeconds?: number;
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0/` in production, `http://localhost:3978/graph/v1.0/` locally. */
  baseUrl: string;
  /** A bearer token for Graph (app-only on the server, delegated in the tab). Called per request; cache inside. */
  getToken: () => Promise<string>;
  fetch?: FetchLike;
  retry?: RetryOptions;
  /** Count bytes sent and received in `stats()` (benchmarks, tests). Off in production: a body without Content-Length is cloned and read to count it. */
  measure?: boolean;
}

export interface GraphStats {
  /** HTTP round trips actually sent (each retry counts; a `$batch` counts once). */
  requests: number;
  /** Of those, how many were retries made by the RetryHandler. */
  retries: number;
  /** Responses with 429/503/504 (before retrying). */
  throttled: number;
  /** Request bodies, in bytes; 0 unless the client was created with `measure: true`. */
  bytesSent: number;
  /** Response bodies, in bytes; 0 unless the client was created with `measure: true`. */
  bytesReceived: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
}

export interface GraphClient {
  /** Normalised, always ends with `/`. */
  readonly baseUrl: string;
  /** Paths are relative to `baseUrl` (`/sites/…`) or absolute URLs under it (`@odata.nextLink`). */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  /** A body of bytes (a file's content for the drive API), sent as is with the Content-Type given in `options.headers`. */
  put<T = unknown>(path: string, body: Uint8Array, options?: RequestOptions): Promise<T>;
  /** A body read as bytes (a file's content from the drive API; Graph's 302 to the download URL is followed). */
  getBytes(path: string, options?: RequestOptions): Promise<Uint8Array>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  stats(): GraphStats;
  resetStats(): void;
  /** Retry settings, reused by `$batch` for requests throttled inside a batch. */
  readonly retry: Required<RetryOptions>;
}

/** RetryHandlerOptions whose cap on a single wait is configurable (the library hard-codes 180 s). */
class BoundedRetryOptions extends RetryHandlerOptions {
  constructor(
    delay: number,
    maxRetries: number,
    private readonly maxDelay: number,
  ) {
    // A list-view-threshold refusal is a 429 too, but a permanent one (ThresholdRefusalMarker).
    super(delay, maxRetries, (_d, _a, _req, _opts, response) => !response.headers.has(REFUSAL_HEADER));
  }
  override getMaxDelay(): number {
    return this.maxDelay;
  }
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const h = options.headers;
  if (typeof Headers !== 'undefined' && h instanceof Headers) h.set(name, value);
  else if (Array.isArray(h)) {
    const row = h.find((r) => r[0]?.toLowerCase() === name.toLowerCase());
    if (row) row[1] = value;
    else h.push([name, value]);
  } else options.headers = { ...(h as Record<string, string> | undefined), [name]: value };
}

function getHeader(context: Context, name: string): string | undefined {
  const h = context.options?.headers;
  if (!h) return undefined;
  if (typeof Headers !== 'undefined' && h instanceof Headers) return h.get(name) ?? undefined;
  if (Array.isArray(h)) return h.find((r) => r[0]?.toLowerCase() === name.toLowerCase())?.[1];
  const bag = h as Record<string, string>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : bag[key];
}

const urlOf = (context: Context): string =>
  typeof context.request === 'string' ? context.request : (context.request as Request).url;

class BearerAuth implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly origin: string,
    private readonly getToken: () => Promise<string>,
  ) {}
  async execute(context: Context): Promise<void> {
    if (urlOf(context).toLowerCase().startsWith(this.origin)) {
      setHeader(context, 'Authorization', `Bearer ${await this.getToken()}`);
    }
    return this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

const encoder = new TextEncoder();

class RoundTripCounter implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly s: GraphStats,
    private readonly measureBytes: boolean,
  ) {}
  async execute(context: Context): Promise<void> {
    this.s.requests++;
    if (getHeader(context, 'Retry-Attempt') !== undefined) this.s.retries++;
    const body = context.options?.body;
    if (this.measureBytes && typeof body === 'string') this.s.bytesSent += encoder.encode(body).byteLength;
    await this.next.execute(context);
    const res = context.response;
    if (!res) return;
    if (res.status === 429 || res.status === 503 || res.status === 504) this.s.throttled++;
    if (!this.measureBytes) return;
    const length = Number(res.headers.get('Content-Length'));
    if (Number.isFinite(length) && length > 0) this.s.bytesReceived += length;
    else if (res.body) this.s.bytesReceived += (await res.clone().arrayBuffer()).byteLength;
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Set on a response by ThresholdRefusalMarker; never sent anywhere. */
const REFUSAL_HEADER = 'x-tavoitteet-threshold-refusal';

/**
 * SharePoint answers a query over the list view threshold with 429 `tooManyResources`
 * (docs/decisions/0008), which RetryHandler would retry for nothing: the list does not get smaller.
 * Such a 429 (it carries no Retry-After) is marked here so the retry policy lets it through.
 */
class ThresholdRefusalMarker implements Middleware {
  private next!: Middleware;
  async execute(context: Context): Promise<void> {
    await this.next.execute(context);
    const res = context.response;
    if (!res || res.status !== 429 || res.headers.has('Retry-After')) return;
    const text = await res.clone().text();
    if (!text.includes(`"${THRESHOLD_INNER_CODE}"`)) return;
    const headers = new Headers(res.headers);
    headers.set(REFUSAL_HEADER, THRESHOLD_INNER_CODE);
    context.response = new Response(text, { status: res.status, statusText: res.statusText, headers });
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** HTTPMessageHandler with the fetch implementation injected (tests, emulator, browser). */
class FetchHandler extends HTTPMessageHandler {
  constructor(private readonly fetchImpl: FetchLike) {
    super();
  }
  override async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options as RequestInit);
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const parsed = new URL(baseUrl);
  const origin = `${parsed.protocol}//${parsed.host}/`.toLowerCase();
  const retry: Required<RetryOptions> = {
    maxRetries: options.retry?.maxRetries ?? 3,
    delaySeconds: options.retry?.delaySeconds ?? 3,
    maxDelaySeconds: options.retry?.maxDelaySeconds ?? 180,
  };
  const stats: GraphStats = { requests: 0, retries: 0, throttled: 0, bytesSent: 0, bytesReceived: 0 };
  // Bind fetch: calling the browser's fetch as a method of another object throws "Illegal invocation".
  const f = options.fetch;
  const fetchImpl: FetchLike = f ? (input, init) => f(input, init) : (input, init) => globalThis.fetch(input, init);

  const sdk = Client.initWithMiddleware({
    // The full base (host + version) goes in baseUrl, so a relative path is simply appended.
    baseUrl: baseUrl.replace(/\/$/, ''),
    defaultVersion: '',
    middleware: [
      new BearerAuth(origin, options.getToken),
      new RetryHandler(new BoundedRetryOptions(retry.delaySeconds, retry.maxRetries, retry.maxDelaySeconds)),
      new ThresholdRefusalMarker(),
      new RoundTripCounter(stats, options.measure === true),
      new FetchHandler(fetchImpl),
    ],
  });

  /**
   * graph-client only strips `https://host/version/` from absolute URLs, so an emulator nextLink
   * (`http://…/graph/v1.0/…`) would be mangled: we make every URL relative to baseUrl first.
   */
  const relative = (path: string): string => {
    if (/^https?:\/\//i.test(path)) {
      if (!path.toLowerCase().startsWith(baseUrl.toLowerCase())) {
        throw new Error(`Refusing to call ${path}: it is not under the Graph base URL ${baseUrl}`);
      }
      return `/${path.slice(baseUrl.length)}`;
    }
    return path.startsWith('/') ? path : `/${path}`;
  };

  const call = async <T>(path: string, run: (r: ReturnType<Client['api']>) => Promise<T>, o?: RequestOptions): Promise<T> => {
    const req = sdk.api(relative(path));
    if (o?.headers) req.headers(o.headers);
    try {
      return await run(req);
    } catch (e) {
      throw toDomainError(e, `${path.split('?')[0]}`);
    }
  };

  return {
    baseUrl,
    retry,
    get: (path, o) => call(path, (r) => r.get(), o),
    post: (path, body, o) => call(path, (r) => r.post(body), o),
    patch: (path, body, o) => call(path, (r) => r.patch(body), o),
    // graph-client passes a Buffer through untouched (a bare Uint8Array it would re-read from its whole backing buffer).
    put: (path, body, o) => call(path, (r) => r.put(Buffer.from(body.buffer, body.byteOffset, body.byteLength)), o),
    getBytes: (path, o) => call(path, async (r) => new Uint8Array((await r.responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer), o),
    delete: async (path, o) => {
      await call(path, (r) => r.delete(), o);
    },
    stats: () => ({ ...stats }),
    resetStats: () => {
      stats.requests = stats.retries = stats.throttled = stats.bytesSent = stats.bytesReceived = 0;
    },
  };
}

/** Builds a query string Graph reads literally: OData names keep their `$`, values are encoded. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
