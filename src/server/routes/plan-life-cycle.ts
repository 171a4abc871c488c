import express, { type Request, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { parseOrInvalid, type Actor } from '../../domain';
import { archivePlan, copyPlan, type CommandContext } from '../../commands';
import type { TokenVerifier } from '../auth/token-verifier';

/**
 * A plan's life cycle over HTTP: `POST /api/plans/:key/copy` ("create a new plan from this one",
 * body `{ key, title?, periodStart, periodEnd }`, 201) and `POST /api/plans/:key/archive`
 * (`{ archived: true|false }` with If-Match, 200 with the new version and ETag). Errors go to the
 * server's one error handler.
 */
export interface PlanLifeCycleDeps {
  ctx: CommandContext;
  verify: TokenVerifier;
}

type Authed = Request & { actor: Actor };

const archiveSchema = z.object({ archived: z.boolean({ error: 'Say whether the plan is archived (true) or restored (false)' }) });

export function planLifeCycleRouter({ ctx, verify }: PlanLifeCycleDeps): Router {
  const r = express.Router();
  const json = express.json({ limit: '64kb' });
  const authenticate: RequestHandler = (req, _res, next) => {
    verify(req.get('Authorization'))
      .then((t) => {
        (req as Authed).actor = t.actor;
        next();
      })
      .catch(next);
  };
  const key = (req: Request) => String(req.params.key);

  r.post('/plans/:key/copy', json, authenticate, (req, res, next) => {
    copyPlan(ctx, (req as Authed).actor, key(req), req.body)
      .then((value) => res.status(201).json({ value }))
      .catch(next);
  });
  r.post('/plans/:key/archive', json, authenticate, (req, res, next) => {
    Promise.resolve()
      .then(() => parseOrInvalid(archiveSchema, req.body, 'archive request'))
      .then((b) => archivePlan(ctx, (req as Authed).actor, key(req), b.archived, req.get('If-Match') ?? undefined))
      .then((v) => res.set('ETag', v.etag).json({ value: v.value, etag: v.etag }))
      .catch(next);
  });
  return r;
}
