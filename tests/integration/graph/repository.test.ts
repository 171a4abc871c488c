import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound } from '../../../src/domain';
import { createGraphRepository, provisionLists } from '../../../src/graph';
import type { Collection, Repository } from '../../../src/ports';
import { ALL_LISTS } from '../../../manifest/lists';
import { startGraph, type GraphHarness } from './harness';
import * as S from '../../unit/graph/sample-entities';

let h: GraphHarness;
let repo: Repository;
beforeAll(async () => {
  h = await startGraph();
  repo = createGraphRepository({ client: h.client, siteId: h.siteId });
});
afterAll(async () => {
  await h.stop();
});

 
type AnyEntity = any;
type Case = { name: keyof Omit<Repository, 'findCheckInBySubmission'>; make: (k: string) => AnyEntity; list: string; keyA: string; keyB: string; edit: (v: AnyEntity) => AnyEntity };
const cases: Case[] = [
  { name: 'plans', list: 'Plans', make: S.plan, keyA: 'P-A', keyB: 'P-B', edit: (v) => ({ ...v, title: { fi: 'Uusi nimi' } }) },
  { name: 'themes', list: 'Themes', make: S.theme, keyA: 'T-A', keyB: 'T-B', edit: (v) => ({ ...v, order: 7 }) },
  { name: 'goals', list: 'Goals', make: (k) => S.goal(k), keyA: 'G-A', keyB: 'G-B', edit: (v) => ({ ...v, title: 'Muokattu' }) },
  { name: 'checkIns', list: 'CheckIns', make: (k) => S.checkIn(k, `sub-${k}-0000`), keyA: 'C-A', keyB: 'C-B', edit: (v) => ({ ...v, narrative: 'Korjattu' }) },
  { name: 'reviews', list: 'Reviews', make: S.review, keyA: 'R-A', keyB: 'R-B', edit: (v) => ({ ...v, text: 'Päätös muuttui' }) },
  { name: 'groups', list: 'Groups', make: S.group, keyA: 'KR-A', keyB: 'KR-B', edit: (v) => ({ ...v, members: [] }) },
  { name: 'units', list: 'Units', make: S.unit, keyA: 'U-A', keyB: 'U-B', edit: (v) => ({ ...v, order: 5 }) },
  { name: 'reminderLog', list: 'ReminderLog', make: S.reminderLog, keyA: 'RL-A', keyB: 'RL-B', edit: (v) => ({ ...v, state: 'failed', error: 'boom' }) },
  { name: 'people', list: 'People', make: S.person, keyA: 'aad-a', keyB: 'aad-b', edit: (v) => ({ ...v, language: 'sv' }) },
];

