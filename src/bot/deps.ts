import type { CommandContext } from '../commands';
import type { LinkTargets } from '../cards';
import type { ConversationRef } from '../domain';
import type { Logger } from '../ports';
import type { RoleDirectory } from './roles';
import type { BoardReader, Repository } from '../ports';

/** What every handler gets: storage and logger passed in, never imported as globals. */
export interface BotDeps {
  repo: Repository;
  /** Plan boards in one `$batch` (the same reader the tab uses). */
  board: BoardReader;
  ctx: CommandContext;
  log: Logger;
  roles: RoleDirectory;
  links: LinkTargets;
}

/** The bits of an inbound activity the handlers read (the SDK's types are wider than we need). */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  locale?: string;
  serviceUrl: string;
  replyToId?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string };
  channelData?: { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string }; eventType?: string };
  membersAdded?: { id: string; aadObjectId?: string; name?: string }[];
  membersRemoved?: { id: string; aadObjectId?: string; name?: string }[];
  action?: string;
  value?: unknown;
}

/** Where to reach this conversation later. A channel post's id carries `;messageid=…`: the channel is before it. */
export function conversationRefOf(a: InboundActivity): ConversationRef {
  const tenantId = a.conversation.tenantId ?? a.channelData?.tenant?.id;
  return {
    conversationId: a.conversation.id.split(';')[0]!,
    serviceUrl: a.serviceUrl.replace(/\/+$/, ''),
    ...(tenantId ? { tenantId } : {}),
    ...(a.channelData?.team?.id ? { teamId: a.channelData.team.id } : {}),
    ...(a.channelData?.channel?.id ? { channelId: a.channelData.channel.id } : {}),
  };
}

export function isPersonal(a: InboundActivity): boolean {
  return a.conversation.conversationType === 'personal' || (!a.channelData?.team && a.conversation.conversationType !== 'channel' && a.conversation.conversationType !== 'groupChat');
}
