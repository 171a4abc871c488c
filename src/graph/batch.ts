/**
 * JSON `$batch` (max 20 requests per batch). The RetryHandler only sees the outer POST, so a
 * request throttled *inside* a batch (its own 429/503/504 with Retry-After) is retried here: we
 * wait for the longest Retry-After among them and send just those again, up to the client's
 * `maxRetries`. Failures after that are mapped to domain errors by `errors.ts`, per request.
 */
import type { GraphClient } from './client';
import { errorFromResponse, retryAfterSeconds, THRESHOLD_INNER_CODE } from './errors';

const MAX_BATCH = 20;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. `/sites/{id}/lists/{id}/items?…`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface BatchBody {
  responses: BatchResponse[];
}

const RETRYABLE = new Set([429, 503, 504]);

/** A list-view-threshold refusal (docs/decisions/0008) is a 429 that no wait cures. */
const isThresholdRefusal = (r: BatchResponse): boolean =>
  (r.body as { error?: { innerError?: { code?: string } } } | undefined)?.error?.innerError?.code === THRESHOLD_INNER_CODE;

const sleep = (seconds: number) => new Promise<void>((r) => setTimeout(r, seconds * 1000));

/**
 * Sends requests in batches of at most 20 and returns one response per request id, retrying the
 * inner requests Graph throttled. Responses are raw: use `unwrap` to get a body or a domain error.
 */
export async function executeBatch(client: GraphClient, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
  const out = new Map<string, BatchResponse>();
  for (let i = 0; i < requests.length; i += MAX_BATCH) {
    let pending = requests.slice(i, i + MAX_BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const res = await client.post<BatchBody>('/$batch', { requests: pending });
      const throttled: BatchRequest[] = [];
      let wait = 0;
      for (const r of res.responses) {
        const req = pending.find((p) => p.id === r.id);
        if (req && RETRYABLE.has(r.status) && !isThresholdRefusal(r) && attempt < client.retry.maxRetries) {
          throttled.push(req);
          const after = retryAfterSeconds(r.headers);
          wait = Math.max(wait, after ?? client.retry.delaySeconds * 2 ** attempt);
        } else out.set(r.id, r);
      }
      // A dependent of a throttled request fails with 424; send it again together with it.
      for (const p of pending) {
        if (out.get(p.id)?.status === 424 && p.dependsOn?.some((d) => throttled.some((t) => t.id === d))) {
          out.delete(p.id);
          throttled.push(p);
        }
      }
      if (throttled.length > 0) await sleep(Math.min(wait, client.retry.maxDelaySeconds));
      pending = throttled;
    }
  }
  return out;
}

/** The body of a successful batch response, or the mapped domain error. */
export function unwrap<T>(responses: Map<string, BatchResponse>, id: string, what: string): T {
  const r = responses.get(id);
  if (!r) throw new Error(`$batch returned no response for request '${id}'`);
  if (r.status >= 200 && r.status < 300) return r.body as T;
  throw errorFromResponse(r.status, r.body, r.headers, what);
}
