/**
 * The leaders' dashboard (`/dashboard?plan=&period=&group=&…`): a plan's themes → goals × units
 * as a status matrix for one period, with counts, filters, worst-first sorting and search, and a
 * trend across periods. Everything chosen lives in the URL, so a link opens the same view — which
 * is also how a group's channel tab shows only that group (`?group=`).
 */
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Board24Regular, Link20Regular, SearchInfo24Regular } from '@fluentui/react-icons';
import { lazy, startTransition, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chosenPlan, currentPeriod, helsinkiDate } from '../../../domain/periods';
import { needsCheckInsAt } from '../../../domain/rollup';
import { checkInSlots, type CheckIn } from '../../../domain/check-in';
import type { Plan } from '../../../domain/plan';
import { paths } from '../../routing/paths';
import { useNavigate, useRoute } from '../../routing/router';
import { useRememberView } from '../../routing/return-to';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../components/states';
import { StatusChip } from '../../components/status-chip';
import { UnreadableItems } from '../../components/unreadable-items';
import { WhenNear } from '../../components/when-near';
import { useSurfaceStyles } from '../../components/surface';
import { useBoard, useCheckIns, useNow, usePlans, type Board } from '../../data';
import { useFormat, useText } from '../../i18n/locale';
import { DashboardFilters } from './components/dashboard-filters';
import { ReportDownload } from './components/report-download';
import { StatusMatrix } from './components/status-matrix';
import {
  buildRows,
  columnsFor,
  countByStatus,
  EMPTY_QUERY,
  filterRows,
  groupByTheme,
  groupsInPlan,
  parseQuery,
  periodsToShow,
  sortRows,
  toSearch,
  trend,
  type DashboardQuery,
} from './model';

// The chart library is the heaviest part of the view: it loads alongside (main.tsx preloads it)
// but is drawn only near the viewport or a moment after the matrix has painted (WhenNear).
const TrendChart = lazy(() => import('./components/trend-chart').then((m) => ({ default: m.TrendChart })));

const NO_CHECK_INS: CheckIn[] = [];

/** Rows drawn at once; more on request, so 500 goals stay smooth. */
export const PAGE_SIZE = 100;
/**
 * Rows in the view's first paint, more than a tall screen shows; the rest of the page follows
 * in the next render (a transition, so input stays responsive). A row with its six status chips
 * costs about 1.5 ms to render on a small laptop: a full page first held the table back 150 ms.
 */
export const FIRST_PAINT_ROWS = 25;

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  countNumber: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  shown: { color: tokens.colorNeutralForeground2, marginLeft: 'auto' },
  more: { display: 'flex', justifyContent: 'center', alignItems: 'center', gap: tokens.spacingHorizontalM },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
  card: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

/**
 * The trend, worked out where it is drawn: inside the part below the fold, so a large plan's
 * months × goals (3,000 goals: some 36,000 statuses) are counted after the matrix is on screen.
 * Counted as the summary counts: the chosen service area's status when one is chosen.
 */
function Trend({ plan, goals, checkIns, periods, unit }: { plan: Plan; goals: Board['goals']; checkIns: readonly CheckIn[]; periods: string[]; unit: string | undefined }) {
  const points = useMemo(() => trend(plan, goals, checkIns, periods, unit), [plan, goals, checkIns, periods, unit]);
  return <TrendChart plan={plan} points={points} />;
}

