import compression from 'compression';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { mountBot, type BotHandle, type MountBotOptions } from '../bot';
import { hostOf, isLoopbackHost, publicUrl as publicUrlOf, type Config } from './config';
import { errorHandler } from './http-errors';
import { withTabConfig } from './tab-html';
import { authenticateFirst } from './http/authenticate';
import { perIpLimiter, perUserLimiter } from './http/rate-limits';
import { requestContext } from './http/request-context';
import { corsFor, securityHeaders } from './http/security-headers';
import { checkInChangesFrom, startSummaryReconciler, type SummaryReconciler } from './summary-reconciler';
import { createDeltaCache } from '../graph';
import { apiRouter } from './routes/api';
import { reportRouter } from './routes/report';
import { importRouter } from './routes/import';
import { planLifeCycleRouter } from './routes/plan-life-cycle';
import { meetingRouter } from './routes/meeting';
import type { Services } from './compose';
import { ALL_LISTS, type EntityName } from '../../manifest/lists';

export interface ListenOptions {
  /** Default: the configured PORT (0 = any free port). */
  port?: number;
  /** Default: the configured HOST. */
  host?: string;
  bot?: MountBotOptions;
  /** The built tab to serve. Default: dist/tab (what `npm run build` writes). */
  tabDir?: string;
}

export interface RunningServer {
  /** Loopback URL of the listening server, e.g. http://127.0.0.1:3978. */
  url: string;
  /** The address it is bound to (127.0.0.1 in local mode unless opted in). */
  host: string;
  port: number;
  app: Express;
  services: Services;
  bot: BotHandle;
  /** Recomputes summaries from CheckIns at start and periodically. */
  reconciler: SummaryReconciler;
  /** Stops the bot's scheduler, the HTTP server and what the services opened. */
  close(): Promise<void>;
}

const TAB_DIR = resolve('dist/tab');

/**
 * Serves built services over HTTP: `/healthz`, `/config.json`, the bot at `/api/messages`, the
 * command API at `/api`, in local mode the emulator at `/graph/v1.0` (for the tab in the browser)
 * and `/local/*`, and the built tab. The services are complete before `listen` is called, so there
 * is no start-up gate: a fixed port opens only after every route is mounted.
 */
