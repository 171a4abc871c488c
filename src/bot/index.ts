import { ExpressAdapter } from '@microsoft/teams.apps';
import { MessageActivityInput } from '@microsoft/teams.api';
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import type { MeetingSession, ReminderKind } from '../domain';
import type { LinkTargets } from '../cards';
import type { BotDeps, BotServices, InboundActivity } from './deps';
import { onCardAction } from './handlers/card-action';
import { onConversationUpdate } from './handlers/conversation-update';
import { onInstallationUpdate } from './handlers/installation-update';
import { onMessage } from './handlers/message';
import { postMeetingSummary, retryPendingSummaries, type SummaryReport } from './meeting-summary';
import { runReminders, type CardSender, type RunReport } from './reminders';
import { startScheduler, type ReminderScheduler } from './scheduler';
import { SendQueue } from './send-queue';
import { sdkLogger, TeamsBotApp } from './teams-app';

export { runReminders, plannedReminders, type Outgoing, type RunReport, type RunOptions } from './reminders';
export { SendQueue, THREAD_LIMITS, APP_LIMITS } from './send-queue';
export type { ReminderScheduler } from './scheduler';
export type { SummaryReport } from './meeting-summary';
export type { BotConfig, BotServices } from './deps';
export { fixedRoleSource, roleDirectoryFromAssignments, roleDirectoryFromUsers, type RoleDirectory, type RoleSource } from './roles';

/** The Teams tab that shows goals (manifest staticTabs entityId), for deep links. */
export const GOALS_TAB_ENTITY_ID = 'myGoals';

export interface BotHandle {
  /** The Teams SDK app (tests may inspect it). */
  app: TeamsBotApp;
  queue: SendQueue;
  scheduler: ReminderScheduler;
  /** One reminder pass, as the scheduler and `npm run remind` run it. */
  runReminders(o: { planKey: string; period: string; kinds?: readonly ReminderKind[]; dryRun?: boolean; afterSend?: Parameters<typeof runReminders>[1]['afterSend'] }): Promise<RunReport>;
  /** After a review has ended: its decisions to the meeting chat and to the groups asked (meeting-summary.ts). */
  postMeetingSummary(session: MeetingSession): Promise<SummaryReport>;
  close(): Promise<void>;
}

export interface MountBotOptions {
  queue?: SendQueue;
  /** Replaces the Teams send (tests that kill a run halfway wrap it). */
  wrapSend?: (send: CardSender) => CardSender;
  /** Start the croner job (default true). */
  schedule?: boolean;
  env?: Record<string, string | undefined>;
}

/** What the bot's endpoint takes at most: a Teams activity is a few kB; a card action with a long narrative well under this. */
export const MAX_ACTIVITY_BYTES = 100 * 1024;

/** The least an activity must carry for any handler to answer it; the rest is each handler's to parse. */
const activitySchema = z.object({
  type: z.string().min(1).max(100),
  serviceUrl: z.string().url().max(2000),
  from: z.object({ id: z.string().min(1).max(1000) }),
  conversation: z.object({ id: z.string().min(1).max(2000) }),
});

/** 127.0.0.0/8, ::1 and localhost: where a local-mode bot may send (a Playground, a test connector). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * In front of the SDK's route: refuses what is not an activity with a 4xx before any handler runs
 * (the SDK would answer 500). A tenant's request without a bearer token is refused before its body
 * is read; the SDK then validates the token itself. In local mode, where nobody is authenticated,
 * an activity may only name a loopback `serviceUrl`, so the bot never sends anything off the machine.
 */
