import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReminder, recordReminderFailed, recordReminderSent, REMINDER_ERROR_MAX, type CommandContext } from '../../../src/commands';
import { Conflict, Invalid, type ReminderKind, type ReminderLog } from '../../../src/domain';
import type { Versioned } from '../../../src/ports';
import { startGraphContext, type GraphContext } from './graph-context';

const NOW = '2021-10-07T09:00:00+03:00';
const STALE = { staleAfterMs: 10 * 60_000 };

let g: GraphContext;
beforeAll(async () => {
  g = await startGraphContext(NOW);
});
afterAll(async () => g?.stop());

// Each test claims its own target, so the tests share the lists but no rows.
let n = 0;
const input = (kind: ReminderKind = 'group') => ({ planKey: 'plan-a', period: '2021-09', target: `group:g${++n}`, kind, conversationId: `19:g${n}@thread.tacv2` });

async function claimed(ctx: CommandContext, raw: ReturnType<typeof input>): Promise<Versioned<ReminderLog>> {
  const c = await claimReminder(ctx, raw, STALE);
  if (!c.ok) throw new Error(`expected a claim, got ${c.reason}`);
  return c.row;
}

describe('claimReminder', () => {
  it('claims a new reminder as sending, under the key derived from plan, period, target and kind', async () => {
    const i = input('escalation');
    const row = await claimed(g.ctx, i);
    const { sentAt, ...rest } = row.value;
    expect(rest).toEqual({ key: `plan-a|2021-09|${i.target}|escalation`, ...i, state: 'sending' });
    expect(Date.parse(sentAt!)).toBe(Date.parse(NOW));
    expect((await g.ctx.repo.reminderLog.get(row.value.key)).etag).toBe(row.etag);
  });

  it('lets exactly one of two runs that claim the same reminder at once send it', async () => {
    const i = input();
    const [a, b] = await Promise.all([claimReminder(g.ctx, i, STALE), claimReminder(g.ctx, i, STALE)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  });

  it('leaves a fresh claim of another run alone', async () => {
    const i = input();
    const first = await claimed(g.ctx, i);
    expect(await claimReminder(g.ctx, i, STALE)).toEqual({ ok: false, reason: 'another run is sending it' });
    expect((await g.ctx.repo.reminderLog.get(first.value.key)).etag).toBe(first.etag);
  });

  it('does not claim a reminder recorded as sent', async () => {
    const i = input();
    await recordReminderSent(g.ctx, await claimed(g.ctx, i), 'act-1');
    expect(await claimReminder(g.ctx, i, STALE)).toEqual({ ok: false, reason: 'sent already' });
  });

  it('retakes a failed reminder, clearing its error', async () => {
    const i = input();
    await recordReminderFailed(g.ctx, await claimed(g.ctx, i), 'HTTP 403: Forbidden');
    const again = await claimed(g.ctx, i);
    expect(again.value).toMatchObject({ state: 'sending' });
    expect(again.value.error).toBeUndefined();
  });

  it('retakes a claim left behind by a crash once it is older than staleAfterMs', async () => {
    const i = input();
    await claimed(g.ctx, i);
    try {
      g.setNow('2021-10-07T09:09:00+03:00');
      expect(await claimReminder(g.ctx, i, STALE)).toEqual({ ok: false, reason: 'another run is sending it' });
      g.setNow('2021-10-07T09:11:00+03:00');
      const retaken = await claimed(g.ctx, i);
      expect(Date.parse(retaken.value.sentAt!)).toBe(Date.parse('2021-10-07T09:11:00+03:00'));
    } finally {
      g.setNow(NOW);
    }
  });

  it('gives up a retake that another run won in between (If-Match), instead of both sending', async () => {
    const i = input();
    await recordReminderFailed(g.ctx, await claimed(g.ctx, i), 'HTTP 502');
    // Another run retakes the row right after this one has read it.
    const racing: CommandContext = {
      ...g.ctx,
      repo: {
        ...g.ctx.repo,
        reminderLog: {
          ...g.ctx.repo.reminderLog,
          get: async (key) => {
            const seen = await g.ctx.repo.reminderLog.get(key);
            await claimed(g.ctx, i);
            return seen;
          },
        },
      },
    };
    expect(await claimReminder(racing, i, STALE)).toEqual({ ok: false, reason: 'another run took it' });
  });

  it('rejects a claim with a malformed period, naming the field', async () => {
    const err = await claimReminder(g.ctx, { ...input(), period: '2021-13' }, STALE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).issues.map((x) => x.path)).toEqual(['period']);
  });
});

describe('recordReminderSent and recordReminderFailed', () => {
  it('records the activity id and the send time on a sent reminder', async () => {
    const claim = await claimed(g.ctx, input());
    g.setNow('2021-10-07T09:00:05+03:00');
    try {
      const sent = await recordReminderSent(g.ctx, claim, 'act-42');
      expect(sent.value).toMatchObject({ state: 'sent', activityId: 'act-42' });
      expect(Date.parse(sent.value.sentAt!)).toBe(Date.parse('2021-10-07T09:00:05+03:00'));
    } finally {
      g.setNow(NOW);
    }
  });

  it('refuses a sent record without an activity id', async () => {
    const claim = await claimed(g.ctx, input());
    await expect(recordReminderSent(g.ctx, claim, ' ')).rejects.toBeInstanceOf(Invalid);
    expect((await g.ctx.repo.reminderLog.get(claim.value.key)).value.state).toBe('sending');
  });

  it('keeps the first REMINDER_ERROR_MAX characters of a failure', async () => {
    const failed = await recordReminderFailed(g.ctx, await claimed(g.ctx, input()), 'x'.repeat(REMINDER_ERROR_MAX + 500));
    expect(failed.value).toMatchObject({ state: 'failed' });
    expect(failed.value.error).toHaveLength(REMINDER_ERROR_MAX);
  });

  it('fails loudly when a stale claim was retaken by another run, leaving the other run’s record as it is', async () => {
    const i = input();
    const mine = await claimed(g.ctx, i);
    g.setNow('2021-10-07T10:00:00+03:00');
    try {
      const theirs = await claimed(g.ctx, i);
      await expect(recordReminderSent(g.ctx, mine, 'act-late')).rejects.toBeInstanceOf(Conflict);
      expect((await g.ctx.repo.reminderLog.get(i.planKey + '|' + i.period + '|' + i.target + '|group')).etag).toBe(theirs.etag);
    } finally {
      g.setNow(NOW);
    }
  });

  it('refuses to mark a row that is not a claim', async () => {
    const sent = await recordReminderSent(g.ctx, await claimed(g.ctx, input()), 'act-7');
    await expect(recordReminderFailed(g.ctx, sent, 'late failure')).rejects.toBeInstanceOf(Invalid);
  });
});
