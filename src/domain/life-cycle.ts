import type { Goal } from './goal';
import type { Plan } from './plan';
import type { Theme } from './theme';
import { orderThemes } from './theme';
import { stableHash } from './import/text';

/**
 * A plan's life cycle: next year's plan from this year's, and archiving at the end of the period.
 * Pure; `commands/plan-life-cycle.ts` reads and writes.
 */

/** An archived plan is read-only everywhere and out of My goals and reminders; dashboards and reports still show it. */
export function isArchived(plan: Pick<Plan, 'archivedAt'>): boolean {
  return !!plan.archivedAt;
}

/** A key of the source plan renamed into the copy: the plan's prefix swapped, else the copy's key put in front. */
export function copiedKey(oldKey: string, fromPlan: string, toPlan: string): string {
  const renamed = oldKey.startsWith(fromPlan) ? `${toPlan}${oldKey.slice(fromPlan.length)}` : `${toPlan}-${oldKey}`;
  return renamed.length <= 64 ? renamed : `${toPlan.slice(0, 40)}-${stableHash(oldKey, 12)}`;
}

const shiftDate = (d: string | undefined, years: number) => (d && years ? `${Number(d.slice(0, 4)) + years}${d.slice(4)}` : d);

/** "Toimialan tavoitteet 2021" → "Toimialan tavoitteet 2022": years inside the source period move with it. */
function shiftYears(text: string, fromStart: number, fromEnd: number, years: number): string {
  if (!years) return text;
  return text.replace(/\b(19|20)\d{2}\b/g, (y) => (Number(y) >= fromStart && Number(y) <= fromEnd ? String(Number(y) + years) : y));
}

export interface CopyTarget {
  key: string;
  title?: Plan['title'];
  periodStart: string;
  periodEnd: string;
}

/**
 * The new plan with the source's themes, goals, indicators, targets, groups and units. History is
 * not copied: summaries start empty and no check-in or review comes along. Target dates move by
 * the whole years between the two plans' starts, so they can be edited before the new plan starts.
 */
export function copyPlan(source: { plan: Plan; themes: readonly Theme[]; goals: readonly Goal[] }, target: CopyTarget): { plan: Plan; themes: Theme[]; goals: Goal[] } {
  const from = source.plan.key;
  const years = Number(target.periodStart.slice(0, 4)) - Number(source.plan.periodStart.slice(0, 4));
  const [y0, y1] = [Number(source.plan.periodStart.slice(0, 4)), Number(source.plan.periodEnd.slice(0, 4))];
  const shiftText = (t: string) => shiftYears(t, y0, y1, years);
  const { archivedAt: _a, ...rest } = source.plan;
  const title = target.title ?? Object.fromEntries(Object.entries(source.plan.title).map(([l, t]) => [l, typeof t === 'string' ? shiftText(t) : t]));
  const plan: Plan = { ...rest, key: target.key, title: title as Plan['title'], periodStart: target.periodStart, periodEnd: target.periodEnd };
  const themeKey = (k: string) => copiedKey(k, from, target.key);
  const themes = orderThemes(source.themes.filter((t) => t.planKey === from)).map(
    (t): Theme => ({ ...t, key: themeKey(t.key), planKey: target.key, ...(t.parentKey ? { parentKey: themeKey(t.parentKey) } : {}) }),
  );
  const goals = source.goals
    .filter((g) => g.planKey === from)
    .map(
      (g): Goal => ({
        ...g,
        key: copiedKey(g.key, from, target.key),
        planKey: target.key,
        themeKey: themeKey(g.themeKey),
        target: { ...g.target, ...(g.target.date ? { date: shiftDate(g.target.date, years) } : {}) },
        summary: {},
      }),
    );
  return { plan, themes, goals };
}
