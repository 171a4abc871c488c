import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands';
import type { BoardReader, Clock, Logger, ReportArchive, Repository } from '../ports';
import { createBoardReader, createGraphClient, createGraphRepository, createReportArchive, createSiteLists, type GraphClient, type SiteLists } from '../graph';
import { fixedRoleSource, roleDirectoryFromUsers, type BotServices, type RoleSource } from '../bot';
import type { LocalSite } from './local/local-mode';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier';
import { entraRoleSource } from './auth/entra-role-source';
import { tenantAppToken } from './auth/tenant-app-token';
import { join } from 'node:path';
import { createClock, createPersistentClock } from './clock';
import { publicUrl as publicUrlOf, type Config, type LocalConfig, type TenantConfig } from './config';
import { createLogger } from './logger';

/**
 * Everything the app is made of, wired once, with no port open: the HTTP server (`listen`), the
 * command-line tools and tests all start from here.
 */
export interface Services {
  config: Config;
  log: Logger;
  clock: Clock;
  repo: Repository;
  /** Reads a plan's board in one `$batch`; shares list resolution with `repo`. */
  board: BoardReader;
  /** Filed board reports: the site's document library. */
  archive: ReportArchive;
  ctx: CommandContext;
  graph: GraphClient;
  siteId: string;
  /** The site's list ids, resolved once and shared by `repo` and `board` (the tab gets them in /config.json). */
  lists: SiteLists;
  /** Checks the tab's API tokens (Entra ID in a tenant, the local issuer's key set locally). */
  verify: TokenVerifier;
  /** The configured public URL (`PUBLIC_URL`, else http://localhost:PORT); `listen` corrects the port. */
  publicUrl: string;
  /** What the bot gets: its own interface, nothing of the server. */
  bot: BotServices;
  /** Local mode only. */
  local?: LocalServices;
  /** Releases what `buildServices` opened (the emulator database). */
  close(): Promise<void>;
}

export interface LocalServices {
  issuer: LocalSite['issuer'];
  emulator: LocalSite['emulator'];
  /** `/local/*` endpoints, mounted by `listen`. */
  router: LocalSite['router'];
  /** The emulator for the browser, behind its token check (`/graph/v1.0`). */
  graphRouter: LocalSite['graphRouter'];
  /** True when this start created the emulator database and loaded the demo data into it. */
  seeded: boolean;
}

export interface BuildOptions {
  logger?: Logger;
}

/** One site: where the lists are, how the server reaches Graph, whose tokens the API accepts, who holds which role. */
interface Site {
  siteId: string;
  graph: GraphClient;
  verify: TokenVerifier;
  roles: RoleSource;
  local?: LocalSite;
}

function tenantSite(config: TenantConfig, log: Logger): Site {
  const graph = createGraphClient({ baseUrl: config.GRAPH_BASE_URL, getToken: tenantAppToken(config) });
  const tid = config.AAD_TENANT_ID;
  return {
    siteId: config.SHAREPOINT_SITE_ID,
    graph,
    verify: createTokenVerifier({
      issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
      audience: [config.API_AUDIENCE, config.AAD_CLIENT_ID],
      jwks: new URL(`https://login.microsoftonline.com/${tid}/discovery/v2.0/keys`),
    }),
    // The app roles the API reads from tokens are defined on this app registration.
    roles: entraRoleSource({ graph, appId: config.AAD_CLIENT_ID, log }),
  };
}

async function localSite(config: LocalConfig, log: Logger): Promise<Site> {
  // Loaded only here, so a tenant deployment never loads the emulator, SQLite or the demo data.
  const { openLocalSite } = await import('./local/local-mode');
  const local = await openLocalSite(config, log);
  return { siteId: local.siteId, graph: local.graph, verify: local.verify, roles: fixedRoleSource(roleDirectoryFromUsers(local.people)), local };
}

export async function buildServices(config: Config, opts: BuildOptions = {}): Promise<Services> {
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const site = config.MODE === 'local' ? await localSite(config, log) : tenantSite(config, log);
  try {
    // Local mode's shifted clock is kept under DATA_DIR so it never restarts at APP_NOW behind its own data.
    const clock =
      config.MODE === 'local' && config.APP_NOW && site.local
        ? createPersistentClock({ startAt: config.APP_NOW, file: join(config.DATA_DIR, 'clock.json'), fresh: site.local.fresh, onNotice: (m) => log.warn(m) })
        : createClock();
    const lists = createSiteLists(site.graph, site.siteId);
    const repo = createGraphRepository({ client: site.graph, siteId: site.siteId, lists });
    const board = createBoardReader({ client: site.graph, siteId: site.siteId, lists });
    const ctx: CommandContext = { repo, clock, newId: randomUUID };
    const seeded = site.local ? await site.local.seedIfFresh(ctx) : false;
    const publicUrl = publicUrlOf(config, config.PORT);
    return {
      config,
      log,
      clock,
      repo,
      board,
      archive: createReportArchive({ client: site.graph, siteId: site.siteId }),
      ctx,
      graph: site.graph,
      siteId: site.siteId,
      lists,
      verify: site.verify,
      publicUrl,
      bot: {
        config:
          config.MODE === 'tenant'
            ? { mode: 'tenant', teamsAppId: config.TEAMS_APP_ID, botId: config.BOT_ID, botPassword: config.BOT_PASSWORD, tenantId: config.AAD_TENANT_ID }
            : { mode: 'local', teamsAppId: config.TEAMS_APP_ID },
        publicUrl,
        log,
        repo,
        board,
        ctx,
        roles: site.roles,
      },
      ...(site.local ? { local: { issuer: site.local.issuer, emulator: site.local.emulator, router: site.local.router, graphRouter: site.local.graphRouter, seeded } } : {}),
      close: async () => site.local?.close(),
    };
  } catch (e) {
    site.local?.close();
    throw e;
  }
}