describe('each entity round-trips through its SharePoint list', () => {
  for (const c of cases) {
    it(`creates, reads, lists and updates ${c.name}, and finds nothing once the item is deleted by hand`, async () => {
      const col = repo[c.name] as Collection<AnyEntity>;
      const a = await col.create(c.make(c.keyA));
      expect(a.value).toEqual(c.make(c.keyA));
      expect(a.etag).toMatch(/,1"$/);
      await col.create(c.make(c.keyB));

      const got = await col.get(c.keyA);
      expect(got).toEqual(a);
      expect(await col.find('no-such-key')).toBeUndefined();
      await expect(col.get('no-such-key')).rejects.toBeInstanceOf(NotFound);

      const all = await col.list();
      expect(all.invalid).toEqual([]);
      expect(all.items.map((i) => i.value.key)).toEqual(expect.arrayContaining([c.keyA, c.keyB]));

      const updated = await col.update(c.edit(got.value), got.etag);
      expect(updated.value).toEqual(c.edit(got.value));
      expect(updated.etag).not.toBe(got.etag);
      expect((await col.get(c.keyA)).etag).toBe(updated.etag);

      // The app never deletes; people do, in SharePoint.
      for (const item of [a, await col.get(c.keyB)]) {
        expect((await h.raw('DELETE', `sites/${h.siteId}/lists/${c.list}/items/${item.itemId}`)).status).toBe(204);
      }
      expect(await col.find(c.keyA)).toBeUndefined();
      expect(await col.find(c.keyB)).toBeUndefined();
    });
  }
});

describe('writes', () => {
  it('clears a column when an optional value is removed on update', async () => {
    const created = await repo.goals.create(S.goal('G-clear'));
    const { description: _d, ...withoutDescription } = created.value;
    const updated = await repo.goals.update(withoutDescription, created.etag);
    expect(updated.value.description).toBeUndefined();
    const raw = await h.raw('GET', `sites/${h.siteId}/lists/Goals/items/${created.itemId}?$expand=fields`);
    expect(raw.body.fields.Description).toBeUndefined();
  });

  it('does not write absent optional values as nulls or "undefined" on create', async () => {
    const { description: _d, ...g } = S.goal('G-sparse');
    const created = await repo.goals.create(g);
    const raw = await h.raw('GET', `sites/${h.siteId}/lists/Goals/items/${created.itemId}?$expand=fields`);
    expect(raw.body.fields).not.toHaveProperty('Description');
    expect(raw.body.fields.Title).toBe('Tavoite G-sparse');
  });

  it('throws Conflict carrying the current value and eTag when the eTag is stale (412)', async () => {
    const v1 = await repo.goals.create(S.goal('G-race'));
    const winner = await repo.goals.update({ ...v1.value, title: 'Voittaja' }, v1.etag);
    const err = await repo.goals.update({ ...v1.value, title: 'Häviäjä' }, v1.etag).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(err.current).toEqual(winner.value);
    expect(err.currentEtag).toBe(winner.etag);
  });

  it('throws Conflict on a duplicate submission id (409 from the unique column)', async () => {
    await repo.checkIns.create(S.checkIn('C-dup-1', 'submission-dup-1'));
    const err = await repo.checkIns.create(S.checkIn('C-dup-2', 'submission-dup-1')).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    const found = await repo.findCheckInBySubmission('submission-dup-1');
    expect(found?.value.key).toBe('C-dup-1');
    expect(await repo.findCheckInBySubmission('never-submitted')).toBeUndefined();
  });

  it('throws Conflict on a duplicate key', async () => {
    await repo.units.create(S.unit('DUP'));
    await expect(repo.units.create(S.unit('DUP'))).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses to filter on a column without an index (programming error, no request sent)', async () => {
    const before = h.client.stats().requests;
    await expect(repo.goals.list({ code: '1.1' })).rejects.toThrow(/not indexed/);
    expect(h.client.stats().requests).toBe(before);
  });
});

describe('reading', () => {
  it('pages through more than 200 goals with @odata.nextLink', async () => {
    const many = Array.from({ length: 230 }, (_, i) => S.goal(`M${i}`, 'big-plan'));
    for (let i = 0; i < many.length; i += 23) await Promise.all(many.slice(i, i + 23).map((g) => repo.goals.create(g)));
    h.client.resetStats();
    const { items, invalid } = await repo.goals.list({ planKey: 'big-plan' });
    expect(invalid).toEqual([]);
    expect(items).toHaveLength(230);
    expect(new Set(items.map((i) => i.value.key)).size).toBe(230);
    expect(h.client.stats().requests).toBeGreaterThanOrEqual(2);
  });

  it('reports a hand-broken row as InvalidRow with its item id while the other goals load', async () => {
    const good = await repo.goals.create(S.goal('G-good', 'broken-plan'));
    const bad = await repo.goals.create(S.goal('G-bad', 'broken-plan'));
    const patched = await h.raw('PATCH', `sites/${h.siteId}/lists/Goals/items/${bad.itemId}/fields`, { Indicator: '{"text": "oops", ' });
    expect(patched.status).toBe(200);
    const { items, invalid } = await repo.goals.list({ planKey: 'broken-plan' });
    expect(items.map((i) => i.value.key)).toEqual([good.value.key]);
    expect(invalid).toEqual([
      { list: 'Goals', itemId: bad.itemId, issues: [expect.objectContaining({ path: 'indicator', message: expect.stringContaining('Indicator') })] },
    ]);
  });

  it('provisioning again changes nothing', async () => {
    const report = await provisionLists({ client: h.client, siteId: h.siteId });
    expect(report.created).toEqual([]);
    expect(report.columnsAdded).toEqual([]);
    expect(report.unchanged).toHaveLength(ALL_LISTS.length);
    expect(report.notIndexed).toEqual([]);
  });
});
