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
import { actorOf, requireJsonBody } from '../http/authenticate';

/**
 * The command API: every write the tab makes. Bodies are validated by the commands (zod, field
 * paths); this file only authenticates, picks the command and shapes the answer.
 */
export interface ApiDeps {
  ctx: CommandContext;
  verify: TokenVerifier;
}

type Authed = Request & { actor: Actor };

/** The largest command body: a goal with its texts in three languages is a few kB. */
export const API_BODY_LIMIT = '256kb';

const ifMatch = (req: Request): string | undefined => req.get('If-Match') ?? undefined;

function sendVersioned(res: express.Response, status: number, v: Versioned<unknown>): void {
  res.status(status).set('ETag', v.etag).json({ value: v.value, etag: v.etag });
}

export function apiRouter({ ctx, verify }: ApiDeps): Router {
  const r = express.Router();

  // From the headers, before the body is read (listen's gate usually did it already).
  const authenticate: RequestHandler = (req, res, next) => {
    const known = actorOf(res.locals);
    if (known) {
      (req as Authed).actor = known;
      next();
      return;
    }
    verify(req.get('Authorization'))
      .then((t) => {
        (req as Authed).actor = t.actor;
        next();
      })
      .catch(next);
  };
  r.use(authenticate);
  r.use(requireJsonBody());
  r.use(express.json({ limit: API_BODY_LIMIT }));

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
