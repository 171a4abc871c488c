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

/** A date moved by whole years; 29 February becomes the 28th in a year that has none. */
function shiftDate(d: string, years: number): string;
function shiftDate(d: string | undefined, years: number): string | undefined;
function shiftDate(d: string | undefined, years: number): string | undefined {
  if (!d || !years) return d;
  const y = Number(d.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}${d.slice(4) === '-02-29' && !leap ? '-02-28' : d.slice(4)}`;
}

/** "Toimialan tavoitteet 2021" → "Toimialan tavoitteet 2022": years inside the source period move with it. */
function shiftYears(text: string, fromStart: number, fromEnd: number, years: number): string {
  if (!years) return text;
  return text.replace(/\b(19|20)\d{2}\b/g, (y) => (Number(y) >= fromStart && Number(y) <= fromEnd ? String(Number(y) + years) : y));
}

/**
 * What "create a new plan from this one" proposes: the next period of the same length, the key
 * and the title with the plan's years moved along (the admin edits any of it before copying).
 */
export function suggestCopy(plan: Pick<Plan, 'key' | 'title' | 'periodStart' | 'periodEnd'>): Required<CopyTarget> {
  const [y0, y1] = [Number(plan.periodStart.slice(0, 4)), Number(plan.periodEnd.slice(0, 4))];
  const days = (Date.parse(`${plan.periodEnd}T00:00:00Z`) - Date.parse(`${plan.periodStart}T00:00:00Z`)) / 86_400_000 + 1;
  const years = Math.max(1, Math.round(days / 365.25));
  const title = Object.fromEntries(Object.entries(plan.title).map(([l, t]) => [l, typeof t === 'string' ? shiftYears(t, y0, y1, years) : t])) as Plan['title'];
  const key = plan.key.replace(/(19|20)\d{2}/g, (y) => (Number(y) >= y0 && Number(y) <= y1 ? String(Number(y) + years) : y));
  return { key: key === plan.key ? `${plan.key}-${y0 + years}` : key, title, periodStart: shiftDate(plan.periodStart, years), periodEnd: shiftDate(plan.periodEnd, years) };
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

/**
 * Deleting what was created by mistake. Only a theme, goal, development group or service area
 * without history (no check-in, no review) may go; anything with history can only be archived
 * with its plan. Nothing is left pointing at what went:
 *
 * - a **goal** goes alone;
 * - a **theme** takes its sub-themes and every goal under any of them (a goal cannot be without a
 *   theme); so one check-in anywhere below it keeps the whole theme;
 * - a **group** or **service area** goes only when no goal (and, for a service area, no plan)
 *   names it any more: the admin removes it from those first, in the editor.
 */
export type DeletableKind = 'themes' | 'goals' | 'groups' | 'units';

/** The themes and goals a theme's deletion takes: goals first, then themes deepest first (children before parents). */
export function themeDeletion(themeKey: string, themes: readonly Pick<Theme, 'key' | 'parentKey'>[], goals: readonly Pick<Goal, 'key' | 'themeKey'>[]): { themes: string[]; goals: string[] } {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return; // a parent cycle someone made by hand
    seen.add(key);
    for (const child of themes.filter((t) => t.parentKey === key)) visit(child.key);
    order.push(key);
  };
  visit(themeKey);
  return { themes: order, goals: goals.filter((g) => seen.has(g.themeKey)).map((g) => g.key) };
}

/** Why something cannot be deleted. */
export type DeletionBlock =
  /** It has history: `checkIns` and `reviews` on the listed goals. Archive instead. */
  | { reason: 'history'; checkIns: number; reviews: number; goals: string[] }
  /** Goals or plans still name it (a group or service area): remove it from them first. */
  | { reason: 'in-use'; goals: string[]; plans: string[] };

/** What a goal's history is, from its check-in and review counts (and its summary, which only check-ins write). */
export function historyBlock(counts: readonly { goal: Pick<Goal, 'code' | 'summary'>; checkIns: number; reviews: number }[]): DeletionBlock | undefined {
  const withHistory = counts.filter((c) => c.checkIns > 0 || c.reviews > 0 || Object.keys(c.goal.summary).length > 0);
  if (withHistory.length === 0) return undefined;
  return {
    reason: 'history',
    checkIns: withHistory.reduce((n, c) => n + c.checkIns, 0),
    reviews: withHistory.reduce((n, c) => n + c.reviews, 0),
    goals: withHistory.map((c) => c.goal.code),
  };
}

/**
 * Who still names a group or service area: `history` the goals with check-ins on it (for a group,
 * any check-in on a goal it answers for; for a service area, a summary entry of that area, which
 * exists exactly when a check-in was made for it), `goals` every goal naming it, `plans` every plan
 * using the service area.
 */
export function referencesTo<G extends Pick<Goal, 'key' | 'code' | 'responsibleGroupKeys' | 'units' | 'summary'>>(
  kind: 'groups' | 'units',
  key: string,
  goals: readonly G[],
  plans: readonly Pick<Plan, 'key' | 'units'>[],
): { history: G[]; goals: G[]; plans: string[] } {
  const naming = goals.filter((g) => (kind === 'groups' ? g.responsibleGroupKeys.includes(key) : g.units.includes(key) || key in g.summary));
  return {
    history: naming.filter((g) => (kind === 'groups' ? Object.keys(g.summary).length > 0 : key in g.summary)),
    goals: naming,
    plans: kind === 'units' ? plans.filter((p) => p.units.includes(key)).map((p) => p.key) : [],
  };
}
