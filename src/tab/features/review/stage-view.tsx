/**
 * The meeting stage: one goal large enough to read on a projector, the one the presenter is on.
 * It reads the meeting's session every few seconds (`STAGE_POLL_MS`), so every attendee's stage
 * follows without anyone sharing again; the position is announced politely to screen readers.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCancel24Regular, Hourglass24Regular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaPosition } from '../../../domain/meeting';
import { helsinkiDate } from '../../../domain/periods';
import { EmptyState, ErrorState, LoadingCards } from '../../components/states';
import { useBoard, useCheckIns, useHost, useNow, useReviews } from '../../data';
import { useFormat, useText } from '../../i18n/locale';
import { useRoute } from '../../routing/router';
import { STAGE_POLL_MS, useMeetingSession } from './api/meeting';
import { GoalPanel } from './components/goal-panel';

const REVIEWS_POLL_MS = 10_000;

const useStyles = makeStyles({
  stage: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`, maxWidth: '1800px', margin: '0 auto' },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalL },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  position: { fontSize: tokens.fontSizeBase500 },
});

export function StageView() {
  const styles = useStyles();
  const { t } = useTranslation('review');
  const route = useRoute();
  const host = useHost();
  const fmt = useFormat();
  const text = useText();
  const today = helsinkiDate(useNow());
  const meetingId = route.query.get('meeting') ?? host.meeting?.id ?? undefined;
  const session = useMeetingSession(meetingId, { pollMs: STAGE_POLL_MS });
  const s = session.data?.value;
  const board = useBoard(s?.planKey);
  // The presented goal's own check-ins (its reports and indicator), not the plan's.
  const checkIns = useCheckIns(s ? { goalKey: s.currentGoalKey } : undefined);
  const reviews = useReviews(s?.currentGoalKey);
  // Decisions recorded in the meeting reach the stage too, less often than the position does.
  const { refetch: refetchReviews } = reviews;
  useEffect(() => {
    const id = window.setInterval(() => void refetchReviews(), REVIEWS_POLL_MS);
    return () => window.clearInterval(id);
  }, [refetchReviews]);

  const frame = (children: React.ReactNode, title = t('stage.title')) => (
    <div className={styles.stage}>
      <h1 className={styles.h1}>{title}</h1>
      {children}
    </div>
  );
  if (!meetingId) return frame(<EmptyState icon={<Hourglass24Regular />} title={t('stage.noMeeting')} />);
  if (session.error) return frame(<ErrorState error={session.error} onRetry={() => void session.refetch()} />);
  if (session.isPending) return frame(<LoadingCards count={2} label={t('stage.loading')} />);
  if (!s) return frame(<EmptyState icon={<Hourglass24Regular />} title={t('stage.waiting')}>{t('stage.waitingBody')}</EmptyState>);
  if (s.endedAt) return frame(<EmptyState icon={<CalendarCancel24Regular />} title={t('stage.ended')}>{t('stage.endedBody', { time: fmt.dateTime(s.endedAt) })}</EmptyState>);
  if (board.error || checkIns.error) return frame(<ErrorState error={board.error ?? checkIns.error} />);
  if (!board.data) return frame(<LoadingCards count={2} label={t('stage.loading')} />);
  const goal = board.data.goal(s.currentGoalKey);
  const { index, count } = agendaPosition(s);
  return (
    <div className={styles.stage}>
      <header className={styles.header}>
        <h1 className={styles.h1}>{t('stage.heading', { plan: text(board.data.plan.title), period: fmt.period(s.period) })}</h1>
        <Text className={styles.position} role="status" aria-live="polite" data-testid="stage-position">
          {t('nav.position', { n: index + 1, count })}
        </Text>
      </header>
      {goal ? (
        <GoalPanel goal={goal} board={board.data} checkIns={checkIns.data} reviews={reviews.data} period={s.period} today={today} large headingLevel={2} />
      ) : (
        <EmptyState title={t('stage.goalMissing', { key: s.currentGoalKey })} />
      )}
    </div>
  );
}
