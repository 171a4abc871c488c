import express, { type Request, type RequestHandler, type Router } from 'express';
import { isMember, type Actor } from '../../domain';
import {
  recordReview,
  saveGoal,
  saveGroup,
  savePlan,
  saveTheme,
  saveUnit,
  submitCheckIn,
  type CommandContext,
} from '../../commands';
import type { Versioned } from '../../ports';
import type { TokenVerifier } from '../auth/token-verifier';

/**
 * The command API: every write the tab makes. Bodies are validated by the commands (zod, field
 * paths); this file only authenticates, picks the command and shapes the answer.
 */
export interface ApiDeps {
  ctx: CommandContext;
  verify: TokenVerifier;
}

type Authed = Request & { actor: Actor };

const ifMatch = (req: Request): string | undefined => req.get('If-Match') ?? undefined;

function sendVersioned(res: express.Response, status: number, v: Versioned<unknown>): void {
  res.status(status).set('ETag', v.etag).json({ value: v.value, etag: v.etag });
}

export function apiRouter({ ctx, verify }: ApiDeps): Router {
  const r = express.Router();
  r.use(express.json({ limit: '256kb' }));

  const authenticate: RequestHandler = (req, _res, next) => {
    verify(req.get('Authorization'))
      .then((t) => {
        (req as Authed).actor = t.actor;
        next();
      })
      .catch(next);
  };
  r.use(authenticate);

  const wrap =
    (fn: (req: Authed, res: express.Response) => Promise<void>): RequestHandler =>
    (req, res, next) => {
      fn(req as Authed, res).catch(next);
    };

  r.get(
    '/me',
    wrap(async (req, res) => {
      const { items } = await ctx.repo.groups.list();
      const groups = items.filter((g) => isMember(g.value, req.actor.id)).map((g) => g.value.key);
      res.json({ ...req.actor, groups, now: ctx.clock.now().toISOString() });
    }),
  );

  r.post(
    '/check-ins',
    wrap(async (req, res) => {
      const { checkIn, created } = await submitCheckIn(ctx, req.actor, req.body, 'tab');
      res.status(created ? 201 : 200).json({ value: checkIn, created });
    }),
  );

  r.post(
    '/reviews',
    wrap(async (req, res) => {
      res.status(201).json({ value: await recordReview(ctx, req.actor, req.body) });
    }),
  );

  r.post(
    '/goals',
    wrap(async (req, res) => {
      const { value } = await saveGoal(ctx, req.actor, undefined, req.body);
      sendVersioned(res, 201, value);
    }),
  );

  type Save = (ctx: CommandContext, actor: Actor, key: string, raw: unknown, etag?: string) => Promise<{ value: Versioned<unknown>; created: boolean }>;
  const put = (save: Save) =>
    wrap(async (req, res) => {
      const { value, created } = await save(ctx, req.actor, String(req.params.key), req.body, ifMatch(req));
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
