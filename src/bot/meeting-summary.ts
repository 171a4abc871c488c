import { buildMeetingSummaryCard, type Card, type LinkTargets, type MeetingSummaryModel } from '../cards';
import { addMonths, helsinkiDate, meetingDecisions, type ConversationRef, type Group, type MeetingSession, type Review } from '../domain';
import { claimSummary, recordReminderFailed, recordReminderSent, summaryMeetingOf, type CommandContext } from '../commands';
import type { BoardReader, Logger, ReadOnlyRepository } from '../ports';
import type { CardSender } from './reminders';
import { failureOf, type SendQueue } from './send-queue';

/**
 * When the presenter ends a review, the bot posts a summary of the meeting's decisions: to the
 * meeting's chat (the whole meeting, in the plan's language), and to the linked channel of each
 * development group a decision asked something of (only its share, in the group's language).
 * Sends go through the same rate-limited queue and proactive sender as the reminders.
 *
 * The meeting chat is known by its id only (the tab's `context.chat.id`). Teams answers a
 * proactive send at the serviceUrl of any conversation of the tenant (Microsoft's guidance for
 * multi-geo tenants: a team's serviceUrl keeps working for the tenant's other conversations), so
 * the chat is reached at the serviceUrl of a conversation the bot already has: one of the
 * agenda's groups' channels, else any linked channel or personal chat.
 *
 * Exactly once, like the reminders: each send (the meeting chat, each group's channel) is claimed
 * in the ReminderLog before it goes (`claimSummary`, key `summary|<meetingId>|<target>`), then
 * marked sent with the activity id, or failed when the connector answered with an error. A second
 * call — the presenter ending again, two server instances, a retry — finds the claim and sends
 * nothing. What was claimed but not sent (a failed send; a claim left `sending` by a crash, once
 * stale) is sent by `retryPendingSummaries`, which each reminder run of the plan calls.
 */
export interface SummaryDeps {
  repo: ReadOnlyRepository;
  /** Every write (the claims) is a command over it. */
  ctx: CommandContext;
  board: Pick<BoardReader, 'readPlanBoard'>;
  links: LinkTargets;
  log: Logger;
  queue: SendQueue;
  send: CardSender;
  /** A `sending` claim older than this is taken to be from a crashed call (default 10 minutes, as for reminders). */
  staleAfterMs?: number;
}

export interface SummaryReport {
  sent: { target: string; conversationId: string; activityId: string }[];
  skipped: { target: string; reason: string }[];
  failed: { target: string; error: string }[];
}