function activityGuard(mode: 'local' | 'tenant', log: BotServices['log']): RequestHandler[] {
  const refuse = (res: express.Response, status: number, code: string, message: string, fields?: { path: string; message: string }[]) =>
    res.status(status).json({ error: { code, message, ...(fields ? { fields } : {}) } });
  return [
    (req, res, next) => {
      if (req.method !== 'POST') return next();
      if (mode === 'tenant' && !/^Bearer\s+\S+$/i.test(req.get('Authorization') ?? '')) {
        log.warn('Bot endpoint: refused a request without a Bot Service token');
        res.set('WWW-Authenticate', 'Bearer');
        return refuse(res, 401, 'unauthenticated', 'A Bot Service token is required');
      }
      if (!req.is('application/json')) {
        log.warn(`Bot endpoint: refused a body of type ${req.get('Content-Type') ?? '(none)'}`);
        return refuse(res, 415, 'unsupportedMediaType', 'Activities are JSON (Content-Type: application/json)');
      }
      next();
    },
    // Its errors (too large, charset, encoding, not JSON) go on to the server's one error mapping.
    express.json({ limit: MAX_ACTIVITY_BYTES }),
    (req, res, next) => {
      if (req.method !== 'POST') return next();
      const parsed = activitySchema.safeParse(req.body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
        log.warn(`Bot endpoint: refused a malformed activity (${fields.map((f) => f.path).join(', ')})`);
        return refuse(res, 400, 'invalid', 'Not a Bot Framework activity', fields);
      }
      if (mode === 'local' && !isLoopbackUrl(parsed.data.serviceUrl)) {
        log.warn('Bot endpoint (local mode): refused an activity whose serviceUrl is not on this machine');
        return refuse(res, 400, 'invalid', 'In local mode the serviceUrl must be a loopback address', [{ path: 'serviceUrl', message: 'Must be http://127.0.0.1… or http://localhost…' }]);
      }
      next();
    },
  ];
}

/** Settings that mean "this is a real deployment": never accept unauthenticated activities with them. */
const PRODUCTION_SETTINGS = ['BOT_ID', 'BOT_PASSWORD', 'CLIENT_ID', 'CLIENT_SECRET', 'MANAGED_IDENTITY_CLIENT_ID'];

/**
 * Mounts the Teams bot on our express app at POST /api/messages (the SDK's ExpressAdapter
 * registers the route on the app we pass; we never call app.start(), our server listens).
 * Local mode accepts unauthenticated activities (Agents Playground, tests) and refuses to start
 * if production bot settings are present; tenant mode always validates the Bot Service token.
 */
