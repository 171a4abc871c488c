/**
 * Local SharePoint-lists Graph emulator. Mount `router` at `/graph/v1.0`; the Graph adapter then
 * talks to it exactly as to https://graph.microsoft.com/v1.0. Start reading at `dispatch.ts`.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { runBatch, type InnerRequest } from './batch.js';
import type { Caller, EmuRequest, EmuResponse, Env } from './context.js';
import { Store } from './db.js';
import { dispatch } from './dispatch.js';
import { errorBody, GraphError, newRequestId } from './errors.js';
import { pickFault, type FaultConfig } from './faults.js';
import { siteIdOf } from './sites.js';

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
}

export interface Emulator {
  router: express.Router;
  setFaults(f: FaultConfig | null): void;
  stats(): EmulatorStats;
  resetStats(): void;
  siteId: string;
  close(): void;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function createEmulator(opts: EmulatorOptions): Emulator {
  const store = new Store(opts.dbPath);
  const env: Env = { store, now: opts.now ?? (() => new Date()), pageSize: opts.pageSize ?? 200 };
  const random = opts.random ?? Math.random;
  let faults: FaultConfig | null = opts.faults ?? null;
  const fresh = (): EmulatorStats => ({ requests: 0, faults: 0, byMethod: {}, batchedRequests: 0 });
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
    try {
      return dispatch(env, req);
    } catch (err) {
      return errorResponse(err, clientRequestId);
    }
  };

  const send = (res: Response, out: EmuResponse, clientRequestId: string): void => {
    res.status(out.status);
    res.setHeader('request-id', newRequestId());
    res.setHeader('client-request-id', clientRequestId);
    for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
    if (out.body === undefined) {
      res.end();
      return;
    }
    res.setHeader('Content-Type', JSON_TYPE);
    res.end(JSON.stringify(out.body));
  };

  const handle = async (req: Request, res: Response): Promise<void> => {
    stats.requests++;
    stats.byMethod[req.method] = (stats.byMethod[req.method] ?? 0) + 1;
    const clientRequestId = req.get('client-request-id') ?? newRequestId();
    const fault = pickFault(faults, random);
    if (fault) {
      stats.faults++;
      send(res, errorResponse(fault, clientRequestId), clientRequestId);
      return;
    }
    const authorization = req.get('authorization');
    let caller: Caller | null = null;
    try {
      caller = await opts.authenticate(authorization);
    } catch {
      caller = null;
    }
    if (!caller) {
      const message = authorization ? 'Access token validation failure.' : 'Access token is empty.';
      send(res, errorResponse(new GraphError(401, 'InvalidAuthenticationToken', message), clientRequestId), clientRequestId);
      return;
    }
    const raw = req.originalUrl;
    const q = raw.indexOf('?');
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const serviceRoot = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
    const path = req.path;
    const base: EmuRequest = {
      method: req.method,
      path,
      query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
      headers,
      body: req.body,
      serviceRoot,
      caller,
    };

    if (path === '/$batch' || path === '/%24batch') {
      if (req.method !== 'POST') {
        send(res, errorResponse(new GraphError(405, 'BadRequest', 'Only POST is allowed on $batch.'), clientRequestId), clientRequestId);
        return;
      }
      let out: EmuResponse;
      try {
        out = runBatch(
          base,
          (inner: InnerRequest) => {
            stats.batchedRequests++;
            const r = execute({ ...inner, serviceRoot, caller }, clientRequestId);
            return r.body === undefined ? r : { ...r, headers: { 'Content-Type': JSON_TYPE, ...r.headers } };
          },
          (id, dep) => ({
            status: 424,
            headers: { 'Content-Type': JSON_TYPE },
            body: errorBody('failedDependency', `Request '${id}' was not run because the request '${dep}' it depends on failed.`,
              { requestId: newRequestId(), clientRequestId }, env.now()),
          }),
          [...new Set([req.baseUrl, '/v1.0'].filter(Boolean))],
        );
      } catch (err) {
        out = errorResponse(err, clientRequestId);
      }
      send(res, out, clientRequestId);
      return;
    }
    let out: EmuResponse;
    try {
      out = dispatch(env, base);
    } catch (err) {
      out = errorResponse(err, clientRequestId);
    }
    send(res, out, clientRequestId);
  };

  const router = express.Router();
  router.use(express.json({ limit: '20mb' }));
  router.use((req: Request, res: Response, next: NextFunction) => {
    handle(req, res).catch(next);
  });
  // Unreadable JSON bodies (and anything unexpected) still answer with Graph's error shape.
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const clientRequestId = req.get('client-request-id') ?? newRequestId();
    const parseError = typeof err === 'object' && err !== null && (err as { type?: string }).type === 'entity.parse.failed';
    const graphErr = parseError
      ? new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.')
      : err;
    send(res, errorResponse(graphErr, clientRequestId), clientRequestId);
  });

  return {
    router,
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
