/** Everything: the rules (`rules.ts`, no zod at runtime) and the zod schemas (`schemas/`). */
export * from './rules';
export * from './schemas';
export * from './meeting';
