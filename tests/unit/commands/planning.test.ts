import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveGoal, saveGroup, savePlan, saveTheme, saveUnit } from '../../../src/commands';
import { Conflict, Forbidden, Invalid, NotFound, type Actor, type Goal, type GoalSummary } from '../../../src/domain';
import * as S from '../graph/sample-entities';
import { startGraphContext, type GraphContext } from './graph-context';

/**
 * The admin commands' rules, over the local SharePoint emulator (real unique keys and eTags).
 * The site holds two plans: vantaa-2021 (units VAKA, PERUS; theme T1; group KR1) and other-plan
 * (its own theme T-other). Each test writes under keys of its own.
 */
let g: GraphContext;
const admin: Actor = { id: 'aad-admin', upn: 'admin@vantaa.example', name: 'Anna Admin', roles: ['admin'] };
const leader: Actor = { id: 'aad-leader', upn: 'leader@vantaa.example', name: 'Leo Leader', roles: ['leader'] };

beforeAll(async () => {
  g = await startGraphContext();
  const { repo } = g.ctx;
  for (const u of ['VAKA', 'PERUS', 'LUKIO']) await repo.units.create(S.unit(u));
  await repo.plans.create(S.plan('vantaa-2021'));
  await repo.plans.create({ ...S.plan('other-plan'), units: ['LUKIO'] });
  await repo.themes.create(S.theme('T1'));
  await repo.themes.create(S.theme('T-other', 'other-plan'));
  await repo.groups.create(S.group('KR1'));
});
afterAll(async () => g?.stop());

/** The Invalid a call throws, for its field issues (fails the test when it does not throw Invalid). */
async function invalid(p: Promise<unknown>): Promise<Invalid> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Invalid);
  return e as Invalid;
}

const { key: _goalKey, ...goalBody } = S.goal('unused');

describe('every planning command', () => {
  const commands = [
    { name: 'savePlan', save: savePlan, body: () => S.plan('P-x'), find: (k: string) => g.ctx.repo.plans.find(k) },
    { name: 'saveTheme', save: saveTheme, body: () => S.theme('T-x'), find: (k: string) => g.ctx.repo.themes.find(k) },
    { name: 'saveGoal', save: saveGoal, body: () => S.goal('G-x'), find: (k: string) => g.ctx.repo.goals.find(k) },
    { name: 'saveGroup', save: saveGroup, body: () => S.group('KR-x'), find: (k: string) => g.ctx.repo.groups.find(k) },
    { name: 'saveUnit', save: saveUnit, body: () => S.unit('U-x'), find: (k: string) => g.ctx.repo.units.find(k) },
  ];

  it.each(commands)('$name refuses a body whose key differs from the address, and writes nothing', async ({ save, body, find }) => {
    const e = await invalid(save(g.ctx, admin, 'address-key', body()));
    expect(e.issues).toEqual([{ path: 'key', code: 'key.invalid', message: 'Must match the key in the address' }]);
    expect(e.message).toContain('address-key');
    expect(await find('address-key')).toBeUndefined();
    expect(await find(body().key)).toBeUndefined();
  });

  it.each(commands)('$name refuses a leader (only admins plan), before reading anything', async ({ save, body, find }) => {
    const b = body();
    const before = g.graph.client.stats().requests;
    await expect(save(g.ctx, leader, b.key, b)).rejects.toBeInstanceOf(Forbidden);
    expect(g.graph.client.stats().requests).toBe(before);
    expect(await find(b.key)).toBeUndefined();
  });

  it.each(commands)('$name answers a create under a key that exists with a duplicate Conflict carrying the stored version', async ({ save, body, find }) => {
    const b = { ...body(), key: `dup-${body().key}` };
    const first = await save(g.ctx, admin, b.key, b);
    expect(first.created).toBe(true);
    const e = await save(g.ctx, admin, b.key, b).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Conflict);
    expect((e as Conflict).reason).toBe('duplicate');
    expect((e as Conflict).currentEtag).toBe(first.value.etag);
    expect((await find(b.key))?.etag).toBe(first.value.etag);
  });
});

