/**
 * The agenda: the review's goals in order, each a button that jumps to it, with its overall
 * status (chip with its label) and which service areas have not reported for the period. The
 * current goal is marked `aria-current` and shown raised, not by colour alone.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { OVERALL } from '../../../../domain/goal';
import type { AgendaItem } from '../../../../domain/meeting';
import { InLanguage, useGoalText } from '../../../components/in-language';
import { StatusChip } from '../../../components/status-chip';
import type { Board } from '../../../data';
import { useText } from '../../../i18n/locale';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // The selected background takes the selected foreground: in high contrast it is a bright fill.
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  currentSub: { color: tokens.colorNeutralForeground1Selected },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground2 },
});

export function Agenda({ items, board, currentKey, onJump, labelledBy }: { items: AgendaItem[]; board: Board; currentKey: string | undefined; onJump: (goalKey: string) => void; labelledBy: string }) {
  const styles = useStyles();
  const { t } = useTranslation('review');
  const text = useText();
  const goalText = useGoalText();
  const scale = board.plan.statusScale;
  const unitName = (u: string) => (u === OVERALL ? t('goal.wholeGoal') : text(board.unit(u)?.name) || u);
  return (
    <ol className={styles.list} aria-labelledby={labelledBy}>
      {items.map((a) => {
        const goal = board.goal(a.goalKey);
        if (!goal) return null;
        const current = a.goalKey === currentKey;
        return (
          <li key={a.goalKey}>
            <button type="button" className={mergeClasses(styles.item, current && styles.current)} aria-current={current ? 'step' : undefined} onClick={() => onJump(a.goalKey)} data-goal-key={a.goalKey}>
              <span className={styles.title}>
                {goal.code ? `${goal.code} ` : ''}
                <InLanguage value={goalText(goal)} />
              </span>
              <StatusChip scale={scale} value={a.status} size="small" />
              <Caption1 className={mergeClasses(styles.sub, current && styles.currentSub)}>
                {a.missing.length === 0 ? t('agenda.allReported') : a.overdue.length > 0 ? t('agenda.overdue', { areas: a.overdue.map(unitName).join(', ') }) : t('agenda.missing', { areas: a.missing.map(unitName).join(', ') })}
              </Caption1>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