export async function postMeetingSummary(deps: SummaryDeps, session: MeetingSession): Promise<SummaryReport> {
  const board = await deps.board.readPlanBoard(session.planKey);
  const plan = board.plan.value;
  const goals = new Map(board.goals.map((g) => [g.value.key, g.value]));
  const groups = new Map(board.groups.map((g) => [g.value.key, g.value]));
  const reviews = (await deps.repo.reviews.list({ meetingId: session.key })).items.map((r) => r.value);
  const { decisions, byGroup } = meetingDecisions(reviews, session);
  const meetingDate = helsinkiDate(new Date(session.endedAt ?? session.updatedAt));
  const model = (locale: MeetingSummaryModel['locale'], of: readonly Review[], group?: Group): MeetingSummaryModel => ({
    locale,
    planTitle: plan.title,
    period: session.period,
    meetingDate,
    ...(group ? { groupName: group.name } : {}),
    decisions: of.map((r) => {
      const goal = goals.get(r.goalKey);
      const asked = r.followUp ? groups.get(r.followUp.groupKey) : undefined;
      return {
        goalKey: r.goalKey,
        goalCode: goal?.code ?? '',
        goalTitle: goal?.title ?? r.goalKey,
        text: r.text,
        ...(r.followUp ? { followUp: { ask: r.followUp.ask, groupName: asked?.name ?? { fi: r.followUp.groupKey }, dueDate: r.followUp.dueDate } } : {}),
      };
    }),
  });

  const report: SummaryReport = { sent: [], skipped: [], failed: [] };
  const staleAfterMs = deps.staleAfterMs ?? 10 * 60_000;
  const post = async (target: string, to: ConversationRef, card: Card) => {
    const claim = await claimSummary(deps.ctx, { meetingId: session.key, target, planKey: session.planKey, period: session.period, conversationId: to.conversationId }, { staleAfterMs });
    if (!claim.ok) {
      report.skipped.push({ target, reason: claim.reason });
      return;
    }
    let id: string;
    try {
      id = (await deps.queue.send(to.conversationId, () => deps.send(to, card))).id;
    } catch (e) {
      const f = failureOf(e);
      const error = `${f.status ? `HTTP ${f.status}: ` : ''}${(e as Error).message}`;
      // As for reminders: only a definite failure is retried at once; an unknown outcome stays
      // claimed until stale.
      if (f.status !== undefined) await recordReminderFailed(deps.ctx, claim.row, error);
      report.failed.push({ target, error });
      return;
    }
    await recordReminderSent(deps.ctx, claim.row, id);
    report.sent.push({ target, conversationId: to.conversationId, activityId: id });
  };

  if (session.chatId) {
    const agendaGroups = session.goalKeys.flatMap((k) => goals.get(k)?.responsibleGroupKeys ?? []);
    const known =
      [...agendaGroups, ...groups.keys()].map((k) => groups.get(k)?.conversation).find((c) => !!c) ??
      (await deps.repo.people.list()).items.map((p) => p.value.conversation).find((c) => !!c);
    if (!known) report.skipped.push({ target: 'meeting', reason: 'no conversation of the tenant is known to reach the meeting chat by' });
    else {
      const to: ConversationRef = { ...known, conversationId: session.chatId };
      delete to.teamId;
      delete to.channelId;
      await post('meeting', to, buildMeetingSummaryCard(model(plan.language, decisions), deps.links));
    }
  } else report.skipped.push({ target: 'meeting', reason: 'the review was held outside a Teams meeting chat' });

  for (const [groupKey, asked] of byGroup) {
    const group = groups.get(groupKey);
    if (!group?.conversation) {
      report.skipped.push({ target: `group:${groupKey}`, reason: 'no linked channel' });
      continue;
    }
    await post(`group:${groupKey}`, group.conversation, buildMeetingSummaryCard(model(group.language ?? plan.language, asked, group), deps.links));
  }
  for (const f of report.failed) deps.log.warn(`Review ${session.key}: summary to ${f.target} failed: ${f.error}`);
  deps.log.info(`Review ${session.key} ended: summary sent to ${report.sent.map((s) => s.target).join(', ') || 'nobody'}`);
  return report;
}

/** How many reporting months back a reminder run looks for review summaries still owed. */
export const SUMMARY_RETRY_MONTHS = 3;

/**
 * Sends what the summaries of a plan's recently ended reviews still owe: every summary row of the
 * plan in the ReminderLog of the run's period and the two before it (`PlanPeriod`: a plan's whole
 * log is over SharePoint's list view threshold at a large division within months) that is not
 * `sent` (failed, or claimed and not marked) has its meeting's summary posted again. Each target's
 * claim decides: what was sent is skipped, a failed or stale claim is retaken and sent, a fresh
 * `sending` claim belongs to a call still running.
 */
export async function retryPendingSummaries(deps: SummaryDeps, planKey: string, period: string): Promise<SummaryReport[]> {
  const periods = Array.from({ length: SUMMARY_RETRY_MONTHS }, (_, i) => addMonths(period, -i));
  const rows = (await Promise.all(periods.map((p) => deps.repo.reminderLog.list({ planKey, period: p })))).flatMap((r) => r.items.map((x) => x.value));
  const meetings = [...new Set(rows.filter((r) => r.state !== 'sent').flatMap((r) => summaryMeetingOf(r) ?? []))];
  const reports: SummaryReport[] = [];
  for (const meetingId of meetings) {
    const session = await deps.repo.meetingSessions.find(meetingId);
    if (!session?.value.endedAt) continue;
    reports.push(await postMeetingSummary(deps, session.value));
  }
  return reports;
}
