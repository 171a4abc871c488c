import type { CommandContext } from '../commands';
import type { BoardReader, ReadOnlyRepository } from '../ports';
import {
  addMonths,
  checkInSlots,
  compareCodes,
  currentPeriod,
  dueOn,
  followUpStatus,
  goalTitle,
  helsinkiDate,
  isInvolved,
  openFollowUps,
  OVERALL,
  overallStatus,
  reportingPeriods,
  reportsFor,
  slotStates,
  statusesAt,
  summaryAsOf,
  summaryAt,
  type CheckIn,
  type Goal,
  type Group,
  type Locale,
  type Plan,
  type SlotState,
  type Unit,
} from '../domain';
import type { DigestModel, FollowUpView, GoalView, GroupCardModel, PersonalGoal, SlotView } from '../cards';

/**
 * Reads the lists and turns them into the cards' plain models. One read of a plan's data per card
 * (the plan board in one `$batch`, plus the period's check-ins), so a reminder run of many groups
 * stays a handful of Graph calls.
 */
export interface PlanData {
  plan: Plan;
  goals: Goal[];
  groups: Group[];
  units: Unit[];
  /** Check-ins of the plan in the period, read only when a later report hides it in the summaries (`loadPlanData`). */
  checkIns: CheckIn[];
  period: string;
  today: string;
}

export async function loadPlanData(board: Pick<BoardReader, 'readPlanBoard' | 'readCheckIns'>, ctx: CommandContext, planKey: string, period?: string): Promise<PlanData> {
  const b = await board.readPlanBoard(planKey);
  const plan = b.plan.value;
  const today = helsinkiDate(ctx.clock.now());
  const p = period ?? currentPeriod(plan, today) ?? reportingPeriods(plan)[0] ?? today.slice(0, 7);
  const goals = b.goals.map((g) => g.value);
  const units = b.units.map((u) => u.value);
  // The goals' summaries hold each slot's latest report: for the period they are about (the
  // current one, as a rule) they say who reported what and when. Only a card for an earlier period,
  // behind a later report, needs that period's check-ins (at a large division 15,000 of them):
  // broader than `needsCheckInsAt`, because a card names who reported and when, which the
  // month-by-month histories do not keep.
  const later = goals.some((g) => Object.values(g.summary).some((e) => e.period > p));
  const checkIns = later ? await board.readCheckIns({ planKey, period: p, units: checkInSlots(plan, goals, units) }) : { items: [] };
  return {
    plan,
    goals,
    groups: b.groups.map((g) => g.value),
    units,
    checkIns: checkIns.items.map((c) => c.value),
    period: p,
    today,
  };
}

export function groupLocale(d: PlanData, group: Group): Locale {
  return group.language ?? d.plan.language;
}

export function groupGoals(d: PlanData, groupKey: string): Goal[] {
  return d.goals.filter((g) => g.responsibleGroupKeys.includes(groupKey)).sort((a, b) => compareCodes(a.code, b.code));
}

/** Everyone who may submit on the group's goals: members, owners and the goals' responsible persons. */
export function permittedUserIds(d: PlanData, group: Group): string[] {
  const ids = new Set<string>([...group.members, ...group.owners].map((p) => p.id));
  for (const g of groupGoals(d, group.key)) for (const p of g.responsiblePersons) ids.add(p.id);
  return [...ids];
}

function states(d: PlanData, goals: Goal[]): SlotState[] {
  // Reported: by the summaries, or by the period's check-ins where they were read.
  return slotStates(d.plan, goals, [...reportsFor(goals, d.checkIns, d.period), ...d.checkIns], d.period, d.today);
}

