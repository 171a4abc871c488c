import type { Clock } from '../ports';

/** The real clock, optionally shifted so that it starts at `startAt` (local demo of a past plan) and runs on. */
export function createClock(startAt?: string): Clock {
  if (!startAt) return { now: () => new Date() };
  const offset = Date.parse(startAt) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
