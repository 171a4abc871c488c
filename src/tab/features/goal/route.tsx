/**
 * Goal detail (`/goals/:key`, a shareable deep link): every field of the goal, its status per
 * unit, the indicator over time against baseline and target, the check-in history per unit and
 * the leaders' review notes (which leaders and admins can add here). "Check in" shows only to
 * people the domain allows (`canCheckIn`) and leads to the check-in view.
 */
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DocumentSearch24Regular, Edit20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportingSlots, type Goal, type Measure } from '../../../domain/goal';
import { currentPeriod, helsinkiDate } from '../../../domain/periods';
import { canCheckIn, canWriteReview } from '../../../domain/policy';
import { overallStatus, summaryAt } from '../../../domain/rollup';
import { paths } from '../../routing/paths';
import { useLinkProps, useRoute } from '../../routing/router';
import { BackLink, Page } from '../../components/page';
import { returnHref } from '../../routing/return-to';
import { EmptyState, ErrorState, errorKind, LoadingCards, refetchAll } from '../../components/states';
import { StatusChip } from '../../components/status-chip';
import { useSurfaceStyles } from '../../components/surface';
import { useBoard, useCheckIns, useGoal, useMe, useNow, useReviews, type Board } from '../../data';
import { useFormat, useLocale, useText } from '../../i18n/locale';
import { InLanguage, useGoalText, type TextInLanguage } from '../../components/in-language';
import { CheckInTimeline } from './components/check-in-timeline';
import { ReviewForm, ReviewList } from './components/review-notes';
import { historyByUnit, indicatorSeries } from './model';

const IndicatorChart = lazy(() => import('./components/indicator-chart').then((m) => ({ default: m.IndicatorChart })));

