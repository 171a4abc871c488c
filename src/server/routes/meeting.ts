import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Actor } from '../../domain';
import { endMeeting, markFollowUpDone, moveMeeting, startMeeting, type CommandContext } from '../../commands';
import type { Versioned } from '../../ports';
import type { TokenVerifier } from '../auth/token-verifier';
import { actorOf, requireJsonBody } from '../http/authenticate';

/**
 * The review meeting's commands (docs/api.md): start, move and end a meeting's session, and mark
 * a decision's follow-up done. Mounted at `/api` before the command API; it answers only its own
 * paths and passes everything else on.
 *
 * - `POST /api/meetings` `{ meetingId, planKey, period, groupKey?, order, goalKeys }` → 201/200 + ETag
 * - `POST /api/meetings/:id/move` `{ goalKey }`, `If-Match` → 200 + ETag (412 with `current` when stale)
 * - `POST /api/meetings/:id/end`, `If-Match` → 200 + ETag
 * - `POST /api/reviews/:key/follow-up/done` → 200 + ETag
 */
export interface MeetingRouteDeps {
  ctx: CommandContext;
  verify: TokenVerifier;
}

type Authed = Request & { actor: Actor };

const send = (res: express.Response, status: number, v: Versioned<unknown>) => res.status(status).set('ETag', v.etag).json({ value: v.value, etag: v.etag });

export function meetingRouter({ ctx, verify }: MeetingRouteDeps): Router {
  const r = express.Router();
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
  // Per route, so that requests for the command API's other paths pass through untouched.
  const body = [authenticate, requireJsonBody(), express.json({ limit: '64kb' })];
  const wrap =
    (fn: (req: Authed, res: express.Response) => Promise<void>): RequestHandler =>
    (req, res, next) => {
      fn(req as Authed, res).catch(next);
    };
  const id = (req: Request) => String(req.params.id);

  r.post(
    '/meetings',
    ...body,
    wrap(async (req, res) => {
      const { value, created } = await startMeeting(ctx, req.actor, req.body);
      send(res, created ? 201 : 200, value);
    }),
  );
  r.post(
    '/meetings/:id/move',
    ...body,
    wrap(async (req, res) => {
      send(res, 200, await moveMeeting(ctx, req.actor, id(req), req.body, req.get('If-Match') ?? undefined));
    }),
  );
  r.post(
    '/meetings/:id/end',
    ...body,
    wrap(async (req, res) => {
      send(res, 200, await endMeeting(ctx, req.actor, id(req), req.get('If-Match') ?? undefined));
    }),
  );
  r.post(
    '/reviews/:key/follow-up/done',
    ...body,
    wrap(async (req, res) => {
      send(res, 200, await markFollowUpDone(ctx, req.actor, String(req.params.key)));
    }),
  );
  return r;
}
