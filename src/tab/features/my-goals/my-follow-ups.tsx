/**
 * My goals: what the leadership team's decisions ask of the groups I belong to and is still open
 * (issue 8), with the goal each concerns; I mark one done here. Hidden when nothing is asked.
 */
import { Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FollowUpList } from '../../components/follow-up-list';
import { InLanguage, useGoalText } from '../../components/in-language';
import { useSurfaceStyles } from '../../components/surface';
import type { Board, Me } from '../../data';
import { useGroupFollowUps } from '../../data/follow-ups';
import { useText } from '../../i18n/locale';
import { paths } from '../../routing/paths';
import { useLinkProps } from '../../routing/router';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
});

function GoalLink({ goalKey, children }: { goalKey: string; children: ReactNode }) {
  const link = useLinkProps(paths.goal({ key: goalKey }));
  return <Link {...link}>{children}</Link>;
}

export function MyFollowUps({ board, me, today, headingAs }: { board: Board; me: Me; today: string; headingAs: 'h2' | 'h3' }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('followUp');
  const text = useText();
  const goalText = useGoalText();
  const followUps = useGroupFollowUps(me.groups);
  const mine = (followUps.data ?? []).filter((r) => r.planKey === board.plan.key);
  if (mine.length === 0) return null;
  const id = `follow-ups-${board.plan.key}`;
  return (
    <section className={`${surface.card} ${styles.root}`} aria-labelledby={id} data-testid="my-follow-ups">
      <Subtitle1 as={headingAs} id={id} className={styles.title}>
        {t('followUps.title')}
      </Subtitle1>
      <FollowUpList
        items={mine}
        groupName={(k) => text(board.group(k)?.name) || k}
        myGroups={me.groups}
        today={today}
        goalOf={(r) => {
          const goal = board.goal(r.goalKey);
          return (
            <GoalLink goalKey={r.goalKey}>
              {t('followUps.goal', { goal: goal?.code ?? r.goalKey })} <InLanguage value={goal ? goalText(goal) : { text: '', lang: 'fi' }} />
            </GoalLink>
          );
        }}
      />
    </section>
  );
}