function slotViews(d: PlanData, goal: Goal, slotStatesOfGoal: SlotState[]): SlotView[] {
  return slotStatesOfGoal.map((s) => {
    const unit = s.unit === OVERALL ? undefined : s.unit;
    const entry = summaryAt(goal, d.checkIns, d.period)[s.unit];
    const read = d.checkIns
      .filter((c) => c.goalKey === goal.key && (c.unit ?? OVERALL) === s.unit)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
    const mine = read
      ? { period: read.period, status: read.status, authorName: read.author.name, at: read.submittedAt }
      : entry && entry.period === d.period
        ? { period: entry.period, status: entry.status, authorName: entry.author.name, at: entry.at }
        : undefined;
    const unitName = unit ? d.units.find((u) => u.key === unit)?.name ?? { fi: unit } : undefined;
    return {
      ...(unit ? { unit, unitName } : {}),
      state: s.state,
      ...(entry && entry.period < d.period ? { last: { period: entry.period, status: entry.status, authorName: entry.author.name, at: entry.at } } : {}),
      ...(s.state === 'done' && mine ? { done: mine } : {}),
    };
  });
}

export function goalViews(d: PlanData, goals: Goal[]): GoalView[] {
  const all = states(d, goals);
  return goals.map((g) => ({
    key: g.key,
    code: g.code,
    title: g.title,
    titleText: goalTitle(g),
    indicator: {
      kind: g.indicator.kind,
      ...(g.indicator.unit ? { unit: g.indicator.unit } : {}),
      ...(g.indicator.min !== undefined ? { min: g.indicator.min } : {}),
      ...(g.indicator.max !== undefined ? { max: g.indicator.max } : {}),
    },
    slots: slotViews(
      d,
      g,
      all.filter((s) => s.goalKey === g.key),
    ),
  }));
}

/**
 * What the leadership team's decisions ask of a group and is still open, for the goals of this
 * plan: one read by the indexed FollowUpGroupKey column (a group's follow-ups stay far below the
 * list view threshold), earliest due first.
 */
export async function groupFollowUps(repo: Pick<ReadOnlyRepository, 'reviews'>, d: Pick<PlanData, 'goals' | 'today'>, groupKey: string): Promise<FollowUpView[]> {
  const code = new Map(d.goals.map((g) => [g.key, g.code]));
  const reviews = (await repo.reviews.list({ 'followUp.groupKey': groupKey })).items.map((r) => r.value).filter((r) => code.has(r.goalKey));
  return openFollowUps(reviews, groupKey).map((r) => ({
    reviewKey: r.key,
    goalCode: code.get(r.goalKey) ?? r.goalKey,
    ask: r.followUp.ask,
    meetingDate: r.meetingDate,
    dueDate: r.followUp.dueDate,
    overdue: followUpStatus(r.followUp, d.today) === 'overdue',
  }));
}

export function groupCardModel(d: PlanData, group: Group, view: GroupCardModel['view'], extra: Pick<GroupCardModel, 'form' | 'notice' | 'followUps'> = {}): GroupCardModel {
  return {
    locale: groupLocale(d, group),
    ref: { planKey: d.plan.key, groupKey: group.key, period: d.period },
    planTitle: d.plan.title,
    groupName: group.name,
    dueDate: dueOn(d.plan, d.period),
    scale: d.plan.statusScale,
    goals: goalViews(d, groupGoals(d, group.key)),
    permittedUserIds: permittedUserIds(d, group),
    view,
    ...extra,
  };
}

/** A person's goals with open slots: `responsible` for reminders/escalations, `involved` for "status". */
export function personalGoals(d: PlanData, personId: string, mode: 'responsible' | 'involved', only?: 'overdue'): PersonalGoal[] {
  const mine = d.goals.filter((g) => (mode === 'responsible' ? g.responsiblePersons.some((p) => p.id === personId) : isInvolved(personId, g, d.groups)));
  const all = states(d, mine);
  const out: PersonalGoal[] = [];
  for (const g of mine.sort((a, b) => compareCodes(a.code, b.code))) {
    const open = all.filter((s) => s.goalKey === g.key && (only ? s.state === only : s.state === 'due' || s.state === 'overdue'));
    if (open.length === 0) continue;
    out.push({
      key: g.key,
      code: g.code,
      title: g.title,
      titleText: goalTitle(g),
      openUnits: open.map((s) => (s.unit === OVERALL ? undefined : d.units.find((u) => u.key === s.unit)?.name ?? { fi: s.unit })),
      state: open.some((s) => s.state === 'overdue') ? 'overdue' : 'due',
    });
  }
  return out;
}

