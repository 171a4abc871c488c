import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createGoals, startEmulator, type Harness } from './harness.js';

/** A deterministic random source: returns the given values in turn, then 0.99 (no fault). */
const sequence = (...values: number[]) => () => values.shift() ?? 0.99;

let h: Harness | undefined;
afterEach(async () => { await h?.stop(); h = undefined; });

describe('fault injection', () => {
  it('answers 429 with Retry-After and Graph error body, and writes nothing', async () => {
    h = await startEmulator({ random: sequence(0.1), faults: { rate: 0.5, statuses: [429], retryAfterSeconds: 7 } });
    const res = await h.call('POST', `${h.site}/lists`, { displayName: 'Throttled', list: { template: 'genericList' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.error).toMatchObject({ code: 'activityLimitReached', message: expect.any(String), innerError: expect.any(Object) });
    expect(h.emulator.stats()).toMatchObject({ requests: 1, faults: 1 });
    const lists = await h.call('GET', `${h.site}/lists`);
    expect(lists.status).toBe(200);
    expect(lists.body.value).toEqual([]);
  });

  it('injects 503 serviceNotAvailable and can be switched off at runtime', async () => {
    h = await startEmulator({ random: () => 0, faults: { rate: 1, statuses: [503], retryAfterSeconds: 2 } });
    const res = await h.call('GET', '/sites/root');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('serviceNotAvailable');
    expect(res.headers.get('retry-after')).toBe('2');
    h.emulator.setFaults(null);
    expect((await h.call('GET', '/sites/root')).status).toBe(200);
  });

  it('throttles requests inside a batch individually, with Retry-After, without running them', async () => {
    // random() is only consulted while faults are on: the batch round trip passes; of the three inner
    // requests (run in the batch's shuffled order) the second to run is throttled.
    h = await startEmulator({ random: sequence(0.99, 0.99, 0.1, 0.99) });
    const items = `${h.site}/lists/${await createGoals(h)}/items`;
    h.emulator.resetStats();
    h.emulator.setFaults({ rate: 0.5, statuses: [429], retryAfterSeconds: 3 });
    const json = { 'Content-Type': 'application/json' };
    const res = await h.call('POST', '/$batch', {
      requests: ['A', 'B', 'C'].map((k, i) => ({ id: String(i + 1), method: 'POST', url: items, headers: json, body: { fields: { Title: k, Key: k, Owner: 'o' } } })),
    });
    expect(res.status).toBe(200);
    type Entry = { id: string; status: number; headers: Record<string, string>; body: { error: { code: string } } };
    const responses = res.body.responses as Entry[];
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    expect(throttled[0]!.headers['Retry-After']).toBe('3');
    expect(throttled[0]!.body.error.code).toBe('activityLimitReached');
    expect(h.emulator.stats()).toMatchObject({ requests: 1, faults: 1, batchedRequests: 3 });
    h.emulator.setFaults(null);
    const all = await h.call('GET', `${items}?$expand=fields`);
    const keyOf = (id: string) => ['A', 'B', 'C'][Number(id) - 1];
    expect(all.body.value.map((v: { fields: { Key: string } }) => v.fields.Key).sort())
      .toEqual(['A', 'B', 'C'].filter((k) => k !== keyOf(throttled[0]!.id)));
  });
});

describe('persistence', () => {
  it('keeps the site id, lists, items, eTags and delta tokens across close and reopen of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    const dbPath = join(dir, 'graph.db');
    try {
      h = await startEmulator({ dbPath });
      const siteId = h.emulator.siteId;
      const listId = await createGoals(h);
      const items = `${h.site}/lists/${listId}/items`;
      const created = await h.call('POST', items, { fields: { Title: 'A', Key: 'A', Owner: 'o', Order: 1 } });
      const { body: delta } = await h.call('GET', `${items}/delta`);
      const deltaLink = delta['@odata.deltaLink'] as string;
      await h.stop();

      h = await startEmulator({ dbPath });
      expect(h.emulator.siteId).toBe(siteId);
      const again = await h.call('GET', `${h.site}/lists/${listId}/items/1?$expand=fields`);
      expect(again.body.eTag).toBe(created.body.eTag);
      expect(again.body.fields).toMatchObject({ Key: 'A', Order: 1 });
      const unique = await h.call('POST', `${h.site}/lists/${listId}/items`, { fields: { Title: 'A', Key: 'a', Owner: 'o' } });
      expect(unique.status).toBe(409);
      const next = await h.call('POST', `${h.site}/lists/${listId}/items`, { fields: { Title: 'B', Key: 'B', Owner: 'o' } });
      expect(next.body.id).toBe('2');
      const token = new URL(deltaLink).searchParams.get('token')!;
      const changes = await h.call('GET', `${h.site}/lists/${listId}/items/delta?token=${token}`);
      expect(changes.status).toBe(200);
      expect(changes.body.value.map((v: { id: string }) => v.id)).toEqual(['2']);
    } finally {
      await h?.stop();
      h = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('opens a file made by the older schema, which kept every item version, and drops that unused table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    const dbPath = join(dir, 'graph.db');
    try {
      h = await startEmulator({ dbPath });
      const listId = await createGoals(h);
      const created = await h.call('POST', `${h.site}/lists/${listId}/items`, { fields: { Title: 'A', Key: 'A', Owner: 'o', Order: 1 } });
      await h.stop();
      h = undefined;
      // What the older emulator wrote next to every item.
      const old = new Database(dbPath);
      old.exec(`CREATE TABLE item_versions (
        list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, fields TEXT NOT NULL,
        modified TEXT NOT NULL, modified_by TEXT NOT NULL, PRIMARY KEY (list_id, item_id, version))`);
      old.prepare('INSERT INTO item_versions VALUES (?, 1, 1, ?, ?, ?)').run(listId, '{"Title":"A"}', '2021-09-22T06:00:00Z', '{}');
      old.close();

      h = await startEmulator({ dbPath });
      const again = await h.call('GET', `${h.site}/lists/${listId}/items/1?$expand=fields`);
      expect(again.body.eTag).toBe(created.body.eTag);
      const edited = await h.call('PATCH', `${h.site}/lists/${listId}/items/1/fields`, { Order: 2 }, { 'If-Match': created.body.eTag });
      expect(edited.status).toBe(200);
      await h.stop();
      h = undefined;
      const reopened = new Database(dbPath, { readonly: true });
      const tables = reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      reopened.close();
      expect(tables.map((t) => t.name)).not.toContain('item_versions');
    } finally {
      await h?.stop();
      h = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
