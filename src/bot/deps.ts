import type { CommandContext } from '../commands';
import type { LinkTargets } from '../cards';
import type { ConversationRef } from '../domain';
import type { BoardReader, Logger, ReadOnlyRepository } from '../ports';
import type { RoleDirectory, RoleSource } from './roles';

/** The settings the bot reads: its mode, its Bot Service identity, and where its links point. */
export type BotConfig =
  | { mode: 'local'; teamsAppId: string }
  | {
      mode: 'tenant';
      teamsAppId: string;
      /** Azure Bot registration: app id and secret; the tenant it is single-tenant in. */
      botId: string;
      botPassword: string;
      tenantId: string;
    };

/**
 * What the composition root hands the bot (`mountBot`, `createReminderRunner`). The bot knows
 * nothing else of the server: ports, the command context, a logger, a role source and settings.
 */
export interface BotServices {
  config: BotConfig;
  /** Base URL of the app (deep links in cards). */
  publicUrl: string;
  log: Logger;
  /** Read-only: the bot writes only through commands (`ctx`). */
  repo: ReadOnlyRepository;
  board: BoardReader;
  ctx: CommandContext;
  /** Roles of people by Entra object id; read again per activity and per reminder run. */
  roles: RoleSource;
}

/** What every handler gets: storage and logger passed in, never imported as globals. */
export interface BotDeps {
  /** Read-only: every write is a command over `ctx`. */
  repo: ReadOnlyRepository;
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
