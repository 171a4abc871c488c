import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../domain';
import type { Versioned } from '../../ports';
import { actorOf } from './authenticate';

/**
 * What every `/api` router shares. The caller is authenticated once, from the headers, by the gate
 * `listen` puts in front of `/api` (`authenticateFirst`); routers read that actor and never verify
 * the token again.
 */
export function callerOf(res: Response): Actor {
  const actor = actorOf(res.locals);
  if (!actor) throw new Error('No authenticated caller: an /api router is mounted in front of the authentication gate');
  return actor;
}

/** A route that runs a command as the authenticated caller; a throw goes to the one error handler. */
export function command(fn: (req: Request, res: Response, actor: Actor) => Promise<void> | void): RequestHandler {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => fn(req, res, callerOf(res)))
      .catch(next);
  };
}

/** A stored entity with its version, as the body and the ETag header (for the next If-Match). */
export function sendVersioned(res: Response, status: number, v: Versioned<unknown>): void {
  res.status(status).set('ETag', v.etag).json({ value: v.value, etag: v.etag });
}

export const ifMatch = (req: Request): string | undefined => req.get('If-Match') ?? undefined;
