/**
 * Local SharePoint-lists Graph emulator. Mount `router` at `/graph/v1.0` (or call it in-process
 * through `fetchAt`); the Graph adapter then talks to it exactly as to
 * https://graph.microsoft.com/v1.0. Start reading at `dispatch.ts`.
 */
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import { runBatch, seededRandom, type InnerRequest } from './batch.js';
import type { Caller, EmuRequest, EmuResponse, Env } from './context.js';
import { Store } from './db.js';
import { dispatch } from './dispatch.js';
import { errorBody, GraphError, newRequestId } from './errors.js';
import { pickFault, type FaultConfig } from './faults.js';
import { createResourceBudget } from './resource-units.js';
import { siteIdOf } from './sites.js';
import { SIMPLE_UPLOAD_MAX } from './drive.js';
import { DEFAULT_LIST_VIEW_THRESHOLD } from './threshold.js';

export type { FaultConfig } from './faults.js';
export type { Caller } from './context.js';

export interface EmulatorOptions {
  /** SQLite file (better-sqlite3), or ':memory:'. */
  dbPath: string;
  /** Verifies the Authorization header. Returns who called; throwing or null → 401. */
  authenticate: (authorizationHeader: string | undefined) => Promise<Caller | null>;
  faults?: FaultConfig;
  /** Source of randomness for fault injection (seed it in tests). */
  random?: () => number;
  /** Server page size for list items and delta when no $top is given. Default 200. */
  pageSize?: number;
  /** Clock for timestamps (tests). */
  now?: () => Date;
  /** SharePoint's list view threshold (threshold.ts). Default 5,000 as in SharePoint Online; tests lower it. */
  listViewThreshold?: number;
  /** Seed of the order a $batch's independent requests run and answer in (batch.ts). Default 1. */
  batchSeed?: number;
  /**
   * SharePoint's application throttling: resource units the app may spend per minute
   * (resource-units.ts); over it, 429 with Retry-After. Off when not given (tests and `npm start`
   * would only slow down); load tests and the bench turn it on.
   */
  resourceUnitsPerMinute?: number;
}

export interface EmulatorStats {
  /** HTTP round trips (a $batch is one). */
  requests: number;
  /** Injected faults, on round trips and on requests inside batches. */
  faults: number;
  /** Round trips by HTTP method. */
  byMethod: Record<string, number>;
  /** Requests carried inside $batch round trips. */
  batchedRequests: number;
  /** Requests refused with 429 because the resource-unit budget was spent (not injected faults). */
  throttled: number;
}

/** The Fetch API's `fetch`, answered by the emulator itself. */
export type EmulatorFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Emulator {
  router: express.Router;
  /**
   * The same Graph without a socket: a `fetch` that answers requests under `mountUrl` (e.g.
   * `http://localhost:3978/graph/v1.0`) in-process, exactly as `router` mounted there would. The
   * app server's own Graph client uses it in local mode; the browser still goes through `router`.
   */
  fetchAt(mountUrl: string): EmulatorFetch;
  setFaults(f: FaultConfig | null): void;
  stats(): EmulatorStats;
  resetStats(): void;
  siteId: string;
  close(): void;
}

/** A drive simple upload (`PUT …/content`): its body is the file's bytes, not JSON. */
const isContentUpload = (method: string, path: string): boolean => method === 'PUT' && /\/drive\/.*\/content$/.test(path);

