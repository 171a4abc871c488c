import type { Clock, Repository } from '../ports';

/** What every command runs with: the lists, the time and a source of new ids. */
export interface CommandContext {
  repo: Repository;
  clock: Clock;
  /** New unique ids for keys (random UUIDs in production). */
  newId(): string;
}
