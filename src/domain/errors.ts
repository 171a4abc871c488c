/**
 * Domain errors: the one vocabulary every layer maps to. The Graph adapter turns Graph errors
 * into these; the server and the bot turn these into status codes and messages.
 */
/**
 * One refused field: where (`path`, dotted, e.g. `indicator.direction`), why in English for logs
 * and scripts (`message`), and why as a stable code (`code`, `<field>.<reason>`, e.g.
 * `period.future`, `indicatorValue.negative`) that a front end turns into the user's language.
 */
export type FieldIssue = { path: string; message: string; code?: string };

/** The field a code names: the path without list positions (`levels.0.value` → `levels.value`). */
export function fieldOfPath(path: string): string {
  return path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part)).join('.').replace(/^\(body\)$/, 'body') || 'body';
}

/** A field issue as the API sends it: an issue raised without a code gets `<field>.invalid`. */
export function withCode(issue: FieldIssue): FieldIssue & { code: string } {
  return { ...issue, code: issue.code ?? `${fieldOfPath(issue.path)}.invalid` };
}

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
  /** Every issue carries a code (`withCode`), whoever raised it. */
  readonly issues: (FieldIssue & { code: string })[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super('Invalid', message);
    this.issues = issues.map(withCode);
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

/** The parts of a zod issue a code is made from. */
interface ZodIssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  params?: { code?: unknown } | undefined;
}

/** The reason part of a field code for a zod issue; a custom rule names its own in `params.code`. */
function zodReason(i: ZodIssueLike): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'required' : 'type';
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) <= 1) return 'required';
      return i.origin === 'string' ? 'tooShort' : i.origin === 'array' ? 'tooFew' : 'tooSmall';
    case 'too_big':
      return i.origin === 'string' ? 'tooLong' : i.origin === 'array' ? 'tooMany' : 'tooBig';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'notAllowed';
    case 'unrecognized_keys':
      return 'unknown';
    default:
      return 'invalid';
  }
}

/**
 * Turns a zod error into field issues with dotted paths, e.g. `indicator.direction`, each with its
 * code: a custom rule's own (`params.code`, a full code or a reason), else one from zod's issue kind.
 */
export function issuesFromZod(error: { issues: ReadonlyArray<ZodIssueLike> }): (FieldIssue & { code: string })[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.') || '(body)';
    const own = typeof i.params?.code === 'string' ? i.params.code : undefined;
    const code = own?.includes('.') ? own : `${fieldOfPath(path)}.${own ?? zodReason(i)}`;
    return { path, message: i.message, code };
  });
}

/** Parses with a zod schema or throws Invalid naming every bad field. */
export function parseOrInvalid<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<ZodIssueLike> } } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = issuesFromZod(r.error);
  throw new Invalid(`Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
