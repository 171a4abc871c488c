/**
 * The review meeting's reads and writes: the session (the presenter's position) read from the
 * MeetingSessions list through Graph, polled every few seconds where it must follow (the stage,
 * attendees), and the commands that start, move and end it. A move that lost a race (412) is
 * retried once on the version that won: moving to a goal is the same whoever moved last.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingSession, MeetingStartInput, Review } from '../../../../domain';
import type { Versioned } from '../../../../ports';
import { ApiError, keys, useServices, type Saved } from '../../../data';

export const STAGE_POLL_MS = 3000;

const sessionKey = (user: string, meetingId: string) => ['meetingSession', user, meetingId] as const;

export function useMeetingSession(meetingId: string | undefined, opts: { pollMs?: number } = {}) {
  const { reads, auth } = useServices();
  return useQuery({
    queryKey: sessionKey(auth.user?.id ?? 'anonymous', meetingId ?? ''),
    queryFn: async (): Promise<Saved<MeetingSession> | null> => {
      const v: Versioned<MeetingSession> | undefined = await reads.meetingSession(meetingId as string);
      return v ? { value: v.value, etag: v.etag } : null;
    },
    enabled: !!meetingId,
    refetchInterval: opts.pollMs ?? false,
    refetchIntervalInBackground: true,
  });
}

function useSetSession() {
  const qc = useQueryClient();
  const { auth } = useServices();
  return (s: Saved<MeetingSession>) => qc.setQueryData(sessionKey(auth.user?.id ?? 'anonymous', s.value.key), s);
}

export function useStartMeeting() {
  const { api } = useServices();
  const set = useSetSession();
  return useMutation({ mutationFn: (input: MeetingStartInput) => api.startMeeting(input), onSuccess: set });
}

export function useMoveMeeting() {
  const { api } = useServices();
  const set = useSetSession();
  return useMutation({
    mutationFn: async ({ session, goalKey }: { session: Saved<MeetingSession>; goalKey: string }) => {
      try {
        return await api.moveMeeting(session.value.key, goalKey, session.etag);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'stale' && e.current) return api.moveMeeting(session.value.key, goalKey, e.current.etag);
        throw e;
      }
    },
    onSuccess: set,
  });
}

export function useEndMeeting() {
  const { api } = useServices();
  const set = useSetSession();
  return useMutation({
    mutationFn: async (session: Saved<MeetingSession>) => {
      try {
        return await api.endMeeting(session.value.key, session.etag);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'stale' && e.current) return api.endMeeting(session.value.key, e.current.etag);
        throw e;
      }
    },
    onSuccess: set,
  });
}

export function useMarkFollowUpDone() {
  const { api, auth } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reviewKey: string) => api.markFollowUpDone(reviewKey),
    onSuccess: ({ value }: Saved<Review>) => {
      void qc.invalidateQueries({ queryKey: keys.reviews(auth.user?.id ?? 'anonymous', value.goalKey) });
      void qc.invalidateQueries({ queryKey: keys.allGroupFollowUps(auth.user?.id ?? 'anonymous') });
    },
  });
}
