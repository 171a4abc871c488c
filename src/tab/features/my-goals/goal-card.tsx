/**
 * One of my goals: what it is, its reporting slots this period (unit, whether reported, the
 * status), and the one action — check in.
 */
import { Badge, Button, Caption1, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Clock16Regular, DocumentEdit16Regular, Edit16Regular, People16Regular, Person16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERALL } from '../../../domain/goal';
import type { DueState } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { paths } from '../../routing/paths';
import { useLinkProps } from '../../routing/router';
import { InLanguage, useGoalText } from '../../components/in-language';
import { StatusChip } from '../../components/status-chip';
import { useSurfaceStyles } from '../../components/surface';
import { useAuth, useDrafts, type Board } from '../../data';
import { useFormat, useText } from '../../i18n/locale';
import type { MyGoal, MySlot } from './my-goals-model';

const useStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  eyebrow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  titleLink: { color: tokens.colorNeutralForeground1, fontWeight: 'inherit', fontSize: 'inherit', textDecoration: 'none', ':hover': { textDecoration: 'underline' } },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
  metaItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  slots: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  slot: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 1.2fr) minmax(8rem, 1fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr auto', rowGap: tokens.spacingVerticalXXS },
  },
  unit: { fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, '& > span:first-child': { display: 'inline-flex' } },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  due: { color: tokens.colorNeutralForeground1 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  upcoming: { color: tokens.colorNeutralForeground2 },
  chipCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, justifySelf: 'end', '@media (max-width: 640px)': { gridColumn: '1 / -1', justifySelf: 'start' } },
  when: { color: tokens.colorNeutralForeground2 },
  draft: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground1 },
  // A primary Button rendered as a link keeps the anchor's hover colour in Teams' high-contrast theme.
  primaryLink: { ':hover': { color: tokens.colorNeutralForegroundOnBrand }, ':hover:active': { color: tokens.colorNeutralForegroundOnBrand } },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

const STATE_ICON: Record<DueState, ReactElement> = {
  overdue: <Warning16Regular />,
  due: <Clock16Regular />,
  upcoming: <Clock16Regular />,
  done: <CheckmarkCircle16Regular />,
};

function SlotRow({ slot, plan, board }: { slot: MySlot; plan: Plan; board: Board }) {
  const styles = useStyles();
  const { t } = useTranslation('myGoals');
  const text = useText();
  const fmt = useFormat();
  const unitName = slot.unit === OVERALL ? t('slot.overall') : text(board.unit(slot.unit)?.name) || slot.unit;
  const shown = slot.reported ? { status: slot.reported.status, period: slot.reported.period } : slot.latest;
  return (
    <li className={styles.slot}>
      <Text className={styles.unit}>{unitName}</Text>
      <span className={mergeClasses(styles.state, styles[slot.state])}>
        <span aria-hidden="true">{STATE_ICON[slot.state]}</span>
        <Text size={200}>{t(`slotState.${slot.state}`)}</Text>
      </span>
      <span className={styles.chipCell}>
        <StatusChip scale={plan.statusScale} value={shown?.status} size="small" />
        {shown && !slot.reported ? (
          <Caption1 className={styles.when}>{t('slot.asOf', { period: fmt.period(shown.period) })}</Caption1>
        ) : null}
      </span>
    </li>
  );
}

export function GoalCard({ item, plan, board, period, headingLevel }: { item: MyGoal; plan: Plan; board: Board; period: string; headingLevel: 3 | 4 }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('myGoals');
  const text = useText();
  const goalText = useGoalText();
  const titleId = useId();
  const { goal } = item;
  const theme = board.theme(goal.themeKey);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const detail = useLinkProps(paths.goal({ key: goal.key }));
  // A half-written check-in for this period opens where it was left: its own service area.
  const auth = useAuth();
  const draft = useDrafts(auth.user?.id)?.find((d) => d.goalKey === goal.key && d.period === period);
  const slot = draft ? (draft.unit ?? OVERALL) : item.nextUnit;
  const unit = goal.units.length === 0 ? undefined : slot;
  const checkIn = useLinkProps(paths.checkIn({ goalKey: goal.key }, { period, unit }));
  const fmt = useFormat();
  const draftUnit = slot === OVERALL ? t('slot.overall') : text(board.unit(slot)?.name) || slot;
  const pending = item.slots.filter((s) => s.state !== 'done').length;
  return (
    <article className={mergeClasses(surface.card, surface.raised)} aria-labelledby={titleId} data-goal-key={goal.key}>
      <div className={styles.head}>
        <div className={styles.eyebrow}>
          {goal.code ? (
            <Badge appearance="outline" color="brand" shape="rounded">
              {t('goal.code', { code: goal.code })}
            </Badge>
          ) : null}
          {theme ? <Caption1>{`${theme.code} ${text(theme.title)}`}</Caption1> : null}
        </div>
        <H className={styles.title} id={titleId}>
          <Link {...detail} className={styles.titleLink}>
            <InLanguage value={goalText(goal)} />
          </Link>
        </H>
        <div className={styles.meta}>
          {item.responsible ? (
            <Caption1 className={styles.metaItem}>
              <Person16Regular aria-hidden="true" />
              {t('goal.responsible')}
            </Caption1>
          ) : null}
          {item.viaGroups.map((g) => (
            <Caption1 key={g.key} className={styles.metaItem}>
              <People16Regular aria-hidden="true" />
              {text(g.name)}
            </Caption1>
          ))}
        </div>
      </div>
      <ul className={styles.slots} aria-label={t('slot.listLabel')}>
        {item.slots.map((s) => (
          <SlotRow key={s.unit} slot={s} plan={plan} board={board} />
        ))}
      </ul>
      {item.canCheckIn ? (
        <div className={styles.actions}>
          {draft ? (
            <Caption1 className={styles.draft}>
              <DocumentEdit16Regular aria-hidden="true" />
              {goal.units.length > 0
                ? t('draft.savedFor', { unit: draftUnit, time: draft.savedAt ? fmt.dateTime(draft.savedAt) : '' })
                : t('draft.saved', { time: draft.savedAt ? fmt.dateTime(draft.savedAt) : '' })}
            </Caption1>
          ) : (
            <Caption1 className={styles.when}>
              {pending > 0 ? t('goal.pending', { count: pending }) : t('goal.allReported')}
            </Caption1>
          )}
          <Button
            as="a"
            {...checkIn}
            appearance={item.state === 'done' ? 'secondary' : 'primary'}
            className={item.state === 'done' ? undefined : styles.primaryLink}
            icon={<Edit16Regular />}
            aria-describedby={titleId}
          >
            {draft ? t('action.continueDraft') : item.state === 'done' ? t('action.checkInAgain') : t('action.checkIn')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
