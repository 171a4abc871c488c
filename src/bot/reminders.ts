import type { BoardReader, Repository, Versioned } from '../ports';
import { Conflict, dueOn, reminderKey, REMINDER_KINDS, type ConversationRef, type PersonRecord, type ReminderKind, type ReminderLog } from '../domain';
import type { CommandContext } from '../commands';
import { buildDigestCard, buildGroupCard, buildPersonalReminderCard, type Card, type LinkTargets } from '../cards';
import { digestModel, groupCardModel, groupGoals, loadPlanData, personalGoals, type PlanData } from './views';
import type { RoleDirectory } from './roles';
import { failureOf, type SendQueue } from './send-queue';

/**
 * One reminder pass for a plan and period: work out who gets what, then send each reminder
 * exactly once, recorded in the ReminderLog list under its unique key
 * `plan|period|target|kind`:
 *
 * 1. claim: create the log row in state `sending` (sentAt = claim time). The list's unique Key
 *    column makes a second run's create fail with Conflict, so two runs never both send.
 * 2. send through the rate-limited queue; 3. mark `sent` with the activity id.
 *
 * A Conflict on claim means the key exists: `sent` → skip; `failed` → retake it (If-Match, so
 * only one run wins); `sending` → another run owns it, unless the claim is older than
 * `staleAfterMs` (a crash between claim and mark): then it is retaken. In that one window a
 * reminder may arrive twice rather than never — we prefer that to a silently missing reminder.
 * A send that fails with a definite answer (an HTTP error) is marked `failed` and retried by the
 * next run. A rerun therefore sends only what is missing.
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
  repo: Repository;
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
      const card = buildGroupCard(groupCardModel(d, group, 'shared'));
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
    for (const p of people.filter((x) => leaders.has(x.key) && x.conversation)) {
      const card = buildDigestCard(await digestModel(deps.repo, d, localeOf(p, d)), deps.links);
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
  const staleAfter = o.staleAfterMs ?? 10 * 60_000;
  for (const item of planned) {
    const claim = await claimOf(deps, item, staleAfter);
    if (!claim.ok) {
      report.skipped.push({ key: item.key, reason: claim.reason });
      continue;
    }
    let activityId: string;
    try {
      activityId = (await deps.queue.send(item.conversation.conversationId, () => deps.send(item.conversation, item.card))).id;
    } catch (e) {
      const f = failureOf(e);
      const error = `${f.status ? `HTTP ${f.status}: ` : ''}${(e as Error).message}`.slice(0, 2000);
      // Only a definite failure (the connector answered) is safe to retry later; anything else
      // stays `sending` and is retaken when stale.
      if (f.status !== undefined) await mark(deps, claim.row, { state: 'failed', error });
      report.failed.push({ key: item.key, error });
      continue;
    }
    await mark(deps, claim.row, { state: 'sent', activityId, sentAt: deps.ctx.clock.now().toISOString() });
    report.sent.push({ key: item.key, activityId });
    o.afterSend?.(item, activityId);
  }
  return report;
}

type Claim = { ok: true; row: Versioned<ReminderLog> } | { ok: false; reason: string };

async function claimOf(deps: ReminderDeps, item: Outgoing, staleAfterMs: number): Promise<Claim> {
  const now = deps.ctx.clock.now();
  const row: ReminderLog = {
    key: item.key,
    planKey: item.planKey,
    period: item.period,
    target: item.target,
    kind: item.kind,
    conversationId: item.conversation.conversationId,
    state: 'sending',
    sentAt: now.toISOString(),
  };
  try {
    return { ok: true, row: await deps.repo.reminderLog.create(row) };
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
  }
  const existing = await deps.repo.reminderLog.get(item.key);
  const v = existing.value;
  if (v.state === 'sent') return { ok: false, reason: 'sent already' };
  const claimedAt = v.sentAt ? Date.parse(v.sentAt) : 0;
  if (v.state === 'sending' && (v.activityId || now.getTime() - claimedAt < staleAfterMs)) return { ok: false, reason: 'another run is sending it' };
  try {
    const { error: _e, activityId: _a, ...rest } = v;
    return { ok: true, row: await deps.repo.reminderLog.update({ ...rest, ...row }, existing.etag) };
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, reason: 'another run took it' };
    throw e;
  }
}

async function mark(deps: ReminderDeps, row: Versioned<ReminderLog>, patch: Partial<ReminderLog>): Promise<void> {
  const { error: _e, ...base } = row.value;
  await deps.repo.reminderLog.update({ ...base, ...patch }, row.etag);
}
