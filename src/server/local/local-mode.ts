import express, { type Router } from 'express';
import { createLocalJWKSet } from 'jose';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { importDataset, type CommandContext } from '../../commands';
import { buildDemoDataset, DEMO_DIRECTORY, DEMO_USERS, type DemoUser } from '../../demo';
import { parseOrInvalid, PEOPLE_QUERY_MAX, searchPeople } from '../../domain';
import { createEmulator, type Emulator } from '../../emulator';
import { backfillDerivedColumns, createGraphClient, provisionLists, type GraphClient } from '../../graph';
import type { Logger } from '../../ports';
import type { LocalConfig } from '../config';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import { createLocalIssuer, GRAPH_AUDIENCE, LOCAL_API_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../auth/local-issuer';
import { sendError } from '../http-errors';

export type { Emulator };

/**
 * Local mode's site: the Graph emulator (SQLite under DATA_DIR), the local token issuer and the
 * demo users. Loaded by `buildServices` with a dynamic import only in local mode, so a tenant
 * deployment never loads the emulator, better-sqlite3 or the demo dataset. The only file outside
 * tests that imports the emulator.
 */
export interface LocalSite {
  siteId: string;
  /** The server's Graph client: app-only tokens from the local issuer, the emulator called in-process (no socket). */
  graph: GraphClient;
  /** Checks API tokens against the issuer's own key set (no HTTP round trip). */
  verify: TokenVerifier;
  issuer: LocalIssuer;
  emulator: Emulator;
  /** `/local/*`: demo users, their tokens, the JWKS, fault injection and emulator stats. */
  router: Router;
  /**
   * The emulator as the browser reaches it (`/graph/v1.0`): a request without a valid Graph token
   * is answered 401 in Graph's shape from its headers, before its body is read.
   */
  graphRouter: Router;
  /**
   * Who is who in local mode. The token endpoint mints exactly these roles into the tab's tokens
   * and the bot's role directory is built from the same list, so both paths agree.
   */
  people: readonly DemoUser[];
  /** This start created the emulator database (the demo will be loaded into it). */
  fresh: boolean;
  /**
   * On a database this start created: provisions the lists and loads the demo dataset. Returns
   * whether it did (false when the database already existed). On an existing database it brings
   * the lists up to today's schema instead, as `npm run provision` does on a tenant's site (new
   * columns, the report library's columns, compound keys written on older items), so a `.data/`
   * from an earlier version keeps working.
   */
  seedIfFresh(ctx: CommandContext): Promise<boolean>;
  close(): void;
}

/** Where the server's own Graph client addresses the emulator; answered in-process, never resolved. */
export const IN_PROCESS_GRAPH_URL = 'http://emulator.in-process/graph/v1.0/';

/** `GET /local/directory?q=`: one search text (repeating `q` or a novel-length text is refused with 400). */
const directorySearchSchema = z.object({ q: z.string().max(PEOPLE_QUERY_MAX).default('') });

const faultsSchema = z.object({
  rate: z.number().min(0).max(1),
  statuses: z.array(z.number().int().min(400).max(599)).min(1).default([429, 503]),
  retryAfterSeconds: z.number().min(0).max(120).default(1),
});

export async function openLocalSite(config: LocalConfig, log: Logger): Promise<LocalSite> {
  const dbPath = join(config.DATA_DIR, 'graph.sqlite');
  const fresh = !existsSync(dbPath);
  const issuer = await createLocalIssuer(join(config.DATA_DIR, 'local-signing-key.json'));
  const keys = createLocalJWKSet(issuer.jwks());
  // The emulator checks Graph tokens like Graph does, with the issuer's keys in-process.
  const verifyGraphToken = createTokenVerifier({ issuer: LOCAL_ISSUER, audience: GRAPH_AUDIENCE, jwks: keys });
  const authenticate = async (header: string | undefined) => {
    try {
      const t = await verifyGraphToken(header);
      return { kind: t.isApp ? ('app' as const) : ('delegated' as const), displayName: t.actor.name, id: t.actor.id };
    } catch {
      return null;
    }
  };
  const emulator = createEmulator({
    dbPath,
    authenticate,
    ...(config.EMULATOR_FAULT_RATE > 0 ? { faults: { rate: config.EMULATOR_FAULT_RATE, statuses: [429, 503], retryAfterSeconds: 1 } } : {}),
    ...(config.EMULATOR_RESOURCE_UNITS_PER_MINUTE > 0 ? { resourceUnitsPerMinute: config.EMULATOR_RESOURCE_UNITS_PER_MINUTE } : {}),
  });
  const graph = createGraphClient({
    baseUrl: IN_PROCESS_GRAPH_URL,
    fetch: emulator.fetchAt(IN_PROCESS_GRAPH_URL),
    getToken: () => issuer.appToken(),
    retry: { maxRetries: 6 },
  });
  const people = DEMO_USERS;

  const graphRouter = express.Router();
  graphRouter.use((req, res, next) => {
    const header = req.get('Authorization');
    authenticate(header).then(
      (caller) => {
        if (caller) return next();
        log.warn(`[${String(res.locals.requestId ?? '-')}] emulator: 401 before reading the body of ${req.method} ${req.baseUrl}${req.path}`);
        res
          .status(401)
          .json({ error: { code: 'InvalidAuthenticationToken', message: header ? 'Access token validation failure.' : 'Access token is empty.', innerError: { date: new Date().toISOString(), 'request-id': String(res.locals.requestId ?? '') } } });
      },
      next,
    );
  });
  graphRouter.use(emulator.router);

  const router = express.Router();
  // A user id or fault settings: a few hundred bytes.
  router.use(express.json({ limit: '16kb' }));
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json(issuer.jwks());
  });
  router.get('/.well-known/openid-configuration', (req, res) => {
    res.json({ issuer: LOCAL_ISSUER, jwks_uri: `${req.protocol}://${req.get('host')}/local/.well-known/jwks.json` });
  });
  router.get('/users', (_req, res) => {
    res.json(people);
  });
  // The demo directory, searchable as the tenant's is through Graph: what the admin's people picker offers locally.
  router.get('/directory', (req, res) => {
    try {
      const { q } = parseOrInvalid(directorySearchSchema, req.query, 'directory search');
      res.json({ value: searchPeople(DEMO_DIRECTORY, q, 50) });
    } catch (e) {
      sendError(res, e);
    }
  });
  router.post('/token', (req, res) => {
    const userId = (req.body as { userId?: unknown } | undefined)?.userId;
    const user = people.find((u) => u.id === userId);
    if (!user) {
      res.status(400).json({ error: { code: 'invalid', message: `No demo user ${String(userId)}`, fields: [{ path: 'userId', message: 'Choose one of GET /local/users' }] } });
      return;
    }
    Promise.all([issuer.userToken(user, LOCAL_API_AUDIENCE), issuer.userToken(user, GRAPH_AUDIENCE)])
      .then(([accessToken, graphToken]) => res.json({ accessToken, graphToken, expiresOn: new Date(Date.now() + 3600_000).toISOString() }))
      .catch((e) => sendError(res, e));
  });
  router.put('/emulator/faults', (req, res) => {
    try {
      const f = parseOrInvalid(faultsSchema, req.body, 'fault settings');
      emulator.setFaults(f.rate > 0 ? f : null);
      res.json(f);
    } catch (e) {
      sendError(res, e);
    }
  });
  router.get('/emulator/stats', (_req, res) => {
    res.json(emulator.stats());
  });

  let seeded = false;
  return {
    siteId: emulator.siteId,
    graph,
    verify: createTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_API_AUDIENCE, jwks: keys }),
    issuer,
    emulator,
    router,
    graphRouter,
    people,
    fresh,
    async seedIfFresh(ctx) {
      if (seeded) return false;
      seeded = true;
      if (!fresh) {
        const upgraded = await provisionLists({ client: graph, siteId: emulator.siteId });
        // Compound keys are written on older items only when this start added a column: reading
        // every list on every start would cost a large local dataset its start-up time.
        const backfill = upgraded.columnsAdded.length > 0 ? await backfillDerivedColumns({ client: graph, siteId: emulator.siteId }) : { lists: [] };
        const added = [...upgraded.created, ...upgraded.columnsAdded.map((c) => `${c.list}.${c.column}`), ...(upgraded.library?.columnsAdded ?? []).map((c) => `library.${c}`)];
        const written = backfill.lists.filter((l) => l.updated > 0).map((l) => `${l.list}.${l.column} on ${l.updated} items`);
        if (added.length || written.length) log.info(`Local SharePoint emulator in ${config.DATA_DIR} brought up to date: ${[...added, ...written].join(', ')}`);
        return false;
      }
      const provisioned = await provisionLists({ client: graph, siteId: emulator.siteId });
      const report = await importDataset(ctx, buildDemoDataset());
      log.info(`Local SharePoint emulator created in ${config.DATA_DIR}: ${provisioned.created.length} lists; demo data loaded`, report.created);
      return true;
    },
    close: () => emulator.close(),
  };
}
