import type { CheckIn } from './check-in';
import type { FieldIssue } from './errors';
import { compareCodes, type Goal } from './goal';
import { isMember, type Group } from './organisation';
import type { Actor } from './person';
import { canWriteReview, isAdmin } from './policy';
import type { Period } from './periods';
import { slotStates } from './periods';
import type { Plan } from './plan';
import type { Review } from './review';
import { goalStatusAsOf, reportsFor } from './rollup';
import type { FollowUp, FollowUpInput, MeetingSession } from './schemas/meeting';
import { orderThemes, type Theme } from './theme';

/**
 * A leaders' review meeting (johtoryhmän katselmointi): the agenda of goals it walks through, the
 * presenter's position in it (kept as data so every attendee's stage shows the same goal), and
 * the follow-ups its decisions ask of development groups.
 */
export type { FollowUp, FollowUpInput, MeetingSession };

/** How the agenda is ordered: worst first (the default), by theme, by responsible group, overdue first. */
export const AGENDA_ORDERS = ['worst', 'theme', 'group', 'overdue'] as const;
export type AgendaOrder = (typeof AGENDA_ORDERS)[number];

export const FOLLOW_UP_STATES = ['open', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface AgendaItem {
  goalKey: string;
  /** Overall status as of the period (worst unit unless an overall assessment decided it). */
  status: number | undefined;
  /** Slots (unit keys, or OVERALL) with no report for the period itself. */
  missing: string[];
  /** Of those, the slots past the period's due date. */
  overdue: string[];
}

export interface AgendaInput {
  plan: Pick<Plan, 'reminders' | 'periodStart' | 'periodEnd' | 'cadence'>;
  themes: readonly Theme[];
  goals: readonly Goal[];
  groups: readonly Pick<Group, 'key' | 'name'>[];
  /**
   * The plan's check-ins up to the period, needed only for goals whose summaries lack their
   * month-by-month statuses (`historiesComplete`); with them the summaries answer and this is empty.
   */
  checkIns: readonly CheckIn[];
  period: Period;
  /** Today in Helsinki, YYYY-MM-DD: decides what is overdue. */
  today: string;
  order?: AgendaOrder;
  /** Only the goals this development group answers for. */
  groupKey?: string | undefined;
}

/**
 * The goals a review walks through, in the chosen order. Worst first ranks nothing reported below
 * every status (a leader needs to see silence, as the dashboard does), then the most overdue
 * slots; every order ends in reading order (theme, then goal code), so the agenda is stable.
 */
export function buildAgenda(input: AgendaInput): AgendaItem[] {
  const { plan, period, today, order = 'worst', groupKey } = input;
  const goals = groupKey ? input.goals.filter((g) => g.responsibleGroupKeys.includes(groupKey)) : [...input.goals];
  const themeIndex = new Map(orderThemes(input.themes).map((t, i) => [t.key, i]));
  const groupName = new Map(input.groups.map((g) => [g.key, g.name.fi]));
  const byGoal = new Map<string, CheckIn[]>();
  for (const c of input.checkIns) byGoal.set(c.goalKey, [...(byGoal.get(c.goalKey) ?? []), c]);
  const slots = slotStates(plan, goals, reportsFor(goals, input.checkIns, period), period, today);

  const rows = goals.map((goal) => {
    const mine = slots.filter((s) => s.goalKey === goal.key);
    const item: AgendaItem = {
      goalKey: goal.key,
      status: goalStatusAsOf(goal, byGoal.get(goal.key) ?? [], period),
      missing: mine.filter((s) => s.state !== 'done').map((s) => s.unit),
      overdue: mine.filter((s) => s.state === 'overdue').map((s) => s.unit),
    };
    return { goal, item };
  });

  type Row = (typeof rows)[number];
  const reading = (a: Row, b: Row) =>
    (themeIndex.get(a.goal.themeKey) ?? 1e9) - (themeIndex.get(b.goal.themeKey) ?? 1e9) || compareCodes(a.goal.code, b.goal.code) || a.goal.key.localeCompare(b.goal.key);
  const rank = (r: Row) => (r.item.status === undefined ? -1 : r.item.status);
  const worst = (a: Row, b: Row) => rank(a) - rank(b) || b.item.overdue.length - a.item.overdue.length;
  // A goal of several groups sits under the first one in the goal's own order.
  const group = (r: Row) => {
    const k = r.goal.responsibleGroupKeys[0];
    return k === undefined ? '\uffff' : (groupName.get(k) ?? k);
  };
  const compare: Record<AgendaOrder, (a: Row, b: Row) => number> = {
    worst: (a, b) => worst(a, b) || reading(a, b),
    theme: reading,
    group: (a, b) => group(a).localeCompare(group(b), 'fi') || worst(a, b) || reading(a, b),
    overdue: (a, b) => b.item.overdue.length - a.item.overdue.length || b.item.missing.length - a.item.missing.length || worst(a, b) || reading(a, b),
  };
  return rows.sort(compare[order]).map((r) => r.item);
}

/** Where the presenter is: the current goal's place on the agenda (0-based) and the agenda's length. */
export function agendaPosition(session: Pick<MeetingSession, 'goalKeys' | 'currentGoalKey'>): { index: number; count: number } {
  return { index: Math.max(0, session.goalKeys.indexOf(session.currentGoalKey)), count: session.goalKeys.length };
}

/** The goal one step forward or back, or undefined at either end of the agenda. */
export function stepGoal(session: Pick<MeetingSession, 'goalKeys' | 'currentGoalKey'>, step: 1 | -1): string | undefined {
  const { index } = agendaPosition(session);
  return session.goalKeys[index + step];
}

export type MeetingMoveProblem = 'meeting.ended' | 'goalKey.notOnAgenda';

/** Why the presenter may not move to a goal: the meeting has ended, or the goal is not on its agenda. */
export function meetingMoveIssue(session: Pick<MeetingSession, 'goalKeys' | 'endedAt'>, goalKey: string): (FieldIssue & { code: MeetingMoveProblem }) | undefined {
  if (session.endedAt) return { path: 'meeting', code: 'meeting.ended', message: 'The review has ended; start it again to move on' };
  if (!session.goalKeys.includes(goalKey)) return { path: 'goalKey', code: 'goalKey.notOnAgenda', message: `Goal ${goalKey} is not on this meeting's agenda` };
  return undefined;
}

export type FollowUpProblem = 'followUp.onComment' | 'followUp.dueBeforeMeeting';

/** A follow-up belongs to a decision and falls due on or after the meeting that asked for it. */
export function followUpIssue(
  review: { kind: Review['kind']; meetingDate: string },
  followUp: Pick<FollowUpInput, 'dueDate'>,
): (FieldIssue & { code: FollowUpProblem }) | undefined {
  if (review.kind !== 'decision') return { path: 'followUp', code: 'followUp.onComment', message: 'Only a decision can ask something of a group' };
  if (followUp.dueDate < review.meetingDate) {
    return { path: 'followUp.dueDate', code: 'followUp.dueBeforeMeeting', message: `The due date must be on or after the meeting date ${review.meetingDate}` };
  }
  return undefined;
}

/** A follow-up as people see it: done, open, or open past its due date. */
export function followUpStatus(f: Pick<FollowUp, 'state' | 'dueDate'>, today: string): 'done' | 'open' | 'overdue' {
  if (f.state === 'done') return 'done';
  return today > f.dueDate ? 'overdue' : 'open';
}

/** The follow-up marked done by someone at an instant; marking a done one again changes nothing. */
export function completeFollowUp(f: FollowUp, by: { id: string; name: string }, at: string): FollowUp {
  if (f.state === 'done') return f;
  return { ...f, state: 'done', doneAt: at, doneBy: { id: by.id, name: by.name } };
}

/** Decisions whose follow-up is still open (of one group when given), earliest due first; a withdrawn decision asks nothing. */
export function openFollowUps<R extends Pick<Review, 'followUp' | 'createdAt'> & { withdrawn?: unknown }>(reviews: readonly R[], groupKey?: string): (R & { followUp: FollowUp })[] {
  return reviews
    .filter((r): r is R & { followUp: FollowUp } => !!r.followUp && r.followUp.state === 'open' && !r.withdrawn && (!groupKey || r.followUp.groupKey === groupKey))
    .sort((a, b) => a.followUp.dueDate.localeCompare(b.followUp.dueDate) || a.createdAt.localeCompare(b.createdAt));
}

/** Leaders and admins run a review meeting: start it, move it, end it (the same people who record decisions). */
export function canRunMeeting(actor: Pick<Actor, 'roles'>): boolean {
  return canWriteReview(actor);
}

/** The asked group's members (and owners) mark its follow-up done; admins may too, for a group that has left. */
export function canCompleteFollowUp(actor: Pick<Actor, 'id' | 'roles'>, group: Group): boolean {
  return isAdmin(actor) || isMember(group, actor.id);
}

/**
 * What a review meeting decided, for its summary: the meeting's decisions that stand (not
 * withdrawn), in agenda order (a goal off the agenda last), and within a goal as recorded; and
 * the development groups its follow-ups ask something of, each with its own.
 */
export function meetingDecisions<R extends Pick<Review, 'goalKey' | 'kind' | 'meetingId' | 'createdAt' | 'followUp' | 'withdrawn'>>(
  reviews: readonly R[],
  session: Pick<MeetingSession, 'key' | 'goalKeys'>,
): { decisions: R[]; byGroup: Map<string, (R & { followUp: FollowUp })[]> } {
  const place = (k: string) => {
    const i = session.goalKeys.indexOf(k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const decisions = reviews
    .filter((r) => r.meetingId === session.key && r.kind === 'decision' && !r.withdrawn)
    .sort((a, b) => place(a.goalKey) - place(b.goalKey) || a.createdAt.localeCompare(b.createdAt));
  const byGroup = new Map<string, (R & { followUp: FollowUp })[]>();
  for (const d of decisions) {
    if (!d.followUp) continue;
    byGroup.set(d.followUp.groupKey, [...(byGroup.get(d.followUp.groupKey) ?? []), d as R & { followUp: FollowUp }]);
  }
  return { decisions, byGroup };
}
