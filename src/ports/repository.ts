import type { CheckIn, Goal, Group, MeetingSession, PersonRecord, Plan, ReminderLog, Review, Theme, Unit } from '../domain';

/**
 * The storage ports. `src/graph` implements them on Microsoft Graph (and so on the local
 * emulator); tests may implement them in memory. Commands, the bot and the tab depend on these
 * types, never on `graph`.
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
 * Reading one SharePoint list. Filters are equality on indexed columns only (named by entity
 * property); asking for another property is a programming error and throws.
 */
export interface ReadCollection<T> {
  get(key: string): Promise<Versioned<T>>;
  find(key: string): Promise<Versioned<T> | undefined>;
  list(filter?: Record<string, string>): Promise<ListResult<T>>;
}

/**
 * One SharePoint list, read and written with the app's identity (server, bot, CLI). Check-ins are
 * append-only; the one command that deletes (`commands/delete-entity.ts`) removes only themes,
 * goals, groups and units that have no history.
 */
export interface Collection<T> extends ReadCollection<T> {
  /** Throws Conflict when the key (or another unique column) exists already. */
  create(value: T): Promise<Versioned<T>>;
  /** Writes with If-Match: throws Conflict carrying the current version when `etag` is stale. */
  update(value: T, etag: string): Promise<Versioned<T>>;
  /** Deletes with If-Match: throws Conflict carrying the current version when `etag` is stale. */
  delete(key: string, etag: string): Promise<void>;
}

/** The entity each list holds. */
interface Entities {
  plans: Plan;
  themes: Theme;
  goals: Goal;
  checkIns: CheckIn;
  reviews: Review;
  groups: Group;
  units: Unit;
  reminderLog: ReminderLog;
  people: PersonRecord;
  meetingSessions: MeetingSession;
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
  /** One item per review meeting, keyed by the meeting id: where its presenter is. */
  meetingSessions: Collection<MeetingSession>;
  /** Finds a check-in by its unique submission id (indexed). */
  findCheckInBySubmission(submissionId: string): Promise<Versioned<CheckIn> | undefined>;
}

/**
 * What the tab may do with the lists: read. The tab holds a delegated token that can read the
 * site but not write it; every write is a command to the app server.
 */
export type ReadOnlyRepository = { [K in Exclude<keyof Repository, 'findCheckInBySubmission'>]: ReadCollection<Entities[K]> } & Pick<Repository, 'findCheckInBySubmission'>;
