/**
 * The hooks views use for data (documented in src/tab/README.md). Reads are TanStack queries over
 * the Graph adapter; writes are mutations over the command API that update the cached reads
 * right away (the server's answer is applied locally) and then refetch in the background.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { CheckIn, CheckInInput, Goal, Group, Plan, Review, ReviewInput, Theme, Unit } from '../../domain';
import { applyCheckIn } from '../../domain/rules';
import type { CheckInQuery, InvalidRow, ListResult, PlanBoard } from '../../ports';
import { ApiError, type EntityKind, type EntityOfKind, type Me } from './api';
import type { CachedBoard, Reads } from './reads';
import { useServices, type Services } from './services';

/** Query keys, namespaced by the signed-in user so switching user never shows someone else's cache. */
export const keys = {
  me: (user: string) => ['me', user] as const,
  plans: (user: string) => ['plans', user] as const,
  board: (user: string, planKey: string) => ['board', user, planKey] as const,
  checkIns: (user: string, q: CheckInQuery) =>
    ('goalKey' in q ? ['checkIns', user, 'goal', q.goalKey] : ['checkIns', user, 'plan', q.planKey, q.period ?? '*']) as readonly string[],
  reviews: (user: string, goalKey: string) => ['reviews', user, goalKey] as const,
  /** Every group's follow-ups of a user: the prefix a saved review note invalidates. */
  allGroupFollowUps: (user: string) => ['groupFollowUps', user] as const,
  groupFollowUps: (user: string, groupKey: string) => ['groupFollowUps', user, groupKey] as const,
};

const useUserKey = () => useServices().auth.user?.id ?? 'anonymous';

/** Retry reads that may succeed later (network, throttling) but not 4xx answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.retryable;
  const kind = (error as { kind?: string } | null)?.kind;
  return kind === undefined || kind === 'Throttled' || kind === 'Unavailable';
}

/**
 * The queries a view's first screen starts with, as options shared by the hooks below and by
 * `startFirstReads` (first-reads.ts), which asks for them before React has rendered anything.
 */
export const meQuery = (api: Services['api'], user: string) => ({ queryKey: keys.me(user), queryFn: () => api.me(), staleTime: 5 * 60_000 });

/**
 * One group's follow-ups (review decisions that ask something of it), as My goals shows them
 * (follow-ups.ts). Here, in the shell, not in follow-ups.ts, whose domain imports it does not need.
 */
export const followUpsQuery = (reads: Reads, user: string, groupKey: string) => ({
  queryKey: keys.groupFollowUps(user, groupKey),
  queryFn: () => reads.groupFollowUps(groupKey),
  staleTime: 30_000,
});

export const plansQuery = (reads: Reads, qc: QueryClient, user: string) => ({
  queryKey: keys.plans(user),
  queryFn: () => {
    // The plans come before any board: start tracking goal changes alongside, so the first
    // board read need not wait for it — unless a board from the last visit resumes its own.
    if (!qc.getQueriesData<CachedBoard>({ queryKey: ['board', user] }).some(([, b]) => b?.goalsDeltaLink)) reads.startGoalTracking();
    return reads.plans();
  },
  staleTime: 5 * 60_000,
});

export const boardQuery = (reads: Reads, qc: QueryClient, user: string, planKey: string | undefined) => ({
  queryKey: keys.board(user, planKey ?? ''),
  queryFn: () => reads.board(planKey as string, qc.getQueryData<CachedBoard>(keys.board(user, planKey as string))),
  staleTime: 30_000,
});

/** Plans newest period first (the order every view lists them in). */
export const sortedPlans = (r: ListResult<Plan>): Plan[] =>
  r.items.map((i) => i.value).sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.key.localeCompare(b.key));

export function useMe(): UseQueryResult<Me> {
  const { api } = useServices();
  return useQuery(meQuery(api, useUserKey()));
}

/** All plans, newest period first. */
export function usePlans(): UseQueryResult<Plan[]> {
  const { reads } = useServices();
  return useQuery({ ...plansQuery(reads, useQueryClient(), useUserKey()), select: sortedPlans });
}

export interface Board {
  plan: Plan;
  themes: Theme[];
  goals: Goal[];
  groups: Group[];
  units: Unit[];
  /** Rows someone broke by editing the lists by hand (shown to admins). */
  invalid: InvalidRow[];
  /** The same data with eTags and item ids, for If-Match edits. */
  versions: PlanBoard;
  goal(key: string): Goal | undefined;
  group(key: string): Group | undefined;
  unit(key: string): Unit | undefined;
  theme(key: string): Theme | undefined;
}

export function toBoard(v: PlanBoard): Board {
  const goals = v.goals.map((g) => g.value);
  const groups = v.groups.map((g) => g.value);
  const units = v.units.map((u) => u.value).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  const themes = v.themes.map((t) => t.value);
  const by = <T extends { key: string }>(xs: T[]) => {
    const m = new Map(xs.map((x) => [x.key, x]));
    return (k: string) => m.get(k);
  };
  return {
    plan: v.plan.value,
    themes,
    goals,
    groups,
    units,
    invalid: v.invalid,
    versions: v,
    goal: by(goals),
    group: by(groups),
    unit: by(units),
    theme: by(themes),
  };
}

/**
 * Plan, themes, goals, groups and units in one `$batch`; refetches (window focus, every minute)
 * bring only the goals that changed, through Graph delta.
 */
