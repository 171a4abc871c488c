import type { CommandContext } from '../commands';
import { reconcileSummaries } from '../commands/submit-check-in';
import type { Logger } from '../ports';

export interface SummaryReconciler {
  /** The pass that runs at start (tests await it). */
  started: Promise<void>;
  stop(): void;
}

/**
 * Keeps every goal's summary equal to its recomputation from CheckIns: one pass at start (a crash
 * between a check-in and its summary update is repaired by the next start), then one every
 * `everyMinutes` (a summary update that lost every race is repaired within that time).
 */
export function startSummaryReconciler(ctx: CommandContext, log: Logger, everyMinutes: number): SummaryReconciler {
  let stopped = false;
  const pass = async () => {
    if (stopped) return;
    try {
      const fixed = await reconcileSummaries(ctx);
      if (fixed.length) log.warn(`Summaries recomputed from check-ins for ${fixed.length} goal(s): ${fixed.join(', ')}`);
    } catch (e) {
      if (!stopped) log.warn('Summary reconcile pass did not finish; the next one retries', e instanceof Error ? e.message : e);
    }
  };
  const started = pass();
  const timer = everyMinutes > 0 ? setInterval(() => void pass(), everyMinutes * 60_000) : undefined;
  timer?.unref();
  return {
    started,
    stop: () => {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
