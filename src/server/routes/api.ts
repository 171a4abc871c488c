import express, { type Router } from 'express';
import { isMember, type Actor } from '../../domain';
import {
  recordReviewOnce,
  saveGoal,
  saveGroup,
  savePlan,
  saveTheme,
  saveUnit,
  submitCheckIn,
  type CommandContext,
} from '../../commands';
import type { Versioned } from '../../ports';
import { requireJsonBody } from '../http/authenticate';
import { command, ifMatch, sendVersioned } from '../http/command-route';

/**
 * The command API: every write the tab makes. Bodies are validated by the commands (zod, field
 * paths); this file only authenticates, picks the command and shapes the answer.
 */
export interface ApiDeps {
  ctx: CommandContext;
}

/** The largest command body: a goal with its texts in three languages is a few kB. */
export const API_BODY_LIMIT = '256kb';

export function apiRouter({ ctx }: ApiDeps): Router {
  const r = express.Router();
  // The caller was authenticated from the headers by listen's /api gate, before this body is read.
  r.use(requireJsonBody());
  r.use(express.json({ limit: API_BODY_LIMIT }));

  r.get(
    '/me',
    command(async (req, res, actor) => {
      const { items } = await ctx.repo.groups.list();
      const groups = items.filter((g) => isMember(g.value, actor.id)).map((g) => g.value.key);
      res.json({ ...actor, groups, now: ctx.clock.now().toISOString() });
    }),
  );

  r.post(
    '/check-ins',
    command(async (req, res, actor) => {
      const { checkIn, created } = await submitCheckIn(ctx, actor, req.body, 'tab');
      res.status(created ? 201 : 200).json({ value: checkIn, created });
    }),
  );

  r.post(
    '/reviews',
    command(async (req, res, actor) => {
      const { review, created } = await recordReviewOnce(ctx, actor, req.body);
      res.status(created ? 201 : 200).json({ value: review, created });
    }),
  );

  r.post(
    '/goals',
    command(async (req, res, actor) => {
      const { value } = await saveGoal(ctx, actor, undefined, req.body);
      sendVersioned(res, 201, value);
    }),
  );

  type Save = (ctx: CommandContext, actor: Actor, key: string, raw: unknown, etag?: string) => Promise<{ value: Versioned<unknown>; created: boolean }>;
  const put = (save: Save) =>
    command(async (req, res, actor) => {
      const { value, created } = await save(ctx, actor, String(req.params.key), req.body, ifMatch(req));
      sendVersioned(res, created ? 201 : 200, value);
    });
  r.put('/goals/:key', put((c, a, k, b, e) => saveGoal(c, a, k, b, e)));
  r.put('/plans/:key', put(savePlan));
  r.put('/themes/:key', put(saveTheme));
  r.put('/groups/:key', put(saveGroup));
  r.put('/units/:key', put(saveUnit));

  r.use((req, res) => {
    res.status(404).json({ error: { code: 'notFound', message: `No API route ${req.method} ${req.baseUrl}${req.path}` } });
  });
  return r;
}
