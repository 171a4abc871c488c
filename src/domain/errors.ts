/**
 * Domain errors: the one vocabulary every layer maps to. The Graph adapter turns Graph errors
 * into these; the server and the bot turn these into status codes and messages.
 */
export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: 'NotFound' | 'Conflict' | 'Forbidden' | 'Invalid' | 'Throttled' | 'Unavailable',
    message: string,
  ) {
    super(message);
    this.name = kind;
  }
}

export class NotFound extends DomainError {
  constructor(message: string) {
    super('NotFound', message);
  }
}

/**
 * Why a write was refused: `stale` — it named a version (If-Match eTag) that is no longer the
 * current one (HTTP 412); `duplicate` — it collided with a key or another unique value (HTTP 409).
 */
export type ConflictReason = 'stale' | 'duplicate';

/**
 * A write lost a race or collided with a unique value. The thrower names the reason: it cannot be
 * told from the other fields (a raw 412 from Graph carries no current version). `current` and
 * `currentEtag`, when known, are the version that won, so the caller can show both.
 */
export class Conflict extends DomainError {
  constructor(
    readonly reason: ConflictReason,
    message: string,
    readonly current?: unknown,
    readonly currentEtag?: string,
  ) {
    super('Conflict', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message: string) {
    super('Forbidden', message);
  }
}

export class Invalid extends DomainError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super('Invalid', message);
  }
}

export class Throttled extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super('Throttled', message);
  }
}

export class Unavailable extends DomainError {
  constructor(message: string) {
    super('Unavailable', message);
  }
}

/** Turns a zod error into field issues with dotted paths, e.g. `indicator.direction`. */
export function issuesFromZod(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Parses with a zod schema or throws Invalid naming every bad field. */
export function parseOrInvalid<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = issuesFromZod(r.error);
  throw new Invalid(`Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
