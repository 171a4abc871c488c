import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotFound, Throttled } from '../../../src/domain';
import { AuthenticationHandler, Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { applyDeltaPage, createGraphClient, executeBatch, unwrap, type BatchRequest, type DeltaChanges, type DeltaState } from '../../../src/graph';
import type { Goal } from '../../../src/domain';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/graph/adapter/${name}`, import.meta.url), 'utf8'));

type Seen = { url: string; method: string; headers: Record<string, string>; body?: string };

/** A fetch that records requests and answers from a script. */
function fakeFetch(answer: (req: Seen, n: number) => { status: number; body?: unknown; headers?: Record<string, string> }) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    };
    seen.push(req);
    const a = answer(req, seen.length);
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
      status: a.status,
      headers: { 'Content-Type': 'application/json', ...a.headers },
    });
  };
  return { fetch, seen };
}

const local = 'http://localhost:3978/graph/v1.0/';

describe('graph client', () => {
  it("(why we have our own auth middleware) graph-client's AuthenticationHandler drops the token for http:// even with customHosts", async () => {
    let auth: unknown = 'unset';
    const capture: Middleware = {
      execute: async (ctx: Context) => {
        auth = (ctx.options?.headers as Record<string, string> | undefined)?.Authorization;
        ctx.response = new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      },
    };
    const sdk = Client.initWithMiddleware({
      baseUrl: 'http://localhost:3978/graph',
      customHosts: new Set(['localhost:3978', 'localhost']),
      middleware: [new AuthenticationHandler({ getAccessToken: async () => 'tok' }), capture],
    });
    await sdk.api('/sites/root').get();
    expect(auth).toBeUndefined();
  });

  it('sends the bearer token to an http:// local base URL (which graph-client alone would not)', async () => {
    const f = fakeFetch(() => ({ status: 200, body: { value: [] } }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 'tok', fetch: f.fetch });
    await client.get('/sites/root/lists?$select=id');
    expect(f.seen[0]!.url).toBe('http://localhost:3978/graph/v1.0/sites/root/lists?$select=id');
    expect(f.seen[0]!.headers.Authorization).toBe('Bearer tok');
  });

  it('follows absolute nextLinks under the base URL and refuses other hosts', async () => {
    const f = fakeFetch(() => ({ status: 200, body: {} }));
    const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com/v1.0', getToken: async () => 't', fetch: f.fetch });
    const next = fixture('list-items-nextlink.json')['@odata.nextLink'];
    await client.get(next);
    expect(f.seen[0]!.url).toBe(next);
    await expect(client.get('https://evil.example/v1.0/sites')).rejects.toThrow(/not under the Graph base URL/);
    expect(f.seen).toHaveLength(1);
  });

  it('retries 429/503 with the RetryHandler honouring Retry-After, and counts round trips and (when measuring) bytes', async () => {
    const f = fakeFetch((_r, n) => (n === 1 ? { status: 429, body: fixture('error-bodies.json')['429'], headers: { 'Retry-After': '0' } } : n === 2 ? { status: 503, headers: { 'Retry-After': '0' }, body: fixture('error-bodies.json')['503'] } : { status: 201, body: { id: '1' } }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch, retry: { maxRetries: 3, delaySeconds: 0 }, measure: true });
    const res = await client.post('/sites/s/lists/l/items', { fields: { Title: 'x' } });
    expect(res).toEqual({ id: '1' });
    expect(f.seen.map((s) => s.headers['Retry-Attempt'])).toEqual([undefined, '1', '2']);
    expect(f.seen.every((s) => s.body === '{"fields":{"Title":"x"}}')).toBe(true);
    const stats = client.stats();
    expect(stats).toMatchObject({ requests: 3, retries: 2, throttled: 2 });
    expect(stats.bytesSent).toBe(3 * '{"fields":{"Title":"x"}}'.length);
    expect(stats.bytesReceived).toBeGreaterThan(0);
  });

  it('counts round trips but never reads a response body twice unless created with measure: true', async () => {
    let clones = 0;
    // No Content-Length: measuring would have to clone the body to count it.
    const answer = async () => {
      const res = new Response(JSON.stringify({ value: [1, 2, 3] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      const clone = res.clone.bind(res);
      res.clone = () => {
        clones++;
        return clone();
      };
      return res;
    };
    const plain = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: answer });
    expect(await plain.post('/x', { a: 1 })).toEqual({ value: [1, 2, 3] });
    expect(plain.stats()).toMatchObject({ requests: 1, bytesSent: 0, bytesReceived: 0 });
    expect(clones).toBe(0);

    const measured = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: answer, measure: true });
    await measured.post('/x', { a: 1 });
    expect(clones).toBe(1);
    expect(measured.stats()).toMatchObject({ requests: 1, bytesSent: '{"a":1}'.length, bytesReceived: '{"value":[1,2,3]}'.length });
  });

  it('throws Throttled once the retries are used up', async () => {
    const f = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '0' }, body: fixture('error-bodies.json')['429'] }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch, retry: { maxRetries: 2, delaySeconds: 0 } });
    await expect(client.get('/sites/s')).rejects.toBeInstanceOf(Throttled);
    expect(f.seen).toHaveLength(3);
  });

  it('encodes filter values so & and # cannot break the query', async () => {
    const f = fakeFetch(() => ({ status: 200, body: {} }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch });
    const { query } = await import('../../../src/graph');
    await client.get(`/x${query({ $filter: "fields/Key eq 'a&b#c'", $top: 5 })}`);
    const u = new URL(f.seen[0]!.url);
    expect(u.searchParams.get('$filter')).toBe("fields/Key eq 'a&b#c'");
    expect(u.searchParams.get('$top')).toBe('5');
  });
});

describe('$batch', () => {
  const reqs = (n: number): BatchRequest[] => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/sites/s/lists/l/items?i=${i}` }));

  it('retries only the requests throttled inside the batch (documented batch response with a 429)', async () => {
    const documented = fixture('batch-response.json');
    const f = fakeFetch((req, n) => {
      const sent = JSON.parse(req.body!).requests as BatchRequest[];
      if (n === 1) return { status: 200, body: documented };
      return { status: 200, body: { responses: sent.map((r) => ({ id: r.id, status: 200, body: { value: [], retried: true } })) } };
    });
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch, retry: { maxRetries: 3, delaySeconds: 0 } });
    const res = await executeBatch(client, reqs(3));
    expect(JSON.parse(f.seen[1]!.body!).requests.map((r: BatchRequest) => r.id)).toEqual(['2']);
    expect(unwrap<{ retried?: boolean }>(res, '2', 'x').retried).toBe(true);
    expect(unwrap<{ value: unknown[] }>(res, '1', 'x').value).toHaveLength(1);
    expect(() => unwrap(res, '3', 'Goals')).toThrow(NotFound);
  });

  it('reports Throttled for an inner request still throttled after the retries', async () => {
    const f = fakeFetch((req) => ({
      status: 200,
      body: { responses: JSON.parse(req.body!).requests.map((r: BatchRequest) => ({ id: r.id, status: 429, headers: { 'Retry-After': '0' }, body: fixture('error-bodies.json')['429'] })) },
    }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch, retry: { maxRetries: 2, delaySeconds: 0 } });
    const res = await executeBatch(client, reqs(1));
    expect(f.seen).toHaveLength(3);
    expect(() => unwrap(res, '1', 'Goals')).toThrow(Throttled);
  });

  it('splits more than 20 requests into batches of at most 20', async () => {
    const f = fakeFetch((req) => ({ status: 200, body: { responses: JSON.parse(req.body!).requests.map((r: BatchRequest) => ({ id: r.id, status: 200, body: {} })) } }));
    const client = createGraphClient({ baseUrl: local, getToken: async () => 't', fetch: f.fetch });
    const res = await executeBatch(client, reqs(45));
    expect(f.seen.map((s) => JSON.parse(s.body!).requests.length)).toEqual([20, 20, 5]);
    expect(f.seen[0]!.url).toBe(`${local}$batch`);
    expect(res.size).toBe(45);
  });
});

describe('delta parsing', () => {
  it('applies the documented last delta page: removes the deleted item, reports an item without fields as invalid', () => {
    const state: DeltaState<Goal> = { items: new Map(), invalid: new Map() };
    state.items.set('3', { value: {} as Goal, etag: 'e', itemId: '3' });
    const changes: DeltaChanges<Goal> = { upserted: [], deleted: [], invalid: [], full: false };
    applyDeltaPage('goal', state, fixture('listitem-delta-deleted.json'), changes);
    expect(changes.deleted).toEqual(['3']);
    expect(state.items.has('3')).toBe(false);
    expect(changes.invalid.map((r) => r.itemId)).toEqual(['1']);
  });

  it('keeps the last occurrence when an item appears twice in a feed', () => {
    const state: DeltaState<Goal> = { items: new Map(), invalid: new Map() };
    const changes: DeltaChanges<Goal> = { upserted: [], deleted: [], invalid: [], full: true };
    const item = fixture('listitem-get.json');
    applyDeltaPage('goal', state, { value: [item, { ...item, fields: { ...item.fields, GoalTitle: 'Later' } }] }, changes);
    expect(changes.upserted).toHaveLength(1);
    expect(state.items.get('5')?.value.title).toBe('Later');
  });
});
