import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BatchRequestContent, BatchResponseContent, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions,
  type Context, type Middleware,
} from '@microsoft/microsoft-graph-client';
import { createGoals, startEmulator, type Harness } from './harness.js';

let h: Harness;
let client: Client;
beforeEach(async () => {
  h = await startEmulator({ pageSize: 50 });
  const url = new URL(h.base);
  // The client's AuthenticationHandler only adds the token for https URLs (it strips it for
  // http://127.0.0.1), so a plain-http local setup needs its own auth middleware in the chain.
  const auth: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const headers = new Headers(context.options?.headers as HeadersInit | undefined);
      headers.set('Authorization', 'Bearer app-token');
      context.options = { ...context.options, headers: Object.fromEntries(headers) };
      await auth.next!.execute(context);
    },
    setNext(next: Middleware) { auth.next = next; },
  };
  const retry = new RetryHandler(new RetryHandlerOptions(0, 3));
  auth.setNext!(retry);
  retry.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({ baseUrl: `${url.origin}/graph/`, defaultVersion: 'v1.0', middleware: auth });
});
afterEach(async () => { await h.stop(); });

describe('the official Graph client against the emulator', () => {
  it('reads, pages, batches and retries a throttled request', async () => {
    const site = await client.api('/sites/root').get();
    expect(site.id).toBe(h.emulator.siteId);
    const listId = await createGoals(h);
    const items = `/sites/${site.id}/lists/${listId}/items`;
    for (let i = 1; i <= 120; i++) await client.api(items).post({ fields: { Title: `G${i}`, Key: `G${i}`, Owner: 'o' } });

    // PageIterator (like client.api) only treats https:// links as absolute; over plain http the
    // nextLink has to be made relative to the service root first.
    const seen: string[] = [];
    let page = await client.api(items).expand('fields($select=Key)').get();
    for (;;) {
      seen.push(...page.value.map((item: { fields: { Key: string } }) => item.fields.Key));
      const next: string | undefined = page['@odata.nextLink'];
      if (!next) break;
      expect(next.startsWith(h.base)).toBe(true);
      page = await client.api(next.slice(h.base.length)).get();
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);

    const batch = new BatchRequestContent([
      { id: '1', request: new Request(`${h.base}${items}/1`, { method: 'GET' }) },
      { id: '2', request: new Request(`${h.base}${items}/2/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'changed' }), headers: { 'Content-Type': 'application/json' } }) },
    ]);
    const raw = await client.api('/$batch').post(await batch.getContent());
    const responses = new BatchResponseContent(raw);
    expect(responses.getResponseById('1').status).toBe(200);
    expect(responses.getResponseById('2').status).toBe(200);

    h.emulator.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 1 });
    h.emulator.resetStats();
    setTimeout(() => h.emulator.setFaults(null), 300);
    const fields = await client.api(`${items}/2/fields`).get();
    expect(fields.Title).toBe('changed');
    expect(h.emulator.stats().faults).toBeGreaterThanOrEqual(1);
    expect(h.emulator.stats().requests).toBe(h.emulator.stats().faults + 1);
  });
});