const useStyles = makeStyles({
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  description: { whiteSpace: 'pre-wrap', margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
    '& dt': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, minWidth: 0 },
  },
  sub: { color: tokens.colorNeutralForeground2 },
  statuses: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS, gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' },
  status: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  statusName: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  overall: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function MeasureText({ m, unit, own }: { m: Measure; unit?: string; own: TextInLanguage }) {
  const { t } = useTranslation('goal');
  const fmt = useFormat();
  const styles = useStyles();
  const value = m.value !== undefined ? `${fmt.number(m.value)}${unit ? ` ${unit}` : ''}` : '';
  if (!value && !own.text && !m.date) return <>{t('facts.none')}</>;
  return (
    <>
      {value}
      {value && own.text ? ' – ' : ''}
      {own.text ? <InLanguage value={own} /> : null}
      {m.date ? <Text className={styles.sub}>{` (${t('facts.at', { date: fmt.date(m.date) })})`}</Text> : null}
    </>
  );
}

function GoalDetail({ goal, board }: { goal: Goal; board: Board }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('goal');
  const text = useText();
  const fmt = useFormat();
  const route = useRoute();
  const now = useNow();
  const today = helsinkiDate(now);
  const me = useMe();
  const checkIns = useCheckIns({ goalKey: goal.key });
  const reviews = useReviews(goal.key);
  const plan = board.plan;
  const period = currentPeriod(plan, today);
  const requestedPeriod = route.query.get('period') ?? undefined;
  const checkInLink = useLinkProps(paths.checkIn({ goalKey: goal.key }, period ? { period } : {}));
  // Back to the dashboard as it was left (its filters), when it showed this goal's plan.
  const dashboard = returnHref('dashboard', paths.dashboard({ plan: plan.key, ...(requestedPeriod ? { period: requestedPeriod } : {}) }), (href) => {
    const shown = new URL(href, 'http://x').searchParams.get('plan');
    return shown === null || shown === plan.key;
  });

  const unitName = (k: string) => text(board.unit(k)?.name) || k;
  const theme = board.theme(goal.themeKey);
  const parent = theme?.parentKey ? board.theme(theme.parentKey) : undefined;
  const history = useMemo(() => (checkIns.data ? historyByUnit(goal, checkIns.data) : []), [goal, checkIns.data]);
  const series = useMemo(() => (checkIns.data ? indicatorSeries(goal, checkIns.data) : []), [goal, checkIns.data]);
  // As of the current period: a report for a later one must not stand in for today's status.
  const summary = period ? summaryAt(goal, checkIns.data ?? [], period) : goal.summary;
  const overall = overallStatus(summary, goal.units);
  const actor = me.data ? { id: me.data.id, upn: me.data.upn, name: me.data.name, roles: me.data.roles } : undefined;
  const mayCheckIn = actor ? canCheckIn(actor, goal, board.groups) : false;
  const mayReview = actor ? canWriteReview(actor) : false;
  const ind = goal.indicator;
  // The goal's words in the reader's language; a Finnish fallback says it is Finnish (lang="fi").
  const goalText = useGoalText();
  const { locale } = useLocale();
  const shown = goalText(goal);
  const description = goalText(goal, 'description');
  const unit = goalText(goal, 'indicatorUnit').text || undefined;

  return (
    <Page
      title={goal.code ? t('titleWithCode', { code: goal.code, title: shown.text }) : shown.text}
      titleLang={shown.lang !== locale ? shown.lang : undefined}
      eyebrow={theme ? `${theme.code} ${text(theme.title)}` : undefined}
      subtitle={text(plan.title)}
      back={<BackLink to={dashboard}>{t('back')}</BackLink>}
      actions={
        mayCheckIn && period ? (
          <Button as="a" appearance="primary" icon={<Edit20Regular />} {...checkInLink}>
            {t('checkIn')}
          </Button>
        ) : undefined
      }
    >
      <section className={surface.card} aria-labelledby="goal-status">
        <h2 id="goal-status" className={styles.sectionTitle}>
          {t('status.title')}
        </h2>
        <div className={styles.overall}>
          <Text weight="semibold">{t('status.overall')}</Text>
          <StatusChip scale={plan.statusScale} value={overall?.status} />
          {overall ? <Caption1 className={styles.sub}>{t(overall.computed ? 'status.computed' : 'status.assessed', { period: fmt.period(overall.period) })}</Caption1> : null}
        </div>
        {goal.units.length > 0 ? (
          <ul className={styles.statuses} aria-label={t('status.byUnit')}>
            {reportingSlots(goal).map((u) => {
              const e = summary[u];
              return (
                <li key={u} className={styles.status}>
                  <span className={styles.statusName}>
                    <Text weight="semibold">{unitName(u)}</Text>
                    <Caption1 className={styles.sub}>{e ? t('status.reportedFor', { period: fmt.period(e.period) }) : t('status.never')}</Caption1>
                  </span>
                  <StatusChip scale={plan.statusScale} value={e?.status} size="small" />
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      <section className={surface.card} aria-labelledby="goal-facts">
        <h2 id="goal-facts" className={styles.sectionTitle}>
          {t('facts.title')}
        </h2>
        {description.text ? (
          <p className={styles.description} lang={description.lang !== locale ? description.lang : undefined}>
            {description.text}
          </p>
        ) : null}
        <dl className={styles.facts}>
          <Fact label={t('facts.theme')}>
            {parent ? `${parent.code} ${text(parent.title)} › ` : ''}
            {theme ? `${theme.code} ${text(theme.title)}` : t('facts.none')}
          </Fact>
          <Fact label={t('facts.indicator')}>
            <span className={styles.description}>
              <InLanguage value={goalText(goal, 'indicatorText')} />
            </span>
            <br />
            <Text className={styles.sub}>
              {[t(`facts.kind.${ind.kind}`), unit ? t('facts.unit', { unit }) : '', ind.direction ? t(`facts.direction.${ind.direction}`) : ''].filter(Boolean).join(' · ')}
            </Text>
          </Fact>
          <Fact label={t('facts.baseline')}>
            <MeasureText m={goal.baseline} unit={unit} own={goalText(goal, 'baselineText')} />
          </Fact>
          <Fact label={t('facts.target')}>
            <MeasureText m={goal.target} unit={unit} own={goalText(goal, 'targetText')} />
          </Fact>
          <Fact label={t('facts.persons')}>{goal.responsiblePersons.length ? fmt.list(goal.responsiblePersons.map((p) => p.name)) : t('facts.none')}</Fact>
          <Fact label={t('facts.groups')}>
            {goal.responsibleGroupKeys.length ? fmt.list(goal.responsibleGroupKeys.map((k) => text(board.group(k)?.name) || k)) : t('facts.none')}
          </Fact>
          <Fact label={t('facts.units')}>{goal.units.length ? fmt.list(goal.units.map(unitName)) : t('facts.wholeGoal')}</Fact>
        </dl>
      </section>

      {ind.kind === 'quantitative' ? (
        <div className={surface.card}>
          {checkIns.data ? (
            <Suspense fallback={<LoadingCards count={1} label={t('indicator.loading')} />}>
              <IndicatorChart goal={goal} points={series} />
            </Suspense>
          ) : checkIns.error ? null : (
            <LoadingCards count={1} label={t('indicator.loading')} />
          )}
        </div>
      ) : null}

      <section className={surface.card} aria-labelledby="goal-history">
        <h2 id="goal-history" className={styles.sectionTitle}>
          {t('history.title')}
        </h2>
        {checkIns.error ? (
          <ErrorState error={checkIns.error} onRetry={() => void checkIns.refetch()} />
        ) : !checkIns.data ? (
          <LoadingCards count={2} label={t('history.loading')} />
        ) : (
          <CheckInTimeline plan={plan} history={history} unitName={unitName} indicatorUnit={unit} />
        )}
      </section>

      <section className={surface.card} aria-labelledby="goal-reviews">
        <h2 id="goal-reviews" className={styles.sectionTitle}>
          {t('reviews.title')}
        </h2>
        {mayReview ? <ReviewForm goalKey={goal.key} period={requestedPeriod ?? period} today={today} /> : null}
        {reviews.error ? (
          <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
        ) : !reviews.data ? (
          <LoadingCards count={1} label={t('reviews.loading')} />
        ) : (
          <ReviewList reviews={reviews.data} />
        )}
      </section>
    </Page>
  );
}

export default function GoalView() {
  const { t } = useTranslation('goal');
  const route = useRoute();
  const key = route.params.key;
  const goal = useGoal(key);
  const board = useBoard(goal.data?.planKey);
  const error = goal.error ?? board.error;
  if (error) {
    const notFound = errorKind(error) === 'notFound';
    return (
      <Page title={notFound ? t('notFound.title') : t('loadFailed')} back={<BackLink to={paths.dashboard()}>{t('back')}</BackLink>} narrow>
        {notFound ? (
          <EmptyState icon={<DocumentSearch24Regular />} title={t('notFound.heading')}>
            {t('notFound.body', { key })}
          </EmptyState>
        ) : (
          <ErrorState
            error={error}
            onRetry={refetchAll(goal, board)}
          />
        )}
      </Page>
    );
  }
  if (!goal.data || !board.data) {
    return (
      <Page title={t('loading')}>
        <LoadingCards count={3} label={t('loading')} />
      </Page>
    );
  }
  // Prefer the board's copy: it carries the latest summary after a check-in (delta or cache update).
  const current = board.data.goal(goal.data.key) ?? goal.data;
  return <GoalDetail goal={current} board={board.data} />;
}

