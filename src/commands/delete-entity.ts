import { canEditPlanning, Conflict, Forbidden, Invalid, type Actor, type Goal } from '../domain';
import { historyBlock, isArchived, referencesTo, themeDeletion, type DeletableKind, type DeletionBlock } from '../domain/life-cycle';
import type { Versioned } from '../ports';
import type { CommandContext } from './context';

/**
 * Deleting a theme, goal, development group or service area created by mistake (admins only,
 * with If-Match). Anything with history (a check-in or a review) is refused with 409 and the
 * reason, `{ reason: 'history', checkIns, reviews, goals }`, so the admin is told to archive the
 * plan instead; a group or service area that goals or plans still name is refused with
 * `{ reason: 'in-use', goals, plans }`. A theme takes its sub-themes and their goals with it (see
 * domain/life-cycle.ts): goals go first, then themes children first, so nothing is ever left
 * pointing at a theme that is gone, even when a write fails half way.
 */

export const DELETABLE_KINDS: readonly DeletableKind[] = ['themes', 'goals', 'groups', 'units'];

export interface DeleteResult {
  kind: DeletableKind;
  key: string;
  /** Everything that went, by list. */
  deleted: { themes: string[]; goals: string[]; groups: string[]; units: string[] };
}

const WHAT: Record<DeletableKind, string> = { themes: 'Theme', goals: 'Goal', groups: 'Development group', units: 'Service area' };

/** A refusal carrying its reason as `current`, so the API's 409 body says it (`error.current.value`). */
function blocked(kind: DeletableKind, key: string, block: DeletionBlock, etag: string): Conflict {
  const what = `${WHAT[kind]} ${key}`;
  const message =
    block.reason === 'history'
      ? `${what} cannot be deleted: it has history, ${block.checkIns} check-in(s) and ${block.reviews} review(s) on goal(s) ${block.goals.join(', ')}. Archive the plan instead`
      : `${what} cannot be deleted: it is still named by ${[block.goals.length ? `goal(s) ${block.goals.join(', ')}` : '', block.plans.length ? `plan(s) ${block.plans.join(', ')}` : ''].filter(Boolean).join(' and ')}. Remove it from them first`;
  return new Conflict('duplicate', message, block, etag);
}

async function historyOf(ctx: CommandContext, goals: readonly Goal[]): Promise<DeletionBlock | undefined> {
  const counts = await Promise.all(
    goals.map(async (goal) => {
      const [checkIns, reviews] = await Promise.all([ctx.repo.checkIns.list({ goalKey: goal.key }), ctx.repo.reviews.list({ goalKey: goal.key })]);
      return { goal, checkIns: checkIns.items.length + checkIns.invalid.length, reviews: reviews.items.length + reviews.invalid.length };
    }),
  );
  return historyBlock(counts);
}

function current<T>(found: Versioned<T>, kind: DeletableKind, key: string, etag: string): T {
  if (found.etag !== etag) throw new Conflict('stale', `${WHAT[kind]} ${key} was changed by someone else`, found.value, found.etag);
  return found.value;
}

export async function deleteEntity(ctx: CommandContext, actor: Actor, kind: DeletableKind, key: string, etag: string | undefined): Promise<DeleteResult> {
  if (!canEditPlanning(actor)) throw new Forbidden('Only admins delete themes, goals, groups and service areas');
  if (!etag || etag.trim() === '*') {
    throw new Invalid(`Send the version you saw (If-Match) to delete ${WHAT[kind].toLowerCase()} ${key}`, [{ path: 'If-Match', message: 'Required, and * is not accepted for a delete', code: 'ifMatch.required' }]);
  }
  const result: DeleteResult = { kind, key, deleted: { themes: [], goals: [], groups: [], units: [] } };

  if (kind === 'goals') {
    const goal = current(await ctx.repo.goals.get(key), kind, key, etag);
    if (isArchived((await ctx.repo.plans.get(goal.planKey)).value)) throw new Forbidden(`Plan ${goal.planKey} is archived and read-only: restore it to delete its goals`);
    const block = await historyOf(ctx, [goal]);
    if (block) throw blocked(kind, key, block, etag);
    await ctx.repo.goals.delete(key, etag);
    result.deleted.goals.push(key);
    return result;
  }

  if (kind === 'themes') {
    const theme = current(await ctx.repo.themes.get(key), kind, key, etag);
    if (isArchived((await ctx.repo.plans.get(theme.planKey)).value)) throw new Forbidden(`Plan ${theme.planKey} is archived and read-only: restore it to delete its themes`);
    const [themes, goals] = await Promise.all([ctx.repo.themes.list({ planKey: theme.planKey }), ctx.repo.goals.list({ planKey: theme.planKey })]);
    const goes = themeDeletion(key, themes.items.map((t) => t.value), goals.items.map((g) => g.value));
    const goingGoals = goals.items.filter((g) => goes.goals.includes(g.value.key));
    const block = await historyOf(ctx, goingGoals.map((g) => g.value));
    if (block) throw blocked(kind, key, block, etag);
    for (const g of goingGoals) {
      await ctx.repo.goals.delete(g.value.key, g.etag);
      result.deleted.goals.push(g.value.key);
    }
    for (const k of goes.themes) {
      const t = k === key ? { etag } : themes.items.find((x) => x.value.key === k);
      if (!t) continue;
      await ctx.repo.themes.delete(k, t.etag);
      result.deleted.themes.push(k);
    }
    return result;
  }

  const found = kind === 'groups' ? await ctx.repo.groups.get(key) : await ctx.repo.units.get(key);
  current<unknown>(found, kind, key, etag);
  const [goals, plans] = await Promise.all([ctx.repo.goals.list(), kind === 'units' ? ctx.repo.plans.list() : Promise.resolve({ items: [], invalid: [] })]);
  const refs = referencesTo(kind, key, goals.items.map((g) => g.value), plans.items.map((p) => p.value));
  if (refs.history.length > 0) {
    const counts = await Promise.all(
      refs.history.map(async (goal) => {
        const checkIns = (await ctx.repo.checkIns.list({ goalKey: goal.key })).items.filter((c) => kind === 'groups' || c.value.unit === key);
        return { goal, checkIns: checkIns.length, reviews: 0 };
      }),
    );
    const block = historyBlock(counts);
    if (block) throw blocked(kind, key, block, etag);
  }
  if (refs.goals.length > 0 || refs.plans.length > 0) throw blocked(kind, key, { reason: 'in-use', goals: refs.goals.map((g) => g.code), plans: refs.plans }, etag);
  if (kind === 'groups') {
    await ctx.repo.groups.delete(key, etag);
    result.deleted.groups.push(key);
  } else {
    await ctx.repo.units.delete(key, etag);
    result.deleted.units.push(key);
  }
  return result;
}
