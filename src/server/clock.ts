import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../ports';

/**
 * The real clock, optionally shifted so that it starts at `startAt` (local demo of a past plan) and
 * runs on. Never goes back within a process, even if the machine's clock does.
 */
export function createClock(startAt?: string): Clock {
  return monotonic(startAt ? Date.parse(startAt) - Date.now() : 0);
}

function monotonic(offsetMs: number): Clock & { offsetMs: number } {
  let last = 0;
  return {
    offsetMs,
    now: () => {
      last = Math.max(last, Date.now() + offsetMs);
      return new Date(last);
    },
  };
}

const stateSchema = z.object({ startAt: z.string(), offsetMs: z.number().finite(), highWater: z.string().datetime({ offset: true }).optional() });

export interface PersistentClockOptions {
  /** APP_NOW: where the clock starts on a fresh data folder. */
  startAt: string;
  /** Where the offset is kept (DATA_DIR/clock.json). */
  file: string;
  /** A fresh emulator database: start again at `startAt`. */
  fresh: boolean;
  onNotice?: (msg: string) => void;
}

/**
 * Local mode's shifted clock, kept across restarts: the offset from the real clock is written
 * under DATA_DIR the first time, and reused on every later start, so the app's time runs on from
 * where it was (restarting at APP_NOW would make a new check-in older than the ones it follows).
 * A changed APP_NOW is taken only if it is later than the clock already is; a fresh database (a
 * reset demo) starts at APP_NOW again. Each start records a high-water mark, and the clock never
 * starts below it.
 */
export function createPersistentClock(o: PersistentClockOptions): Clock {
  const wanted = Date.parse(o.startAt) - Date.now();
  let offsetMs = wanted;
  if (!o.fresh && existsSync(o.file)) {
    const stored = stateSchema.safeParse(safeJson(readFileSync(o.file, 'utf8')));
    if (stored.success) {
      const high = stored.data.highWater ? Date.parse(stored.data.highWater) - Date.now() : -Infinity;
      const kept = Math.max(stored.data.offsetMs, high);
      if (stored.data.startAt === o.startAt || wanted <= kept) {
        if (stored.data.startAt !== o.startAt) o.onNotice?.(`APP_NOW ${o.startAt} is earlier than the local clock already is; keeping the clock (reset the demo to start again)`);
        offsetMs = kept;
      }
    } else {
      o.onNotice?.(`${o.file} is unreadable; the local clock starts at APP_NOW again`);
    }
  }
  const clock = monotonic(offsetMs);
  write(o.file, { startAt: o.startAt, offsetMs, highWater: clock.now().toISOString() });
  return clock;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function write(file: string, state: z.infer<typeof stateSchema>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
