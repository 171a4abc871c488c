import express, { type Request, type Router } from 'express';
import { correctReview, endMeeting, markFollowUpDone, moveMeeting, startMeeting, withdrawReview, type CommandContext } from '../../commands';
import type { MeetingSession } from '../../domain';
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
 * - `POST /api/reviews/:key/correct` `{ text }`, optional `If-Match` → 200 + ETag (author only)
 * - `POST /api/reviews/:key/withdraw` `{ reason }`, optional `If-Match` → 200 + ETag (author or admin)
 *
 * When a review ends, `onEnded` gets the session (the bot posts the meeting's summary). The
 * presenter's answer does not wait for it, and a failed post is logged, never an error to them.
 */
export interface MeetingRouteDeps {
  ctx: CommandContext;
  onEnded?: (session: MeetingSession) => Promise<unknown>;
  log?: { warn(msg: string, ...args: unknown[]): void };
}

export function meetingRouter({ ctx, onEnded, log }: MeetingRouteDeps): Router {
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
      const { value, ended } = await endMeeting(ctx, actor, id(req), ifMatch(req));
      send(res, 200, value);
      if (ended && onEnded) void onEnded(value.value).catch((e: unknown) => log?.warn(`Review ${value.value.key} ended; its summary was not posted`, e instanceof Error ? e.message : e));
    }),
  );
  r.post(
    '/reviews/:key/follow-up/done',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await markFollowUpDone(ctx, actor, String(req.params.key)));
    }),
  );
  r.post(
    '/reviews/:key/correct',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await correctReview(ctx, actor, String(req.params.key), req.body, ifMatch(req)));
    }),
  );
  r.post(
    '/reviews/:key/withdraw',
    ...body,
    command(async (req, res, actor) => {
      send(res, 200, await withdrawReview(ctx, actor, String(req.params.key), req.body, ifMatch(req)));
    }),
  );
  return r;
}
