import type { CheckIn, Goal, Group, Plan, Theme, Unit } from '../domain';
import type { InvalidRow, ListResult, Versioned } from './repository';

/** A plan's board: the plan, its themes and goals, all groups and units, read together. */
export interface PlanBoard {
  plan: Versioned<Plan>;
  themes: Versioned<Theme>[];
  goals: Versioned<Goal>[];
  groups: Versioned<Group>[];
  units: Versioned<Unit>[];
  /** Rows of any of these lists that failed validation (shown to admins, skipped elsewhere). */
  invalid: InvalidRow[];
}

/**
 * Check-ins of a plan (all months, or one `period`), of some months of a plan (`periods`, read
 * together in `$batch`es), or of one goal. A plan's months are read one service area at a time (the
 * list view threshold): `units` names the ones to read, e.g. `slotKeys(board)`; without it the
 * reader looks them up first, one more round trip.
 */
export type CheckInQuery = { planKey: string; period?: string; periods?: readonly string[]; units?: readonly string[] } | { goalKey: string };

/** Reads a plan board in as few round trips as Graph allows (`src/graph` implements it with `$batch`). */
export interface BoardReader {
  readPlanBoard(planKey: string): Promise<PlanBoard>;
  readCheckIns(q: CheckInQuery): Promise<ListResult<CheckIn>>;
}
