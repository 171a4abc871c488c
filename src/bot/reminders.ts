import type { BoardReader, ReadOnlyRepository } from '../ports';
import { checkInSlots, dueOn, historiesComplete, reminderKey, REMINDER_KINDS, type ConversationRef, type PersonRecord, type ReminderKind } from '../domain';
import { claimReminder, recordReminderFailed, recordReminderSent, type CommandContext } from '../commands';
import { buildDigestCard, buildGroupCard, buildPersonalReminderCard, type Card, type LinkTargets } from '../cards';
import { digestModel, groupCardModel, groupFollowUps, groupGoals, loadPlanData, personalGoals, type PlanData } from './views';
import type { RoleDirectory } from './roles';
import { failureOf, type SendQueue } from './send-queue';

/**
 * One reminder pass for a plan and period: work out who gets what (reads only), then send each
 * reminder exactly once through the ReminderLog commands (`src/commands/record-reminder.ts`:
 * claim → send through the rate-limited queue → record sent, or failed). A send that fails with a
 * definite answer (an HTTP error) is recorded `failed` and retried by the next run; one whose
 * outcome is unknown stays claimed until the claim is stale. A rerun therefore sends only what is
 * missing.
 *
 * Who gets what: `group` — each linked group's channel, its goals with their slots this period;
 * `personal` — each responsible person who installed the app, their goals still open; `escalation`
 * — the same people, only for goals with slots overdue (past the due day); `digest` — each leader
 * who installed the app: counts, overdue goals and changes since the previous period.
 */

export interface Outgoing {
  key: string;
  planKey: string;
  period: string;
  kind: ReminderKind;
  /** `group:<key>` or `person:<entra id>`. */
  target: string;
  conversation: ConversationRef;
  card: Card;
  /** One line for logs and the CLI. */
  summary: string;
}

export interface ReminderDeps {
  /** Reads only: every write is a command over `ctx`. */
  repo: ReadOnlyRepository;
  board: BoardReader;
  ctx: CommandContext;
  roles: RoleDirectory;
  links: LinkTargets;
}

export async function plannedReminders(deps: ReminderDeps, planKey: string, period: string, kinds: readonly ReminderKind[] = REMINDER_KINDS): Promise<Outgoing[]> {
  const d = await loadPlanData(deps.board, deps.ctx, planKey, period);
  const people = (await deps.repo.people.list()).items.map((p) => p.value);
  const out: Outgoing[] = [];
  const make = (kind: ReminderKind, target: string, conversation: ConversationRef, card: Card, summary: string) =>
    out.push({ key: reminderKey(planKey, period, target, kind), planKey, period, kind, target, conversation, card, summary });

  if (kinds.includes('group')) {
    for (const group of d.groups) {
      if (!group.conversation) continue;
      const goals = groupGoals(d, group.key);
      if (goals.length === 0) continue;
      // The open follow-ups of the leadership team's decisions ride along (issue 8: close the loop).
      const card = buildGroupCard(groupCardModel(d, group, 'shared', { followUps: await groupFollowUps(deps.repo, d, group.key) }));
      make('group', `group:${group.key}`, group.conversation, card, `group ${group.key}: ${goals.map((g) => g.code).join(', ')}`);
    }
  }
  for (const kind of ['personal', 'escalation'] as const) {
    if (!kinds.includes(kind)) continue;
    for (const p of people) {
      if (!p.conversation) continue;
      const goals = personalGoals(d, p.key, 'responsible', kind === 'escalation' ? 'overdue' : undefined);
      if (goals.length === 0) continue;
      const card = buildPersonalReminderCard({ locale: localeOf(p, d), kind, planTitle: d.plan.title, period, dueDate: dueDate(d), goals }, deps.links);
      make(kind, `person:${p.key}`, p.conversation, card, `${kind} ${p.name}: ${goals.map((g) => g.code).join(', ')}`);
    }
  }
  if (kinds.includes('digest')) {
    const leaders = new Set(deps.roles.leaders());
    const recipients = people.filter((x) => leaders.has(x.key) && x.conversation);
    // "What changed since last period" comes from the goals' summaries and their month-by-month
    // statuses; only goals written before those existed make the run read the plan's history.
    const history = recipients.length && !historiesComplete(d.goals) ? (await deps.board.readCheckIns({ planKey, units: checkInSlots(d.plan, d.goals, d.units) })).items.map((c) => c.value) : undefined;
    for (const p of recipients) {
      const card = buildDigestCard(digestModel(d, history, localeOf(p, d)), deps.links);
      make('digest', `person:${p.key}`, p.conversation!, card, `digest ${p.name}`);
    }
  }
  return out;
}

function localeOf(p: PersonRecord, d: PlanData) {
  return p.language ?? d.plan.language;
}

function dueDate(d: PlanData): string {
  return dueOn(d.plan, d.period);
}

/** Sends one card to a conversation and answers the new activity's id. */
export type CardSender = (to: ConversationRef, card: Card) => Promise<{ id: string }>;

export interface RunOptions {
  planKey: string;
  period: string;
  kinds?: readonly ReminderKind[];
  dryRun?: boolean;
  /** A `sending` claim older than this is taken to be from a crashed run. */
  staleAfterMs?: number;
  /** Called after each reminder is recorded as sent (progress output; tests use it to kill a run). */
  afterSend?: (o: Outgoing, activityId: string) => void;
}

export interface RunReport {
  planned: Outgoing[];
  sent: { key: string; activityId: string }[];
  skipped: { key: string; reason: string }[];
  failed: { key: string; error: string }[];
}

export async function runReminders(deps: ReminderDeps & { queue: SendQueue; send: CardSender }, o: RunOptions): Promise<RunReport> {
  const planned = await plannedReminders(deps, o.planKey, o.period, o.kinds);
  const report: RunReport = { planned, sent: [], skipped: [], failed: [] };
  if (o.dryRun) {
    // A dry run still tells what a real run would skip.
    for (const item of planned) {
      const row = await deps.repo.reminderLog.find(item.key);
      if (row?.value.state === 'sent') report.skipped.push({ key: item.key, reason: 'sent already' });
    }
    return report;
  }
  const staleAfterMs = o.staleAfterMs ?? 10 * 60_000;
  for (const item of planned) {
    const claim = await claimReminder(
      deps.ctx,
      { planKey: item.planKey, period: item.period, target: item.target, kind: item.kind, conversationId: item.conversation.conversationId },
      { staleAfterMs },
    );
    if (!claim.ok) {
      report.skipped.push({ key: item.key, reason: claim.reason });
      continue;
    }
    let activityId: string;
    try {
      activityId = (await deps.queue.send(item.conversation.conversationId, () => deps.send(item.conversation, item.card))).id;
    } catch (e) {
      const f = failureOf(e);
      const error = `${f.status ? `HTTP ${f.status}: ` : ''}${(e as Error).message}`;
      // Only a definite failure (the connector answered) is safe to retry later; anything else
      // stays `sending` and is retaken when stale.
      if (f.status !== undefined) await recordReminderFailed(deps.ctx, claim.row, error);
      report.failed.push({ key: item.key, error });
      continue;
    }
    await recordReminderSent(deps.ctx, claim.row, activityId);
    report.sent.push({ key: item.key, activityId });
    o.afterSend?.(item, activityId);
  }
  return report;
}
