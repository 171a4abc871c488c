/**
 * The domain without its zod schemas: types, constants and rules only. Nothing here imports zod
 * at runtime (types come from `schemas/` with `import type`, which is erased), so the tab's shell
 * and any other layer can use the rules without loading zod; a unit test keeps it so.
 */
export * from './localized';
export * from './person';
export * from './people-search';
export * from './status-scale';
export * from './plan';
export * from './theme';
export * from './goal';
export * from './goal-texts';
export * from './check-in';
export * from './review';
export * from './organisation';
export * from './periods';
export * from './rollup';
export * from './progress';
export * from './policy';
export * from './errors';
export * from './reminder-log';
export * from './meeting';
