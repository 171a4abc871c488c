import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock, createPersistentClock } from '../../../src/server/clock';

const APP_NOW = '2021-09-22T09:00:00+03:00';
let dir: string;
let file: string;
let real: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tavoitteet-clock-'));
  file = join(dir, 'clock.json');
  real = Date.parse('2026-01-01T00:00:00Z');
  vi.spyOn(Date, 'now').mockImplementation(() => real);
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the local clock', () => {
  it('starts at APP_NOW on a fresh data folder', () => {
    expect(createPersistentClock({ startAt: APP_NOW, file, fresh: true }).now().toISOString()).toBe('2021-09-22T06:00:00.000Z');
  });

  it('runs on from where it was after a restart instead of going back to APP_NOW', () => {
    createPersistentClock({ startAt: APP_NOW, file, fresh: true });
    real += 3 * 3600_000; // three hours of running, then a restart
    const after = createPersistentClock({ startAt: APP_NOW, file, fresh: false });
    expect(after.now().toISOString()).toBe('2021-09-22T09:00:00.000Z');
  });

  it('does not go back when the machine’s clock did between two starts', () => {
    createPersistentClock({ startAt: APP_NOW, file, fresh: true });
    real += 3600_000;
    const first = createPersistentClock({ startAt: APP_NOW, file, fresh: false }).now().getTime();
    real -= 2 * 3600_000;
    expect(createPersistentClock({ startAt: APP_NOW, file, fresh: false }).now().getTime()).toBeGreaterThanOrEqual(first);
  });

  it('keeps its time when APP_NOW is set earlier, and takes a later APP_NOW', () => {
    createPersistentClock({ startAt: APP_NOW, file, fresh: true });
    const notices: string[] = [];
    const earlier = createPersistentClock({ startAt: '2021-09-01T09:00:00+03:00', file, fresh: false, onNotice: (m) => notices.push(m) });
    expect(earlier.now().toISOString()).toBe('2021-09-22T06:00:00.000Z');
    expect(notices).toHaveLength(1);
    expect(createPersistentClock({ startAt: '2021-10-05T09:00:00+03:00', file, fresh: false }).now().toISOString()).toBe('2021-10-05T06:00:00.000Z');
  });

  it('starts at APP_NOW again for a fresh database (a reset demo)', () => {
    createPersistentClock({ startAt: APP_NOW, file, fresh: true });
    real += 24 * 3600_000;
    expect(createPersistentClock({ startAt: APP_NOW, file, fresh: true }).now().toISOString()).toBe('2021-09-22T06:00:00.000Z');
  });

  it('never answers an earlier time than it did, even if the machine’s clock steps back', () => {
    const clock = createClock(APP_NOW);
    const before = clock.now().getTime();
    real -= 60_000;
    expect(clock.now().getTime()).toBe(before);
  });
});
