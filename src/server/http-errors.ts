import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, type Conflict, type Invalid, type Throttled } from '../domain';
import { Unauthenticated } from './auth/token-verifier';

/**
 * The one place where errors become HTTP answers. Bodies follow one shape:
 * `{ error: { code, message, fields?, current? } }`.
 */
export function sendError(res: Response, e: unknown, log: (msg: string, err: unknown) => void = () => {}): void {
  if (e instanceof Unauthenticated) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: { code: 'unauthenticated', message: e.message } });
    return;
  }
  if (e instanceof SyntaxError && 'body' in e) {
    res.status(400).json({ error: { code: 'invalid', message: 'The request body is not valid JSON', fields: [{ path: '(body)', message: e.message }] } });
    return;
  }
  if (e instanceof DomainError) {
    switch (e.kind) {
      case 'Invalid':
        res.status(400).json({ error: { code: 'invalid', message: e.message, fields: (e as Invalid).issues } });
        return;
      case 'NotFound':
        res.status(404).json({ error: { code: 'notFound', message: e.message } });
        return;
      case 'Forbidden':
        res.status(403).json({ error: { code: 'forbidden', message: e.message } });
        return;
      case 'Conflict': {
        const c = e as Conflict;
        if (c.reason === 'stale') {
          if (c.currentEtag) res.set('ETag', c.currentEtag);
          res.status(412).json({ error: { code: 'preconditionFailed', message: c.message, current: { value: c.current, etag: c.currentEtag } } });
        } else {
          res.status(409).json({ error: { code: 'conflict', message: c.message, ...(c.current !== undefined ? { current: { value: c.current, etag: c.currentEtag } } : {}) } });
        }
        return;
      }
      case 'Throttled': {
        const t = e as Throttled;
        res.status(503).set('Retry-After', String(t.retryAfterSeconds ?? 5)).json({ error: { code: 'throttled', message: 'SharePoint is busy; try again shortly' } });
        return;
      }
      case 'Unavailable':
        res.status(503).set('Retry-After', '5').json({ error: { code: 'unavailable', message: 'SharePoint did not answer; try again shortly' } });
        return;
    }
  }
  log('unhandled error', e);
  res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } });
}

export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => sendError(res, err, log);
}
