import {
  applyCheckIn,
  canCheckIn,
  checkInInputSchema,
  checkInIssues,
  Conflict,
  Forbidden,
  helsinkiDate,
  Invalid,
  NotFound,
  parseOrInvalid,
  OVERALL,
  type Actor,
  type CheckIn,
  type Goal,
  type GoalSummary,
  type CheckInInput,
} from '../domain';
import { isArchived } from '../domain/life-cycle';
import type { Versioned } from '../ports';
import type { CommandContext } from './context';
import { withConcurrencyRetry } from './concurrency';

export interface SubmitCheckInResult {
  checkIn: CheckIn;
  /** False when the submission id was seen before and the stored check-in is returned. */
  created: boolean;
}

/**
 * Submits a check-in: validates it against the goal and its plan, authorizes the caller, creates
 * it exactly once (by submission id) and brings the goal's denormalized summary up to date.
 * Called by the HTTP API, the bot's card action and imports alike.
 */
export async function submitCheckIn(
  ctx: CommandContext,
  actor: Actor,
  raw: unknown,
  source: CheckIn['source'] = 'tab',
): Promise<SubmitCheckInResult> {
  const input: CheckInInput = parseOrInvalid(checkInInputSchema, raw, 'check-in');
  // Independent reads go out together: a check-in is on a person's critical path.
  // (The Graph adapter sends reads started together as one $batch, so these are one round trip.)
  const [goal, existing, { items: groups }, { items: plans }] = await Promise.all([
    ctx.repo.goals.get(input.goalKey),
    ctx.repo.findCheckInBySubmission(input.submissionId),
    ctx.repo.groups.list(),
    ctx.repo.plans.list(),
  ]);
  // Authorization comes first, also for a repeated submission: nobody learns anything of a
  // goal they may not report on, nor of a check-in by its submission id.
  if (!canCheckIn(actor, goal.value, groups.map((g) => g.value))) {
    throw new Forbidden(`You are not responsible for goal ${goal.value.key} nor in its responsible group`);
  }
  if (existing) return replay(ctx, existing, input, actor);

  const plan = plans.find((p) => p.value.key === goal.value.planKey)?.value;
  if (!plan) throw new NotFound(`Plans: no item with key '${goal.value.planKey}'`);
  if (isArchived(plan)) throw new Forbidden(`Plan ${plan.key} is archived and read-only: check-ins are closed`);

  // The one check-in validator, now with the goal and plan (the schema ran its read-free part);
  // the HTTP contract's `fields` carry path, code and message.
  const issues = checkInIssues(input, { plan, goal: goal.value, today: helsinkiDate(ctx.clock.now()) }).map(({ path, code, message }) => ({ path, code, message }));
  if (issues.length > 0) throw new Invalid(`Invalid check-in: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

  const checkIn: CheckIn = {
    key: `ci-${ctx.newId()}`,
    goalKey: goal.value.key,
    planKey: plan.key,
    period: input.period,
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    status: input.status,
    narrative: input.narrative,
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.indicatorValue !== undefined ? { indicatorValue: input.indicatorValue } : {}),
    author: { id: actor.id, upn: actor.upn, name: actor.name },
    submittedAt: ctx.clock.now().toISOString(),
    source,
    submissionId: input.submissionId,
  };

  let stored: Versioned<CheckIn>;
  try {
    stored = await ctx.repo.checkIns.create(checkIn);
  } catch (e) {
    // Two deliveries of one submission raced: the unique SubmissionId column let one through.
    if (!(e instanceof Conflict)) throw e;
    const winner = await ctx.repo.findCheckInBySubmission(input.submissionId);
    if (!winner) throw e;
    return replay(ctx, winner, input, actor);
  }
  // Stored is stored: from here on nothing may answer as if it failed. The goal as read above is
  // the first attempt's base, so a check-in costs three round trips (reads, create, summary).
  await settleSummary(ctx, stored.value, goal);
  return { checkIn: stored.value, created: true };
}

/** Said for every submission id that is not the caller's own on this goal, so it tells nothing more. */
const SUBMISSION_ID_TAKEN = 'This submission id is taken; send the check-in with a new one';

/**
 * A repeated submission: the same result as the first, for its author on its goal only (a
 * submission id belongs to its author), and the summary is made right if a crash left it behind.
 */
async function replay(ctx: CommandContext, existing: Versioned<CheckIn>, input: CheckInInput, actor: Actor): Promise<SubmitCheckInResult> {
  if (existing.value.goalKey !== input.goalKey || existing.value.author.id !== actor.id) {
    throw new Conflict('duplicate', SUBMISSION_ID_TAKEN);
  }
  await settleSummary(ctx, existing.value);
  return { checkIn: existing.value, created: false };
}

/**
 * Brings the summary up to date for a stored check-in without ever failing the caller: a few
 * quick rounds while they wait, then on in the background with longer pauses; whatever is still
 * behind after that (or after a crash) `reconcileSummaries` recomputes from CheckIns.
 */
async function settleSummary(ctx: CommandContext, checkIn: CheckIn, known?: Versioned<Goal>): Promise<void> {
  try {
    await updateSummary(ctx, checkIn, known);
  } catch {
    void withConcurrencyRetry(() => updateSummary(ctx, checkIn), 20).catch(() => undefined);
  }
}

/**
 * Applies the check-in to the goal's summary with If-Match, re-reading and retrying when another
 * write won. `known` is the goal as the caller just read it, used for the first attempt. A late
 * correction of a past period that `applyCheckIn` cannot place in the slot's history (a race with
 * a newer one) rebuilds the goal's summary from its check-ins instead, so the history stays whole.
 */
export async function updateSummary(ctx: CommandContext, checkIn: CheckIn, known?: Versioned<Goal>): Promise<void> {
  let base = known;
  await withConcurrencyRetry(async () => {
    const goal = base ?? (await ctx.repo.goals.get(checkIn.goalKey));
    base = undefined;
    const slot = checkIn.unit ?? OVERALL;
    let next = applyCheckIn(goal.value.summary, checkIn);
    if (next === goal.value.summary) return;
    if (goal.value.summary[slot]?.history !== undefined && next[slot]?.history === undefined) {
      next = summaryFromCheckIns((await ctx.repo.checkIns.list({ goalKey: checkIn.goalKey })).items.map((c) => c.value));
      if (sameSummary(goal.value.summary, next)) return;
    }
    await ctx.repo.goals.update({ ...goal.value, summary: next }, goal.etag);
  }, 12);
}

/**
 * Which check-in a slot shows: the later period, then the later submission time (`isNewer` in the
 * domain), then — for two submitted in the same millisecond — the greater key, so the live update
 * and the recomputation agree whatever order the writes landed in.
 */
function order(a: Pick<CheckIn, 'period' | 'submittedAt' | 'key'>, b: Pick<CheckIn, 'period' | 'submittedAt' | 'key'>): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  const t = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (t !== 0) return t;
  return a.key === b.key ? 0 : a.key < b.key ? -1 : 1;
}

/** The summary a goal's check-ins make: per slot the latest by period, then by submission time. */
export function summaryFromCheckIns(checkIns: readonly CheckIn[]): GoalSummary {
  return [...checkIns].sort(order).reduce<GoalSummary>((summary, c) => applyCheckIn(summary, c), {});
}

const sameSummary = (a: GoalSummary, b: GoalSummary): boolean => {
  const slots = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...slots].every((s) => a[s]?.checkInKey === b[s]?.checkInKey && a[s]?.period === b[s]?.period && a[s]?.status === b[s]?.status && a[s]?.history === b[s]?.history);
};

/** How many goals a reconcile pass works on at once: their reads go to Graph together, as one `$batch`. */
const RECONCILE_CONCURRENCY = 8;

/**
 * Makes every goal's summary (of one plan, or all, or only `goalKeys`) equal to its recomputation
 * from CheckIns — the repair after a crash between a check-in and its summary, or a summary update
 * that gave up. Returns the keys of the goals it corrected.
 */
export async function reconcileSummaries(ctx: CommandContext, planKey?: string, goalKeys?: readonly string[]): Promise<string[]> {
  const goals = goalKeys
    ? (await Promise.all(goalKeys.map((k) => ctx.repo.goals.find(k)))).filter((g): g is NonNullable<typeof g> => !!g && (!planKey || g.value.planKey === planKey))
    : (await ctx.repo.goals.list(planKey ? { planKey } : undefined)).items;
  const fixed: string[] = [];
  const recompute = async (key: string) => summaryFromCheckIns((await ctx.repo.checkIns.list({ goalKey: key })).items.map((c) => c.value));
  const one = async (g: (typeof goals)[number]) => {
    let expected = await recompute(g.value.key);
    // The goal as listed first; read again only when someone changed it meanwhile (412) — and
    // then its check-ins too: the change is most likely a check-in's summary update, whose
    // check-in the list read above may lack, so writing that recomputation would undo it.
    let current = g;
    const changed = await withConcurrencyRetry(async () => {
      if (sameSummary(current.value.summary, expected)) return false;
      try {
        await ctx.repo.goals.update({ ...current.value, summary: expected }, current.etag);
        return true;
      } catch (e) {
        if (e instanceof Conflict) {
          // The goal first, then its check-ins: a check-in whose summary update the goal shows
          // was stored before that read, so the list read after it includes it.
          current = await ctx.repo.goals.get(g.value.key);
          expected = await recompute(g.value.key);
        }
        throw e;
      }
    }, 12);
    if (changed) fixed.push(g.value.key);
  };
  for (let i = 0; i < goals.length; i += RECONCILE_CONCURRENCY) await Promise.all(goals.slice(i, i + RECONCILE_CONCURRENCY).map(one));
  return fixed;
}
