import type { CheckIn, Goal, Group, Plan, Review, Theme, Unit } from '../domain';
import { checkInSchema, goalSchema, groupSchema, parseOrInvalid, planSchema, reviewSchema, themeSchema, unitSchema } from '../domain';
import type { Collection } from '../ports';
import type { CommandContext } from './context';

export interface Dataset {
  plans: Plan[];
  themes: Theme[];
  goals: Goal[];
  checkIns: CheckIn[];
  reviews: Review[];
  groups: Group[];
  units: Unit[];
}

export interface ImportReport {
  created: Record<keyof Dataset, number>;
  skipped: Record<keyof Dataset, number>;
}

/**
 * Loads a whole dataset (demo data, or a migration from an old table) into empty or partly
 * filled lists. Every row is validated first, so a bad file writes nothing; rows whose key exists
 * already are skipped, so a rerun after a crash completes the load without duplicates.
 * This is a system operation (seeding, migrations): callers authorize before calling it.
 */
export async function importDataset(ctx: CommandContext, data: Dataset, concurrency = 8): Promise<ImportReport> {
  const valid: Dataset = {
    units: data.units.map((x) => parseOrInvalid(unitSchema, x, `unit ${x.key}`)),
    groups: data.groups.map((x) => parseOrInvalid(groupSchema, x, `group ${x.key}`)),
    plans: data.plans.map((x) => parseOrInvalid(planSchema, x, `plan ${x.key}`)),
    themes: data.themes.map((x) => parseOrInvalid(themeSchema, x, `theme ${x.key}`)),
    goals: data.goals.map((x) => parseOrInvalid(goalSchema, x, `goal ${x.key}`)),
    checkIns: data.checkIns.map((x) => parseOrInvalid(checkInSchema, x, `check-in ${x.key}`)),
    reviews: data.reviews.map((x) => parseOrInvalid(reviewSchema, x, `review ${x.key}`)),
  };
  const created = { plans: 0, themes: 0, goals: 0, checkIns: 0, reviews: 0, groups: 0, units: 0 };
  const skipped = { ...created };
  const load = async <T extends { key: string }>(name: keyof Dataset, col: Collection<T>, rows: T[]) => {
    const existing = new Set((await col.list()).items.map((i) => i.value.key));
    const todo = rows.filter((r) => !existing.has(r.key));
    skipped[name] += rows.length - todo.length;
    for (let i = 0; i < todo.length; i += concurrency) {
      await Promise.all(todo.slice(i, i + concurrency).map((r) => col.create(r)));
      created[name] += Math.min(concurrency, todo.length - i);
    }
  };
  // Order matters only for readers during the load: referenced things first.
  await load('units', ctx.repo.units, valid.units);
  await load('groups', ctx.repo.groups, valid.groups);
  await load('plans', ctx.repo.plans, valid.plans);
  await load('themes', ctx.repo.themes, valid.themes);
  await load('goals', ctx.repo.goals, valid.goals);
  await load('checkIns', ctx.repo.checkIns, valid.checkIns);
  await load('reviews', ctx.repo.reviews, valid.reviews);
  return { created, skipped };
}
