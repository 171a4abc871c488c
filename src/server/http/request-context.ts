import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Gives every request an id (a caller's own `X-Request-Id` when it looks like one, else a new
 * UUID), answered in `X-Request-Id` and in every error body, and written on every log line about
 * the request, so a person's report and the log meet without either naming the person.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('X-Request-Id');
    const id = given && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}
