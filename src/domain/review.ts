import type { FieldIssue } from './errors';
import type { Plan } from './plan';
import type { Review, ReviewInput } from './schemas/review';

/** A leaders' comment or decision on a goal, recorded in a review meeting; and what a leader submits. */
export type { Review, ReviewInput };

export const REVIEW_KINDS = ['comment', 'decision'] as const;

/** What a meeting date is checked against: the goal's plan and the local date in Helsinki. */
export interface MeetingDateTarget {
  plan: Pick<Plan, 'key' | 'periodStart' | 'periodEnd'>;
  today: string;
}

export type MeetingDateProblem = 'meetingDate.beforePlan' | 'meetingDate.afterPlan' | 'meetingDate.tooFarAhead';

/** A YYYY-MM-DD date moved by whole years (29 Feb → 28 Feb in a common year). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The sane range of a review meeting's date: within the plan's period and a year either side
 * (a goal is reviewed while it is prepared and in the year-end assessment after it), and no more
 * than a year after today (a note may be drafted ahead of a planned meeting, but 1.1.2030 in 2021
 * is a typo). Returns the earliest and latest allowed dates.
 */
export function meetingDateRange(t: MeetingDateTarget): { earliest: string; latest: string } {
  const afterPlan = addYears(t.plan.periodEnd, 1);
  const ahead = addYears(t.today, 1);
  return { earliest: addYears(t.plan.periodStart, -1), latest: afterPlan < ahead ? afterPlan : ahead };
}

/** Why a meeting date is out of range (`meetingDateRange`), with a stable code for the API. */
export function meetingDateIssue(meetingDate: string, t: MeetingDateTarget): (FieldIssue & { code: MeetingDateProblem }) | undefined {
  const { earliest, latest } = meetingDateRange(t);
  if (meetingDate < earliest) {
    return { path: 'meetingDate', code: 'meetingDate.beforePlan', message: `The meeting date must be on or after ${earliest} (a year before plan ${t.plan.key} starts)` };
  }
  if (meetingDate > latest) {
    const tooFar = latest === addYears(t.today, 1) && latest !== addYears(t.plan.periodEnd, 1);
    return tooFar
      ? { path: 'meetingDate', code: 'meetingDate.tooFarAhead', message: `The meeting date must be on or before ${latest} (at most a year from today)` }
      : { path: 'meetingDate', code: 'meetingDate.afterPlan', message: `The meeting date must be on or before ${latest} (a year after plan ${t.plan.key} ends)` };
  }
  return undefined;
}

export type ReviewEditProblem = 'review.withdrawn' | 'text.unchanged';

/** Only a note's author corrects its wording; a withdrawn note is not corrected (its history says why it went). */
export function canCorrectReview(actor: { id: string }, review: Pick<Review, 'author'>): boolean {
  return actor.id === review.author.id;
}

/** The author withdraws a note; an admin may too (a leader who has left cannot take back their own note). */
export function canWithdrawReview(actor: { id: string; roles: readonly string[] }, review: Pick<Review, 'author'>): boolean {
  return actor.id === review.author.id || actor.roles.includes('admin');
}

/** Why a note cannot take this edit: withdrawn already, or (for a correction) the same wording. */
export function reviewEditIssue(review: Pick<Review, 'text' | 'withdrawn'>, correctedText?: string): (FieldIssue & { code: ReviewEditProblem }) | undefined {
  if (review.withdrawn) return { path: 'review', code: 'review.withdrawn', message: 'The note has been withdrawn; it is kept as it was' };
  if (correctedText !== undefined && correctedText === review.text) return { path: 'text', code: 'text.unchanged', message: 'The correction is the same as the note' };
  return undefined;
}

/**
 * The note with its wording corrected: the wording it had moves to `revisions` (with who wrote it
 * and when), so every version stays readable; kind, meeting and follow-up are unchanged.
 */
export function withCorrection(review: Review, text: string, by: { id: string; name: string }, at: string): Review {
  const previous = { text: review.text, writtenAt: review.correctedAt ?? review.createdAt, writtenBy: review.correctedBy ?? { id: review.author.id, name: review.author.name } };
  return { ...review, text, revisions: [...(review.revisions ?? []), previous], correctedAt: at, correctedBy: { id: by.id, name: by.name } };
}

/** The note withdrawn with a reason: still stored and listed, no longer counted (its follow-up is no longer asked). */
export function withWithdrawal(review: Review, reason: string, by: { id: string; name: string }, at: string): Review {
  return { ...review, withdrawn: { reason, at, by: { id: by.id, name: by.name } } };
}