/** The reporting period before `period` in the plan (skipping non-reporting months), or the calendar month before the first. */
export function previousPeriod(plan: Pick<Plan, 'periodStart' | 'periodEnd' | 'cadence' | 'reminders'>, period: string): string {
  const periods = reportingPeriods(plan);
  const idx = periods.indexOf(period);
  return idx > 0 ? periods[idx - 1]! : addMonths(period, -1);
}

/** Per overall status, how many goals were reported at it in the period (`none`: not reported in the period). */
export type StatusCounts = Map<number | 'none', number>;

/**
 * What changed since last period, from the plan's whole check-in history: each goal's overall
 * status as of `period` against its overall status as of `previous`. A goal counts under its status
 * when that status was reported in `period` (else under `none`); it is a change when it was
 * reported in `period` and differs from the status it had as of `previous` (or it had none).
 */
export function statusChanges(
  goals: readonly Pick<Goal, 'key' | 'code' | 'title' | 'units' | 'summary'>[],
  history: readonly CheckIn[] | undefined,
  period: string,
  previous: string,
): { counts: StatusCounts; changes: DigestModel['changes'] } {
  const counts: StatusCounts = new Map();
  const changes: DigestModel['changes'] = [];
  for (const g of goals) {
    // Without a history, from the goals' summaries and their month-by-month statuses (complete
    // ones: the caller reads the history only when some goal lacks them, `historiesComplete`).
    const mine = history?.filter((c) => c.goalKey === g.key);
    const asOf = (p: string) => (mine ? summaryAsOf(mine, p) : (statusesAt(g, p) ?? {}));
    const now = overallStatus(asOf(period), g.units);
    const before = overallStatus(asOf(previous), g.units);
    const key = now && now.period === period ? now.status : 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (now && now.period === period && before?.status !== now.status) {
      changes.push({ key: g.key, code: g.code, title: g.title, ...(before ? { from: before.status } : {}), to: now.status });
    }
  }
  return { counts, changes };
}

/**
 * Leaders' digest from the plan's data and its whole check-in history (for "what changed since
 * last period"). Pure: a reminder run reads the history once and builds every leader's digest from it.
 */
export function digestModel(d: PlanData, history: readonly CheckIn[] | undefined, locale: Locale): DigestModel {
  const previous = previousPeriod(d.plan, d.period);
  const { counts, changes } = statusChanges(d.goals, history, d.period, previous);
  const order = [...d.plan.statusScale.levels].sort((a, b) => b.value - a.value).map((l) => l.value as number | 'none');
  order.push('none');
  const overdueStates = states(d, d.goals).filter((s) => s.state === 'overdue');
  const overdue = d.goals
    .filter((g) => overdueStates.some((s) => s.goalKey === g.key))
    .map((g) => ({
      key: g.key,
      code: g.code,
      title: g.title,
      titleText: goalTitle(g),
      units: overdueStates.filter((s) => s.goalKey === g.key).map((s) => (s.unit === OVERALL ? undefined : d.units.find((u) => u.key === s.unit)?.name ?? { fi: s.unit })),
    }));
  return {
    locale,
    planKey: d.plan.key,
    planTitle: d.plan.title,
    period: d.period,
    previousPeriod: previous,
    scale: d.plan.statusScale,
    counts: order.filter((k) => counts.has(k)).map((k) => ({ status: k, count: counts.get(k)! })),
    overdue,
    changes: changes.map((c) => {
      const g = d.goals.find((x) => x.key === c.key);
      return g ? { ...c, titleText: goalTitle(g) } : c;
    }),
  };
}