describe('savePlan', () => {
  it('refuses units that do not exist, naming each', async () => {
    const e = await invalid(savePlan(g.ctx, admin, 'P-units', { ...S.plan('P-units'), units: ['VAKA', 'NOPE', 'EIOLE'] }));
    expect(e.message).toBe('Unknown units: NOPE, EIOLE');
    expect(e.issues).toEqual([
      { path: 'units', code: 'units.invalid', message: 'No unit NOPE' },
      { path: 'units', code: 'units.invalid', message: 'No unit EIOLE' },
    ]);
    expect(await g.ctx.repo.plans.find('P-units')).toBeUndefined();
  });

  it('creates a plan whose units all exist', async () => {
    const r = await savePlan(g.ctx, admin, 'P-ok', { ...S.plan('P-ok'), units: ['VAKA', 'LUKIO'] });
    expect(r.created).toBe(true);
    expect((await g.ctx.repo.plans.get('P-ok')).value.units).toEqual(['VAKA', 'LUKIO']);
  });
});

describe('saveTheme', () => {
  it('refuses a theme as its own parent', async () => {
    const e = await invalid(saveTheme(g.ctx, admin, 'T-self', { ...S.theme('T-self'), parentKey: 'T-self' }));
    expect(e.issues).toEqual([{ path: 'parentKey', code: 'parentKey.invalid', message: 'Choose another theme' }]);
    expect(await g.ctx.repo.themes.find('T-self')).toBeUndefined();
  });

  it('refuses a parent that does not exist, or that belongs to another plan', async () => {
    for (const parentKey of ['T-none', 'T-other']) {
      const e = await invalid(saveTheme(g.ctx, admin, 'T-child', { ...S.theme('T-child'), parentKey }));
      expect(e.issues).toEqual([{ path: 'parentKey', code: 'parentKey.invalid', message: 'Unknown parent theme' }]);
      expect(e.message).toBe(`No theme ${parentKey} in plan vantaa-2021`);
    }
    expect(await g.ctx.repo.themes.find('T-child')).toBeUndefined();
  });

  it('refuses a theme of a plan that does not exist', async () => {
    await expect(saveTheme(g.ctx, admin, 'T-orphan', S.theme('T-orphan', 'no-such-plan'))).rejects.toBeInstanceOf(NotFound);
    expect(await g.ctx.repo.themes.find('T-orphan')).toBeUndefined();
  });

  it('creates a sub-theme under a theme of the same plan', async () => {
    const r = await saveTheme(g.ctx, admin, 'T-sub', { ...S.theme('T-sub'), parentKey: 'T1' });
    expect(r.value.value.parentKey).toBe('T1');
  });
});

