import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { parseOrInvalid } from '../../domain';
import { archivePlan, copyPlan, deleteEntity, DELETABLE_KINDS, type CommandContext } from '../../commands';
import { command, ifMatch, sendVersioned } from '../http/command-route';

/**
 * A plan's life cycle over HTTP: `POST /api/plans/:key/copy` ("create a new plan from this one",
 * body `{ key, title?, periodStart, periodEnd }`, 201) and `POST /api/plans/:key/archive`
 * (`{ archived: true|false }` with If-Match, 200 with the new version and ETag), and
 * `DELETE /api/<themes|goals|groups|units>/:key` with If-Match for what was created by mistake
 * (200 `{ value: { deleted } }`; 409 with `error.current.value` `{ reason: 'history', checkIns, … }`
 * or `{ reason: 'in-use', goals, plans }`). Errors go to the server's one error handler.
 */
export interface PlanLifeCycleDeps {
  ctx: CommandContext;
}

const archiveSchema = z.object({ archived: z.boolean({ error: 'Say whether the plan is archived (true) or restored (false)' }) });

export function planLifeCycleRouter({ ctx }: PlanLifeCycleDeps): Router {
  const r = express.Router();
  const json = express.json({ limit: '64kb' });
  const key = (req: Request) => String(req.params.key);

  r.post(
    '/plans/:key/copy',
    json,
    command(async (req, res, actor) => {
      res.status(201).json({ value: await copyPlan(ctx, actor, key(req), req.body) });
    }),
  );
  r.post(
    '/plans/:key/archive',
    json,
    command(async (req, res, actor) => {
      const b = parseOrInvalid(archiveSchema, req.body, 'archive request');
      sendVersioned(res, 200, await archivePlan(ctx, actor, key(req), b.archived, ifMatch(req)));
    }),
  );
  for (const kind of DELETABLE_KINDS) {
    r.delete(
      `/${kind}/:key`,
      command(async (req, res, actor) => {
        res.status(200).json({ value: await deleteEntity(ctx, actor, kind, key(req), ifMatch(req)) });
      }),
    );
  }
  return r;
}
