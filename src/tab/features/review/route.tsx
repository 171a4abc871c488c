/**
 * The leaders' review of a plan's goals in a meeting (issue 8), one feature with two views:
 * - `/review?plan=&period=&group=&order=&meeting=`: the agenda and the current goal, for the side
 *   panel (320 px) and full page; leaders and admins start the review, step through it (buttons,
 *   the agenda, Alt+↓ / Alt+↑), record decisions with follow-ups, share it to the stage, end it.
 * - `/review/stage?meeting=`: the current goal, large, following the presenter by a short poll
 *   of the meeting's session (no re-share when the presenter moves).
 */
import { useRoute } from '../../routing/router';
import { ReviewPage } from './review-page';
import { StageView } from './stage-view';

export default function ReviewRoute() {
  return useRoute().name === 'reviewStage' ? <StageView /> : <ReviewPage />;
}
