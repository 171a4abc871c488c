import type { CommandContext } from '../commands';
import { reconcileSummaries } from '../commands/submit-check-in';
import type { CheckIn } from '../domain';
import type { DeltaCache } from '../graph';
import type { Logger } from '../ports';

export interface SummaryReconciler {
  /** The pass that runs at start (tests await it). */
  started: Promise<void>;
  /** Runs one periodic pass now (the timer's, for tests and the benchmark); the goals it corrected. */
  pass(): Promise<string[]>;
  stop(): void;
}

/** Which goals' check-ins changed since the last ask, so a periodic pass need not read them all. */
export interface CheckInChanges {
  /** Starts tracking from now, before the full pass reads anything, so nothing falls between. */
  start(): Promise<void>;
  /** The goals whose check-ins changed since `start` or the last call; `all` when tracking was lost. */
  changedGoals(): Promise<readonly string[] | 'all'>;
}

/** Check-in changes from Graph delta on the CheckIns list: the cursor is kept, the items are not. */
export function checkInChangesFrom(cache: DeltaCache<CheckIn>): CheckInChanges {
  return {
    start: () => cache.startAtLatest(),
    async changedGoals() {
      const changes = await cache.refresh();
      const link = cache.deltaLink;
      cache.restart();
      if (link) cache.resumeFrom(link);
      // A full enumeration (the token was gone, 410) or a removed check-in names no goal: all.
      if (changes.full || changes.deleted.length > 0 || changes.invalid.length > 0) return 'all';
      return [...new Set(changes.upserted.map((c) => c.value.goalKey))];
    },
  };
}

/**
 * Keeps every goal's summary equal to its recomputation from CheckIns: a full pass at start (a
 * crash between a check-in and its summary update is repaired by the next start), then one every
 * `everyMinutes` (a summary update that lost every race is repaired within that time). With
 * `changes`, a periodic pass reconciles only the goals whose check-ins changed since the last one:
 * a full pass reads every check-in of every plan (at 3,000 goals × 5 service areas × 36 months,
 * 540,000 items in some 6,000 requests), which every 15 minutes would spend the app's SharePoint
 * budget on nothing. Without it, or when tracking fails, passes are full.
 */
export function startSummaryReconciler(ctx: CommandContext, log: Logger, everyMinutes: number, changes?: CheckInChanges): SummaryReconciler {
  let stopped = false;
  let tracking = false;
  const report = (fixed: string[]) => {
    if (fixed.length) log.warn(`Summaries recomputed from check-ins for ${fixed.length} goal(s): ${fixed.join(', ')}`);
    return fixed;
  };
  const full = async (): Promise<string[]> => {
    tracking = false;
    if (changes) {
      tracking = await changes.start().then(
        () => true,
        (e: unknown) => (log.warn('Check-in changes not tracked; reconcile passes stay full', e instanceof Error ? e.message : e), false),
      );
    }
    return report(await reconcileSummaries(ctx));
  };
  const periodic = async (): Promise<string[]> => {
    if (!changes || !tracking) return full();
    const goals = await changes.changedGoals().catch((e: unknown) => {
      log.warn('Check-in changes could not be read; this pass is full', e instanceof Error ? e.message : e);
      return 'all' as const;
    });
    if (goals === 'all') return full();
    return report(goals.length ? await reconcileSummaries(ctx, undefined, goals) : []);
  };
  const guarded = async (run: () => Promise<string[]>): Promise<string[]> => {
    if (stopped) return [];
    try {
      return await run();
    } catch (e) {
      if (!stopped) log.warn('Summary reconcile pass did not finish; the next one retries', e instanceof Error ? e.message : e);
      tracking = false; // the next pass starts over, in full
      return [];
    }
  };
  // Passes never overlap: a slow one delays the next.
  let chain: Promise<unknown> = Promise.resolve();
  const queue = (run: () => Promise<string[]>): Promise<string[]> => {
    const next = chain.then(() => guarded(run));
    chain = next;
    return next;
  };
  const started = queue(full).then(() => undefined);
  const timer = everyMinutes > 0 ? setInterval(() => void queue(periodic), everyMinutes * 60_000) : undefined;
  timer?.unref();
  return {
    started,
    pass: () => queue(periodic),
    stop: () => {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
