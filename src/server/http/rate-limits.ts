import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Actor } from '../../domain';

/**
 * Two limits (express-rate-limit, in memory per instance): per signed-in user on commands, and
 * per address on what answers without a token (local mode's endpoints, its bot, and refused
 * tokens anywhere). Both answer 429 with `Retry-After` and the usual error body. The defaults are
 * far above a meeting (one check-in per person per goal) or an import (one request per file).
 */
export interface RateLimitOptions {
  userPerMinute: number;
  ipPerMinute: number;
  onLimited?: (what: string, res: Response) => void;
}

const WINDOW_MS = 60_000;

const limited = (what: string, o: RateLimitOptions) => (_req: unknown, res: Response) => {
  o.onLimited?.(what, res);
  const requestId = typeof res.locals.requestId === 'string' ? { requestId: res.locals.requestId as string } : {};
  res.status(429).json({ error: { code: 'tooManyRequests', message: 'Too many requests; try again after the time in Retry-After', ...requestId } });
};

export function perUserLimiter(o: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: o.userPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Only after authentication, which put the actor here.
    keyGenerator: (_req, res) => `user:${(res.locals.actor as Actor).id}`,
    handler: limited('user', o),
  });
}

export function perIpLimiter(o: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: o.ipPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: limited('address', o),
  });
}
