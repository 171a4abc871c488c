import express, { type Request, type Router } from 'express';
import { endMeeting, markFollowUpDone, moveMeeting, startMeeting, type CommandContext } from '../../commands';
import { requireJsonBody } from '../http/authenticate';
import { command, ifMatch, sendVersioned as send } from '../http/command-route';

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
}

export function meetingRouter({ ctx }: MeetingRouteDeps): Router {
  const r = express.Router();
  // Per route, so that requests for the command API's other paths pass through untouched.
  const body = [requireJsonBody(), express.json({ limit: '64kb' })];
  const id = (req: Request) => String(req.params.id);

  r.post(
    '/meetings',
    ...body,
    command(async (req, res, actor) => {
      const { value, created } = await startMeeting(ctx, actor, req.body);
      send(res, created ? 201 : 200, value);
    }),
  );
  r.post(
    '/meetings/:id/move',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await moveMeeting(ctx, actor, id(req), req.body, ifMatch(req)));
    }),
  );
  r.post(
    '/meetings/:id/end',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await endMeeting(ctx, actor, id(req), ifMatch(req)));
    }),
  );
  r.post(
    '/reviews/:key/follow-up/done',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await markFollowUpDone(ctx, actor, String(req.params.key)));
    }),
  );
  return r;
}
