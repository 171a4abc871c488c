/**
 * The notes recorded on the current goal in this meeting, newest first, in the side panel: each
 * with its history (corrected, earlier wordings, withdrawn and why), and for its author Correct and
 * Withdraw. A wrong decision is fixed here, in the meeting, without deleting anything.
 */
import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../domain/review';
import { ReviewNoteActions, ReviewNoteHistory } from '../../../components/review-note-actions';
import { useSurfaceStyles } from '../../../components/surface';
import type { Me } from '../../../data';

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
});

export function MeetingNotes({ reviews, meetingId, me, goalKey, groupName }: { reviews: readonly Review[] | undefined; meetingId: string; me: Me; goalKey: string; groupName: (groupKey: string) => string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('review');
  const mine = (reviews ?? []).filter((r) => r.meetingId === meetingId && r.goalKey === goalKey).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const id = `meeting-notes-${goalKey}`;
  return (
    <section className={surface.card} aria-labelledby={id} data-testid="meeting-notes">
      <h3 id={id} className={styles.title}>
        {t('notes.title')}
      </h3>
      {mine.length === 0 ? (
        <Text>{t('notes.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {mine.map((r) => (
            <li key={r.key} className={`${surface.inset} ${styles.item}`} data-review-key={r.key}>
              <Text>
                <Badge appearance={r.kind === 'decision' ? 'filled' : 'outline'} color={r.kind === 'decision' ? 'brand' : 'informative'}>
                  {t(`form.${r.kind}`)}
                </Badge>
              </Text>
              <p className={styles.text}>{r.text}</p>
              <Caption1 className={styles.sub}>{r.author.name}</Caption1>
              <ReviewNoteHistory review={r} groupName={groupName} />
              <ReviewNoteActions review={r} me={me} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
