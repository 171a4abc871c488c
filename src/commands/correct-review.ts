import {
  canCorrectReview,
  canWithdrawReview,
  withCorrection as corrected,
  Forbidden,
  Invalid,
  parseOrInvalid,
  reviewCorrectionInputSchema,
  reviewEditIssue,
  reviewWithdrawalInputSchema,
  withWithdrawal as withdrawn,
  type Actor,
  type Review,
} from '../domain';
import type { Versioned } from '../ports';
import { withConcurrencyRetry } from './concurrency';
import type { CommandContext } from './context';

/**
 * Correcting and withdrawing a review note (issue 8). Nothing is deleted: a correction keeps the
 * earlier wording in the note's `revisions`, a withdrawal marks the note with its reason. Both
 * write with If-Match: given, the client's version (a note someone changed meanwhile answers 412
 * with the current one); not given, the version just read, retried when another write won.
 */

async function edit(ctx: CommandContext, reviewKey: string, etag: string | undefined, change: (current: Review) => Review): Promise<Versioned<Review>> {
  const write = async () => {
    const current = await ctx.repo.reviews.get(reviewKey);
    return ctx.repo.reviews.update(change(current.value), etag ?? current.etag);
  };
  return etag ? write() : withConcurrencyRetry(write);
}

function refuse(issue: ReturnType<typeof reviewEditIssue>): void {
  if (issue) throw new Invalid(`Invalid review: ${issue.path}: ${issue.message}`, [issue]);
}

/** The author corrects a note's wording; the earlier wording stays in its history. */
export async function correctReview(ctx: CommandContext, actor: Actor, reviewKey: string, raw: unknown, etag?: string): Promise<Versioned<Review>> {
  const { text } = parseOrInvalid(reviewCorrectionInputSchema, raw, 'correction');
  return edit(ctx, reviewKey, etag, (current) => {
    if (!canCorrectReview(actor, current)) throw new Forbidden('Only the author of a note corrects it');
    refuse(reviewEditIssue(current, text));
    return corrected(current, text, actor, ctx.clock.now().toISOString());
  });
}

/** The author (or an admin) withdraws a note with a reason; it stays listed, marked withdrawn. */
export async function withdrawReview(ctx: CommandContext, actor: Actor, reviewKey: string, raw: unknown, etag?: string): Promise<Versioned<Review>> {
  const { reason } = parseOrInvalid(reviewWithdrawalInputSchema, raw, 'withdrawal');
  return edit(ctx, reviewKey, etag, (current) => {
    if (!canWithdrawReview(actor, current)) throw new Forbidden('Only the author of a note (or an admin) withdraws it');
    refuse(reviewEditIssue(current));
    return withdrawn(current, reason, actor, ctx.clock.now().toISOString());
  });
}
