import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, type Conflict, type Invalid, type Throttled } from '../domain';
import type { Logger } from '../ports';
import { Unauthenticated } from './auth/token-verifier';

/**
 * The one place where errors become HTTP answers. Bodies follow one shape:
 * `{ error: { code, message, fields?, current?, requestId? } }`. Nothing a client sent wrong is
 * an ERROR in the log (at most a WARN line, no stack); nothing internal (stacks, Graph's site and
 * list ids, the token library's reasons) reaches a body.
 */
export type ErrorLog = Pick<Logger, 'warn' | 'error'> | ((msg: string, err: unknown) => void);

/** What body-parser (express.json) throws for a body it refuses, by its `type`. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'tooLarge', message: 'The request body is too large' },
  'charset.unsupported': { status: 415, code: 'unsupportedMediaType', message: 'The request body must be UTF-8' },
  'encoding.unsupported': { status: 415, code: 'unsupportedMediaType', message: 'Unsupported Content-Encoding; send identity, gzip, deflate or br' },
  'entity.parse.failed': { status: 400, code: 'invalid', message: 'The request body is not valid JSON' },
  'entity.verify.failed': { status: 400, code: 'invalid', message: 'The request body was refused' },
  'request.aborted': { status: 400, code: 'invalid', message: 'The request body was not received completely' },
  'request.size.invalid': { status: 400, code: 'invalid', message: 'The request body does not match its Content-Length' },
  'stream.encoding.set': { status: 400, code: 'invalid', message: 'The request body could not be read' },
};

/** An error answered with its own 4xx status and a fixed, safe message (the HTTP layer's own refusals). */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Logged, never sent. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

const warnOf = (log: ErrorLog | undefined) => (msg: string) => (typeof log === 'function' ? undefined : log?.warn(msg));
const errorOf = (log: ErrorLog | undefined) => (msg: string, err: unknown) => (typeof log === 'function' ? log(msg, err) : log?.error(msg, err));

export function sendError(res: Response, e: unknown, log?: ErrorLog): void {
  const warn = warnOf(log);
  const requestId = typeof res.locals?.requestId === 'string' ? (res.locals.requestId as string) : undefined;
  // The request id and at most the caller's object id: never a UPN, a name or a token.
  const actorId = (res.locals?.actor as { id?: unknown } | undefined)?.id;
  const tag = `${requestId ? `[${requestId}] ` : ''}${res.req ? `${res.req.method} ${res.req.baseUrl}${res.req.path}` : ''}${typeof actorId === 'string' ? ` user ${actorId}` : ''}`;
  const send = (status: number, error: Record<string, unknown>) => {
    if (res.headersSent) return;
    res.status(status).json({ error: { ...error, ...(requestId ? { requestId } : {}) } });
  };

  if (e instanceof Unauthenticated) {
    warn(`${tag} 401: ${e.reason}`);
    res.set('WWW-Authenticate', 'Bearer');
    send(401, { code: 'unauthenticated', message: e.message });
    return;
  }
  if (e instanceof ClientError) {
    warn(`${tag} ${e.status}: ${e.reason ?? e.message}`);
    send(e.status, { code: e.code, message: e.message });
    return;
  }
  const bodyType = typeof e === 'object' && e !== null ? (e as { type?: unknown }).type : undefined;
  const bodyError = typeof bodyType === 'string' ? BODY_ERRORS[bodyType] : undefined;
  if (bodyError) {
    warn(`${tag} ${bodyError.status}: ${bodyType}`);
    send(bodyError.status, { code: bodyError.code, message: bodyError.message, ...(bodyError.code === 'invalid' ? { fields: [{ path: '(body)', message: bodyError.message }] } : {}) });
    return;
  }
  if (e instanceof DomainError) {
    switch (e.kind) {
      case 'Invalid':
        send(400, { code: 'invalid', message: e.message, fields: (e as Invalid).issues });
        return;
      case 'NotFound':
        send(404, { code: 'notFound', message: e.message });
        return;
      case 'Forbidden':
        send(403, { code: 'forbidden', message: e.message });
        return;
      case 'Conflict': {
        const c = e as Conflict;
        const fromGraph = (c as { cause?: unknown }).cause !== undefined;
        if (c.reason === 'stale') {
          if (c.currentEtag) res.set('ETag', c.currentEtag);
          send(412, { code: 'preconditionFailed', message: fromGraph ? 'The item was changed by someone else' : c.message, current: { value: c.current, etag: c.currentEtag } });
        } else {
          // A conflict SharePoint reported itself (a unique column) carries Graph's text, with the
          // site's and list's internal ids in it: the caller gets a neutral sentence, the log the rest.
          if (fromGraph) warn(`${tag} 409 from SharePoint: ${c.message}`);
          send(409, {
            code: 'conflict',
            message: fromGraph ? 'An item with the same unique value exists already' : c.message,
            ...(c.current !== undefined ? { current: { value: c.current, etag: c.currentEtag } } : {}),
          });
        }
        return;
      }
      case 'Throttled': {
        const t = e as Throttled;
        res.set('Retry-After', String(t.retryAfterSeconds ?? 5));
        send(503, { code: 'throttled', message: 'SharePoint is busy; try again shortly' });
        return;
      }
      case 'Unavailable':
        res.set('Retry-After', '5');
        send(503, { code: 'unavailable', message: 'SharePoint did not answer; try again shortly' });
        return;
    }
  }
  errorOf(log)(`${tag} unhandled error`, e);
  send(500, { code: 'internal', message: 'Something went wrong on the server; it has been logged' });
}

export function errorHandler(log: ErrorLog): ErrorRequestHandler {
  return (err, _req, res, _next) => sendError(res, err, log);
}
