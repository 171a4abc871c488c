import { GraphError } from './errors.js';

export interface FaultConfig {
  /** Probability 0..1 that a request is answered with a fault instead of being executed. */
  rate: number;
  statuses: number[];
  retryAfterSeconds: number;
}

const FAULT_ERRORS: Record<number, { code: string; message: string; inner?: string }> = {
  429: { code: 'activityLimitReached', message: 'The request has been throttled', inner: 'throttledRequest' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry later.' },
  504: { code: 'gatewayTimeout', message: 'The request timed out.' },
  500: { code: 'generalException', message: 'An unspecified error has occurred.' },
};

/**
 * Decide, before anything executes, whether this request fails. Returning the error (not throwing
 * mid-handler) is what guarantees that an injected fault never has a side effect.
 */
export function pickFault(config: FaultConfig | null, random: () => number): GraphError | null {
  if (!config || config.rate <= 0 || config.statuses.length === 0) return null;
  if (random() >= config.rate) return null;
  const status = config.statuses.length === 1
    ? config.statuses[0]!
    : config.statuses[Math.min(config.statuses.length - 1, Math.floor(random() * config.statuses.length))]!;
  const known = FAULT_ERRORS[status] ?? { code: 'serviceNotAvailable', message: `Injected fault ${status}.` };
  return new GraphError(status, known.code, known.message, { 'Retry-After': String(config.retryAfterSeconds) }, known.inner);
}
