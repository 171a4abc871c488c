import type { Dataset } from '../commands/import-dataset';
import { summaryAsOf, type Goal } from '../domain';
import { buildCheckIns, SEED_PERIOD } from './check-ins';
import { GOAL_FACTS, goalKey, goalThemeKey } from './goals';
import { GROUPS, UNITS } from './organisation';
import { asPerson } from './people';
import { DEMO_PLAN_KEY, PLAN, buildThemes } from './plan';
import { buildReviews } from './reviews';
import { GOAL_TRANSLATIONS } from './translations';

export { DEMO_DIRECTORY, DEMO_USERS, type DemoUser } from './people';
export { DEMO_PLAN_KEY } from './plan';

/** The demo has the shape of any importable dataset. */
export type DemoDataset = Dataset;

/**
 * The demo: Vantaa's education division goals of 2021 (seed 000) under its strategic themes
 * (seed 001), with invented people and a generated monthly history that ends in the seed's
 * August 2021 statuses. Pure and deterministic: every call returns a fresh, deep-equal copy.
 */
export function buildDemoDataset(): DemoDataset {
  // structuredClone: callers (importers, tests) may mutate what they get.
  const groups = structuredClone(GROUPS);
  const checkIns = buildCheckIns(GOAL_FACTS, groups);
  const goals: Goal[] = GOAL_FACTS.map((f) => {
    const key = goalKey(f.code);
    return {
      key,
      planKey: DEMO_PLAN_KEY,
      themeKey: goalThemeKey(f),
      code: f.code,
      title: f.title,
      ...(f.description ? { description: f.description } : {}),
      indicator: { ...f.indicator },
      baseline: { ...f.baseline },
      target: { ...f.target },
      responsiblePersons: f.responsible.map(asPerson),
      responsibleGroupKeys: [...f.groupKeys],
      units: f.units.map((u) => u.unit),
      ...(GOAL_TRANSLATIONS[f.code] ? { translations: structuredClone(GOAL_TRANSLATIONS[f.code]) } : {}),
      summary: summaryAsOf(
        checkIns.filter((c) => c.goalKey === key),
        SEED_PERIOD,
      ),
    };
  });
  return {
    plans: [structuredClone(PLAN)],
    themes: buildThemes(),
    goals,
    checkIns,
    reviews: buildReviews(),
    groups,
    units: structuredClone(UNITS),
  };
}
