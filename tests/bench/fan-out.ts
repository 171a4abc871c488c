/**
 * Reminder fan-out: 300 development groups' channels and 1,000 personal chats, one card each, sent
 * through the bot's SendQueue to a recording connector that enforces Teams' limits itself (per
 * thread 7/1 s, 8/2 s, 60/30 s, 1,800/h; per app 30/s) and answers 429 with Retry-After to anything
 * over them; then again with 2 % of sends throttled at random, as a busy tenant would (each 429
 * pauses all sending for its Retry-After, send-queue.ts). Fake time: nothing really waits, so the
 * figure is the schedule, not this machine. Prints the total time as a ratio to the least the limits
 * allow, duplicates and violations; asserts nothing.
 *
 *   npx tsx tests/bench/fan-out.ts      (part of npm run bench, --quick included)
 */
import { APP_LIMITS, SendQueue, THREAD_LIMITS, type RateWindow } from '../../src/bot/send-queue';

const GROUPS = 300;
const PEOPLE = 1000;

function seeded(seed = 7) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Fake time; concurrent sleepers wake in time order, as real timers would. */
function fakeClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  };
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => (sleepers.push({ at: now + ms, wake }), schedule())),
  };
}

const over = (stamps: readonly number[], limits: readonly RateWindow[], now: number) =>
  limits.some((l) => stamps.filter((t) => t > now - l.windowMs).length >= l.max);

async function fanOut(RANDOM_429: number): Promise<void> {
  const clock = fakeClock();
  const random = seeded();
  const delivered = new Map<string, number>();
  const threadStamps = new Map<string, number[]>();
  const appStamps: number[] = [];
  let violations = 0;
  let throttled = 0;
  
  /** Teams as the queue meets it: refuses (429) what is over a limit, and sometimes just refuses. */
  async function connector(thread: string): Promise<void> {
    const now = clock.now();
    const mine = threadStamps.get(thread) ?? [];
    threadStamps.set(thread, mine);
    if (over(mine, THREAD_LIMITS, now) || over(appStamps, APP_LIMITS, now)) {
      violations++;
      throw Object.assign(new Error('HTTP 429'), { response: { status: 429, headers: { 'retry-after': '1' } } });
    }
    mine.push(now);
    appStamps.push(now);
    if (random() < RANDOM_429) {
      throttled++;
      throw Object.assign(new Error('HTTP 429'), { response: { status: 429, headers: { 'retry-after': '2' } } });
    }
    delivered.set(thread, (delivered.get(thread) ?? 0) + 1);
  }
  
  const queue = new SendQueue({ now: clock.now, sleep: clock.sleep, random, maxAttempts: 8 });
  const threads = [...Array.from({ length: GROUPS }, (_, i) => `channel:group-${i}`), ...Array.from({ length: PEOPLE }, (_, i) => `chat:person-${i}`)];
  const failed: string[] = [];
  await Promise.all(threads.map((t) => queue.send(t, () => connector(t)).catch(() => failed.push(t))));
  
  const total = clock.now();
  const minimum = Math.ceil(threads.length / APP_LIMITS[0]!.max) * 1000 - 1000; // 30 a second, the first second at 0
  const duplicates = [...delivered.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const missing = threads.filter((t) => !delivered.has(t)).length;
  console.log(`\nreminder fan-out: ${GROUPS} group channels + ${PEOPLE} personal chats, Teams' limits enforced by the connector, ${RANDOM_429 * 100} % random 429`);
  console.log(`  total ${(total / 1000).toFixed(1)} s against the least the limits allow, ${(minimum / 1000).toFixed(1)} s: ${(total / minimum).toFixed(2)}× (target ≤ 1.2×)`);
  console.log(`  delivered ${delivered.size}/${threads.length}, missing ${missing}, duplicates ${duplicates}, limit violations ${violations} (targets 0), random 429s retried ${throttled}, attempts ${queue.stats.attempts}, failed ${failed.length}`);
}

await fanOut(0);
await fanOut(0.02);
