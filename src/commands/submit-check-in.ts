import {
  applyCheckIn,
  canCheckIn,
  checkInInputSchema,
  checkInIssues,
  Conflict,
  Forbidden,
  Invalid,
  parseOrInvalid,
  type Actor,
  type CheckIn,
  type CheckInInput,
} from '../domain';
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
  const [goal, existing] = await Promise.all([ctx.repo.goals.get(input.goalKey), ctx.repo.findCheckInBySubmission(input.submissionId)]);
  if (existing) return replay(ctx, existing, input);

  const [{ value: plan }, { items: groups }] = await Promise.all([ctx.repo.plans.get(goal.value.planKey), ctx.repo.groups.list()]);
  if (!canCheckIn(actor, goal.value, groups.map((g) => g.value))) {
    throw new Forbidden(`You are not responsible for goal ${goal.value.key} nor in its responsible group`);
  }

  // The one check-in validator, now with the goal and plan (the schema ran its read-free part);
  // the HTTP contract's `fields` carry path and message.
  const issues = checkInIssues(input, { plan, goal: goal.value }).map(({ path, message }) => ({ path, message }));
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
    return replay(ctx, winner, input);
  }
  await updateSummary(ctx, stored.value);
  return { checkIn: stored.value, created: true };
}

/** A repeated submission: same result as the first, and the summary is made right if a crash left it behind. */
async function replay(ctx: CommandContext, existing: Versioned<CheckIn>, input: CheckInInput): Promise<SubmitCheckInResult> {
  if (existing.value.goalKey !== input.goalKey) {
    throw new Conflict('duplicate', `Submission id ${input.submissionId} was already used for another goal`);
  }
  await updateSummary(ctx, existing.value);
  return { checkIn: existing.value, created: false };
}

/** Applies the check-in to the goal's summary with If-Match, re-reading and retrying when another write won. */
export async function updateSummary(ctx: CommandContext, checkIn: CheckIn): Promise<void> {
  await withConcurrencyRetry(async () => {
    const goal = await ctx.repo.goals.get(checkIn.goalKey);
    const next = applyCheckIn(goal.value.summary, checkIn);
    if (next === goal.value.summary) return;
    await ctx.repo.goals.update({ ...goal.value, summary: next }, goal.etag);
  });
}
