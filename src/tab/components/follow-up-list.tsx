/**
 * Open follow-ups of the leadership team's review decisions (issue 8): what was asked of which
 * development group, when, and by when (overdue said in words, never colour alone). A member of the
 * asked group marks one done here; the server checks membership again. Shared by goal detail,
 * My goals and the review, so the features do not import each other.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpStatus, type FollowUp } from '../../domain/meeting';
import type { Review } from '../../domain/review';
import { useMarkFollowUpDone } from '../data/follow-ups';
import { useFormat } from '../i18n/locale';
import { ErrorState } from './states';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  action: { alignSelf: 'flex-start' },
});

export interface FollowUpListProps {
  items: readonly (Review & { followUp: FollowUp })[];
  /** The group's name in the reader's language. */
  groupName: (groupKey: string) => string;
  /** Group keys the reader belongs to: they may mark those groups' follow-ups done. */
  myGroups: readonly string[];
  today: string;
  /** Shown above each follow-up, e.g. a link to its goal (My goals). */
  goalOf?: (r: Review) => ReactNode;
  /** Hides the Mark done buttons (the stage). */
  readOnly?: boolean;
}

export function FollowUpList({ items, groupName, myGroups, today, goalOf, readOnly = false }: FollowUpListProps) {
  const styles = useStyles();
  const { t } = useTranslation('followUp');
  const fmt = useFormat();
  const mark = useMarkFollowUpDone();
  if (items.length === 0) return <Text>{t('followUps.none')}</Text>;
  return (
    <>
      <ul className={styles.list} data-testid="follow-ups">
        {items.map((r) => {
          const status = followUpStatus(r.followUp, today);
          const marking = mark.isPending && mark.variables === r.key;
          return (
            <li key={r.key} className={styles.item} data-review-key={r.key}>
              {goalOf ? goalOf(r) : null}
              <Text className={styles.text}>{t('followUps.asked', { group: groupName(r.followUp.groupKey), date: fmt.date(r.meetingDate), ask: r.followUp.ask })}</Text>
              <Caption1 className={status === 'overdue' ? styles.overdue : styles.sub}>
                {t(status === 'overdue' ? 'followUps.overdue' : 'followUps.due', { date: fmt.date(r.followUp.dueDate) })}
              </Caption1>
              {!readOnly && myGroups.includes(r.followUp.groupKey) ? (
                <Button className={styles.action} size="small" onClick={() => mark.mutate(r.key)} disabled={marking}>
                  {marking ? t('followUps.marking') : t('followUps.markDone')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {mark.isSuccess ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('followUps.marked')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {mark.error ? <ErrorState error={mark.error} title={t('followUps.failed')} /> : null}
    </>
  );
}
