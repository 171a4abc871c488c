import { Cron } from 'croner';
import type { Clock, ReadOnlyRepository } from '../ports';
import type { Logger } from '../ports';
import { sendsBetween, type ScheduledSend } from './calendar';

/**
 * Runs the reminder calendar. A croner job ticks every few minutes in Europe/Helsinki; each tick
 * asks the calendar which sends fall between the previous tick and now — on the APP's clock
 * (local mode shifts it to the demo's 2021 date) — and runs them. Nothing is caught up on start:
 * the first window opens at start, so starting the server never fires a reminder by itself. A
 * missed window (server down at 9:00) is sent by hand with `npm run remind`; the ReminderLog makes
 * that safe to do twice.
 */
export interface ReminderScheduler {
  /** Runs one tick now (tests, and the job itself). Returns what was due in the window. */
  tick(): Promise<ScheduledSend[]>;
  stop(): void;
}

export function startScheduler(o: {
  repo: ReadOnlyRepository;
  clock: Clock;
  log: Logger;
  run: (s: ScheduledSend) => Promise<void>;
  pattern?: string;
  enabled?: boolean;
}): ReminderScheduler {
  let last = o.clock.now();
  const tick = async () => {
    const now = o.clock.now();
    const from = last;
    last = now;
    // An archived plan sends no reminders (domain/life-cycle.ts).
    const plans = (await o.repo.plans.list()).items.map((p) => p.value).filter((p) => !p.archivedAt);
    const due = sendsBetween(plans, from, now);
    for (const s of due) {
      o.log.info(`Scheduled ${s.kind} reminders for ${s.planKey} ${s.period} (${s.date})`);
      try {
        await o.run(s);
      } catch (e) {
        o.log.error(`Scheduled ${s.kind} reminders for ${s.planKey} ${s.period} failed`, e);
      }
    }
    return due;
  };
  const job =
    o.enabled === false
      ? undefined
      : new Cron(o.pattern ?? '*/5 * * * *', { timezone: 'Europe/Helsinki', protect: true, unref: true }, () => {
          tick().catch((e) => o.log.error('Reminder tick failed', e));
        });
  return { tick, stop: () => job?.stop() };
}
