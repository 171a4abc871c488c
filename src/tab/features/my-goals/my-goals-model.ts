/**
 * What "My goals" shows, as a pure function of the board, me and — only where the goals' summaries
 * lack their month-by-month statuses (items written before them) — this period's check-ins: the
 * goals I am responsible for or whose group I am in, each with its reporting slots (units, or the
 * goal as a whole) and what they need from me this period.
 */
import { canCheckIn, isInvolved } from '../../../domain/policy';
import { dueOn, slotStates, type DueState, type Period } from '../../../domain/periods';
import { compareCodes, OVERALL, reportingSlots, type Goal } from '../../../domain/goal';
import type { Actor } from '../../../domain/person';
import type { CheckIn } from '../../../domain/check-in';
import type { Group } from '../../../domain/organisation';
import type { Plan } from '../../../domain/plan';
import { needsCheckInsAt, reportsFor, statusesAt, summaryAt, type SlotStatus } from '../../../domain/rollup';

export const STATE_ORDER: readonly DueState[] = ['overdue', 'due', 'upcoming', 'done'];

export interface MySlot {
  /** Unit key, or OVERALL ('*'). */
  unit: string;
  state: DueState;
  /** The slot's status reported for this period, if any (the latest). */
  reported?: SlotStatus;
  /** The latest status known for the slot at or before this period. */
  latest?: SlotStatus;
}

export interface MyGoal {
  goal: Goal;
  slots: MySlot[];
  /** The most urgent state among its slots. */
  state: DueState;
  canCheckIn: boolean;
  /** The slot the check-in action opens: the first one not reported yet, else the first. */
  nextUnit: string;
  /** Groups of mine that carry the goal (names shown on the card). */
  viaGroups: Group[];
  responsible: boolean;
}

export interface MyGoalsInput {
  plan: Plan;
  goals: readonly Goal[];
  groups: readonly Group[];
  /** This period's check-ins, needed only when `needsCheckIns` says so; the summaries answer otherwise. */
  checkIns?: readonly CheckIn[] | undefined;
  me: Actor;
  period: Period;
  today: string;
}

/** My goals among the board's goals. */
export function myGoalsAmong(goals: readonly Goal[], groups: readonly Group[], me: Pick<Actor, 'id'>): Goal[] {
  return goals.filter((g) => isInvolved(me.id, g, groups));
}

/**
 * Whether My goals must read this period's check-ins: only when one of my goals has a report later
 * than the period and no month-by-month history to look behind it (items written before histories).
 */
export function needsCheckIns(goals: readonly Goal[], groups: readonly Group[], me: Pick<Actor, 'id'>, period: Period): boolean {
  return needsCheckInsAt(myGoalsAmong(goals, groups, me), period);
}

export function myGoalsOf({ plan, goals, groups, checkIns = [], me, period, today }: MyGoalsInput): MyGoal[] {
  const mine = myGoalsAmong(goals, groups, me);
  const states = slotStates(plan, mine, reportsFor(mine, checkIns, period), period, today);
  const out: MyGoal[] = mine.map((goal) => {
    const at: Record<string, SlotStatus> = statusesAt(goal, period) ?? summaryAt(goal, checkIns, period);
    const slots: MySlot[] = reportingSlots(goal).map((unit) => {
      const state = states.find((s) => s.goalKey === goal.key && s.unit === unit)?.state ?? 'upcoming';
      // A goal reported as a whole counts any of its reports (an import may have named a unit).
      const entry = at[unit] ?? (unit === OVERALL && goal.units.length === 0 ? Object.values(at).sort((a, b) => b.period.localeCompare(a.period))[0] : undefined);
      const latest: SlotStatus | undefined = entry ? { period: entry.period, status: entry.status } : undefined;
      const reported = latest?.period === period ? latest : undefined;
      return { unit, state, ...(reported ? { reported } : {}), ...(latest ? { latest } : {}) };
    });
    const state = STATE_ORDER.find((s) => slots.some((x) => x.state === s)) ?? 'done';
    const next = slots.find((s) => s.state !== 'done') ?? slots[0];
    return {
      goal,
      slots,
      state,
      canCheckIn: canCheckIn(me, goal, groups),
      nextUnit: next?.unit ?? '*',
      viaGroups: groups.filter((g) => goal.responsibleGroupKeys.includes(g.key) && (g.members.some((m) => m.id === me.id) || g.owners.some((o) => o.id === me.id))),
      responsible: goal.responsiblePersons.some((p) => p.id === me.id),
    };
  });
  return out.sort(
    (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || compareCodes(a.goal.code, b.goal.code),
  );
}

export { dueOn };
