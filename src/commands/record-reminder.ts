import { Conflict, Invalid, parseOrInvalid, reminderKey, reminderLogSchema, type ReminderLog } from '../domain';
import { z } from 'zod';
import type { Versioned } from '../ports';
import type { CommandContext } from './context';

/**
 * The ReminderLog: each reminder is sent exactly once, recorded under its unique key
 * `plan|period|target|kind` (derived here, never taken from the caller).
 *
 * 1. `claimReminder` creates the row in state `sending` (sentAt = claim time). The list's unique
 *    Key column makes a second run's create fail with Conflict, so two runs never both send.
 * 2. the caller sends; 3. `recordReminderSent` (with the activity id) or `recordReminderFailed`.
 *
 * When the key exists: `sent` → not claimed; `failed` → retaken with If-Match, so only one run
 * wins; `sending` → another run owns it, unless the claim is older than `staleAfterMs` (a crash
 * between claim and mark): then it is retaken. In that one window a reminder may arrive twice
 * rather than never — we prefer that to a silently missing reminder. Marks write with the claim's
 * eTag, so a run whose stale claim was retaken by another fails loudly (Conflict) instead of
 * overwriting the other run's record.
 */
export const reminderClaimSchema = reminderLogSchema.pick({ planKey: true, period: true, target: true, kind: true, conversationId: true });
export type ReminderClaimInput = Pick<ReminderLog, 'planKey' | 'period' | 'target' | 'kind' | 'conversationId'>;

export type ReminderClaim = { ok: true; row: Versioned<ReminderLog> } | { ok: false; reason: 'sent already' | 'another run is sending it' | 'another run took it' };

/** The longest error text kept on a failed row (enough for the connector's answer). */
export const REMINDER_ERROR_MAX = 2000;

export async function claimReminder(ctx: CommandContext, raw: unknown, o: { staleAfterMs: number }): Promise<ReminderClaim> {
  const input: ReminderClaimInput = parseOrInvalid(reminderClaimSchema, raw, 'reminder claim');
  return claimRow(ctx, reminderKey(input.planKey, input.period, input.target, input.kind), input, o);
}

/**
 * A review's summary (bot/meeting-summary.ts) is claimed in the same log, once per meeting and
 * target, under `summary|<meetingId>|<target>` (derived here): `meeting` for the meeting chat,
 * `group:<key>` for a group's channel. Its row keeps the list's columns as they are (no site
 * change): the Kind choice is `digest` for the meeting chat (the decisions for the leaders) and
 * `group` for a group's channel; the key's `summary|` prefix tells a summary from a reminder, and
 * `pendingSummaries` finds the ones a retry must send.
 */
export const SUMMARY_KEY_PREFIX = 'summary|';
export const summaryTargetSchema = z.union([z.literal('meeting'), z.string().regex(/^group:[^|]+$/, 'meeting or group:<key>')]);
export const summaryClaimSchema = reminderClaimSchema.omit({ target: true, kind: true }).extend({
  meetingId: z.string().min(1).max(1000).refine((s) => !s.includes('|'), 'A meeting id has no |'),
  target: summaryTargetSchema,
});
export type SummaryClaimInput = z.infer<typeof summaryClaimSchema>;

export function summaryKey(meetingId: string, target: string): string {
  return `${SUMMARY_KEY_PREFIX}${meetingId}|${target}`;
}

/** The meeting a summary row belongs to (its key is `summary|<meetingId>|<target>`), or undefined for a reminder's row. */
export function summaryMeetingOf(row: Pick<ReminderLog, 'key'>): string | undefined {
  if (!row.key.startsWith(SUMMARY_KEY_PREFIX)) return undefined;
  const rest = row.key.slice(SUMMARY_KEY_PREFIX.length);
  const bar = rest.lastIndexOf('|');
  return bar > 0 ? rest.slice(0, bar) : undefined;
}

export async function claimSummary(ctx: CommandContext, raw: unknown, o: { staleAfterMs: number }): Promise<ReminderClaim> {
  const input: SummaryClaimInput = parseOrInvalid(summaryClaimSchema, raw, 'summary claim');
  const kind = input.target === 'meeting' ? 'digest' : 'group';
  return claimRow(ctx, summaryKey(input.meetingId, input.target), { planKey: input.planKey, period: input.period, target: input.target, kind, conversationId: input.conversationId }, o);
}

/** One claim of `key`: create it `sending`, or retake a failed or stale one with If-Match (see above). */
async function claimRow(ctx: CommandContext, key: string, input: ReminderClaimInput, o: { staleAfterMs: number }): Promise<ReminderClaim> {
  const now = ctx.clock.now();
  const row: ReminderLog = {
    key,
    ...input,
    state: 'sending',
    sentAt: now.toISOString(),
  };
  try {
    return { ok: true, row: await ctx.repo.reminderLog.create(row) };
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
  }
  const existing = await ctx.repo.reminderLog.get(row.key);
  const v = existing.value;
  if (v.state === 'sent') return { ok: false, reason: 'sent already' };
  const claimedAt = v.sentAt ? Date.parse(v.sentAt) : 0;
  if (v.state === 'sending' && (v.activityId || now.getTime() - claimedAt < o.staleAfterMs)) return { ok: false, reason: 'another run is sending it' };
  try {
    const { error: _e, activityId: _a, ...rest } = v;
    return { ok: true, row: await ctx.repo.reminderLog.update({ ...rest, ...row }, existing.etag) };
  } catch (e) {
    if (e instanceof Conflict) return { ok: false, reason: 'another run took it' };
    throw e;
  }
}

/** Marks a claimed reminder sent, with the Teams activity id (later updates of the card use it). */
export async function recordReminderSent(ctx: CommandContext, claim: Versioned<ReminderLog>, activityId: string): Promise<Versioned<ReminderLog>> {
  if (typeof activityId !== 'string' || activityId.trim() === '') throw new Invalid('A sent reminder needs the activity id', [{ path: 'activityId', message: 'Required' }]);
  return mark(ctx, claim, { state: 'sent', activityId, sentAt: ctx.clock.now().toISOString() });
}

/**
 * Marks a claimed reminder failed, so the next run retries it. Only for a definite failure (the
 * connector answered with an error): when the outcome is unknown, leave the claim `sending` and
 * let it go stale.
 */
export async function recordReminderFailed(ctx: CommandContext, claim: Versioned<ReminderLog>, error: string): Promise<Versioned<ReminderLog>> {
  return mark(ctx, claim, { state: 'failed', error: (error || 'unknown error').slice(0, REMINDER_ERROR_MAX) });
}

async function mark(ctx: CommandContext, claim: Versioned<ReminderLog>, patch: Partial<ReminderLog>): Promise<Versioned<ReminderLog>> {
  if (claim.value.state !== 'sending') throw new Invalid(`Reminder ${claim.value.key} is ${claim.value.state}, not claimed`, [{ path: 'state', message: 'Expected sending' }]);
  const { error: _e, ...base } = claim.value;
  return ctx.repo.reminderLog.update({ ...base, ...patch }, claim.etag);
}
