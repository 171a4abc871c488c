/**
 * The check-in page (`/check-in/:goalKey?period=&unit=`), opened from My goals or a reminder
 * card's deep link. Loads the goal and its board, decides who may report, and hosts the form.
 */
import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LockClosed24Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { canCheckIn } from '../../../domain/policy';
import { currentPeriod, dueOn, helsinkiDate, reportingPeriods } from '../../../domain/periods';
import { OVERALL } from '../../../domain/goal';
import { setFlash } from '../../routing/flash';
import { paths } from '../../routing/paths';
import { useLinkProps, useNavigate, useRoute } from '../../routing/router';
import { BackLink, Page } from '../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../components/states';
import { useAuth, useBoard, useCheckIns, useClock, useGoal, useMe, useNow, useSubmitCheckIn } from '../../data';
import { useFormat, useLocale, useText } from '../../i18n/locale';
import { useGoalText } from '../../components/in-language';
import { CheckInForm } from './check-in-form';

const useStyles = makeStyles({
  context: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2 },
});

export default function CheckInView() {
  const styles = useStyles();
  const { t } = useTranslation('checkIn');
  const text = useText();
  const fmt = useFormat();
  const goalText = useGoalText();
  const { locale } = useLocale();
  const route = useRoute();
  const navigate = useNavigate();
  const auth = useAuth();
  const today = helsinkiDate(useNow());
  const clock = useClock();
  const goalKey = route.params.goalKey ?? '';
  const goal = useGoal(goalKey);
  const board = useBoard(goal.data?.planKey);
  const me = useMe();
  const history = useCheckIns(goalKey ? { goalKey } : undefined);
  const submit = useSubmitCheckIn();
  const goalDetail = useLinkProps(paths.goal({ key: goalKey }));

  const plan = board.data?.plan;
  const periods = plan ? reportingPeriods(plan) : [];
  const askedPeriod = route.query.get('period') ?? undefined;
  const period = askedPeriod && periods.includes(askedPeriod) ? askedPeriod : plan ? currentPeriod(plan, today) : undefined;
  const askedUnit = route.query.get('unit') ?? undefined;
  const g = board.data?.goal(goalKey) ?? goal.data;
  const unit = g && g.units.length > 0 ? (askedUnit && (g.units.includes(askedUnit) || askedUnit === OVERALL) ? (askedUnit === OVERALL ? undefined : askedUnit) : g.units[0]) : undefined;

  const { previous, reportedUnits } = useMemo(() => {
    const all = history.data ?? [];
    const slot = (u: string | undefined) => (g && g.units.length === 0 ? true : (u ?? OVERALL) === (unit ?? OVERALL));
    const prev = period ? [...all].filter((c) => c.period < period && slot(c.unit)).sort((a, b) => b.period.localeCompare(a.period) || b.submittedAt.localeCompare(a.submittedAt))[0] : undefined;
    const reported = new Set(all.filter((c) => c.period === period).map((c) => c.unit ?? OVERALL));
    return { previous: prev, reportedUnits: reported };
  }, [history.data, period, unit, g]);

  const back = <BackLink to={paths.myGoals()}>{t('back')}</BackLink>;
  const error = goal.error ?? board.error ?? me.error ?? history.error;
  if (error) {
    return (
      <Page title={t('title')} back={back} narrow>
        <ErrorState
          error={error}
          onRetry={refetchAll(goal, board, me, history)}
        />
      </Page>
    );
  }
  if (!g || !board.data || !plan || !me.data || !history.data || !period) {
    return (
      <Page title={t('title')} back={back} narrow>
        <LoadingCards count={2} label={t('loading')} />
      </Page>
    );
  }

  const actor = { id: me.data.id, upn: me.data.upn, name: me.data.name, roles: me.data.roles };
  const allowed = canCheckIn(actor, g, board.data.groups);
  const theme = board.data.theme(g.themeKey);
  const due = dueOn(plan, period);
  const eyebrow = t('eyebrow', { period: fmt.period(period) });
  const shown = goalText(g);
  const title = g.code ? t('goalTitle', { code: g.code, title: shown.text }) : shown.text;

  return (
    <Page
      title={title}
      titleLang={shown.lang !== locale ? shown.lang : undefined}
      eyebrow={eyebrow}
      back={back}
      narrow
      subtitle={
        <span className={styles.context}>
          {theme ? <Caption1>{`${theme.code} ${text(theme.title)}`}</Caption1> : null}
          <Badge appearance="tint" color={today > due ? 'danger' : 'informative'}>
            {t('due', { date: fmt.date(due) })}
          </Badge>
          {g.responsibleGroupKeys.map((k) => (
            <Caption1 key={k}>{text(board.data.group(k)?.name) || k}</Caption1>
          ))}
        </span>
      }
    >
      {!allowed ? (
        <EmptyState
          icon={<LockClosed24Regular />}
          title={t('notAllowed.title')}
          action={
            <Button as="a" {...goalDetail}>
              {t('notAllowed.action')}
            </Button>
          }
        >
          {t('notAllowed.body')}
        </EmptyState>
      ) : (
        <>
          <Text>{t('intro')}</Text>
          <CheckInForm
            goal={g}
            plan={plan}
            units={board.data.units}
            period={period}
            unit={unit}
            userId={auth.user?.id ?? me.data.id}
            {...(previous ? { previous } : {})}
            reportedUnits={reportedUnits}
            clock={clock}
            onUnitChange={(u) => navigate(paths.checkIn({ goalKey: g.key }, { period, unit: u ?? OVERALL }), { replace: true })}
            onSubmit={async (input) => {
              const r = await submit.mutateAsync(input);
              return { created: r.created };
            }}
            onDone={({ created }) => {
              setFlash({ kind: 'checkInSaved', goalKey: g.key, goalTitle: title, created });
              navigate(paths.myGoals());
            }}
            onCancel={() => navigate(paths.myGoals())}
          />
        </>
      )}
    </Page>
  );
}
