import { canWriteReview, Conflict, Forbidden, helsinkiDate, Invalid, meetingDateIssue, parseOrInvalid, reviewInputSchema, type Actor, type Review } from '../domain';
import type { CommandContext } from './context';
import { newFollowUp } from './meeting';

/** Records a leader's comment or decision on a goal, e.g. during a review meeting. */
export async function recordReview(ctx: CommandContext, actor: Actor, raw: unknown): Promise<Review> {
  return (await recordReviewOnce(ctx, actor, raw)).review;
}

/** Said for every submission id that is not the caller's own on this goal, so it tells nothing more. */
const SUBMISSION_ID_TAKEN = 'This submission id is taken; send the review note with a new one';

/**
 * `recordReview`, telling a new note from a repeat: a note sent with a `submissionId` gets the key
 * `rv-s-<submissionId>`, so the Reviews list's unique Key column stores it once however often it
 * is sent; the repeat answers the stored note, to its author on its goal only (else Conflict).
 */
export async function recordReviewOnce(ctx: CommandContext, actor: Actor, raw: unknown): Promise<{ review: Review; created: boolean }> {
  const input = parseOrInvalid(reviewInputSchema, raw, 'review');
  if (!canWriteReview(actor)) throw new Forbidden('Only leaders record review notes');
  const goal = await ctx.repo.goals.get(input.goalKey);
  const { value: plan } = await ctx.repo.plans.get(goal.value.planKey);
  const dateIssue = meetingDateIssue(input.meetingDate, { plan, today: helsinkiDate(ctx.clock.now()) });
  if (dateIssue) throw new Invalid(`Invalid review: ${dateIssue.path}: ${dateIssue.message}`, [dateIssue]);
  const followUp = input.followUp ? await newFollowUp(ctx, input, input.followUp) : undefined;
  const review: Review = {
    key: input.submissionId ? `rv-s-${input.submissionId}` : `rv-${ctx.newId()}`,
    goalKey: goal.value.key,
    planKey: goal.value.planKey,
    ...(input.period ? { period: input.period } : {}),
    meetingDate: input.meetingDate,
    kind: input.kind,
    text: input.text,
    author: { id: actor.id, upn: actor.upn, name: actor.name },
    createdAt: ctx.clock.now().toISOString(),
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    ...(followUp ? { followUp } : {}),
  };
  try {
    return { review: (await ctx.repo.reviews.create(review)).value, created: true };
  } catch (e) {
    if (!(e instanceof Conflict) || !input.submissionId) throw e;
    const existing = await ctx.repo.reviews.find(review.key);
    if (!existing || existing.value.goalKey !== review.goalKey || existing.value.author.id !== actor.id) throw new Conflict('duplicate', SUBMISSION_ID_TAKEN);
    return { review: existing.value, created: false };
  }
}
