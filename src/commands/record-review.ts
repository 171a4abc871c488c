import { canWriteReview, Forbidden, helsinkiDate, Invalid, meetingDateIssue, parseOrInvalid, reviewInputSchema, type Actor, type Review } from '../domain';
import type { CommandContext } from './context';
import { newFollowUp } from './meeting';

/** Records a leader's comment or decision on a goal, e.g. during a review meeting. */
export async function recordReview(ctx: CommandContext, actor: Actor, raw: unknown): Promise<Review> {
  const input = parseOrInvalid(reviewInputSchema, raw, 'review');
  if (!canWriteReview(actor)) throw new Forbidden('Only leaders record review notes');
  const goal = await ctx.repo.goals.get(input.goalKey);
  const { value: plan } = await ctx.repo.plans.get(goal.value.planKey);
  const dateIssue = meetingDateIssue(input.meetingDate, { plan, today: helsinkiDate(ctx.clock.now()) });
  if (dateIssue) throw new Invalid(`Invalid review: ${dateIssue.path}: ${dateIssue.message}`, [dateIssue]);
  const followUp = input.followUp ? await newFollowUp(ctx, input, input.followUp) : undefined;
  const review: Review = {
    key: `rv-${ctx.newId()}`,
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
  return (await ctx.repo.reviews.create(review)).value;
}