/** Graph's limit on a request body. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const UNREADABLE_JSON = 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

export function createEmulator(opts: EmulatorOptions): Emulator {
  const store = new Store(opts.dbPath);
  const env: Env = {
    store, now: opts.now ?? (() => new Date()), pageSize: opts.pageSize ?? 200,
    listViewThreshold: opts.listViewThreshold ?? DEFAULT_LIST_VIEW_THRESHOLD, random: seededRandom(opts.batchSeed ?? 1),
  };
  const random = opts.random ?? Math.random;
  let faults: FaultConfig | null = opts.faults ?? null;
  const fresh = (): EmulatorStats => ({ requests: 0, faults: 0, byMethod: {}, batchedRequests: 0, throttled: 0 });
  const budget = opts.resourceUnitsPerMinute ? createResourceBudget(opts.resourceUnitsPerMinute) : undefined;
  /** Runs a request against the resource-unit budget, if there is one: refused, or answered with its headers. */
  const charged = (req: EmuRequest, clientRequestId: string, run: () => EmuResponse): EmuResponse => {
    const c = budget?.charge(req);
    if (!c) return run();
    if ('refused' in c) {
      stats.throttled++;
      return errorResponse(c.refused, clientRequestId);
    }
    const out = run();
    return Object.keys(c.headers).length ? { ...out, headers: { ...out.headers, ...c.headers } } : out;
  };
  let stats = fresh();

  const errorResponse = (err: unknown, clientRequestId: string): EmuResponse => {
    const ids = { requestId: newRequestId(), clientRequestId };
    if (err instanceof GraphError) {
      return {
        status: err.status,
        headers: { ...err.headers },
        body: errorBody(err.code, err.message, ids, env.now(), err.innerCode),
      };
    }
    console.error('[graph-emulator] unexpected failure', err);
    return { status: 500, headers: {}, body: errorBody('generalException', 'An unexpected error occurred in the emulator.', ids, env.now()) };
  };

  /** Fault decision first, then the handler; used for plain requests and for each request in a batch. */
  const execute = (req: EmuRequest, clientRequestId: string): EmuResponse => {
    const fault = pickFault(faults, random);
    if (fault) {
      stats.faults++;
      return errorResponse(fault, clientRequestId);
    }
    return charged(req, clientRequestId, () => {
      try {
        return dispatch(env, req);
      } catch (err) {
        return errorResponse(err, clientRequestId);
      }
    });
  };

  /** One round trip as the emulator sees it, from express or from an in-process fetch. */
  interface RoundTrip {
    method: string;
    /** Path below the mount point, e.g. `/sites/root/lists`. */
    path: string;
    /** The query string without `?`. */
    rawQuery: string;
    /** Lower-cased header names. */
    headers: Record<string, string | undefined>;
    /** The parsed JSON body, or `unreadable` when it was not JSON. */
    body: unknown;
    unreadableBody?: boolean;
    /** e.g. `http://127.0.0.1:3978/graph/v1.0`: where nextLink/deltaLink point. */
    serviceRoot: string;
    /** The path the emulator is mounted at, e.g. `/graph/v1.0` (batch urls may carry it). */
    mountPath: string;
  }

  const serve = async (rt: RoundTrip): Promise<{ out: EmuResponse; clientRequestId: string }> => {
    stats.requests++;
    stats.byMethod[rt.method] = (stats.byMethod[rt.method] ?? 0) + 1;
    const clientRequestId = rt.headers['client-request-id'] ?? newRequestId();
    const answer = (out: EmuResponse) => ({ out, clientRequestId });
    const fault = pickFault(faults, random);
    if (fault) {
      stats.faults++;
      return answer(errorResponse(fault, clientRequestId));
    }
    const authorization = rt.headers.authorization;
    let caller: Caller | null = null;
    try {
      caller = await opts.authenticate(authorization);
    } catch {
      caller = null;
    }
    if (!caller) {
      const message = authorization ? 'Access token validation failure.' : 'Access token is empty.';
      return answer(errorResponse(new GraphError(401, 'InvalidAuthenticationToken', message), clientRequestId));
    }
    if (rt.unreadableBody) {
      return answer(errorResponse(new GraphError(400, 'BadRequest', UNREADABLE_JSON), clientRequestId));
    }
    const { serviceRoot, path } = rt;
    const base: EmuRequest = {
      method: rt.method,
      path,
      query: new URLSearchParams(rt.rawQuery),
      headers: rt.headers,
      body: rt.body,
      serviceRoot,
      caller,
    };

    if (path === '/$batch' || path === '/%24batch') {
      if (rt.method !== 'POST') return answer(errorResponse(new GraphError(405, 'BadRequest', 'Only POST is allowed on $batch.'), clientRequestId));
      try {
        return answer(
          runBatch(
            base,
            (inner: InnerRequest) => {
              stats.batchedRequests++;
              const r = execute({ ...inner, serviceRoot, caller, batched: true }, clientRequestId);
              return r.body === undefined ? r : { ...r, headers: { 'Content-Type': JSON_TYPE, ...r.headers } };
            },
            (id, dep) => ({
              status: 424,
              headers: { 'Content-Type': JSON_TYPE },
              body: errorBody('failedDependency', `Request '${id}' was not run because the request '${dep}' it depends on failed.`,
                { requestId: newRequestId(), clientRequestId }, env.now()),
            }),
            [...new Set([rt.mountPath, '/v1.0'].filter(Boolean))],
            env.random,
          ),
        );
      } catch (err) {
        return answer(errorResponse(err, clientRequestId));
      }
    }
    return answer(
      charged(base, clientRequestId, () => {
        try {
          return dispatch(env, base);
        } catch (err) {
          return errorResponse(err, clientRequestId);
        }
      }),
    );
  };

  const responseHeaders = (out: EmuResponse, clientRequestId: string): Record<string, string> => ({
    'request-id': newRequestId(),
    'client-request-id': clientRequestId,
    ...out.headers,
    ...(out.body === undefined || out.raw ? {} : { 'Content-Type': JSON_TYPE }),
  });

  const send = (res: ExpressResponse, out: EmuResponse, clientRequestId: string): void => {
    res.status(out.status);
    for (const [k, v] of Object.entries(responseHeaders(out, clientRequestId))) res.setHeader(k, v);
    res.end(out.raw ? Buffer.from(out.raw) : out.body === undefined ? undefined : JSON.stringify(out.body));
  };

  const handle = async (req: ExpressRequest, res: ExpressResponse): Promise<void> => {
    const raw = req.originalUrl;
    const q = raw.indexOf('?');
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const { out, clientRequestId } = await serve({
      method: req.method,
      path: req.path,
      rawQuery: q < 0 ? '' : raw.slice(q + 1),
      headers,
      body: req.body,
      serviceRoot: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`,
      mountPath: req.baseUrl,
    });
    send(res, out, clientRequestId);
  };

  const router = express.Router();
  // A file's content (drive simple upload) arrives as bytes, up to simple upload's own limit.
  router.use(express.raw({ type: (req) => isContentUpload(req.method ?? '', new URL(req.url ?? '/', 'http://x').pathname), limit: SIMPLE_UPLOAD_MAX }));
  // Graph refuses request bodies over 4 MB; so does the emulator (a 413, never a 500).
  router.use(express.json({ limit: MAX_BODY_BYTES }));
  router.use((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    handle(req, res).catch(next);
  });
  // Unreadable JSON bodies (and anything unexpected) still answer with Graph's error shape.
  router.use((err: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    const clientRequestId = req.get('client-request-id') ?? newRequestId();
    const type = typeof err === 'object' && err !== null ? (err as { type?: string }).type : undefined;
    const status = typeof err === 'object' && err !== null ? (err as { status?: number }).status : undefined;
    // body-parser's own refusals (too large, charset, encoding) keep their 4xx status.
    const graphErr =
      type === 'entity.parse.failed'
        ? new GraphError(400, 'BadRequest', UNREADABLE_JSON)
        : type === 'entity.too.large'
          ? new GraphError(413, 'RequestEntityTooLarge', isContentUpload(req.method, req.path) ? 'The file is larger than simple upload allows (250 MB).' : 'The request body is larger than 4 MB.')
          : typeof status === 'number' && status >= 400 && status < 500
            ? new GraphError(status, status === 415 ? 'UnsupportedMediaType' : 'BadRequest', 'The request body could not be read.')
            : err;
    send(res, errorResponse(graphErr, clientRequestId), clientRequestId);
  });

  const fetchAt = (mountUrl: string): EmulatorFetch => {
    const root = new URL(mountUrl.replace(/\/+$/, ''));
    const serviceRoot = `${root.origin}${root.pathname}`;
    return async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.origin !== root.origin || (url.pathname !== root.pathname && !url.pathname.startsWith(`${root.pathname}/`))) {
        throw new TypeError(`The in-process emulator serves ${serviceRoot}, not ${request.url}`);
      }
      const headers: Record<string, string | undefined> = {};
      request.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      const path = url.pathname.slice(root.pathname.length) || '/';
      if (isContentUpload(request.method, path)) {
        const { out, clientRequestId } = await serve({
          method: request.method,
          path,
          rawQuery: url.search.replace(/^\?/, ''),
          headers,
          body: new Uint8Array(await request.arrayBuffer()),
          serviceRoot,
          mountPath: root.pathname,
        });
        return toResponse(out, clientRequestId);
      }
      const text = await request.text();
      let body: unknown = undefined;
      let unreadableBody = false;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          unreadableBody = true;
        }
      }
      const { out, clientRequestId } = await serve({
        method: request.method,
        path: url.pathname.slice(root.pathname.length) || '/',
        rawQuery: url.search.replace(/^\?/, ''),
        headers,
        body,
        unreadableBody,
        serviceRoot,
        mountPath: root.pathname,
      });
      return toResponse(out, clientRequestId);
    };
  };

  const toResponse = (out: EmuResponse, clientRequestId: string): Response =>
    new Response(out.raw ? (out.raw as Uint8Array<ArrayBuffer>) : out.body === undefined ? null : JSON.stringify(out.body), { status: out.status, headers: responseHeaders(out, clientRequestId) });

  return {
    router,
    fetchAt,
    setFaults(f) {
      faults = f;
    },
    stats: () => ({ ...stats, byMethod: { ...stats.byMethod } }),
    resetStats() {
      stats = fresh();
    },
    siteId: siteIdOf(env),
    close: () => store.close(),
  };
}
