import { describe, expect, it } from 'vitest';
import { applyCheckIn, checkInSlots, OVERALL, type CheckIn, type Goal, type GoalSummary } from '../../../src/domain';
import { myGoalsOf, needsCheckIns } from '../../../src/tab/features/my-goals/my-goals-model';
import { actor, checkIn, goal, group, person, plan } from '../domain/fixtures';

const me = actor('anna');
const fold = (cs: CheckIn[]): GoalSummary => [...cs].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).reduce<GoalSummary>((s, c) => applyCheckIn(s, c), {});
const withoutHistories = (s: GoalSummary): GoalSummary =>
  Object.fromEntries(Object.entries(s).map(([k, { history: _h, historyAt: _a, ...e }]) => [k, e]));

// Two service areas: VAKA reported for August, then for September; POPE last in June.
const history: CheckIn[] = [
  checkIn({ goalKey: 'g1', unit: 'POPE', period: '2021-06', status: 1, submittedAt: '2021-06-25T10:00:00Z' }),
  checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-08', status: 2, submittedAt: '2021-08-30T10:00:00Z' }),
  checkIn({ goalKey: 'g1', unit: 'VAKA', period: '2021-09', status: 0, submittedAt: '2021-09-28T10:00:00Z' }),
  checkIn({ goalKey: 'g2', period: '2021-08', status: 1, submittedAt: '2021-08-29T10:00:00Z' }),
];
const goals = (summaries: (cs: CheckIn[]) => GoalSummary): Goal[] => [
  goal({ key: 'g1', code: '1', units: ['VAKA', 'POPE'], responsiblePersons: [person('anna')], summary: summaries(history.filter((c) => c.goalKey === 'g1')) }),
  goal({ key: 'g2', code: '2', responsibleGroupKeys: ['kehittajat'], summary: summaries(history.filter((c) => c.goalKey === 'g2')) }),
  goal({ key: 'g3', code: '3', summary: {} }), // not mine
];
const groups = [group('kehittajat', [person('anna')])];
const slotsOf = (items: ReturnType<typeof myGoalsOf>) => items.map((i) => ({ goal: i.goal.key, state: i.state, slots: i.slots }));

describe('My goals from the goals’ summaries', () => {
  it('says what was reported in a past month from the histories alone, reading no check-in', () => {
    const g = goals(fold);
    expect(needsCheckIns(g, groups, me, '2021-08')).toBe(false);
    const items = myGoalsOf({ plan: plan(), goals: g, groups, me, period: '2021-08', today: '2021-09-22' });
    expect(slotsOf(items)).toEqual([
      {
        goal: 'g1',
        state: 'overdue',
        slots: [
          { unit: 'VAKA', state: 'done', reported: { period: '2021-08', status: 2 }, latest: { period: '2021-08', status: 2 } },
          { unit: 'POPE', state: 'overdue', latest: { period: '2021-06', status: 1 } },
        ],
      },
      { goal: 'g2', state: 'done', slots: [{ unit: OVERALL, state: 'done', reported: { period: '2021-08', status: 1 }, latest: { period: '2021-08', status: 1 } }] },
    ]);
  });

  it('gives the same answer as replaying the month’s check-ins when summaries predate histories, and only then asks for them', () => {
    const legacy = goals((cs) => withoutHistories(fold(cs)));
    // VAKA's entry is September's: behind it, August needs the check-ins.
    expect(needsCheckIns(legacy, groups, me, '2021-08')).toBe(true);
    // For the current month the latest entries answer, histories or not.
    expect(needsCheckIns(legacy, groups, me, '2021-09')).toBe(false);
    const fromCheckIns = myGoalsOf({ plan: plan(), goals: legacy, groups, checkIns: history, me, period: '2021-08', today: '2021-09-22' });
    const fromSummaries = myGoalsOf({ plan: plan(), goals: goals(fold), groups, me, period: '2021-08', today: '2021-09-22' });
    expect(slotsOf(fromCheckIns)).toEqual(slotsOf(fromSummaries));
  });
});

describe('the slots a period is read by', () => {
  it('names every service area a check-in may be filed under, and the goal as a whole', () => {
    const g = [goal({ units: ['VAKA'], summary: fold([checkIn({ unit: 'LUKIO', period: '2021-05' })]) })];
    expect(checkInSlots(plan({ units: ['POPE'] }), g, [{ key: 'SVE' }]).sort()).toEqual([OVERALL, 'LUKIO', 'POPE', 'SVE', 'VAKA'].sort());
  });
});
