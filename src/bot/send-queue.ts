/**
 * Sends to Teams within its rate limits, retrying what Teams asks us to retry.
 *
 * - Per thread (a channel or a personal chat): 7 sends / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / hour
 *   (Teams' documented per-bot-per-thread limits). Per app: 30 / s across all threads, the low end
 *   of the documented ~30–50 RPS per app per tenant.
 * - Every HTTP attempt counts against the limits, retries included, so what the connector sees
 *   never exceeds them.
 * - 429, 412, 502 and 504 are retried with exponential backoff and full jitter, honouring
 *   Retry-After when given. A 429 pauses ALL sending until its Retry-After has passed, as
 *   Company Communicator did: a throttled tenant is throttled for every thread.
 * - Clock, sleep and randomness are injected so tests run in fake time.
 */

export interface RateWindow {
  windowMs: number;
  max: number;
}

export const THREAD_LIMITS: readonly RateWindow[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];
export const APP_LIMITS: readonly RateWindow[] = [{ windowMs: 1_000, max: 30 }];

export const RETRYABLE = new Set([412, 429, 502, 504]);

export interface SendQueueOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  threadLimits?: readonly RateWindow[];
  appLimits?: readonly RateWindow[];
  /** Attempts per send, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called at each HTTP attempt (tests and metrics). */
  onAttempt?: (threadId: string, at: number) => void;
  /**
   * How much wider than each limit's window the queue keeps its sends (default 100 ms). A send is
   * stamped as it leaves the queue but reaches Teams after event-loop and network delays that vary
   * by tens of milliseconds under load: sends spaced exactly a window apart can arrive closer, one
   * over the limit. Two instances each keeping to their share showed 7 sends in a second against a
   * budget of 6 on a loaded machine; the clearance keeps the arrivals within it.
   */
  clearanceMs?: number;
}

/** What a failed attempt tells us: the HTTP status and the server's Retry-After, if any. */
export interface Failure {
  status?: number;
  retryAfterMs?: number;
}

/** Reads the status and Retry-After from an error of the Teams SDK's HTTP client (axios-shaped). */
export function failureOf(e: unknown, now = Date.now()): Failure {
  const r = (e as { response?: { status?: number; headers?: Record<string, unknown> } } | undefined)?.response;
  const status = r?.status ?? (e as { status?: number } | undefined)?.status;
  const raw = r?.headers?.['retry-after'] ?? (r?.headers as { get?: (n: string) => unknown } | undefined)?.get?.('retry-after');
  let retryAfterMs: number | undefined;
  if (typeof raw === 'string' || typeof raw === 'number') {
    const secs = Number(raw);
    if (Number.isFinite(secs)) retryAfterMs = Math.max(0, secs * 1000);
    else if (!Number.isNaN(Date.parse(String(raw)))) retryAfterMs = Math.max(0, Date.parse(String(raw)) - now);
  }
  return { ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

export interface SendQueueStats {
  attempts: number;
  retries: number;
  throttled: number;
  pausedMs: number;
}

export class SendQueue {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly threadLimits: readonly RateWindow[];
  private readonly appLimits: readonly RateWindow[];
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onAttempt?: (threadId: string, at: number) => void;
  private readonly clearanceMs: number;
  private readonly threads = new Map<string, number[]>();
  private readonly app: number[] = [];
  private pausedUntil = 0;
  readonly stats: SendQueueStats = { attempts: 0, retries: 0, throttled: 0, pausedMs: 0 };

  constructor(o: SendQueueOptions = {}) {
    this.now = o.now ?? (() => Date.now());
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = o.random ?? Math.random;
    this.threadLimits = o.threadLimits ?? THREAD_LIMITS;
    this.appLimits = o.appLimits ?? APP_LIMITS;
    this.maxAttempts = o.maxAttempts ?? 6;
    this.baseDelayMs = o.baseDelayMs ?? 1_000;
    this.maxDelayMs = o.maxDelayMs ?? 60_000;
    this.onAttempt = o.onAttempt;
    this.clearanceMs = o.clearanceMs ?? 100;
  }

  /** Runs `attempt` for `threadId` within the limits, retrying retryable failures; rethrows the last failure. */
  async send<T>(threadId: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      await this.reserve(threadId);
      try {
        return await attempt();
      } catch (e) {
        const f = failureOf(e, this.now());
        if (f.status === undefined || !RETRYABLE.has(f.status) || n >= this.maxAttempts) throw e;
        this.stats.retries++;
        const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (n - 1)) * this.random();
        const delay = Math.max(f.retryAfterMs ?? 0, backoff);
        if (f.status === 429) {
          this.stats.throttled++;
          this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(delay, f.retryAfterMs ?? this.baseDelayMs));
        }
        await this.sleep(delay);
      }
    }
  }

  /** Waits until one more attempt fits every window (and no 429 pause is on), then records it. */
  private async reserve(threadId: string): Promise<void> {
    const stamps = this.threads.get(threadId) ?? [];
    this.threads.set(threadId, stamps);
    for (;;) {
      const now = this.now();
      const c = this.clearanceMs;
      const wait = Math.max(this.pausedUntil - now, waitFor(stamps, this.threadLimits, now, c), waitFor(this.app, this.appLimits, now, c));
      if (wait <= 0) {
        stamps.push(now);
        this.app.push(now);
        prune(stamps, now - maxWindow(this.threadLimits) - c);
        prune(this.app, now - maxWindow(this.appLimits) - c);
        this.stats.attempts++;
        this.onAttempt?.(threadId, now);
        return;
      }
      if (this.pausedUntil > now) this.stats.pausedMs += Math.min(wait, this.pausedUntil - now);
      await this.sleep(wait);
    }
  }
}

function maxWindow(limits: readonly RateWindow[]): number {
  return Math.max(0, ...limits.map((l) => l.windowMs));
}

function prune(stamps: number[], before: number): void {
  let i = 0;
  while (i < stamps.length && stamps[i]! <= before) i++;
  if (i > 0) stamps.splice(0, i);
}

/**
 * How long until one more stamp fits every window (each `clearanceMs` wider than the limit's):
 * the window's oldest relevant stamp must leave it.
 */
function waitFor(stamps: readonly number[], limits: readonly RateWindow[], now: number, clearanceMs: number): number {
  let wait = 0;
  for (const { windowMs: limitWindow, max } of limits) {
    const windowMs = limitWindow + clearanceMs;
    const inWindow = stamps.filter((s) => s > now - windowMs);
    if (inWindow.length >= max) {
      const oldestThatMustLeave = inWindow[inWindow.length - max]!;
      wait = Math.max(wait, oldestThatMustLeave + windowMs - now + 1);
    }
  }
  return wait;
}
