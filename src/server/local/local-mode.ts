import express, { type Router } from 'express';
import { createLocalJWKSet } from 'jose';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createEmulator, type Emulator } from '../../emulator';

export type { Emulator };
import { DEMO_USERS } from '../../demo';
import { parseOrInvalid } from '../../domain';
import { createTokenVerifier } from '../auth/token-verifier';
import { createLocalIssuer, GRAPH_AUDIENCE, LOCAL_API_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../auth/local-issuer';
import { sendError } from '../http-errors';

/**
 * Local mode's composition: the Graph emulator (SQLite under DATA_DIR), the local token issuer
 * and the demo-user endpoints. This is the only file outside tests that imports the emulator.
 */
export interface LocalParts {
  issuer: LocalIssuer;
  emulator: Emulator;
  /** True when the emulator database did not exist before: the caller provisions and seeds it. */
  fresh: boolean;
  router: Router;
}

const faultsSchema = z.object({
  rate: z.number().min(0).max(1),
  statuses: z.array(z.number().int().min(400).max(599)).min(1).default([429, 503]),
  retryAfterSeconds: z.number().min(0).max(120).default(1),
});

export async function createLocalParts(dataDir: string, faultRate: number): Promise<LocalParts> {
  const dbPath = join(dataDir, 'graph.sqlite');
  const fresh = !existsSync(dbPath);
  const issuer = await createLocalIssuer(join(dataDir, 'local-signing-key.json'));
  // The emulator checks Graph tokens like Graph does; with the issuer's keys in-process
  // (the server's own JWKS endpoint serves the same keys to the API's verifier).
  const verifyGraphToken = createTokenVerifier({ issuer: LOCAL_ISSUER, audience: GRAPH_AUDIENCE, jwks: createLocalJWKSet(issuer.jwks()) });
  const emulator = createEmulator({
    dbPath,
    authenticate: async (header) => {
      try {
        const t = await verifyGraphToken(header);
        return { kind: t.isApp ? 'app' : 'delegated', displayName: t.actor.name, id: t.actor.id };
      } catch {
        return null;
      }
    },
    ...(faultRate > 0 ? { faults: { rate: faultRate, statuses: [429, 503], retryAfterSeconds: 1 } } : {}),
  });

  const router = express.Router();
  router.use(express.json());
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json(issuer.jwks());
  });
  router.get('/.well-known/openid-configuration', (req, res) => {
    res.json({ issuer: LOCAL_ISSUER, jwks_uri: `${req.protocol}://${req.get('host')}/local/.well-known/jwks.json` });
  });
  router.get('/users', (_req, res) => {
    res.json(DEMO_USERS);
  });
  router.post('/token', (req, res) => {
    const userId = (req.body as { userId?: unknown } | undefined)?.userId;
    const user = DEMO_USERS.find((u) => u.id === userId);
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
  return { issuer, emulator, fresh, router };
}
