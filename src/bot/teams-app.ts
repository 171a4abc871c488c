import { App, type AppOptions, type IPlugin } from '@microsoft/teams.apps';
import { MessageActivityInput } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import type { ConversationRef } from '../domain';
import type { Card } from '../cards';
import type { Logger } from '../ports';

/**
 * The Teams SDK's App with one addition: a proactive send to a stored conversation reference,
 * using the reference's own service URL. `App.send` always uses the app-wide service URL and
 * needs bot credentials even where none exist (local mode); the SDK's ActivitySender (what
 * `ctx.send` uses) takes the service URL per call, so a test's connector or the Agents
 * Playground receive the sends made to conversations they own.
 */
export class TeamsBotApp extends App<IPlugin> {
  constructor(options: AppOptions<IPlugin>) {
    super(options);
  }

  async sendCard(to: ConversationRef, card: Card): Promise<{ id: string }> {
    const activity = new MessageActivityInput().addCard('adaptive', card);
    const sent = await this.activitySender.send(activity, {
      channelId: 'msteams',
      serviceUrl: to.serviceUrl.replace(/\/+$/, ''),
      bot: { id: this.id ?? 'tavoitteet-bot', role: 'bot', name: 'Tavoitteet' },
      conversation: { id: to.conversationId, ...(to.tenantId ? { tenantId: to.tenantId } : {}) } as never,
    });
    return { id: sent.id };
  }
}

/** Our levelled logger behind the SDK's logger interface. */
export function sdkLogger(log: Logger, name = 'teams'): ILogger {
  const l: ILogger = {
    debug: (...m: unknown[]) => log.debug(`[${name}] ${m.map(String).join(' ')}`),
    info: (...m: unknown[]) => log.debug(`[${name}] ${m.map(String).join(' ')}`),
    warn: (...m: unknown[]) => log.warn(`[${name}] ${m.map(String).join(' ')}`),
    error: (...m: unknown[]) => log.error(`[${name}] ${m.map((x) => (x instanceof Error ? x.message : typeof x === 'object' ? JSON.stringify(x) : String(x))).join(' ')}`),
    trace: (...m: unknown[]) => log.debug(`[${name}] ${m.map(String).join(' ')}`),
    log: (_level: unknown, ...m: unknown[]) => log.debug(`[${name}] ${m.map(String).join(' ')}`),
    child: (child: string) => sdkLogger(log, `${name}/${child}`),
  };
  return l;
}
