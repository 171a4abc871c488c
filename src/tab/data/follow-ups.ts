/**
 * What review decisions ask of development groups, and the writes on review notes beyond
 * recording one (issue 8): the open follow-ups of the groups a person belongs to (My goals), marking
 * one done, and correcting or withdrawing a note. Each write refreshes the goal's notes and the
 * groups' follow-ups, wherever they are shown.
 */
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { openFollowUps, type FollowUp } from '../../domain/meeting';
import type { Review } from '../../domain/review';
import type { Saved } from './api';
import { followUpsQuery, keys } from './hooks';
import { useServices } from './services';

/** The open follow-ups asked of any of these groups, earliest due first (undefined while loading). */
export function useGroupFollowUps(groupKeys: readonly string[]): { data: (Review & { followUp: FollowUp })[] | undefined; error: unknown } {
  const { reads, auth } = useServices();
  const user = auth.user?.id ?? 'anonymous';
  const results = useQueries({
    queries: groupKeys.map((g) => followUpsQuery(reads, user, g)),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join();
  return useMemo(() => {
    const error = results.find((r) => r.error)?.error ?? null;
    if (results.some((r) => r.isPending)) return { data: undefined, error };
    const all = results.flatMap((r) => (r.data?.items ?? []).map((i) => i.value));
    const unique = [...new Map(all.map((r) => [r.key, r])).values()];
    return { data: openFollowUps(unique), error };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp, results.map((r) => r.status).join()]);
}

function useRefreshNotes() {
  const qc = useQueryClient();
  const { auth } = useServices();
  const user = auth.user?.id ?? 'anonymous';
  return ({ value }: Saved<Review>) => {
    void qc.invalidateQueries({ queryKey: keys.reviews(user, value.goalKey) });
    void qc.invalidateQueries({ queryKey: keys.allGroupFollowUps(user) });
  };
}

/** A member of the asked group marks a follow-up done. */
export function useMarkFollowUpDone() {
  const { api } = useServices();
  const onSuccess = useRefreshNotes();
  return useMutation({ mutationFn: (reviewKey: string) => api.markFollowUpDone(reviewKey), onSuccess });
}

/** The author corrects a note's wording; the earlier wording stays in its history. */
export function useCorrectReview() {
  const { api } = useServices();
  const onSuccess = useRefreshNotes();
  return useMutation({ mutationFn: ({ key, text }: { key: string; text: string }) => api.correctReview(key, text), onSuccess });
}

/** The author (or an admin) withdraws a note with a reason; it stays listed, marked withdrawn. */
export function useWithdrawReview() {
  const { api } = useServices();
  const onSuccess = useRefreshNotes();
  return useMutation({ mutationFn: ({ key, reason }: { key: string; reason: string }) => api.withdrawReview(key, reason), onSuccess });
}
