/**
 * JSON batching: at most 20 requests. Graph promises no order among a batch's independent requests
 * nor among its responses, only that `dependsOn` is honoured; so the emulator runs the ready
 * requests in a random order and answers in another (seeded: `batchSeed`), and code that relies on
 * array order fails here instead of in a municipality. A request whose dependency failed gets 424
 * without running.
 */
import { z } from 'zod';
import type { EmuRequest, EmuResponse } from './context.js';
import { GraphError, invalidRequest } from './errors.js';

const batchBody = z.object({
  requests: z.array(z.object({
    id: z.string().min(1),
    method: z.string(),
    url: z.string().min(1),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    dependsOn: z.array(z.string()).optional(),
  }).passthrough()),
});

export const MAX_BATCH = 20;

export interface InnerRequest { method: string; path: string; query: URLSearchParams; headers: Record<string, string | undefined>; body: unknown }

export interface BatchResponseEntry { id: string; status: number; headers: Record<string, string>; body?: unknown }

/** `run` executes one inner request (fault injection, auth rules, dispatch) and never throws. */
export function runBatch(
  req: EmuRequest,
  run: (inner: InnerRequest) => EmuResponse,
  failedDependency: (id: string, dep: string) => EmuResponse,
  /** Version prefixes the Graph SDK leaves on inner urls ("/v1.0/sites/…" from https://graph.microsoft.com/v1.0/…). */
  versionPrefixes: string[] = ['/v1.0'],
  /** Picks among the requests ready to run, and shuffles the responses. */
  random: () => number = Math.random,
): EmuResponse {
  const parsed = batchBody.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphError(400, 'BadRequest', `Invalid batch payload: ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
  }
  const requests = parsed.data.requests;
  if (requests.length === 0) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (requests.length > MAX_BATCH) {
    throw new GraphError(400, 'BadRequest', `Too many requests in the batch: ${requests.length}; the limit is ${MAX_BATCH}.`);
  }
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw new GraphError(400, 'BadRequest', `Duplicate request id '${r.id}' in the batch.`);
    ids.add(r.id);
  }
  for (const r of requests) {
    for (const dep of r.dependsOn ?? []) {
      if (!ids.has(dep)) throw new GraphError(400, 'BadRequest', `Request '${r.id}' depends on the unknown request '${dep}'.`);
    }
    const method = r.method.toUpperCase();
    if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) {
      throw new GraphError(400, 'BadRequest', `Invalid method '${r.method}' in request '${r.id}'.`);
    }
    const contentType = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    if (['POST', 'PATCH', 'PUT'].includes(method) && (r.body === undefined || !contentType)) {
      throw new GraphError(400, 'BadRequest', `Write request id : ${r.id} does not contain Content-Type header or body.`);
    }
    if (/^[a-z]+:\/\//i.test(r.url)) throw new GraphError(400, 'BadRequest', `Request '${r.id}' must use a relative url.`);
  }

  // A random topological order: any request whose dependencies have run may go next.
  const order: typeof requests = [];
  const placed = new Set<string>();
  while (order.length < requests.length) {
    const ready = requests.filter((r) => !placed.has(r.id) && (r.dependsOn ?? []).every((d) => placed.has(d)));
    if (ready.length === 0) throw new GraphError(400, 'BadRequest', 'The dependsOn graph of the batch has a cycle.');
    const next = ready[Math.min(ready.length - 1, Math.floor(random() * ready.length))]!;
    order.push(next);
    placed.add(next.id);
  }

  const results = new Map<string, BatchResponseEntry>();
  for (const r of order) {
    const failed = (r.dependsOn ?? []).find((d) => (results.get(d)?.status ?? 0) >= 400);
    let res: EmuResponse;
    if (failed !== undefined) res = failedDependency(r.id, failed);
    else {
      let url = r.url.startsWith('/') ? r.url : `/${r.url}`;
      const prefix = versionPrefixes.find((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));
      if (prefix) url = url.slice(prefix.length) || '/';
      const q = url.indexOf('?');
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
      let body = r.body;
      if (typeof body === 'string' && /json/i.test(headers['content-type'] ?? '')) {
        try { body = JSON.parse(body); } catch { throw invalidRequest(`The body of request '${r.id}' is not valid JSON.`); }
      }
      res = run({
        method: r.method.toUpperCase(),
        path: q < 0 ? url : url.slice(0, q),
        query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
        headers,
        body,
      });
    }
    results.set(r.id, { id: r.id, status: res.status, headers: res.headers, ...(res.body !== undefined ? { body: res.body } : {}) });
  }
  return { status: 200, headers: {}, body: { responses: shuffled([...results.values()], random) } };
}

/** Fisher–Yates. */
function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A small seeded generator (mulberry32), so a shuffled batch is the same on every run of a test. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
