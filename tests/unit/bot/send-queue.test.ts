import { describe, expect, it } from 'vitest';
import { APP_LIMITS, failureOf, SendQueue, THREAD_LIMITS } from '../../../src/bot/send-queue';
import { maxInAnyWindow } from './rate-windows';

/** Fake time: sleeping moves the clock, nothing really waits. */
function fakeTime(start = 1_000_000) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

function seeded(seed = 42) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const httpError = (status: number, retryAfter?: string) => Object.assign(new Error(`HTTP ${status}`), { response: { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} } });

function assertWithinLimits(stamps: number[], limits = THREAD_LIMITS) {
  for (const l of limits) expect(maxInAnyWindow(stamps, l.windowMs), `window ${l.windowMs} ms`).toBeLessThanOrEqual(l.max);
}

describe('send queue', () => {
  it('keeps 200 sends to one thread within every per-thread window', async () => {
    const time = fakeTime();
    const stamps: number[] = [];
    const q = new SendQueue({ ...time, onAttempt: (_t, at) => stamps.push(at) });
    for (let i = 0; i < 200; i++) await q.send('thread-a', async () => i);
    expect(stamps).toHaveLength(200);
    assertWithinLimits(stamps);
    expect(maxInAnyWindow(stamps, 30_000)).toBe(60); // it does use the allowance
  });

  it('keeps the app within its global rate across many threads', async () => {
    const time = fakeTime();
    const all: number[] = [];
    const perThread = new Map<string, number[]>();
    const q = new SendQueue({ ...time, onAttempt: (t, at) => (all.push(at), perThread.set(t, [...(perThread.get(t) ?? []), at])) });
    await Promise.all(Array.from({ length: 300 }, (_, i) => q.send(`thread-${i % 50}`, async () => i)));
    assertWithinLimits(all, APP_LIMITS);
    for (const s of perThread.values()) assertWithinLimits(s);
  });

  it('keeps arrivals within the app and thread limits when each send reaches Teams up to 90 ms after it left the queue', async () => {
    const time = fakeTime();
    const random = seeded(7);
    const arrivals: number[] = [];
    const perThread = new Map<string, number[]>();
    const q = new SendQueue({ ...time, random, onAttempt: (t, at) => {
      const arrival = at + Math.floor(random() * 90); // event loop and network, varying per send
      arrivals.push(arrival);
      perThread.set(t, [...(perThread.get(t) ?? []), arrival]);
    } });
    await Promise.all(Array.from({ length: 300 }, (_, i) => q.send(`thread-${i % 20}`, async () => i)));
    assertWithinLimits(arrivals, APP_LIMITS);
    for (const s of perThread.values()) assertWithinLimits(s);
    // Without the clearance, one send arriving 89 ms late already bunches arrivals over the limit.
    const bunched: number[] = [];
    const tight = new SendQueue({ ...fakeTime(), clearanceMs: 0, onAttempt: (_t, at) => bunched.push(at + (bunched.length === 0 ? 89 : 0)) });
    await Promise.all(Array.from({ length: 300 }, (_, i) => tight.send(`thread-${i % 20}`, async () => i)));
    expect(maxInAnyWindow(bunched, 1_000)).toBeGreaterThan(APP_LIMITS[0]!.max);
  });

  it('retries 429/412/502/504 with backoff and honours Retry-After', async () => {
    const time = fakeTime();
    const stamps: number[] = [];
    const q = new SendQueue({ ...time, random: () => 0.5, onAttempt: (_t, at) => stamps.push(at) });
    const answers = [httpError(502), httpError(429, '3'), httpError(412), httpError(504)];
    const result = await q.send('t', async () => {
      const a = answers.shift();
      if (a) throw a;
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(stamps).toHaveLength(5);
    expect(stamps[2]! - stamps[1]!).toBeGreaterThanOrEqual(3000); // Retry-After of the 429
    expect(q.stats).toMatchObject({ retries: 4, throttled: 1 });
  });

  it('does not retry other failures', async () => {
    const q = new SendQueue(fakeTime());
    await expect(q.send('t', async () => Promise.reject(httpError(403)))).rejects.toThrow('HTTP 403');
    expect(q.stats.retries).toBe(0);
  });

  it('gives up after the last attempt', async () => {
    const q = new SendQueue({ ...fakeTime(), maxAttempts: 3 });
    let calls = 0;
    await expect(q.send('t', async () => (calls++, Promise.reject(httpError(504))))).rejects.toThrow('HTTP 504');
    expect(calls).toBe(3);
  });

  it('pauses every thread after a 429 until Retry-After has passed', async () => {
    const time = fakeTime();
    const stamps: { t: string; at: number }[] = [];
    let other: Promise<string> | undefined;
    // Thread b starts sending while thread a is backing off from its 429.
    let started = false;
    const sleep = async (ms: number) => {
      if (!started) {
        started = true;
        other = q.send('b', async () => 'b');
      }
      await time.sleep(ms);
    };
    const q: SendQueue = new SendQueue({ now: time.now, sleep, random: () => 0, onAttempt: (t, at) => stamps.push({ t, at }) });
    let first = true;
    await q.send('a', async () => {
      if (first) {
        first = false;
        throw httpError(429, '10');
      }
      return 'a';
    });
    await other;
    const t429 = stamps[0]!.at;
    expect(stamps.map((s) => s.t).sort()).toEqual(['a', 'a', 'b']);
    for (const s of stamps.slice(1)) expect(s.at - t429).toBeGreaterThanOrEqual(10_000);
  });

  it('delivers every message exactly once when 30 % of attempts get 429, within the limits', async () => {
    const time = fakeTime();
    const random = seeded(7);
    const delivered = new Map<number, number>();
    const stamps = new Map<string, number[]>();
    const q = new SendQueue({ ...time, random, maxAttempts: 20, onAttempt: (t, at) => stamps.set(t, [...(stamps.get(t) ?? []), at]) });
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        q.send(`thread-${i % 4}`, async () => {
          if (random() < 0.3) throw httpError(429, '1');
          delivered.set(i, (delivered.get(i) ?? 0) + 1);
        }),
      ),
    );
    expect(delivered.size).toBe(120);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    for (const s of stamps.values()) assertWithinLimits(s);
    expect(q.stats.throttled).toBeGreaterThan(10);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(failureOf(httpError(429, '2'))).toEqual({ status: 429, retryAfterMs: 2000 });
    const now = Date.parse('2021-09-22T06:00:00Z');
    expect(failureOf(httpError(503, 'Wed, 22 Sep 2021 06:00:05 GMT'), now)).toEqual({ status: 503, retryAfterMs: 5000 });
    expect(failureOf(new Error('network'))).toEqual({});
  });
});