export async function mountBot(app: express.Express, services: BotServices, options: MountBotOptions = {}): Promise<BotHandle> {
  const env = options.env ?? process.env;
  const { config, log } = services;
  let allowUnauthenticated: boolean;
  if (config.mode === 'local') {
    const present = PRODUCTION_SETTINGS.filter((k) => env[k]);
    if (present.length) {
      throw new Error(`Local mode accepts unauthenticated bot requests, so it refuses to run with production bot settings present: ${present.join(', ')}. Unset them or use MODE=tenant.`);
    }
    allowUnauthenticated = true;
  } else {
    if (/^(1|true|yes)$/i.test(env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS ?? '')) {
      throw new Error('DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS is set in tenant mode: refusing to start the bot.');
    }
    allowUnauthenticated = false;
  }

  app.use('/api/messages', ...activityGuard(config.mode, log));
  const teams = new TeamsBotApp({
    ...(config.mode === 'tenant' ? { clientId: config.botId, clientSecret: config.botPassword, tenantId: config.tenantId } : {}),
    httpServerAdapter: new ExpressAdapter(app, { logger: sdkLogger(log, 'teams/express') }),
    dangerouslyAllowUnauthenticatedRequests: allowUnauthenticated,
    messagingEndpoint: '/api/messages',
    logger: sdkLogger(log),
  });

  const links: LinkTargets = { teamsAppId: config.teamsAppId, tabEntityId: GOALS_TAB_ENTITY_ID, publicUrl: services.publicUrl };
  // One role directory per activity or run: a tenant's assignments are re-read when the cache expires.
  const depsNow = async (): Promise<BotDeps> => ({ repo: services.repo, board: services.board, ctx: services.ctx, log, roles: await services.roles.current(), links });
  const card = (c: Parameters<TeamsBotApp['sendCard']>[1]) => new MessageActivityInput().addCard('adaptive', c);

  teams.on('conversationUpdate', async (ctx) => {
    const reply = await onConversationUpdate(await depsNow(), ctx.activity as unknown as InboundActivity);
    if (reply) await ctx.send(card(reply));
  });
  teams.on('installationUpdate', async (ctx) => {
    await onInstallationUpdate(await depsNow(), ctx.activity as unknown as InboundActivity);
  });
  teams.on('message', async (ctx) => {
    await ctx.send(card(await onMessage(await depsNow(), ctx.activity as unknown as InboundActivity)));
  });
  teams.on('card.action', async (ctx) => {
    const a = ctx.activity as unknown as InboundActivity;
    try {
      const result = await onCardAction(await depsNow(), a);
      if (result.sharedUpdate && a.replyToId) {
        // Everyone else sees the done mark too; best effort — the user's own answer matters most.
        await ctx.api.conversations
          .updateActivity(a.conversation.id, a.replyToId, card(result.sharedUpdate))
          .catch((e: unknown) => log.warn('Could not update the shared reminder card', e instanceof Error ? e.message : e));
      }
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
    } catch (e) {
      log.error('Card action failed', e);
      return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'internal', message: 'Something went wrong; it has been logged', innerHttpError: { statusCode: 500, body: null } } };
    }
  });
  teams.event('error', ({ error }) => log.error('Teams bot error', error));
  await teams.initialize();

  const queue = options.queue ?? new SendQueue();
  const teamsSend: CardSender = async (to, c) => {
    // A conversation stored before this rule (or typed into a list by hand) must not make a
    // local bot post outside the machine either.
    if (config.mode === 'local' && !isLoopbackUrl(to.serviceUrl)) {
      throw new Error('Local mode sends only to a loopback serviceUrl; this conversation is elsewhere');
    }
    return teams.sendCard(to, c);
  };
  const send: CardSender = options.wrapSend ? options.wrapSend(teamsSend) : teamsSend;
  const summaryDeps = async () => {
    const d = await depsNow();
    return { repo: d.repo, ctx: d.ctx, board: d.board, links: d.links, log, queue, send };
  };
  const run: BotHandle['runReminders'] = async (o) => {
    const report = await runReminders({ ...(await depsNow()), queue, send }, o);
    // A review summary claimed but not sent (a failed send, a crash) goes with the plan's next run.
    // Its own failure must not hide the run's report: the next run tries again.
    if (!o.dryRun) await retryPendingSummaries(await summaryDeps(), o.planKey, o.period).catch((e: unknown) => log.warn(`Review summaries of ${o.planKey} not retried; the next run tries again`, e instanceof Error ? e.message : e));
    return report;
  };
  const scheduler = startScheduler({
    repo: services.repo,
    clock: services.ctx.clock,
    log,
    enabled: options.schedule ?? true,
    run: async (s) => {
      const r = await run({ planKey: s.planKey, period: s.period, kinds: [s.kind] });
      log.info(`Reminders ${s.planKey} ${s.period} ${s.kind}: ${r.sent.length} sent, ${r.skipped.length} skipped, ${r.failed.length} failed`);
    },
  });
  log.info(`Teams bot at POST /api/messages (${allowUnauthenticated ? 'local: unauthenticated requests allowed' : 'Bot Service tokens required'})`);

  return {
    app: teams,
    queue,
    scheduler,
    runReminders: run,
    postMeetingSummary: async (session) => postMeetingSummary(await summaryDeps(), session),
    close: async () => {
      scheduler.stop();
    },
  };
}

/**
 * The bot without an endpoint, for one reminder pass from the command line (`npm run remind`): the
 * same handlers, sender and queue as `mountBot`, on an express app nobody listens on, and no
 * scheduler. Nothing opens a port.
 */
export function createReminderRunner(services: BotServices, options: Omit<MountBotOptions, 'schedule'> = {}): Promise<BotHandle> {
  return mountBot(express(), services, { ...options, schedule: false });
}
