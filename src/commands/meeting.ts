import {
  canCompleteFollowUp,
  canRunMeeting,
  completeFollowUp,
  Conflict,
  followUpIssue,
  Forbidden,
  Invalid,
  meetingIdSchema,
  meetingMoveInputSchema,
  meetingMoveIssue,
  meetingStartInputSchema,
  NotFound,
  parseOrInvalid,
  type Actor,
  type FollowUp,
  type FollowUpInput,
  type MeetingSession,
  type Review,
} from '../domain';
import type { Versioned } from '../ports';
import { withConcurrencyRetry } from './concurrency';
import type { CommandContext } from './context';

/**
 * A leaders' review meeting as data: one MeetingSessions item per meeting holds the agenda and
 * the presenter's current goal, which every attendee's stage reads (a short poll), so the stage
 * follows without anyone re-sharing. Moving names the version it was based on (If-Match): two
 * presenters never overwrite each other silently.
 */

function requireRunner(actor: Actor): void {
  if (!canRunMeeting(actor)) throw new Forbidden('Only leaders and admins run a review meeting');
}

function requireEtag(etag: string | undefined): string {
  if (!etag) throw new Invalid('Moving a meeting needs the version it was based on (If-Match)', [{ path: 'If-Match', message: 'Send the ETag of the meeting as read', code: 'ifMatch.required' }]);
  return etag;
}

/**
 * Starts the review of a meeting with its agenda (computed where the presenter chose the order:
 * `buildAgenda`), at the agenda's first goal. Starting a meeting that has a session already
 * starts it over with the new agenda: a presenter who picks another period or group begins again.
 */
export async function startMeeting(ctx: CommandContext, actor: Actor, raw: unknown): Promise<{ value: Versioned<MeetingSession>; created: boolean }> {
  const input = parseOrInvalid(meetingStartInputSchema, raw, 'meeting');
  requireRunner(actor);
  const { items } = await ctx.repo.goals.list({ planKey: input.planKey });
  if (items.length === 0) await ctx.repo.plans.get(input.planKey); // NotFound for a plan that does not exist
  const inPlan = new Set(items.map((g) => g.value.key));
  const stray = input.goalKeys.filter((k) => !inPlan.has(k));
  if (stray.length) {
    throw new Invalid(`Invalid meeting: goalKeys: ${stray.join(', ')} not in plan ${input.planKey}`, [
      { path: 'goalKeys', code: 'goalKeys.notInPlan', message: `Not goals of plan ${input.planKey}: ${stray.join(', ')}` },
    ]);
  }
  if (input.groupKey) await ctx.repo.groups.get(input.groupKey);
  const session: MeetingSession = {
    key: input.meetingId,
    planKey: input.planKey,
    period: input.period,
    ...(input.groupKey ? { groupKey: input.groupKey } : {}),
    order: input.order,
    ...(input.chatId ? { chatId: input.chatId } : {}),
    goalKeys: [...new Set(input.goalKeys)],
    currentGoalKey: input.goalKeys[0] as string,
    updatedBy: { id: actor.id, name: actor.name },
    updatedAt: ctx.clock.now().toISOString(),
  };
  return withConcurrencyRetry(async () => {
    const existing = await ctx.repo.meetingSessions.find(session.key);
    if (!existing) {
      try {
        return { value: await ctx.repo.meetingSessions.create(session), created: true };
      } catch (e) {
        // Another presenter started it at the same moment: start over on theirs (retried).
        if (e instanceof Conflict && e.reason === 'duplicate') throw new Conflict('stale', e.message);
        throw e;
      }
    }
    return { value: await ctx.repo.meetingSessions.update(session, existing.etag), created: false };
  });
}

async function readSession(ctx: CommandContext, meetingId: string): Promise<Versioned<MeetingSession>> {
  return ctx.repo.meetingSessions.get(parseOrInvalid(meetingIdSchema, meetingId, 'meeting id'));
}

/** Moves the presenter to a goal of the agenda (next, previous or a jump: the tab sends the goal). */
export async function moveMeeting(ctx: CommandContext, actor: Actor, meetingId: string, raw: unknown, etag: string | undefined): Promise<Versioned<MeetingSession>> {
  const { goalKey } = parseOrInvalid(meetingMoveInputSchema, raw, 'move');
  requireRunner(actor);
  const ifMatch = requireEtag(etag);
  const { value } = await readSession(ctx, meetingId);
  const issue = meetingMoveIssue(value, goalKey);
  if (issue) throw new Invalid(`Invalid move: ${issue.path}: ${issue.message}`, [issue]);
  return ctx.repo.meetingSessions.update({ ...value, currentGoalKey: goalKey, updatedBy: { id: actor.id, name: actor.name }, updatedAt: ctx.clock.now().toISOString() }, ifMatch);
}

/**
 * Ends the review: the stage says so, and no one moves it further until it is started again.
 * `ended` is true only for the call that ended it (ending it again changes nothing), so the
 * summary is posted once.
 */
export async function endMeeting(ctx: CommandContext, actor: Actor, meetingId: string, etag: string | undefined): Promise<{ value: Versioned<MeetingSession>; ended: boolean }> {
  requireRunner(actor);
  const ifMatch = requireEtag(etag);
  const { value } = await readSession(ctx, meetingId);
  if (value.endedAt) return { value: await ctx.repo.meetingSessions.get(value.key), ended: false };
  const now = ctx.clock.now().toISOString();
  return { value: await ctx.repo.meetingSessions.update({ ...value, endedAt: now, updatedAt: now, updatedBy: { id: actor.id, name: actor.name } }, ifMatch), ended: true };
}

/**
 * The follow-up a decision carries, checked: only on a decision, due on or after the meeting,
 * asked of a development group that exists. Used by `recordReview`.
 */
export async function newFollowUp(ctx: CommandContext, review: Pick<Review, 'kind' | 'meetingDate'>, input: FollowUpInput): Promise<FollowUp> {
  const issue = followUpIssue(review, input);
  if (issue) throw new Invalid(`Invalid review: ${issue.path}: ${issue.message}`, [issue]);
  const group = await ctx.repo.groups.find(input.groupKey);
  if (!group) {
    throw new Invalid(`Invalid review: followUp.groupKey: no development group ${input.groupKey}`, [
      { path: 'followUp.groupKey', code: 'followUp.groupKey.unknown', message: `No development group ${input.groupKey}` },
    ]);
  }
  return { ask: input.ask, groupKey: input.groupKey, dueDate: input.dueDate, state: 'open' };
}

/**
 * A member of the asked group marks a decision's follow-up done. The note is re-read and written
 * with If-Match (retried when someone else wrote it meanwhile); marking it again changes nothing.
 */
export async function markFollowUpDone(ctx: CommandContext, actor: Actor, reviewKey: string): Promise<Versioned<Review>> {
  return withConcurrencyRetry(async () => {
    const current = await ctx.repo.reviews.get(reviewKey);
    const followUp = current.value.followUp;
    if (!followUp) throw new NotFound(`Review ${reviewKey} asks nothing of a group`);
    const group = await ctx.repo.groups.get(followUp.groupKey);
    if (!canCompleteFollowUp(actor, group.value)) throw new Forbidden('Only members of the group asked mark its follow-up done');
    if (followUp.state === 'done') return current;
    return ctx.repo.reviews.update({ ...current.value, followUp: completeFollowUp(followUp, actor, ctx.clock.now().toISOString()) }, current.etag);
  });
}
