import { canLinkChannel, conversationRefSchema, Forbidden, parseOrInvalid, type Actor, type ConversationRef, type Group } from '../domain';
import type { CommandContext } from './context';
import { withConcurrencyRetry } from './concurrency';

/** Links a Teams channel (where the bot was installed) to a development group, so reminders reach it. */
export async function linkChannel(ctx: CommandContext, actor: Actor, groupKey: string, rawRef: unknown): Promise<Group> {
  const ref: ConversationRef = parseOrInvalid(conversationRefSchema, rawRef, 'conversation reference');
  return withConcurrencyRetry(async () => {
    const group = await ctx.repo.groups.get(groupKey);
    if (!canLinkChannel(actor, group.value)) throw new Forbidden(`Only admins and owners of ${groupKey} link its channel`);
    return (await ctx.repo.groups.update({ ...group.value, conversation: ref }, group.etag)).value;
  });
}

/** Forgets a channel when the app is removed from it, so no more reminders go there. */
export async function unlinkConversation(ctx: CommandContext, conversationId: string): Promise<string[]> {
  const { items } = await ctx.repo.groups.list();
  const unlinked: string[] = [];
  for (const g of items.filter((x) => x.value.conversation?.conversationId === conversationId)) {
    await withConcurrencyRetry(async () => {
      const current = await ctx.repo.groups.get(g.value.key);
      if (current.value.conversation?.conversationId !== conversationId) return;
      const { conversation: _dropped, ...rest } = current.value;
      await ctx.repo.groups.update(rest, current.etag);
    });
    unlinked.push(g.value.key);
  }
  return unlinked;
}
