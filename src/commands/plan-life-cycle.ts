import {
  canEditPlanning,
  Conflict,
  Forbidden,
  isoDateSchema,
  keySchema,
  localizedTextSchema,
  parseOrInvalid,
  planSchema,
  themeSchema,
  goalSchema,
  Invalid,
  type Actor,
  type Plan,
} from '../domain';
import { copyPlan as copyPlanEntities } from '../domain/life-cycle';
import { z } from 'zod';
import type { CommandContext } from './context';

/**
 * A plan's life cycle: "create a new plan from this one" and archiving at the end of its period.
 * Admins only (domain/policy).
 */

function requireAdmin(actor: Actor): void {
  if (!canEditPlanning(actor)) throw new Forbidden('Only admins copy or archive plans');
}

const copyInputSchema = z
  .object({
    key: keySchema,
    title: localizedTextSchema.optional(),
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
  })
  .refine((x) => x.periodEnd >= x.periodStart, { path: ['periodEnd'], message: 'The plan ends before it starts' });

export interface CopyPlanResult {
  plan: Plan;
  themes: number;
  goals: number;
}

/** Copies themes, goals, indicators, targets, groups and units to a new plan with a new period; no history. */
export async function copyPlan(ctx: CommandContext, actor: Actor, sourceKey: string, raw: unknown): Promise<CopyPlanResult> {
  requireAdmin(actor);
  const input = parseOrInvalid(copyInputSchema, raw, 'plan copy');
  const [source, taken] = await Promise.all([ctx.repo.plans.get(sourceKey), ctx.repo.plans.find(input.key)]);
  if (taken) throw new Conflict('duplicate', `Plan ${input.key} exists already: choose another key for the copy`, taken.value, taken.etag);
  const [themes, goals] = await Promise.all([ctx.repo.themes.list({ planKey: sourceKey }), ctx.repo.goals.list({ planKey: sourceKey })]);
  const copy = copyPlanEntities({ plan: source.value, themes: themes.items.map((t) => t.value), goals: goals.items.map((g) => g.value) }, input);
  // Validate everything before writing anything.
  const plan = parseOrInvalid(planSchema, copy.plan, 'copied plan');
  const newThemes = copy.themes.map((t) => parseOrInvalid(themeSchema, t, `copied theme ${t.key}`));
  const newGoals = copy.goals.map((g) => parseOrInvalid(goalSchema, g, `copied goal ${g.key}`));
  await ctx.repo.plans.create(plan);
  for (const t of newThemes) await ctx.repo.themes.create(t); // parents first (orderThemes)
  for (let i = 0; i < newGoals.length; i += 8) await Promise.all(newGoals.slice(i, i + 8).map((g) => ctx.repo.goals.create(g)));
  return { plan, themes: newThemes.length, goals: newGoals.length };
}

/** Archives (or restores) a plan with If-Match. */
export async function archivePlan(ctx: CommandContext, actor: Actor, key: string, archived: boolean, etag: string | undefined) {
  requireAdmin(actor);
  if (!etag) throw new Invalid('Send the version you saw (If-Match) to archive a plan', [{ path: 'If-Match', message: 'Required' }]);
  const current = await ctx.repo.plans.get(key);
  if (current.etag !== etag) throw new Conflict('stale', `Plan ${key} was changed by someone else`, current.value, current.etag);
  const { archivedAt: _a, ...rest } = current.value;
  const next: Plan = archived ? { ...rest, archivedAt: ctx.clock.now().toISOString() } : rest;
  return ctx.repo.plans.update(next, etag);
}
