import type { RequestHandler } from 'express';
import type { Actor } from '../../domain';
import type { TokenVerifier } from '../auth/token-verifier';

/**
 * Authenticates a request from its headers alone, before any body is read: an unauthenticated
 * caller never gets a byte parsed. A refused token counts against the caller's address
 * (`onRefused`, the per-address limiter) and goes on as a 401; an accepted one puts the actor in
 * `res.locals.actor` for the per-user limiter and the routes.
 */
export function authenticateFirst(verify: TokenVerifier, onRefused: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    verify(req.get('Authorization')).then(
      (t) => {
        res.locals.actor = t.actor;
        next();
      },
      (e: unknown) => {
        onRefused(req, res, (err?: unknown) => next(err ?? e));
      },
    );
  };
}

export const actorOf = (locals: Record<string, unknown>): Actor | undefined => locals.actor as Actor | undefined;

/**
 * A body on a write must be JSON (UTF-8, body-parser checks the charset): anything else is a 415
 * rather than a body silently read as empty.
 */
export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody || req.is('application/json')) return next();
    const requestId = typeof res.locals.requestId === 'string' ? { requestId: res.locals.requestId as string } : {};
    res.status(415).json({ error: { code: 'unsupportedMediaType', message: 'Send the body as JSON (Content-Type: application/json)', ...requestId } });
  };
}
