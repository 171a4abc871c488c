/**
 * The first view's reads, started as soon as the configuration and the sign-in are there — not
 * when React has loaded the view's chunks and rendered it. `/api/me`, the plans, the board(s) the
 * route shows (and on My goals the groups' follow-ups) go into the query cache the view then finds
 * them in (the same keys and query functions as the hooks), so the view renders with its data
 * instead of asking for it.
 *
 * Only for a cold start: with a cache from the last visit to restore, the view shows that and
 * revalidates it with delta (one small request), which is cheaper than reading ahead.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Plan } from '../../domain';
import { activePlans, chosenPlan, helsinkiDate } from '../../domain/periods';
import type { ListResult } from '../../ports';
import { boardQuery, followUpsQuery, meQuery, plansQuery, sortedPlans } from './hooks';
import { serverNow, type Services } from './services';

export interface FirstScreen {
  /** Which boards the view reads first (the route table's `firstBoards`). */
  boards?: 'chosenPlan' | 'activePlans';
  /** A plan named in the URL (`?plan=`), which the view shows if it exists. */
  plan?: string;
  /** Also the follow-ups of the user's groups (the route table's `firstFollowUps`). */
  followUps?: boolean;
}

/** The plan keys a first screen shows, from the plans (newest first) and the server's date. */
export function firstBoardKeys(screen: FirstScreen, plans: readonly Plan[], today: string): string[] {
  if (screen.boards === 'activePlans') return activePlans(plans, today).map((p) => p.key);
  if (screen.boards === 'chosenPlan') {
    const plan = chosenPlan(plans, screen.plan, today);
    return plan ? [plan.key] : [];
  }
  return [];
}

/**
 * Starts the reads; never rejects (a failed read is the view's to show: its query is then not in
 * the cache, and the view asks again). Resolves when they are done, for tests.
 */
export async function startFirstReads(qc: QueryClient, services: Services, screen: FirstScreen): Promise<void> {
  const user = services.auth.user?.id;
  if (!user) return;
  const quiet = (p: Promise<unknown>) => p.then(() => undefined, () => undefined);
  // The groups' follow-ups as soon as /api/me names the groups, alongside the plans and boards.
  const me = quiet(
    qc.fetchQuery(meQuery(services.api, user)).then((m) =>
      screen.followUps ? Promise.all(m.groups.map((g) => qc.prefetchQuery(followUpsQuery(services.reads, user, g)))) : undefined,
    ),
  );
  const plans = qc.fetchQuery<ListResult<Plan>>(plansQuery(services.reads, qc, user)).catch(() => undefined);
  const today = helsinkiDate(serverNow(services.clockOffsetMs));
  const listed = await plans;
  const boards = listed ? firstBoardKeys(screen, sortedPlans(listed), today) : [];
  await Promise.all([me, ...boards.map((key) => quiet(qc.prefetchQuery(boardQuery(services.reads, qc, user, key))))]);
}
