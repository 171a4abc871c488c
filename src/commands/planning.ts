import {
  canEditPlanning,
  Conflict,
  Forbidden,
  goalSchema,
  groupSchema,
  Invalid,
  parseOrInvalid,
  planSchema,
  themeSchema,
  unitSchema,
  type Actor,
  type FieldIssue,
  type Goal,
  type Group,
  type Plan,
  type Theme,
  type Unit,
} from '../domain';
import { isArchived } from '../domain/life-cycle';
import type { Collection, Versioned } from '../ports';
import type { CommandContext } from './context';

/**
 * Admin commands that set up plans, themes, goals, groups and units. Every edit names the
 * version it was based on (If-Match); when someone else saved first the Conflict carries their
 * version so the editor can see both — nothing is overwritten silently.
 */

function requireAdmin(actor: Actor): void {
  if (!canEditPlanning(actor)) throw new Forbidden('Only admins edit plans, themes, goals, groups and units');
}

function keyMismatch(key: string, bodyKey: unknown): void {
  if (bodyKey !== undefined && bodyKey !== key) {
    throw new Invalid(`The key in the body (${String(bodyKey)}) differs from the key in the address (${key})`, [
      { path: 'key', message: 'Must match the key in the address' },
    ]);
  }
}

/**
 * `If-Match: *` means what HTTP says (RFC 9110 §13.1.1): "whatever version is current", for every
 * entity alike — an update of the current version if the item exists, 412 if it does not. So `*`
 * never creates, and an explicit `*` is the only way to overwrite without naming a version.
 */
async function resolveIfMatch<T>(collection: Collection<T>, key: string, etag: string | undefined, what: string): Promise<string | undefined> {
  if (etag?.trim() !== '*') return etag;
  const current = await collection.find(key);
  if (!current) throw new Conflict('stale', `${what} ${key} does not exist, so If-Match: * matches nothing; send it without If-Match to create it`);
  return current.etag;
}

/** Create (no etag) or update (etag required) one entity. */
async function save<T extends { key: string }>(
  collection: Collection<T>,
  value: T,
  etag: string | undefined,
  what: string,
): Promise<{ value: Versioned<T>; created: boolean }> {
  if (etag === undefined) {
    const existing = await collection.find(value.key);
    if (existing) throw new Conflict('duplicate', `${what} ${value.key} exists already; send its version (If-Match) to edit it`, existing.value, existing.etag);
    return { value: await collection.create(value), created: true };
  }
  return { value: await collection.update(value, etag), created: false };
}

async function checkGoalReferences(ctx: CommandContext, goal: Goal): Promise<void> {
  const issues: FieldIssue[] = [];
  const plan = (await ctx.repo.plans.get(goal.planKey)).value;
  if (isArchived(plan)) throw new Forbidden(`Plan ${plan.key} is archived and read-only: restore it to edit its goals`);
  const theme = await ctx.repo.themes.find(goal.themeKey);
  if (!theme || theme.value.planKey !== goal.planKey) issues.push({ path: 'themeKey', message: `No theme ${goal.themeKey} in plan ${goal.planKey}` });
  for (const [i, u] of goal.units.entries()) {
    if (!plan.units.includes(u)) issues.push({ path: `units.${i}`, message: `Unit ${u} is not in use in plan ${plan.key}` });
  }
  const groups = new Set((await ctx.repo.groups.list()).items.map((g) => g.value.key));
  for (const [i, g] of goal.responsibleGroupKeys.entries()) {
    if (!groups.has(g)) issues.push({ path: `responsibleGroupKeys.${i}`, message: `No development group ${g}` });
  }
  if (issues.length) throw new Invalid(`Invalid goal: ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`, issues);
}

