import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createGoals, GOALS_LIST, shapeMismatches, startEmulator, USER, type Harness } from './harness.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/graph/${name}`, import.meta.url), 'utf8'));

let h: Harness;
beforeEach(async () => { h = await startEmulator(); });
afterEach(async () => { await h.stop(); });

describe('sites', () => {
  it('serves the root site under a Graph-shaped composite id', async () => {
    const res = await h.call('GET', '/sites/root');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(h.emulator.siteId);
    expect(res.body.id).toMatch(/^localhost,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({ displayName: expect.any(String), name: expect.any(String), webUrl: expect.any(String), createdDateTime: expect.any(String) });
    const byId = await h.call('GET', h.site);
    expect(byId.body.id).toBe(h.emulator.siteId);
  });

  it('answers 404 itemNotFound for an unknown site', async () => {
    const res = await h.call('GET', '/sites/contoso.sharepoint.com,x,y');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('itemNotFound');
    expect(res.body.error.innerError).toMatchObject({ date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) });
  });
});

describe('lists and columns', () => {
  it('creates a generic list with its columns plus the built-in Title', async () => {
    const res = await h.call('POST', `${h.site}/lists`, GOALS_LIST);
    expect(res.status).toBe(201);
    expect(shapeMismatches(res.body, fixture('list-create-response.json'))).toEqual([]);
    const cols = await h.call('GET', `${h.site}/lists/${res.body.id}/columns`);
    expect(cols.status).toBe(200);
    const names = cols.body.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Title', ...GOALS_LIST.columns.map((c) => c.name)]);
    const key = cols.body.value.find((c: { name: string }) => c.name === 'Key');
    expect(key).toMatchObject({ indexed: true, enforceUniqueValues: true, required: false, text: { allowMultipleLines: false, maxLength: 255 } });
    const status = cols.body.value.find((c: { name: string }) => c.name === 'Status');
    expect(status.choice.choices).toEqual(['green', 'yellow', 'red']);
  });

  it('refuses a unique column that is not indexed', async () => {
    const res = await h.call('POST', `${h.site}/lists`, {
      displayName: 'Bad', columns: [{ name: 'Code', text: {}, enforceUniqueValues: true }], list: { template: 'genericList' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalidRequest');
    expect(res.body.error.message).toContain('Code');
    expect((await h.call('GET', `${h.site}/lists`)).body.value).toHaveLength(0);
  });

  it('refuses a second list with the same display name with 409 nameAlreadyExists', async () => {
    await createGoals(h);
    const res = await h.call('POST', `${h.site}/lists`, { displayName: 'goals', list: { template: 'genericList' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('nameAlreadyExists');
  });

  it('finds a list by id, by display name and by $filter on displayName', async () => {
    const id = await createGoals(h);
    expect((await h.call('GET', `${h.site}/lists/${id}`)).body.displayName).toBe('Goals');
    expect((await h.call('GET', `${h.site}/lists/Goals`)).body.id).toBe(id);
    const filtered = await h.call('GET', `${h.site}/lists?$filter=displayName eq 'Goals'`);
    expect(filtered.body.value.map((l: { id: string }) => l.id)).toEqual([id]);
    const withColumns = await h.call('GET', `${h.site}/lists/${id}?$expand=columns`);
    expect(withColumns.body.columns.length).toBe(GOALS_LIST.columns.length + 1);
    expect((await h.call('GET', `${h.site}/lists/Nope`)).status).toBe(404);
  });

  it('adds a column to an existing list', async () => {
    const id = await createGoals(h);
    const res = await h.call('POST', `${h.site}/lists/${id}/columns`, { name: 'Extra', number: {}, indexed: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Extra', indexed: true, number: expect.any(Object) });
    const dup = await h.call('POST', `${h.site}/lists/${id}/columns`, { name: 'Extra', text: {} });
    expect(dup.status).toBe(400);
  });

  it('answers 501 for column types it does not implement', async () => {
    const res = await h.call('POST', `${h.site}/lists`, {
      displayName: 'People', columns: [{ name: 'Person', personOrGroup: {} }], list: { template: 'genericList' },
    });
    expect(res.status).toBe(501);
    expect(res.body.error.code).toBe('notImplemented');
    expect(res.body.error.message).toContain('personOrGroup');
  });
});

describe('authentication and permissions', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const res = await fetch(`${h.base}/sites/root`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('InvalidAuthenticationToken');
    const bad = await h.call('GET', '/sites/root', undefined, { Authorization: 'Bearer forged' });
    expect(bad.status).toBe(401);
  });

  it('lets a delegated user read but answers 403 accessDenied to their writes', async () => {
    const id = await createGoals(h);
    expect((await h.call('GET', `${h.site}/lists/${id}/items`, undefined, { Authorization: USER })).status).toBe(200);
    const write = await h.call('POST', `${h.site}/lists/${id}/items`, { fields: { Title: 'x', Owner: 'o' } }, { Authorization: USER });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('accessDenied');
    expect((await h.call('GET', `${h.site}/lists/${id}/items`)).body.value).toHaveLength(0);
  });
});

describe('unimplemented paths', () => {
  it('answers 501 naming the path for Graph features outside the emulated subset', async () => {
    for (const path of ['/me', `${h.site}/drives`, '/sites?search=x']) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(501);
      expect(res.body.error.code).toBe('notImplemented');
    }
    const id = await createGoals(h);
    const del = await h.call('DELETE', `${h.site}/lists/${id}`);
    expect(del.status).toBe(501);
  });
});