function DashboardBody({ board, plans, query, today, setQuery }: { board: Board; plans: Plan[]; query: DashboardQuery; today: string; setQuery(p: Partial<DashboardQuery>, replace?: boolean): void }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const text = useText();
  const plan = board.plan;
  const periods = useMemo(() => periodsToShow(plan, today), [plan, today]);
  // The goals' summaries carry each slot's month-by-month history, so the matrix of any period
  // and the trend need no check-ins; only goals written before histories existed (until the
  // server's summary reconciler has rebuilt them), with a report later than the trend's first
  // month, make the view read the plan's check-ins.
  const needsCheckIns = useMemo(() => !!periods[0] && needsCheckInsAt(board.goals, periods[0]), [board.goals, periods]);
  const checkInsRead = useCheckIns(needsCheckIns ? { planKey: plan.key, units: checkInSlots(plan, board.goals, board.units) } : undefined);
  const checkIns = needsCheckIns ? checkInsRead : { data: NO_CHECK_INS, error: null, refetch: checkInsRead.refetch };
  const period = query.period && periods.includes(query.period) ? query.period : (currentPeriod(plan, today) ?? periods[periods.length - 1] ?? today.slice(0, 7));
  const [search, setSearch] = useState(query.q);
  const deferredSearch = useDeferredValue(search);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [firstPaint, setFirstPaint] = useState(true);
  useEffect(() => startTransition(() => setFirstPaint(false)), []);

  // The search box writes to the URL too, but the filtering follows the typing (deferred).
  useEffect(() => {
    const id = window.setTimeout(() => {
      if (search !== query.q) setQuery({ q: search }, true);
    }, 300);
    return () => window.clearTimeout(id);
  }, [search, query.q, setQuery]);

  const searchText = useMemo(
    () => (goal: Board['goals'][number], theme: Board['themes'][number] | undefined) =>
      [theme ? `${theme.code} ${text(theme.title)}` : '', ...goal.responsibleGroupKeys.map((k) => text(board.group(k)?.name))].join(' '),
    [board, text],
  );
  const rows = useMemo(
    () => (checkIns.data ? buildRows({ plan, themes: board.themes, goals: board.goals, checkIns: checkIns.data, period, today, searchText }) : undefined),
    [plan, board.themes, board.goals, checkIns.data, period, today, searchText],
  );
  const filters = useMemo(
    () => ({ theme: query.theme, group: query.group, unit: query.unit, status: query.status, overdue: query.overdue, q: deferredSearch }),
    [query.theme, query.group, query.unit, query.status, query.overdue, deferredSearch],
  );
  const visible = useMemo(() => (rows ? sortRows(filterRows(rows, filters, board.themes), query.sort, query.unit) : []), [rows, filters, board.themes, query.sort, query.unit]);
  useEffect(() => setLimit(PAGE_SIZE), [filters, query.sort, period]);
  const counts = useMemo(() => countByStatus(plan, visible, query.unit), [plan, visible, query.unit]);
  const columns = useMemo(() => (rows ? columnsFor(plan, board.units, rows, query.unit) : []), [plan, board.units, rows, query.unit]);
  const goalsShown = useMemo(() => visible.map((r) => r.goal), [visible]);
  const trendPeriods = useMemo(() => periods.filter((p) => p <= period), [periods, period]);
  const groups = useMemo(() => groupsInPlan(board.goals, board.groups), [board.goals, board.groups]);

  const page = visible.slice(0, firstPaint ? Math.min(limit, FIRST_PAINT_ROWS) : limit);
  const sections = query.sort === 'worst' ? [{ theme: undefined, rows: page }] : groupByTheme(page, board.themes);
  const unitLabel = query.unit ? text(board.unit(query.unit)?.name) || query.unit : undefined;
  const caption = t('matrix.caption', { plan: text(plan.title), period: fmt.period(period) }) + (unitLabel ? ` – ${unitLabel}` : '');

  return (
    <>
      <UnreadableItems rows={board.invalid} />
      <DashboardFilters
        query={query}
        plans={plans}
        plan={plan}
        periods={periods}
        period={period}
        themes={board.themes}
        groups={groups}
        units={board.units}
        unitKeys={columnsFor(plan, board.units, rows ?? [])}
        search={search}
        onSearch={setSearch}
        onChange={(p) => setQuery(p)}
        onClear={() => {
          setSearch('');
          setQuery({ theme: undefined, group: undefined, unit: undefined, status: undefined, overdue: false, q: '' });
        }}
      />
      {checkIns.error ? (
        <ErrorState error={checkIns.error} onRetry={() => void checkIns.refetch()} />
      ) : !rows ? (
        <LoadingCards count={4} label={t('loading')} />
      ) : board.goals.length === 0 ? (
        <EmptyState icon={<Board24Regular />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <>
          <div className={styles.summary}>
            <ul className={styles.counts} aria-label={t('counts.label', { period: fmt.period(period) })}>
              {counts
                .filter((c) => c.count > 0 || c.status !== undefined)
                .map((c) => (
                  <li key={String(c.status)} className={mergeClasses(surface.surface, styles.count)}>
                    <StatusChip scale={plan.statusScale} value={c.status} size="small" />
                    <span className={styles.countNumber}>{fmt.number(c.count)}</span>
                  </li>
                ))}
            </ul>
            <Text className={styles.shown} role="status">
              {t('counts.shown', { count: visible.length, total: rows.length })}
            </Text>
            <ReportDownload query={{ plan: plan.key, period, theme: query.theme, group: query.group, unit: query.unit, status: query.status }} />
          </div>
          {visible.length === 0 ? (
            <EmptyState icon={<SearchInfo24Regular />} title={t('noMatch.title')}>
              {t('noMatch.body')}
            </EmptyState>
          ) : (
            <>
              <StatusMatrix plan={plan} sections={sections} columns={columns} units={board.units} period={period} caption={caption} />
              <Caption1 className={styles.legend}>{t('matrix.legend')}</Caption1>
              {visible.length > limit ? (
                <div className={styles.more}>
                  <Text>{t('more.shown', { shown: limit, total: visible.length })}</Text>
                  <Button onClick={() => setLimit((l) => l + PAGE_SIZE)}>{t('more.action', { count: Math.min(PAGE_SIZE, visible.length - limit) })}</Button>
                </div>
              ) : null}
              <div className={mergeClasses(surface.surface, styles.card)}>
                <WhenNear minHeight="360px">
                  <Suspense fallback={<LoadingCards count={1} label={t('trend.loading')} />}>
                    <Trend plan={plan} goals={goalsShown} checkIns={checkIns.data ?? NO_CHECK_INS} periods={trendPeriods} unit={query.unit} />
                  </Suspense>
                </WhenNear>
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}

export default function DashboardView() {
  const { t } = useTranslation('dashboard');
  const text = useText();
  const route = useRoute();
  const go = useNavigate();
  const now = useNow();
  const today = helsinkiDate(now);
  const query = useMemo(() => parseQuery(route.query), [route.query]);
  useRememberView('dashboard', route.href);
  const plans = usePlans();
  const plan = plans.data ? chosenPlan(plans.data, query.plan, today) : undefined;
  const board = useBoard(plan?.key);
  const [copied, setCopied] = useState(false);

  const setQuery = useMemo(
    () => (patch: Partial<DashboardQuery>, replace = false) => {
      const next = { ...EMPTY_QUERY, ...parseQuery(new URLSearchParams(window.location.search)), ...patch };
      go(paths.dashboard(toSearch(next)), { replace });
    },
    [go],
  );

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 3000);
    } catch {
      setCopied(false);
    }
  };

  const group = query.group && board.data ? board.data.group(query.group) : undefined;
  const error = plans.error ?? board.error;
  return (
    <Page
      title={group ? t('titleGroup', { group: text(group.name) }) : t('title')}
      subtitle={plan ? text(plan.title) : undefined}
      actions={
        <Button icon={<Link20Regular />} onClick={() => void copyLink()} aria-live="polite">
          {copied ? t('share.copied') : t('share.copy')}
        </Button>
      }
    >
      {error ? (
        <ErrorState
          error={error}
          onRetry={refetchAll(plans, board)}
        />
      ) : plans.data && plans.data.length === 0 ? (
        <EmptyState icon={<Board24Regular />} title={t('noPlans.title')}>
          {t('noPlans.body')}
        </EmptyState>
      ) : !plans.data || !board.data ? (
        <LoadingCards count={4} label={t('loading')} />
      ) : (
        <DashboardBody board={board.data} plans={plans.data} query={query} today={today} setQuery={setQuery} />
      )}
    </Page>
  );
}
