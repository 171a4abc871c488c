/**
 * My goals (the personal tab's default view): the goals I am responsible for or whose group I am
 * in, grouped by what they need from me in the current reporting period.
 */
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { CalendarLtr16Regular, Dismiss16Regular, TaskListSquareLtr24Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkInSlots } from '../../../domain/check-in';
import { activePlans, currentPeriod, dueOn, helsinkiDate, type DueState } from '../../../domain/periods';
import type { Actor } from '../../../domain/person';
import type { Plan } from '../../../domain/plan';
import { useFlash } from '../../routing/flash';
import { paths } from '../../routing/paths';
import { useLinkProps } from '../../routing/router';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../components/states';
import { UnreadableItems } from '../../components/unreadable-items';
import { useSurfaceStyles } from '../../components/surface';
import { useBoard, useCheckIns, useMe, useNow, usePlans, type Me } from '../../data';
import { useFormat, useText } from '../../i18n/locale';
import { GoalCard } from './goal-card';
import { MyFollowUps } from './my-follow-ups';
import { myGoalsOf, needsCheckIns, STATE_ORDER } from './my-goals-model';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  period: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  periodItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0, marginLeft: 'auto' },
  count: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  countNumber: { fontWeight: tokens.fontWeightBold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sectionTitle: { margin: 0, display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  sectionCount: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  sectionHint: { color: tokens.colorNeutralForeground2, marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
});

function PlanGoals({ plan, me, today, showPlanHeading }: { plan: Plan; me: Me; today: string; showPlanHeading: boolean }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('myGoals');
  const fmt = useFormat();
  const text = useText();
  const period = currentPeriod(plan, today);
  const board = useBoard(plan.key);
  // The goals' summaries say what was reported this period; check-ins are read only for goals
  // whose summaries predate their month-by-month statuses (`needsCheckIns`).
  const read = !!period && !!board.data && needsCheckIns(board.data.goals, board.data.groups, me, period);
  const checkIns = useCheckIns(read && board.data ? { planKey: plan.key, period, units: checkInSlots(board.data.plan, board.data.goals, board.data.units) } : undefined);
  const dashboard = useLinkProps(paths.dashboard({ plan: plan.key }));

  const items = useMemo(() => {
    if (!board.data || (read && !checkIns.data) || !period) return undefined;
    const actor: Actor = { id: me.id, upn: me.upn, name: me.name, roles: me.roles };
    return myGoalsOf({ plan: board.data.plan, goals: board.data.goals, groups: board.data.groups, checkIns: read ? checkIns.data : undefined, me: actor, period, today });
  }, [board.data, checkIns.data, read, me, period, today]);

  if (!period) return null;
  const Hs = showPlanHeading ? 'h3' : 'h2';
  const due = dueOn(plan, period);
  const counts = STATE_ORDER.map((s) => ({ state: s, n: items?.filter((i) => i.state === s).length ?? 0 }));

  return (
    <section className={styles.plan} aria-labelledby={`plan-${plan.key}`}>
      {showPlanHeading ? (
        <Subtitle1 as="h2" id={`plan-${plan.key}`}>
          {text(plan.title)}
        </Subtitle1>
      ) : (
        <h2 id={`plan-${plan.key}`} hidden>
          {text(plan.title)}
        </h2>
      )}
      <div className={mergeClasses(surface.surface, styles.period)}>
        <Text className={styles.periodItem} weight="semibold">
          <CalendarLtr16Regular aria-hidden="true" />
          {t('period.current', { period: fmt.period(period) })}
        </Text>
        <Text className={styles.periodItem}>{t('period.due', { date: fmt.date(due), relative: fmt.relativeDays(due, today) })}</Text>
        {items ? (
          <ul className={styles.counts} aria-label={t('counts.label')}>
            {counts.map((c) => (
              <li key={c.state} className={styles.count}>
                <span className={styles.countNumber}>{fmt.number(c.n)}</span>
                <Text size={200}>{t(`state.${c.state}`)}</Text>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {/* A goal someone broke by hand in SharePoint could be one of mine: say so rather than leave it out silently. */}
      {board.data ? <UnreadableItems rows={board.data.invalid.filter((r) => r.list === 'Goals')} /> : null}
      {board.data ? <MyFollowUps board={board.data} me={me} today={today} headingAs={Hs} /> : null}
      {board.error || checkIns.error ? (
        <ErrorState
          error={board.error ?? checkIns.error}
          onRetry={refetchAll(board, checkIns)}
        />
      ) : !items || !board.data ? (
        <LoadingCards count={3} label={t('loading')} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<TaskListSquareLtr24Regular />}
          title={t('empty.title')}
          action={
            <Button as="a" {...dashboard}>
              {t('empty.action')}
            </Button>
          }
        >
          {t('empty.body')}
        </EmptyState>
      ) : (
        STATE_ORDER.map((state: DueState) => {
          const group = items.filter((i) => i.state === state);
          if (group.length === 0) return null;
          const id = `section-${plan.key}-${state}`;
          return (
            <section key={state} className={styles.section} aria-labelledby={id}>
              <Subtitle1 as={Hs} id={id} className={styles.sectionTitle}>
                {t(`section.${state}`)}
                <span className={styles.sectionCount}>{t('section.count', { count: group.length })}</span>
              </Subtitle1>
              <Text className={styles.sectionHint}>{t(`sectionHint.${state}`, { date: fmt.date(due) })}</Text>
              <ul className={styles.list}>
                {group.map((item) => (
                  <li key={item.goal.key}>
                    <GoalCard item={item} plan={board.data.plan} board={board.data} period={period} headingLevel={showPlanHeading ? 4 : 3} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}

export default function MyGoalsView() {
  const { t } = useTranslation('myGoals');
  const text = useText();
  const now = useNow();
  const today = helsinkiDate(now);
  const me = useMe();
  const plans = usePlans();
  const [flash, dismissFlash] = useFlash();

  const active = plans.data ? activePlans(plans.data, today) : [];
  const error = me.error ?? plans.error;
  return (
    <Page title={t('title')} subtitle={active.length === 1 && active[0] ? text(active[0].title) : t('subtitle')}>
      {flash ? (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{flash.created ? t('flash.saved') : t('flash.alreadySaved')}</MessageBarTitle>
            {flash.goalTitle}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={t('flash.dismiss')} icon={<Dismiss16Regular />} onClick={dismissFlash} />}
          />
        </MessageBar>
      ) : null}
      {error ? (
        <ErrorState
          error={error}
          onRetry={refetchAll(me, plans)}
        />
      ) : !me.data || !plans.data ? (
        <LoadingCards count={3} label={t('loading')} />
      ) : active.length === 0 ? (
        <EmptyState icon={<TaskListSquareLtr24Regular />} title={t('noPlans.title')}>
          {t('noPlans.body')}
        </EmptyState>
      ) : (
        active.map((p) => <PlanGoals key={p.key} plan={p} me={me.data} today={today} showPlanHeading={active.length > 1} />)
      )}
    </Page>
  );
}
