import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { linkChannel, markFollowUpDone, submitCheckIn } from '../../commands';
import {
  buildGroupCard,
  buildLinkedCard,
  buildRefusalCard,
  checkInDataSchema,
  clip,
  esc,
  followUpDoneDataSchema,
  issueText,
  groupCardRefSchema,
  linkDataSchema,
  openFormDataSchema,
  t,
  VERBS,
  type Card,
  type GroupCardModel,
  type GroupCardRef,
} from '../../cards';
import { canCheckIn, DomainError, Forbidden, Invalid, levelOf, NotFound, pickText, toLocale, type Actor, type Group } from '../../domain';
import { resolveActor } from '../actor';
import { conversationRefOf, type BotDeps, type InboundActivity } from '../deps';
import { groupCardModel, groupFollowUps, groupGoals, groupLocale, loadPlanData, type PlanData } from '../views';

/**
 * `adaptiveCard/action` (Universal Actions). Every verb's data is parsed with zod first; the
 * check-in goes through `submitCheckIn(…, 'card')` — the same validation, policy and idempotent
 * submission id as the API. The answer is a card that replaces the card for the invoking user
 * only; after a check-in the shared message is also updated so everyone sees who reported.
 */
export interface CardActionResult {
  card: Card;
  /** After a check-in: the card everyone should now see on the original message. */
  sharedUpdate?: Card;
}

const actionSchema = z.object({ verb: z.string(), data: z.record(z.string(), z.unknown()).default({}) });

export async function onCardAction(deps: BotDeps, a: InboundActivity): Promise<CardActionResult> {
  const userLocale = toLocale(a.locale);
  const parsed = actionSchema.safeParse((a.value as { action?: unknown } | undefined)?.action);
  if (!parsed.success) return { card: buildRefusalCard(userLocale, 'stale') };
  const { verb, data } = parsed.data;
  try {
    switch (verb) {
      case VERBS.link:
        return { card: await link(deps, a, data) };
      case VERBS.refresh:
        return { card: await refresh(deps, a, groupCardRefSchema.parse(data)) };
      case VERBS.openForm:
        return { card: await openForm(deps, a, data) };
      case VERBS.checkIn:
        return await checkIn(deps, a, data);
      case VERBS.followUpDone:
        return await followUpDone(deps, a, data);
      default:
        return { card: buildRefusalCard(userLocale, 'stale') };
    }
  } catch (e) {
    if (e instanceof z.ZodError || e instanceof NotFound) {
      deps.log.warn(`Card action ${verb} with stale or invalid data`, e.message);
      const back = groupCardRefSchema.safeParse(data);
      return { card: buildRefusalCard(userLocale, 'stale', back.success ? back.data : undefined) };
    }
    throw e;
  }
}

async function actorFor(deps: BotDeps, a: InboundActivity, d: Pick<PlanData, 'groups' | 'goals'>): Promise<Actor | undefined> {
  const people = (await deps.repo.people.list()).items;
  return resolveActor(a.from, { groups: d.groups, goals: d.goals, people }, deps.roles);
}

async function link(deps: BotDeps, a: InboundActivity, data: Record<string, unknown>): Promise<Card> {
  const locale = toLocale(a.locale);
  const { groupKey } = linkDataSchema.parse(data);
  const groups = (await deps.repo.groups.list()).items.map((g) => g.value);
  const goals = (await deps.repo.goals.list()).items.map((g) => g.value);
  const actor = await actorFor(deps, a, { groups, goals });
  if (!actor) return buildRefusalCard(locale, 'link');
  try {
    const group = await linkChannel(deps.ctx, actor, groupKey, conversationRefOf(a));
    deps.log.info(`Channel ${a.conversation.id} linked to group ${group.key} by ${actor.id}`);
    return buildLinkedCard(group.language ?? locale, group.name);
  } catch (e) {
    if (e instanceof Forbidden) return buildRefusalCard(locale, 'link');
    throw e;
  }
}

async function loadGroup(deps: BotDeps, ref: GroupCardRef): Promise<{ d: PlanData; group: Group }> {
  const d = await loadPlanData(deps.board, deps.ctx, ref.planKey, ref.period);
  const group = d.groups.find((g) => g.key === ref.groupKey);
  if (!group) throw new NotFound(`No group ${ref.groupKey}`);
  return { d, group };
}

/** The group card as this group sees it now, with the open follow-ups read afresh. */
async function groupCard(deps: BotDeps, d: PlanData, group: Group, view: GroupCardModel['view'], extra: Pick<GroupCardModel, 'form' | 'notice'> = {}): Promise<Card> {
  return buildGroupCard(groupCardModel(d, group, view, { ...extra, followUps: await groupFollowUps(deps.repo, d, group.key) }));
}

function mayReport(actor: Actor | undefined, d: PlanData, group: Group): boolean {
  if (!actor) return false;
  return groupGoals(d, group.key).some((g) => canCheckIn(actor, g, d.groups));
}

async function refresh(deps: BotDeps, a: InboundActivity, ref: GroupCardRef): Promise<Card> {
  const { d, group } = await loadGroup(deps, ref);
  const actor = await actorFor(deps, a, d);
  return groupCard(deps, d, group, mayReport(actor, d, group) ? 'member' : 'reader');
}