describe('saveGoal', () => {
  it('refuses a theme that does not exist or belongs to another plan', async () => {
    for (const themeKey of ['T-none', 'T-other']) {
      const e = await invalid(saveGoal(g.ctx, admin, 'G-theme', { ...S.goal('G-theme'), themeKey }));
      expect(e.issues).toEqual([{ path: 'themeKey', code: 'themeKey.invalid', message: `No theme ${themeKey} in plan vantaa-2021` }]);
    }
    expect(await g.ctx.repo.goals.find('G-theme')).toBeUndefined();
  });

  it('refuses units the plan does not use (even ones that exist) and groups that do not exist, all at once', async () => {
    const e = await invalid(
      saveGoal(g.ctx, admin, 'G-refs', { ...S.goal('G-refs'), units: ['VAKA', 'LUKIO', 'NOPE'], responsibleGroupKeys: ['KR1', 'KR-none'] }),
    );
    expect(e.issues).toEqual([
      { path: 'units.1', code: 'units.invalid', message: 'Unit LUKIO is not in use in plan vantaa-2021' },
      { path: 'units.2', code: 'units.invalid', message: 'Unit NOPE is not in use in plan vantaa-2021' },
      { path: 'responsibleGroupKeys.1', code: 'responsibleGroupKeys.invalid', message: 'No development group KR-none' },
    ]);
    expect(await g.ctx.repo.goals.find('G-refs')).toBeUndefined();
  });

  it('refuses a goal of a plan that does not exist', async () => {
    await expect(saveGoal(g.ctx, admin, 'G-orphan', S.goal('G-orphan', 'no-such-plan'))).rejects.toBeInstanceOf(NotFound);
    expect(await g.ctx.repo.goals.find('G-orphan')).toBeUndefined();
  });

  it('takes the key from the body when created without one in the address (POST /api/goals)', async () => {
    const r = await saveGoal(g.ctx, admin, undefined, S.goal('G-post'));
    expect(r.created).toBe(true);
    expect(r.value.value.key).toBe('G-post');
  });

  const summary: GoalSummary = {
    VAKA: { period: '2021-08', status: 2, at: '2021-09-03T09:00:00.000Z', author: { id: S.maija.id, name: S.maija.name }, checkInKey: 'C-vaka' },
  };
  const forged: GoalSummary = {
    VAKA: { period: '2021-09', status: 0, at: '2021-10-01T09:00:00.000Z', author: { id: 'aad-admin', name: 'Anna Admin' }, checkInKey: 'C-forged' },
  };

  it('starts a new goal with an empty summary, whatever the form sends', async () => {
    const r = await saveGoal(g.ctx, admin, 'G-new', { ...S.goal('G-new'), summary: forged });
    expect(r.value.value.summary).toEqual({});
    expect((await g.ctx.repo.goals.get('G-new')).value.summary).toEqual({});
  });

  it('keeps the summary the check-ins wrote when an admin edits the goal, whatever the form sends', async () => {
    const stored = await g.ctx.repo.goals.create(S.goal('G-edit', 'vantaa-2021', { summary }));
    const edited = { ...goalBody, title: 'Uusi otsikko', summary: forged };
    const r = await saveGoal(g.ctx, admin, 'G-edit', edited, stored.etag);
    expect(r.created).toBe(false);
    const now = (await g.ctx.repo.goals.get('G-edit')).value;
    expect(now.title).toBe('Uusi otsikko');
    expect(now.summary).toEqual(summary);
    // A form that leaves the summary out keeps it too.
    const { summary: _omitted, ...withoutSummary } = now;
    await saveGoal(g.ctx, admin, 'G-edit', { ...withoutSummary, title: 'Kolmas' }, r.value.etag);
    expect((await g.ctx.repo.goals.get('G-edit')).value).toMatchObject({ title: 'Kolmas', summary });
  });

  it('answers a stale Conflict with the current goal when the edit is based on an old version', async () => {
    const v1 = await g.ctx.repo.goals.create(S.goal('G-stale'));
    const v2 = await saveGoal(g.ctx, admin, 'G-stale', { ...v1.value, title: 'Ensin' }, v1.etag);
    const e = await saveGoal(g.ctx, admin, 'G-stale', { ...v1.value, title: 'Myöhässä' }, v1.etag).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Conflict);
    expect(e).toMatchObject({ reason: 'stale', currentEtag: v2.value.etag });
    expect(((e as Conflict).current as Goal).title).toBe('Ensin');
    expect((await g.ctx.repo.goals.get('G-stale')).value.title).toBe('Ensin');
  });
});

describe('saveGroup', () => {
  it('keeps the channel link the bot set when an admin edits the group without it', async () => {
    const stored = await g.ctx.repo.groups.create(S.group('KR-link'));
    const { conversation, ...form } = stored.value;
    expect(conversation).toBeDefined();
    await saveGroup(g.ctx, admin, 'KR-link', { ...form, name: { fi: 'Uusi nimi' } }, stored.etag);
    const now = (await g.ctx.repo.groups.get('KR-link')).value;
    expect(now.name).toEqual({ fi: 'Uusi nimi' });
    expect(now.conversation).toEqual(conversation);
  });

  it('answers a stale Conflict with the current group when the edit is based on an old version', async () => {
    const v1 = await g.ctx.repo.groups.create(S.group('KR-stale'));
    const v2 = await saveGroup(g.ctx, admin, 'KR-stale', { ...v1.value, name: { fi: 'Ensin' } }, v1.etag);
    const e = await saveGroup(g.ctx, admin, 'KR-stale', { ...v1.value, name: { fi: 'Myöhässä' } }, v1.etag).catch((err: unknown) => err);
    expect(e).toMatchObject({ reason: 'stale', currentEtag: v2.value.etag });
    expect((await g.ctx.repo.groups.get('KR-stale')).value.name).toEqual({ fi: 'Ensin' });
  });
});