export async function saveGoal(ctx: CommandContext, actor: Actor, key: string | undefined, raw: unknown, ifMatch?: string) {
  requireAdmin(actor);
  const body = (raw ?? {}) as Record<string, unknown>;
  if (key) keyMismatch(key, body.key);
  const goal = parseOrInvalid(goalSchema, { ...body, key: key ?? body.key }, 'goal');
  await checkGoalReferences(ctx, goal);
  const etag = await resolveIfMatch(ctx.repo.goals, goal.key, ifMatch, 'Goal');
  // The summary belongs to check-ins, never to an editor's form: keep the stored one.
  if (etag !== undefined) {
    const current = await ctx.repo.goals.get(goal.key);
    if (current.etag !== etag) throw new Conflict('stale', `Goal ${goal.key} was changed by someone else`, current.value, current.etag);
    goal.summary = current.value.summary;
  } else {
    goal.summary = {};
  }
  return save(ctx.repo.goals, goal, etag, 'Goal');
}

export async function savePlan(ctx: CommandContext, actor: Actor, key: string, raw: unknown, ifMatch?: string) {
  requireAdmin(actor);
  keyMismatch(key, (raw as Record<string, unknown> | undefined)?.key);
  const plan: Plan = parseOrInvalid(planSchema, { ...(raw as object), key }, 'plan');
  // Archiving is its own command (plan-life-cycle.ts); an editor's form neither sets nor clears it.
  delete plan.archivedAt;
  if ((await ctx.repo.plans.find(key))?.value.archivedAt) throw new Forbidden(`Plan ${key} is archived and read-only: restore it to edit it`);
  const units = new Set((await ctx.repo.units.list()).items.map((u) => u.value.key));
  const missing = plan.units.filter((u) => !units.has(u));
  if (missing.length) throw new Invalid(`Unknown units: ${missing.join(', ')}`, missing.map((u) => ({ path: 'units', message: `No unit ${u}` })));
  return save(ctx.repo.plans, plan, await resolveIfMatch(ctx.repo.plans, key, ifMatch, 'Plan'), 'Plan');
}

export async function saveTheme(ctx: CommandContext, actor: Actor, key: string, raw: unknown, ifMatch?: string) {
  requireAdmin(actor);
  keyMismatch(key, (raw as Record<string, unknown> | undefined)?.key);
  const theme: Theme = parseOrInvalid(themeSchema, { ...(raw as object), key }, 'theme');
  if (isArchived((await ctx.repo.plans.get(theme.planKey)).value)) throw new Forbidden(`Plan ${theme.planKey} is archived and read-only: restore it to edit its themes`);
  if (theme.parentKey) {
    if (theme.parentKey === theme.key) throw new Invalid('A theme cannot be its own parent', [{ path: 'parentKey', message: 'Choose another theme' }]);
    const parent = await ctx.repo.themes.find(theme.parentKey);
    if (!parent || parent.value.planKey !== theme.planKey) {
      throw new Invalid(`No theme ${theme.parentKey} in plan ${theme.planKey}`, [{ path: 'parentKey', message: 'Unknown parent theme' }]);
    }
  }
  return save(ctx.repo.themes, theme, await resolveIfMatch(ctx.repo.themes, key, ifMatch, 'Theme'), 'Theme');
}

export async function saveGroup(ctx: CommandContext, actor: Actor, key: string, raw: unknown, ifMatch?: string) {
  requireAdmin(actor);
  keyMismatch(key, (raw as Record<string, unknown> | undefined)?.key);
  const group: Group = parseOrInvalid(groupSchema, { ...(raw as object), key }, 'group');
  const etag = await resolveIfMatch(ctx.repo.groups, key, ifMatch, 'Group');
  if (etag !== undefined) {
    // The channel link is set by the bot's link flow, not by the admin form: keep it.
    const current = await ctx.repo.groups.get(key);
    if (current.etag !== etag) throw new Conflict('stale', `Group ${key} was changed by someone else`, current.value, current.etag);
    if (current.value.conversation && !group.conversation) group.conversation = current.value.conversation;
  }
  return save(ctx.repo.groups, group, etag, 'Group');
}

export async function saveUnit(ctx: CommandContext, actor: Actor, key: string, raw: unknown, ifMatch?: string) {
  requireAdmin(actor);
  keyMismatch(key, (raw as Record<string, unknown> | undefined)?.key);
  const unit: Unit = parseOrInvalid(unitSchema, { ...(raw as object), key }, 'unit');
  return save(ctx.repo.units, unit, await resolveIfMatch(ctx.repo.units, key, ifMatch, 'Unit'), 'Unit');
}