async function openForm(deps: BotDeps, a: InboundActivity, data: Record<string, unknown>): Promise<Card> {
  const input = openFormDataSchema.parse(data);
  const { d, group } = await loadGroup(deps, input);
  const goal = d.goals.find((g) => g.key === input.goalKey);
  if (!goal) throw new NotFound(`No goal ${input.goalKey}`);
  const actor = await actorFor(deps, a, d);
  if (!actor || !canCheckIn(actor, goal, d.groups)) {
    deps.log.info(`Refused a check-in form on ${goal.key} to ${a.from.aadObjectId ?? a.from.id}`);
    return buildRefusalCard(toLocale(a.locale, groupLocale(d, group)), 'checkIn', input);
  }
  return groupCard(deps, d, group, 'member', { form: { goalKey: goal.key, ...(input.unit ? { unit: input.unit } : {}), submissionId: `card-${randomUUID()}` } });
}

async function checkIn(deps: BotDeps, a: InboundActivity, data: Record<string, unknown>): Promise<CardActionResult> {
  const ref = groupCardRefSchema.parse(data);
  const { d, group } = await loadGroup(deps, ref);
  const locale = groupLocale(d, group);
  const actor = await actorFor(deps, a, d);
  const parsed = checkInDataSchema.safeParse(data);
  const goalKey = typeof data.goalKey === 'string' ? data.goalKey : '';
  const submissionId = typeof data.submissionId === 'string' && data.submissionId.length >= 8 ? data.submissionId : `card-${randomUUID()}`;
  const values = {
    ...(typeof data.narrative === 'string' ? { narrative: data.narrative } : {}),
    ...(data.status !== undefined && data.status !== '' && Number.isFinite(Number(data.status)) ? { status: Number(data.status) } : {}),
    ...(data.indicatorValue !== undefined && data.indicatorValue !== '' && Number.isFinite(Number(data.indicatorValue)) ? { indicatorValue: Number(data.indicatorValue) } : {}),
  };
  const again = (errors: string[]) => groupCard(deps, d, group, 'member', { form: { goalKey, ...(typeof data.unit === 'string' ? { unit: data.unit } : {}), submissionId, values, errors } });

  if (!actor) return { card: buildRefusalCard(toLocale(a.locale, locale), 'checkIn', ref) };
  if (!parsed.success) return { card: await again(parsed.error.issues.map((i) => `${esc(i.path.join('.'))}: ${esc(i.message)}`)) };
  const { goalKey: gk, period, unit, status, narrative, indicatorValue } = parsed.data;
  try {
    const { checkIn: stored, created } = await submitCheckIn(
      deps.ctx,
      actor,
      { goalKey: gk, period, ...(unit ? { unit } : {}), status, narrative, ...(indicatorValue !== undefined ? { indicatorValue } : {}), submissionId: parsed.data.submissionId },
      'card',
    );
    deps.log.info(`Check-in ${stored.key} on ${gk} from a card by ${actor.id}${created ? '' : ' (repeated submission)'}`);
    const fresh = await loadPlanData(deps.board, deps.ctx, ref.planKey, ref.period);
    const goal = fresh.goals.find((g) => g.key === gk);
    const level = levelOf(fresh.plan.statusScale, stored.status);
    const notice = {
      text: t(locale, 'group.saved', { goal: `${esc(goal?.code ?? '')} ${esc(goal?.title ?? gk)}`.trim(), status: level ? esc(pickText(level.label, locale)) : String(stored.status) }),
      color: 'good' as const,
    };
    return {
      card: await groupCard(deps, fresh, group, 'member', { notice }),
      sharedUpdate: await groupCard(deps, fresh, group, 'shared'),
    };
  } catch (e) {
    if (e instanceof Forbidden) return { card: buildRefusalCard(toLocale(a.locale, locale), 'checkIn', ref) };
    // Said by code in the card's language (docs/api.md), not in the command's English.
    if (e instanceof Invalid) {
      const problems = e.issues.map((i) => esc(issueText(locale, i)));
      // A goal whose list item someone edited by hand into a shape the app cannot read is not on
      // the card, so a form's errors would show nowhere: say on the card what is wrong with it.
      if (!d.goals.some((g) => g.key === gk)) {
        const notice = { text: t(locale, 'form.unreadableGoal', { goal: esc(gk), fields: problems.join('; ') }), color: 'attention' as const };
        return { card: await groupCard(deps, d, group, 'member', { notice }) };
      }
      return { card: await again(problems) };
    }
    if (e instanceof DomainError && e.kind === 'Conflict') return { card: await again([esc(e.message)]) };
    throw e;
  }
}

/**
 * "Mark done" on a follow-up the group card lists: `markFollowUpDone` (members of the asked group,
 * or an admin) and the card refreshed in place — for the presser with a notice, and the shared
 * message for everyone, so the follow-up leaves the card. Someone else gets a refusal and nothing
 * is written.
 */
async function followUpDone(deps: BotDeps, a: InboundActivity, data: Record<string, unknown>): Promise<CardActionResult> {
  const input = followUpDoneDataSchema.parse(data);
  const ref = { planKey: input.planKey, groupKey: input.groupKey, period: input.period };
  const { d, group } = await loadGroup(deps, ref);
  const locale = groupLocale(d, group);
  const actor = await actorFor(deps, a, d);
  const refused = async (): Promise<CardActionResult> => ({
    card: await groupCard(deps, d, group, 'reader', { notice: { text: t(toLocale(a.locale, locale), 'followUp.refused'), color: 'attention' } }),
  });
  if (!actor) return refused();
  try {
    const { value } = await markFollowUpDone(deps.ctx, actor, input.reviewKey);
    deps.log.info(`Follow-up of ${value.key} marked done from a card by ${actor.id}`);
    const notice = { text: t(locale, 'followUp.marked', { ask: esc(clip(value.followUp?.ask ?? '', 200)) }), color: 'good' as const };
    return { card: await groupCard(deps, d, group, 'member', { notice }), sharedUpdate: await groupCard(deps, d, group, 'shared') };
  } catch (e) {
    if (e instanceof Forbidden) return refused();
    throw e;
  }
}
