import { unlinkConversation } from '../../commands';
import { buildPersonalWelcomeCard, buildWelcomeCard, type Card } from '../../cards';
import { toLocale } from '../../domain';
import { conversationRefOf, isPersonal, type BotDeps, type InboundActivity } from '../deps';
import { forgetInstaller, greetingName, rememberInstaller } from '../people';

/**
 * conversationUpdate: the bot was added to (or removed from) a team or a personal chat.
 * Added to a team → the welcome card with the group choice, in the channel it was added to.
 * Added personally → remember the person's conversation and greet them.
 * Removed → unlink the channel from its group / forget the personal conversation, so no more sends go there.
 * Returns the card to send (the caller sends it with the SDK's ctx.send), if any.
 */
export async function onConversationUpdate(deps: BotDeps, a: InboundActivity): Promise<Card | undefined> {
  const botAdded = a.membersAdded?.some((m) => m.id === a.recipient.id);
  const botRemoved = a.membersRemoved?.some((m) => m.id === a.recipient.id) || a.channelData?.eventType === 'teamDeleted';
  if (botRemoved) {
    if (isPersonal(a)) await forgetInstaller(deps, a);
    else {
      const unlinked = await unlinkConversation(deps.ctx, conversationRefOf(a).conversationId);
      deps.log.info(`Bot removed from ${a.conversation.id}; unlinked ${unlinked.join(', ') || 'no group'}`);
    }
    return undefined;
  }
  if (!botAdded) return undefined;
  if (isPersonal(a)) {
    const person = await rememberInstaller(deps, a);
    // Greet by name, never by an id: with no name known, the greeting has none.
    return buildPersonalWelcomeCard(toLocale(a.locale, person?.language ?? 'fi'), greetingName(person, a));
  }
  const groups = (await deps.repo.groups.list()).items.map((g) => g.value);
  const here = conversationRefOf(a).conversationId;
  const linked = groups.find((g) => g.conversation?.conversationId === here);
  return buildWelcomeCard({
    locale: toLocale(a.locale),
    groups: groups.map((g) => ({ key: g.key, name: g.name })),
    ...(linked ? { linkedGroupKey: linked.key } : {}),
  });
}
