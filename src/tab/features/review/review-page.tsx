/**
 * The review page (side panel at 320 px, or full page): choose period, group and order; the
 * agenda; the current goal; for leaders and admins start / step / end the review, record a
 * decision with a follow-up, and put it on the stage (teams-js in a meeting, "open stage view"
 * in a plain browser). Everyone else follows the presenter: the session is polled.
 */
import { Button, Field, Link, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Play20Regular, Share20Regular, Stop20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../domain/check-in';
import { checkInSlots } from '../../../domain/check-in';
import { needsCheckInsAt } from '../../../domain/rollup';
import { AGENDA_ORDERS, buildAgenda, canRunMeeting, type AgendaItem } from '../../../domain/meeting';
import { currentPeriod, defaultPlan, helsinkiDate, reportingPeriods } from '../../../domain/periods';
import type { Plan } from '../../../domain/plan';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../components/states';
import { useSurfaceStyles } from '../../components/surface';
import { useBoard, useCheckIns, useConfig, useHost, useMe, useNow, usePlans, useReviews } from '../../data';
import { useFormat, useText } from '../../i18n/locale';
import { paths } from '../../routing/paths';
import { useNavigate, useRoute } from '../../routing/router';
import { STAGE_POLL_MS, useEndMeeting, useMarkFollowUpDone, useMeetingSession, useMoveMeeting, useStartMeeting } from './api/meeting';
import { Agenda } from './components/agenda';
import { DecisionForm } from './components/decision-form';
import { GoalPanel } from './components/goal-panel';
import { MeetingNotes } from './components/meeting-notes';
import { localMeetingId, parseOrder } from './model';

const useStyles = makeStyles({
  // A grid, so a long group name narrows its select instead of widening the 320 px side panel.
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', maxWidth: '60rem' },
  filter: { minWidth: 0 },
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 22rem) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function ReviewPage() {
  const { t } = useTranslation('review');
  const route = useRoute();
  const navigate = useNavigate();
  const host = useHost();
  const today = helsinkiDate(useNow());
  const plans = usePlans();
  const q = route.query;
  const planKey = q.get('plan') ?? (plans.data ? defaultPlan(plans.data, today)?.key : undefined);
  const board = useBoard(planKey);
  // The agenda comes from the goals' summaries; the plan's check-ins are read only for goals
  // written before their month-by-month statuses existed, with a report later than the month
  // reviewed (at a large division's size that read is every check-in of the plan, one month and
  // service area at a time).
  const legacy = !!board.data && needsCheckInsAt(board.data.goals, reviewPeriod(board.data.plan, today, q.get('period')));
  const checkInsRead = useCheckIns(legacy && board.data ? { planKey: board.data.plan.key, units: checkInSlots(board.data.plan, board.data.goals, board.data.units) } : undefined);
  const checkIns = legacy ? checkInsRead : { data: NO_CHECK_INS, error: null, refetch: checkInsRead.refetch };
  const me = useMe();
  // In a Teams meeting its id; outside one, an id made once and kept in the address (reloads, the stage link).
  const [madeId] = useState(localMeetingId);
  const meetingId = host.meeting?.id ?? q.get('meeting') ?? madeId;
  useEffect(() => {
    if (!host.meeting && !q.get('meeting')) navigate(`${route.href}${route.href.includes('?') ? '&' : '?'}meeting=${encodeURIComponent(madeId)}`, { replace: true });
  }, [host.meeting, q, madeId, navigate, route.href]);

  const error = plans.error ?? board.error ?? checkIns.error ?? me.error;
  if (error) {
    return (
      <Page title={t('title')}>
        <ErrorState error={error} onRetry={refetchAll(plans, board, checkIns, me)} />
      </Page>
    );
  }
  if (plans.data && !planKey) {
    return (
      <Page title={t('title')}>
        <EmptyState title={t('noPlans')} />
      </Page>
    );
  }
  if (!board.data || !checkIns.data || !me.data) {
    return (
      <Page title={t('title')}>
        <LoadingCards count={3} label={t('loading')} />
      </Page>
    );
  }
  return <Review board={board.data} checkIns={checkIns.data} me={me.data} meetingId={meetingId} today={today} />;
}

type BoardOf = NonNullable<ReturnType<typeof useBoard>['data']>;
type CheckInsOf = readonly CheckIn[];
const NO_CHECK_INS: CheckInsOf = [];

/** The months a review may look at: the plan's reporting months up to the current one. */
function reviewPeriods(plan: Plan, today: string): string[] {
  return reportingPeriods(plan).filter((p) => p <= (currentPeriod(plan, today) ?? p));
}

/** The month reviewed: the one asked for in the address when the review may look at it, else the current one. */
function reviewPeriod(plan: Plan, today: string, asked: string | null): string {
  const periods = reviewPeriods(plan, today);
  return asked && periods.includes(asked) ? asked : (currentPeriod(plan, today) ?? periods[periods.length - 1] ?? '');
}
type MeOf = NonNullable<ReturnType<typeof useMe>['data']>;

function Review({ board, checkIns, me, meetingId, today }: { board: BoardOf; checkIns: CheckInsOf; me: MeOf; meetingId: string; today: string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('review');
  const fmt = useFormat();
  const text = useText();
  const route = useRoute();
  const navigate = useNavigate();
  const host = useHost();
  const config = useConfig();
  const plan = board.plan;
  const q = route.query;
  const periods = reviewPeriods(plan, today);
  const period = reviewPeriod(plan, today, q.get('period'));
  const groupKey = q.get('group') || undefined;
  const order = parseOrder(q.get('order'));
  const mayRun = canRunMeeting(me);

  const agenda = useMemo(
    () => buildAgenda({ plan, themes: board.themes, goals: board.goals, groups: board.groups, checkIns, period, today, order, groupKey }),
    [plan, board.themes, board.goals, board.groups, checkIns, period, today, order, groupKey],
  );
  const session = useMeetingSession(meetingId, { pollMs: STAGE_POLL_MS });
  const start = useStartMeeting();
  const move = useMoveMeeting();
  const end = useEndMeeting();
  const markDone = useMarkFollowUpDone();
  const s = session.data?.value;
  // The session runs this review when it is live and about the same plan, period and group.
  const active = !!s && !s.endedAt && s.planKey === plan.key && s.period === period && (s.groupKey ?? undefined) === groupKey;
  const items: AgendaItem[] = useMemo(() => {
    if (!active || !s) return agenda;
    const byKey = new Map(agenda.map((a) => [a.goalKey, a]));
    return s.goalKeys.map((k) => byKey.get(k)).filter((a): a is AgendaItem => !!a);
  }, [active, s, agenda]);
  const [localKey, setLocalKey] = useState<string | undefined>();
  const pendingKey = move.isPending ? move.variables?.goalKey : undefined;
  const currentKey = pendingKey ?? (active && s ? s.currentGoalKey : items.some((a) => a.goalKey === localKey) ? localKey : items[0]?.goalKey);
  const index = items.findIndex((a) => a.goalKey === currentKey);
  const goal = currentKey ? board.goal(currentKey) : undefined;
  const reviews = useReviews(currentKey);
  // The current goal's reports and indicator values, by its own key; the next goal's are read
  // meanwhile, so stepping on in the meeting shows them at once.
  const goalCheckIns = useCheckIns(currentKey ? { goalKey: currentKey } : undefined);
  const nextKey = index >= 0 ? items[index + 1]?.goalKey : undefined;
  useCheckIns(nextKey ? { goalKey: nextKey } : undefined);
  const [canShare, setCanShare] = useState(false);
  useEffect(() => {
    let live = true;
    void host.meeting?.canShareToStage().then((ok) => live && setCanShare(ok));
    return () => {
      live = false;
    };
  }, [host.meeting]);

  const go = (goalKey: string | undefined) => {
    if (!goalKey) return;
    setLocalKey(goalKey);
    if (active && mayRun && session.data) move.mutate({ session: session.data, goalKey });
  };
  const step = (d: 1 | -1) => go(items[index + d]?.goalKey);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const setQuery = (patch: Record<string, string | undefined>) => {
    const next = { plan: plan.key, period, group: groupKey, order: order === 'worst' ? undefined : order, meeting: host.meeting ? undefined : meetingId, ...patch };
    navigate(paths.review(next), { replace: true });
  };
  const stageUrl = paths.reviewStage({ meeting: meetingId });
  const startReview = () =>
    start.mutate({
      meetingId,
      planKey: plan.key,
      period,
      ...(groupKey ? { groupKey } : {}),
      order,
      goalKeys: agenda.map((a) => a.goalKey),
      // The bot posts the review's summary to the meeting chat when it ends.
      ...(host.meeting?.chatId ? { chatId: host.meeting.chatId } : {}),
    });

  return (
    <Page title={t('title')} subtitle={`${text(plan.title)} · ${fmt.period(period)}`}>
      <div className={styles.filters} role="group" aria-label={t('filters.label')}>
        <Field className={styles.filter} label={t('filters.period')}>
          <Select className={styles.select} value={period} onChange={(_, d) => setQuery({ period: d.value })}>
            {[...periods].reverse().map((p) => (
              <option key={p} value={p}>
                {fmt.period(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t('filters.group')}>
          <Select className={styles.select} value={groupKey ?? ''} onChange={(_, d) => setQuery({ group: d.value || undefined })}>
            <option value="">{t('filters.allGroups')}</option>
            {board.groups.map((g) => (
              <option key={g.key} value={g.key}>
                {text(g.name) || g.key}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t('filters.order')}>
          <Select className={styles.select} value={order} onChange={(_, d) => setQuery({ order: d.value === 'worst' ? undefined : d.value })}>
            {AGENDA_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`order.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <section className={surface.card} aria-labelledby="review-session">
        <h2 id="review-session" className={styles.sectionTitle}>
          {t('session.title')}
        </h2>
        <Text role="status" data-testid="session-state">
          {active && s ? t('session.running', { name: s.updatedBy.name }) : s?.endedAt && s.planKey === plan.key ? t('session.ended') : t('session.notStarted')}
        </Text>
        <div className={styles.controls}>
          {mayRun && !active ? (
            <Button appearance="primary" icon={<Play20Regular />} onClick={startReview} disabled={start.isPending || agenda.length === 0}>
              {t('session.start')}
            </Button>
          ) : null}
          {mayRun && active && session.data ? (
            <Button icon={<Stop20Regular />} onClick={() => end.mutate(session.data!)} disabled={end.isPending}>
              {t('session.end')}
            </Button>
          ) : null}
          {active && host.meeting && canShare ? (
            <Button icon={<Share20Regular />} onClick={() => void host.meeting?.shareToStage(`${config.publicUrl}${stageUrl}`)}>
              {t('session.share')}
            </Button>
          ) : active && !host.meeting ? (
            <Link href={stageUrl} target="_blank" rel="noopener">
              {t('session.openStage')}
            </Link>
          ) : null}
        </div>
        {start.error || move.error || end.error ? <ErrorState error={start.error ?? move.error ?? end.error} /> : null}
      </section>

      {items.length === 0 ? (
        <EmptyState title={t('agenda.empty')} />
      ) : (
        <div className={styles.layout}>
          <section className={styles.column} aria-labelledby="review-agenda">
            <h2 id="review-agenda" className={styles.sectionTitle}>
              {t('agenda.title', { count: items.length })}
            </h2>
            <Agenda items={items} board={board} currentKey={currentKey} onJump={go} labelledBy="review-agenda" />
          </section>
          <section className={styles.column} aria-labelledby="review-current">
            <h2 id="review-current" className={styles.sectionTitle}>
              {t('nav.current')}
            </h2>
            <div className={styles.nav}>
              <Button icon={<ArrowUp20Regular />} onClick={() => step(-1)} disabled={index <= 0} aria-keyshortcuts="Alt+ArrowUp">
                {t('nav.previous')}
              </Button>
              <Text role="status" data-testid="review-position">
                {t('nav.position', { n: index + 1, count: items.length })}
              </Text>
              <Button icon={<ArrowDown20Regular />} onClick={() => step(1)} disabled={index < 0 || index >= items.length - 1} aria-keyshortcuts="Alt+ArrowDown">
                {t('nav.next')}
              </Button>
            </div>
            <Text size={200} className={styles.hint}>
              {t('nav.shortcuts')}
            </Text>
            {goal ? (
              <div className={surface.card}>
                <GoalPanel
                  goal={goal}
                  board={board}
                  checkIns={goalCheckIns.data}
                  reviews={reviews.data}
                  period={period}
                  today={today}
                  headingLevel={3}
                  myGroups={me.groups}
                  onMarkDone={(k) => markDone.mutate(k)}
                  markingDone={markDone.isPending ? markDone.variables : undefined}
                />
              </div>
            ) : null}
            {goal && mayRun ? (
              <div className={surface.card}>
                <DecisionForm key={goal.key} goalKey={goal.key} goalGroups={goal.responsibleGroupKeys} board={board} period={period} meetingId={meetingId} today={today} />
              </div>
            ) : null}
            {goal && mayRun ? <MeetingNotes reviews={reviews.data} meetingId={meetingId} me={me} goalKey={goal.key} groupName={(k) => text(board.group(k)?.name) || k} /> : null}
          </section>
        </div>
      )}
    </Page>
  );
}
