import { randomUUID } from 'node:crypto';

/** A Graph-shaped failure raised by any handler; turned into `{ error: { code, message, innerError } }`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Graph puts a more specific code inside innerError for some failures (throttling, resync). */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const invalidRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);

export const itemNotFound = (message = 'The resource could not be found.'): GraphError =>
  new GraphError(404, 'itemNotFound', message);

/** Anything the emulator does not implement answers 501 so a caller never gets a silently wrong result. */
export const notImplemented = (feature: string): GraphError =>
  new GraphError(501, 'notImplemented', `The local Graph emulator does not implement ${feature}.`);

export const accessDenied = (): GraphError =>
  new GraphError(
    403,
    'accessDenied',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );

/** Graph's timestamps carry whole seconds and a Z suffix ("2020-06-02T22:46:58Z"). */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function errorBody(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  now: Date,
  innerCode?: string,
): ErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        ...(innerCode ? { code: innerCode } : {}),
        date: graphTime(now),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export const newRequestId = (): string => randomUUID();
