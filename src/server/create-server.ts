import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { importDataset, type CommandContext } from '../commands';
import type { BoardReader, Repository } from '../ports';
import { buildDemoDataset } from '../demo';
import { createBoardReader, createGraphClient, createGraphRepository, createSiteLists, provisionLists, type GraphClient } from '../graph';
import type { Emulator } from './local/local-mode';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier';
import { LOCAL_API_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from './auth/local-issuer';
import { createClock } from './clock';
import { publicUrl as publicUrlOf, type Config } from './config';
import { errorHandler } from './http-errors';
import { createLogger, type Logger } from './logger';
import { createLocalParts } from './local/local-mode';
import { apiRouter } from './routes/api';
import { tenantAppToken } from './auth/tenant-app-token';
import { mountBot, type BotHandle } from '../bot';

/** Everything the server wires together; handed to the bot and to tests. */
export interface Services {
  config: Config;
  log: Logger;
  repo: Repository;
  /** Reads a plan's board in one `$batch`; shares list resolution with `repo`. */
  board: BoardReader;
  ctx: CommandContext;
  graph: GraphClient;
  siteId: string;
  verify: TokenVerifier;
  publicUrl: string;
  /** Local mode only. */
  local?: { issuer: LocalIssuer; emulator: Emulator };
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  services: Services;
  bot: BotHandle;
  close(): Promise<void>;
}

const TAB_DIR = resolve('dist/tab');

/**
 * Starts the app server: listens first (so the port is known for the local JWKS and the
 * emulator's own URL), then wires services and routes. Requests that arrive in between get 503.
 */
export async function startServer(config: Config, opts: { logger?: Logger } = {}): Promise<RunningServer> {
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const app = express();
  app.disable('x-powered-by');
  let ready = false;
  // While starting, only the emulator answers (provisioning and seeding call it over HTTP).
  app.use((req, res, next) =>
    ready || req.path.startsWith('/graph/') ? next() : res.status(503).set('Retry-After', '1').json({ error: { code: 'starting', message: 'The server is starting' } }),
  );

  const server: Server = await new Promise((ok, fail) => {
    const s = app.listen(config.PORT, config.HOST, () => ok(s));
    s.on('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const loopback = `http://127.0.0.1:${port}`;
  const publicUrl = publicUrlOf(config, port);
  const clock = createClock(config.MODE === 'local' ? config.APP_NOW : undefined);

  let services: Services;
  let closeLocal = () => {};
  if (config.MODE === 'local') {
    const local = await createLocalParts(config.DATA_DIR, config.EMULATOR_FAULT_RATE);
    closeLocal = () => local.emulator.close();
    app.use('/graph/v1.0', local.emulator.router);
    app.use('/local', local.router);
    const graph = createGraphClient({ baseUrl: `${loopback}/graph/v1.0/`, getToken: () => local.issuer.appToken(), retry: { maxRetries: 6 } });
    const lists = createSiteLists(graph, local.emulator.siteId);
    const repo = createGraphRepository({ client: graph, siteId: local.emulator.siteId, lists });
    const verify = createTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_API_AUDIENCE, jwks: new URL(`${loopback}/local/.well-known/jwks.json`) });
    services = {
      config,
      log,
      repo,
      board: createBoardReader({ client: graph, siteId: local.emulator.siteId, lists }),
      graph,
      siteId: local.emulator.siteId,
      verify,
      publicUrl,
      ctx: { repo, clock, newId: randomUUID },
      local: { issuer: local.issuer, emulator: local.emulator },
    };
    if (local.fresh) {
      const provisioned = await provisionLists({ client: graph, siteId: local.emulator.siteId });
      const report = await importDataset(services.ctx, buildDemoDataset());
      log.info(`Local SharePoint emulator created in ${config.DATA_DIR}: ${provisioned.created.length} lists; demo data loaded`, report.created);
    }
  } else {
    const graph = createGraphClient({ baseUrl: config.GRAPH_BASE_URL, getToken: tenantAppToken(config) });
    const lists = createSiteLists(graph, config.SHAREPOINT_SITE_ID);
    const repo = createGraphRepository({ client: graph, siteId: config.SHAREPOINT_SITE_ID, lists });
    const board = createBoardReader({ client: graph, siteId: config.SHAREPOINT_SITE_ID, lists });
    const tid = config.AAD_TENANT_ID;
    const verify = createTokenVerifier({
      issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
      audience: [config.API_AUDIENCE, config.AAD_CLIENT_ID],
      jwks: new URL(`https://login.microsoftonline.com/${tid}/discovery/v2.0/keys`),
    });
    services = { config, log, repo, board, graph, siteId: config.SHAREPOINT_SITE_ID, verify, publicUrl, ctx: { repo, clock, newId: randomUUID } };
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', mode: config.MODE, now: clock.now().toISOString() });
  });
  app.get('/config.json', (_req, res) => {
    res.json({
      mode: config.MODE,
      graphBaseUrl: config.MODE === 'local' ? `${publicUrl}/graph/v1.0/` : config.GRAPH_BASE_URL,
      siteId: services.siteId,
      apiBaseUrl: `${publicUrl}/api`,
      publicUrl,
      teamsAppId: config.TEAMS_APP_ID,
      now: clock.now().toISOString(),
      ...(config.MODE === 'tenant'
        ? { clientId: config.AAD_CLIENT_ID, tenantId: config.AAD_TENANT_ID, apiScope: `${config.API_AUDIENCE}/access_as_user` }
        : {}),
    });
  });
  const bot = await mountBot(app, services);
  app.use('/api', apiRouter({ ctx: services.ctx, verify: services.verify }));
  if (existsSync(TAB_DIR)) {
    app.use(express.static(TAB_DIR, { index: false, maxAge: '1h', setHeaders: (res, path) => path.endsWith('.html') && res.set('Cache-Control', 'no-cache') }));
    app.get(/^\/(?!api\/|graph\/|local\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(TAB_DIR, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The tab is not built: run `npm run build` (npm start does it for you).');
    });
  }
  app.use(errorHandler((msg, err) => log.error(msg, err)));
  ready = true;
  log.info(`Tavoitteet (${config.MODE} mode) listening on ${publicUrl}`);

  return {
    url: loopback,
    port,
    app,
    services,
    bot,
    close: async () => {
      await bot.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      closeLocal();
    },
  };
}
