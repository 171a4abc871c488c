import type { Store, IdentitySet } from './db.js';

export interface Caller {
  kind: 'app' | 'delegated';
  displayName: string;
  id: string;
}

/** One Graph request, either a real HTTP round trip or one request inside a $batch. */
export interface EmuRequest {
  method: string;
  /** Path below /graph/v1.0, not yet decoded, without the query string, e.g. `/sites/root/lists`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: unknown;
  /** e.g. `http://127.0.0.1:3000/graph/v1.0`: where nextLink/deltaLink point. */
  serviceRoot: string;
  caller: Caller;
  /** Set for a request inside $batch (whose bodies are JSON: file content cannot travel there). */
  batched?: boolean;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** A file's bytes instead of a JSON body (drive content); its Content-Type is in `headers`. */
  raw?: Uint8Array;
}

export interface Env {
  store: Store;
  now: () => Date;
  pageSize: number;
  /** SharePoint's list view threshold (threshold.ts); 5,000 as in SharePoint Online. */
  listViewThreshold: number;
  /** Picks the order of a $batch's independent requests (Graph promises none). */
  random: () => number;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse => ({
  status,
  headers,
  body,
});

/** How Graph shows who wrote something: app-only writes appear as the application (and "SharePoint App"). */
export function identityOf(caller: Caller): IdentitySet {
  return caller.kind === 'app'
    ? { application: { displayName: caller.displayName, id: caller.id }, user: { displayName: 'SharePoint App' } }
    : { user: { displayName: caller.displayName, id: caller.id } };
}

export function hasPreference(req: EmuRequest, preference: string): boolean {
  return (req.headers.prefer ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === preference.toLowerCase());
}
