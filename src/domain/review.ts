import type { Review, ReviewInput } from './schemas/review';

/** A leaders' comment or decision on a goal, recorded in a review meeting; and what a leader submits. */
export type { Review, ReviewInput };

export const REVIEW_KINDS = ['comment', 'decision'] as const;
