import { SendQueue } from '../bot';
import type { Config } from './config';

type ScaleSettings = Pick<Config, 'SCALE_OUT_INSTANCES' | 'TEAMS_APP_SENDS_PER_SECOND'>;

/**
 * Teams limits proactive sends per app (30–50 per second per tenant; the budget,
 * TEAMS_APP_SENDS_PER_SECOND, defaults to 30), however many servers send. Each instance's queue
 * knows only its own sends, so with SCALE_OUT_INSTANCES = N every instance keeps to 1/N of the
 * budget and together they stay within it. The per-thread limits need no share: each reminder is
 * claimed by exactly one instance in ReminderLog, so a thread's sends of a run come from one
 * sender. docs/decisions/0007-deployment.md says why a static share and not a shared limiter.
 */
export function appLimitsFor(config: ScaleSettings): { windowMs: number; max: number }[] {
  return [{ windowMs: 1_000, max: Math.max(1, Math.floor(config.TEAMS_APP_SENDS_PER_SECOND / config.SCALE_OUT_INSTANCES)) }];
}

/** The bot's send queue for this instance: Teams' per-thread limits, and its share of the app's. */
export function sendQueueFor(config: ScaleSettings): SendQueue {
  return new SendQueue({ appLimits: appLimitsFor(config) });
}