export async function listen(services: Services, opts: ListenOptions = {}): Promise<RunningServer> {
  const { config, log, clock } = services;
  const requested = opts.port ?? config.PORT;
  const host = opts.host ?? hostOf(config);
  checkLocalHost(config, host, log);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.use(requestContext());
  // Text answers — the tab's JavaScript, index.html, the command API's and the emulator's JSON —
  // are compressed when the client accepts it, as Graph's are (docs/decisions/0013). Files already
  // compressed (docx, xlsx, png) are left alone by their content type; small answers by size.
  app.use(compression());
  app.use(securityHeaders({ mode: config.MODE, ...(config.MODE === 'tenant' ? { graphOrigin: new URL(config.GRAPH_BASE_URL).origin } : {}) }));
  app.use(corsFor(config.CORS_ORIGINS));
  const limits = {
    userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
    ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
    onLimited: (what: string, res: express.Response) => log.warn(`[${String(res.locals.requestId)}] 429: rate limit per ${what}`),
  };
  const perIp = perIpLimiter(limits);
  const server = createServer(app);
  // Cards link to the public URL, which names the port when PUBLIC_URL is unset. A fixed port opens
  // only once every route is mounted; an ephemeral one (0: tests) is bound first to learn its
  // number — no one else can know it before we return it.
  if (requested === 0) await bind(server, 0, host);
  let bot: BotHandle | undefined;
  try {
    const publicUrl = publicUrlOf(config, requested === 0 ? portOf(server) : requested);
    mountRoutes(app, services, publicUrl);
    // Local mode's bot takes activities from anyone who reaches it: limited per address.
    if (config.MODE === 'local') app.use('/api/messages', perIp);
    bot = await mountBot(app, { ...services.bot, publicUrl }, opts.bot);
    const mounted = bot;
    // Every command (and the import) is authenticated from its headers before its body is read,
    // then limited per user.
    app.use('/api', authenticateFirst(services.verify, perIp), perUserLimiter(limits));
    // Before the command API, whose JSON parser takes 256 kB: an uploaded table may be 10 MB.
    app.use('/api/import', importRouter({ ctx: services.ctx }));
    app.use('/api/reports', reportRouter({ board: services.board, clock, archive: services.archive }));
    app.use('/api', meetingRouter({ ctx: services.ctx, onEnded: (s) => mounted.postMeetingSummary(s), log }));
    app.use('/api', planLifeCycleRouter({ ctx: services.ctx }));
    app.use('/api', apiRouter({ ctx: services.ctx }));
    mountTab(app, opts.tabDir ?? TAB_DIR, () => tabConfig(services, publicUrl));
    app.use(errorHandler(log));
    if (requested !== 0) await bind(server, requested, host);
    const port = portOf(server);
    log.info(`Tavoitteet (${config.MODE} mode) listening on ${publicUrl}`);
    // Periodic passes reconcile only goals whose check-ins changed (Graph delta on CheckIns).
    const checkInDelta = createDeltaCache({ client: services.graph, siteId: services.siteId, entity: 'checkIn', lists: services.lists });
    const reconciler = startSummaryReconciler(services.ctx, log, config.SUMMARY_RECONCILE_MINUTES, checkInChangesFrom(checkInDelta));
    return {
      url: `http://127.0.0.1:${port}`,
      host: (server.address() as AddressInfo).address,
      port,
      app,
      services,
      bot: mounted,
      reconciler,
      close: async () => {
        reconciler.stop();
        await reconciler.started;
        await mounted.close();
        await closeServer(server);
        await services.close();
      },
    };
  } catch (e) {
    await bot?.close();
    await closeServer(server);
    throw e;
  }

  /** What the tab needs to start: served at `/config.json` and inside index.html (tab-html.ts). */
  async function tabConfig(s: Services, url: string): Promise<Record<string, unknown>> {
    // The list ids the server has resolved anyway, so the tab does not look them up on every
    // visit; a site not reachable right now serves the config without them (the tab resolves).
    const listIds = await s.lists.ids(TAB_LISTS).catch((e: unknown) => {
      log.warn(`The tab configuration without list ids: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    return {
      mode: config.MODE,
      graphBaseUrl: config.MODE === 'local' ? `${url}/graph/v1.0/` : config.GRAPH_BASE_URL,
      siteId: s.siteId,
      apiBaseUrl: `${url}/api`,
      publicUrl: url,
      teamsAppId: config.TEAMS_APP_ID,
      now: clock.now().toISOString(),
      ...(listIds ? { listIds } : {}),
      // The tab keeps local tokens for a reload (as MSAL keeps Entra's) only while this key signs.
      ...(s.local ? { localKeyId: s.local.issuer.keyId } : {}),
      ...(config.MODE === 'tenant'
        ? { clientId: config.AAD_CLIENT_ID, tenantId: config.AAD_TENANT_ID, apiScope: `${config.API_AUDIENCE}/access_as_user` }
        : {}),
    };
  }

  function mountRoutes(a: Express, s: Services, url: string): void {
    a.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', mode: config.MODE, now: clock.now().toISOString() });
    });
    a.get('/config.json', async (_req, res) => {
      res.json(await tabConfig(s, url));
    });
    if (s.local) {
      // The tab in the browser reads the emulator over HTTP; the server itself calls it in-process.
      a.use('/graph/v1.0', s.local.graphRouter);
      a.use('/local', perIp, s.local.router);
    }
  }
}

/** Every list the tab may read (the tab's delegated token reads; it writes nothing). */
const TAB_LISTS: readonly EntityName[] = ALL_LISTS.map((l) => l.entity);

/**
 * Local mode mints admin tokens for anyone who asks, so it listens on loopback only — unless the
 * operator opted in explicitly (LOCAL_ALLOW_NETWORK), which is logged loudly at every start.
 */
export function checkLocalHost(config: Config, host: string, log: Services['log']): void {
  if (config.MODE !== 'local' || isLoopbackHost(host)) return;
  if (config.LOCAL_ALLOW_NETWORK !== 'expose-demo-tokens-to-the-network') {
    throw new Error(
      `Local mode refuses to listen on ${host}: anyone who reaches it can mint an admin token. Use HOST=127.0.0.1 (the default), or set LOCAL_ALLOW_NETWORK=expose-demo-tokens-to-the-network to expose it knowingly.`,
    );
  }
  log.warn(`!!! LOCAL MODE ON THE NETWORK (${host}): /local/token gives an admin token to anyone who reaches this port (LOCAL_ALLOW_NETWORK is set) !!!`);
}

/**
 * Vite names every file it writes to assets/ by a hash of its content (source maps after theirs),
 * so a file there never changes: a browser keeps it for a year without asking again, and a new
 * build's index.html names new files.
 * index.html itself is asked for again every time (no-cache), so a new build reaches the next visit.
 */
const HASHED = /[\\/]assets[\\/][^\\/]+$/;

function mountTab(app: Express, dir: string, config: () => Promise<Record<string, unknown>>): void {
  if (existsSync(dir)) {
    app.use(
      express.static(dir, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (path.endsWith('.html')) res.set('Cache-Control', 'no-cache');
          else if (HASHED.test(path)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.get(/^\/(?!api\/|graph\/|local\/).*/, async (_req, res, next) => {
      try {
        // Read per request, as sendFile did: a rebuild of the tab is served without a restart.
        const html = withTabConfig(await readFile(join(dir, 'index.html'), 'utf8'), await config());
        res.set('Cache-Control', 'no-cache').type('html').send(html);
      } catch (e) {
        next(e);
      }
    });
  } else {
    // Every tab route says so (not only `/`): a deep link must not fall through to a bare 404.
    app.get(/^\/(?!api\/|graph\/|local\/).*/, (_req, res) => {
      res.status(503).type('text').send('The tab is not built: run `npm run build` (npm start does it for you).');
    });
  }
}

function bind(server: Server, port: number, host: string): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections?.();
  });
}
