import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetPerson, rememberPerson, type PersonalInstall } from '../../../src/commands';
import { Invalid } from '../../../src/domain';
import { startGraphContext, type GraphContext } from './graph-context';

let g: GraphContext;
beforeAll(async () => {
  g = await startGraphContext();
});
afterAll(async () => g?.stop());

// Each test installs its own person, so the tests share the People list but no rows.
let n = 0;
const install = (over: Partial<PersonalInstall> = {}): PersonalInstall => {
  const key = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return {
    key,
    name: `Person ${n}`,
    conversation: { conversationId: `a:personal-${key}`, serviceUrl: 'https://smba.trafficmanager.net/emea', tenantId: 'tenant-0001' },
    language: 'fi',
    ...over,
  };
};

describe('rememberPerson', () => {
  it('stores where the bot reaches a person and in which language on their first install', async () => {
    const i = install({ upn: 'person@demo.invalid', language: 'sv' });
    expect(await rememberPerson(g.ctx, i)).toEqual(i);
    expect((await g.ctx.repo.people.get(i.key)).value).toEqual(i);
  });

  it('writes nothing when the same install arrives again (conversationUpdate and installationUpdate)', async () => {
    const i = install();
    await rememberPerson(g.ctx, i);
    const before = await g.ctx.repo.people.get(i.key);
    await rememberPerson(g.ctx, structuredClone(i));
    expect((await g.ctx.repo.people.get(i.key)).etag).toBe(before.etag);
  });

  it('moves a person to their new chat and language on reinstall, keeping the UPN already stored', async () => {
    const i = install({ upn: 'known@demo.invalid' });
    await rememberPerson(g.ctx, i);
    const { upn: _none, ...withoutUpn } = i;
    const again: PersonalInstall = { ...withoutUpn, language: 'en', conversation: { ...i.conversation, conversationId: 'a:personal-new' } };
    expect(await rememberPerson(g.ctx, again)).toEqual({ ...again, upn: 'known@demo.invalid' });
  });

  it('stores one record when both install activities arrive at once', async () => {
    const i = install();
    const [a, b] = await Promise.all([rememberPerson(g.ctx, i), rememberPerson(g.ctx, i)]);
    expect(a).toEqual(i);
    expect(b).toEqual(i);
    expect((await g.ctx.repo.people.list()).items.filter((p) => p.value.key === i.key)).toHaveLength(1);
  });

  it('rejects an install without a conversation, naming the field', async () => {
    const { conversation: _c, ...noConversation } = install();
    const err = await rememberPerson(g.ctx, noConversation).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).issues.map((x) => x.path)).toEqual(['conversation']);
    expect(await g.ctx.repo.people.find(noConversation.key)).toBeUndefined();
  });
});

describe('forgetPerson', () => {
  it("drops only the person's conversation on uninstall, so no more personal sends go there", async () => {
    const i = install({ upn: 'gone@demo.invalid', language: 'sv' });
    await rememberPerson(g.ctx, i);
    expect(await forgetPerson(g.ctx, i.key)).toBe(true);
    const { conversation: _c, ...rest } = i;
    expect((await g.ctx.repo.people.get(i.key)).value).toEqual(rest);
  });

  it('writes nothing for a person already forgotten or never seen', async () => {
    const i = install();
    await rememberPerson(g.ctx, i);
    await forgetPerson(g.ctx, i.key);
    const before = await g.ctx.repo.people.get(i.key);
    expect(await forgetPerson(g.ctx, i.key)).toBe(false);
    expect((await g.ctx.repo.people.get(i.key)).etag).toBe(before.etag);
    expect(await forgetPerson(g.ctx, 'never-installed')).toBe(false);
  });

  it('rejects an empty person id', async () => {
    await expect(forgetPerson(g.ctx, '')).rejects.toBeInstanceOf(Invalid);
  });
});
