/**
 * What "My goals" shows, as a pure function of the board, this period's check-ins and me: the
 * goals I am responsible for or whose group I am in, each with its reporting slots (units, or
 * the goal as a whole) and what they need from me this period.
 */
import { canCheckIn, isInvolved } from '../../../domain/policy';
import { dueOn, slotStates, type DueState, type Period } from '../../../domain/periods';
import { reportingSlots, type Goal, type SummaryEntry } from '../../../domain/goal';
import type { Actor } from '../../../domain/person';
import type { CheckIn } from '../../../domain/check-in';
import type { Group } from '../../../domain/organisation';
import type { Plan } from '../../../domain/plan';
import { summaryAt } from '../../../domain/rollup';

export const STATE_ORDER: readonly DueState[] = ['overdue', 'due', 'upcoming', 'done'];

export interface MySlot {
  /** Unit key, or OVERALL ('*'). */
  unit: string;
  state: DueState;
  /** This period's check-in for the slot, if any (the latest). */
  reported?: CheckIn;
  /** The latest status known for the slot (any period). */
  latest?: SummaryEntry;
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
  checkIns: readonly CheckIn[];
  me: Actor;
  period: Period;
  today: string;
}

export function myGoalsOf({ plan, goals, groups, checkIns, me, period, today }: MyGoalsInput): MyGoal[] {
  const mine = goals.filter((g) => isInvolved(me.id, g, groups));
  const states = slotStates(plan, mine, checkIns, period, today);
  const thisPeriod = checkIns.filter((c) => c.period === period);
  const out: MyGoal[] = mine.map((goal) => {
    const slots: MySlot[] = reportingSlots(goal).map((unit) => {
      const state = states.find((s) => s.goalKey === goal.key && s.unit === unit)?.state ?? 'upcoming';
      const reported = thisPeriod
        .filter((c) => c.goalKey === goal.key && (goal.units.length === 0 || (c.unit ?? '*') === unit))
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
      const latest = summaryAt(goal, checkIns, period)[unit];
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
    (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.goal.code.localeCompare(b.goal.code, 'fi', { numeric: true }),
  );
}

export { dueOn };
