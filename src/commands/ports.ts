import type { CheckIn, Goal, Group, PersonRecord, Plan, ReminderLog, Review, Theme, Unit } from '../domain';

/**
 * The ports the use cases need. `src/graph` implements `Repository` on Microsoft Graph (and so on
 * the local emulator); tests may implement it in memory. Commands never import `graph`.
 */

/** A stored entity with the version it was read at (SharePoint's eTag), for If-Match writes. */
export interface Versioned<T> {
  value: T;
  etag: string;
  /** The SharePoint list item id, for diagnostics and links. */
  itemId: string;
}

/** A list row that failed schema validation (someone edited the list by hand). Reported, never thrown. */
export interface InvalidRow {
  list: string;
  itemId: string;
  issues: { path: string; message: string }[];
}

export interface ListResult<T> {
  items: Versioned<T>[];
  invalid: InvalidRow[];
}

/**
 * One SharePoint list. Filters are equality on indexed columns only (named by entity property);
 * asking for another property is a programming error and throws.
 */
export interface Collection<T> {
  get(key: string): Promise<Versioned<T>>;
  find(key: string): Promise<Versioned<T> | undefined>;
  list(filter?: Record<string, string>): Promise<ListResult<T>>;
  /** Throws Conflict when the key (or another unique column) exists already. */
  create(value: T): Promise<Versioned<T>>;
  /** Writes with If-Match: throws Conflict carrying the current version when `etag` is stale. */
  update(value: T, etag: string): Promise<Versioned<T>>;
  delete(key: string, etag?: string): Promise<void>;
}

export interface Repository {
  plans: Collection<Plan>;
  themes: Collection<Theme>;
  goals: Collection<Goal>;
  checkIns: Collection<CheckIn>;
  reviews: Collection<Review>;
  groups: Collection<Group>;
  units: Collection<Unit>;
  reminderLog: Collection<ReminderLog>;
  people: Collection<PersonRecord>;
  /** Finds a check-in by its unique submission id (indexed). */
  findCheckInBySubmission(submissionId: string): Promise<Versioned<CheckIn> | undefined>;
}

export interface Clock {
  now(): Date;
}

export interface CommandContext {
  repo: Repository;
  clock: Clock;
  /** New unique ids for keys (random UUIDs in production). */
  newId(): string;
}