export function useBoard(planKey: string | undefined): UseQueryResult<Board> {
  const { reads } = useServices();
  return useQuery({ ...boardQuery(reads, useQueryClient(), useUserKey(), planKey), enabled: !!planKey, select: toBoard, refetchInterval: 60_000 });
}

/**
 * One goal by key, from any cached board first (instant when coming from a list), else read.
 * Gives the plan key, so a deep link to a goal can load the goal's board.
 */
export function useGoal(key: string | undefined): UseQueryResult<Goal> {
  const { reads } = useServices();
  const qc = useQueryClient();
  const user = useUserKey();
  return useQuery({
    queryKey: ['goal', user, key ?? ''],
    queryFn: async () => (await reads.goal(key as string)).value,
    enabled: !!key,
    staleTime: 30_000,
    initialData: () => {
      for (const [, board] of qc.getQueriesData<PlanBoard>({ queryKey: ['board', user] })) {
        const hit = board?.goals.find((g) => g.value.key === key);
        if (hit) return hit.value;
      }
      return undefined;
    },
  });
}

/**
 * Check-ins of one goal, or of a plan (some months, or all) read one service area at a time
 * (`units`: `checkInSlots(board…)`), oldest first.
 */
export function useCheckIns(q: CheckInQuery | undefined): UseQueryResult<CheckIn[]> {
  const { reads } = useServices();
  const user = useUserKey();
  return useQuery({
    queryKey: q ? keys.checkIns(user, q) : ['checkIns', user, 'none'],
    queryFn: () => reads.checkIns(q as CheckInQuery),
    enabled: !!q && ('goalKey' in q ? !!q.goalKey : !!q.planKey),
    select: (r: ListResult<CheckIn>) => r.items.map((i) => i.value).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    staleTime: 30_000,
  });
}

export function useReviews(goalKey: string | undefined): UseQueryResult<Review[]> {
  const { reads } = useServices();
  return useQuery({
    queryKey: keys.reviews(useUserKey(), goalKey ?? ''),
    queryFn: () => reads.reviews(goalKey as string),
    enabled: !!goalKey,
    select: (r: ListResult<Review>) => r.items.map((i) => i.value).sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.createdAt.localeCompare(a.createdAt)),
  });
}

// --- writes ----------------------------------------------------------------------------------

/** Puts a new check-in into every cached read it belongs to, and onto its goal's summary. */
export function applyCheckInToCache(qc: QueryClient, user: string, c: CheckIn): void {
  const addTo = (key: readonly string[]) =>
    qc.setQueryData<ListResult<CheckIn>>(key, (old) =>
      old && !old.items.some((i) => i.value.key === c.key) ? { ...old, items: [...old.items, { value: c, etag: '', itemId: '' }] } : old,
    );
  addTo(keys.checkIns(user, { goalKey: c.goalKey }));
  addTo(keys.checkIns(user, { planKey: c.planKey, period: c.period }));
  addTo(keys.checkIns(user, { planKey: c.planKey }));
  qc.setQueryData<Goal>(['goal', user, c.goalKey], (old) => (old ? { ...old, summary: applyCheckIn(old.summary, c) } : old));
  qc.setQueryData<PlanBoard>(keys.board(user, c.planKey), (old) =>
    old
      ? { ...old, goals: old.goals.map((g) => (g.value.key === c.goalKey ? { ...g, value: { ...g.value, summary: applyCheckIn(g.value.summary, c) } } : g)) }
      : old,
  );
}

export function useSubmitCheckIn() {
  const { api } = useServices();
  const qc = useQueryClient();
  const user = useUserKey();
  return useMutation({
    mutationFn: (input: CheckInInput) => api.submitCheckIn(input),
    onSuccess: ({ value }) => {
      applyCheckInToCache(qc, user, value);
      void qc.invalidateQueries({ queryKey: ['checkIns', user] });
      void qc.invalidateQueries({ queryKey: keys.board(user, value.planKey) });
    },
  });
}

export function useRecordReview() {
  const { api } = useServices();
  const qc = useQueryClient();
  const user = useUserKey();
  return useMutation({
    mutationFn: (input: ReviewInput) => api.recordReview(input),
    onSuccess: ({ value }) => {
      qc.setQueryData<ListResult<Review>>(keys.reviews(user, value.goalKey), (old) =>
        old ? { ...old, items: [...old.items, { value, etag: '', itemId: '' }] } : old,
      );
      void qc.invalidateQueries({ queryKey: keys.reviews(user, value.goalKey) });
    },
  });
}

/**
 * Creates or updates a plan, theme, goal, group or unit. With `etag` the server writes with
 * If-Match; a 412 rejects with `ApiError` whose `current` is the version that won (show both,
 * never overwrite silently). Afterwards the plan's board is read again in full.
 */
export function useSaveEntity<K extends EntityKind>(kind: K) {
  const { api, reads } = useServices();
  const qc = useQueryClient();
  const user = useUserKey();
  return useMutation({
    mutationFn: (v: { key: string; value: EntityOfKind[K]; etag?: string }) => api.save(kind, v.key, v.value, v.etag),
    onSuccess: () => {
      // A full re-read (not delta): themes, groups and units may have changed too.
      reads.forceFullBoard();
      void qc.invalidateQueries({ queryKey: ['board', user] });
      void qc.invalidateQueries({ queryKey: keys.plans(user) });
    },
  });
}
