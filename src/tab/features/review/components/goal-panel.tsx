/**
 * One goal as the review shows it, in the side panel, full page and on the stage: title, status
 * per service area (chips with their labels, never colour alone), the latest narrative of each
 * area as of the period, the indicator against baseline and target, and the open follow-ups of
 * earlier decisions. `large` is the stage: the same content, readable on a projector.
 */
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../../domain/check-in';
import { OVERALL, type Goal, type Measure } from '../../../../domain/goal';
import { followUpStatus, openFollowUps } from '../../../../domain/meeting';
import type { Review } from '../../../../domain/review';
import { overallStatus, statusesAt, summaryAt } from '../../../../domain/rollup';
import { InLanguage, useGoalText, type TextInLanguage } from '../../../components/in-language';
import { StatusChip } from '../../../components/status-chip';
import { useSurfaceStyles } from '../../../components/surface';
import type { Board } from '../../../data';
import { useFormat, useLocale, useText } from '../../../i18n/locale';
import { indicatorStanding, latestReports } from '../model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  large: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  titleLarge: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800 },
  section: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sectionLarge: { fontSize: tokens.fontSizeBase600 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reportHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  narrative: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, minWidth: 0 },
  },
  overall: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A baseline or target: its value, and its text in the reader's language (a Finnish fallback marked lang="fi"). */
function measure(m: Measure, own: TextInLanguage, unit: string | undefined, fmt: ReturnType<typeof useFormat>, none: string, at: (date: string) => string): ReactNode {
  const value = m.value !== undefined ? `${fmt.number(m.value)}${unit ? ` ${unit}` : ''}` : '';
  if (!value && !own.text) return none;
  return (
    <>
      {value}
      {value && own.text ? ' – ' : ''}
      {own.text ? <InLanguage value={own} /> : null}
      {m.date ? ` (${at(fmt.date(m.date))})` : ''}
    </>
  );
}

export interface GoalPanelProps {
  goal: Goal;
  board: Board;
  /** The goal's own check-ins (narratives, indicator values); undefined while they load. */
  checkIns: readonly CheckIn[] | undefined;
  reviews: readonly Review[] | undefined;
  period: string;
  today: string;
  /** The stage: larger type, no actions. */
  large?: boolean;
  headingLevel: 2 | 3;
  /** Group keys the reader belongs to: they may mark those groups' follow-ups done. */
  myGroups?: readonly string[];
  onMarkDone?: (reviewKey: string) => void;
  markingDone?: string | undefined;
}

export function GoalPanel({ goal, board, checkIns, reviews, period, today, large = false, headingLevel, myGroups = [], onMarkDone, markingDone }: GoalPanelProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('review');
  const fmt = useFormat();
  const text = useText();
  const goalText = useGoalText();
  const { locale } = useLocale();
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const scale = board.plan.statusScale;
  const unitName = (u: string) => (u === OVERALL ? t('goal.wholeGoal') : text(board.unit(u)?.name) || u);
  // The status as of the period from the summary's month-by-month history; the narratives and the
  // indicator's latest value from the goal's own check-ins once they are read.
  const overall = overallStatus(statusesAt(goal, period) ?? summaryAt(goal, checkIns ?? [], period), goal.units);
  const reports = checkIns ? latestReports(goal, checkIns, period) : undefined;
  const ind = indicatorStanding(goal, checkIns ?? [], period);
  const unit = goalText(goal, 'indicatorUnit').text || undefined;
  const open = reviews ? openFollowUps(reviews.filter((r) => r.kind === 'decision')) : [];
  const sectionClass = mergeClasses(styles.section, large && styles.sectionLarge);
  const title = goalText(goal);

  return (
    <article className={mergeClasses(styles.root, large && styles.large)} aria-labelledby={`goal-${goal.key}`} data-goal-key={goal.key}>
      <H id={`goal-${goal.key}`} className={mergeClasses(styles.title, large && styles.titleLarge)}>
        {goal.code ? `${goal.code} ` : ''}
        <InLanguage value={title} />
      </H>
      <div className={styles.overall}>
        <Text weight="semibold">{t('goal.overall')}</Text>
        <StatusChip scale={scale} value={overall?.status} size={large ? 'large' : 'medium'} />
      </div>

      <section className={surface.inset} aria-labelledby={`reports-${goal.key}`}>
        <Sub id={`reports-${goal.key}`} className={sectionClass}>
          {t('goal.reports', { period: fmt.period(period) })}
        </Sub>
        {!reports ? (
          <Caption1 className={styles.sub}>{t('goal.loadingReports')}</Caption1>
        ) : (
        <ul className={styles.list}>
          {reports.map(({ unit: u, latest }) => (
            <li key={u} className={styles.report}>
              <div className={styles.reportHead}>
                <Text weight="semibold">{unitName(u)}</Text>
                <StatusChip scale={scale} value={latest?.status} size={large ? 'medium' : 'small'} />
                <Caption1 className={styles.sub}>
                  {latest ? (latest.period === period ? t('goal.reportedFor', { period: fmt.period(latest.period) }) : t('goal.missingSince', { period: fmt.period(latest.period) })) : t('goal.neverReported')}
                </Caption1>
              </div>
              {latest ? (
                <p className={styles.narrative} lang={(latest.language ?? board.plan.language) !== locale ? (latest.language ?? board.plan.language) : undefined}>
                  {latest.narrative}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        )}
      </section>

      <section className={surface.inset} aria-labelledby={`indicator-${goal.key}`}>
        <Sub id={`indicator-${goal.key}`} className={sectionClass}>
          {t('goal.indicator')}
        </Sub>
        <p className={styles.narrative}>
          <InLanguage value={goalText(goal, 'indicatorText')} />
        </p>
        <dl className={styles.facts}>
          <dt>{t('goal.baseline')}</dt>
          <dd>{measure(goal.baseline, goalText(goal, 'baselineText'), unit, fmt, t('goal.none'), (date) => t('goal.at', { date }))}</dd>
          <dt>{t('goal.target')}</dt>
          <dd>{measure(goal.target, goalText(goal, 'targetText'), unit, fmt, t('goal.none'), (date) => t('goal.at', { date }))}</dd>
          {goal.indicator.kind === 'quantitative' ? (
            <>
              <dt>{t('goal.latestValue')}</dt>
              <dd>
                {!checkIns
                  ? t('goal.loadingReports')
                  : ind.value !== undefined
                    ? `${fmt.number(ind.value)}${unit ? ` ${unit}` : ''} (${fmt.period(ind.period as string)})`
                    : t('goal.noValue')}
              </dd>
              {ind.progress ? (
                <>
                  <dt>{t('goal.progress')}</dt>
                  <dd>{t(ind.progress.reached ? 'goal.reached' : 'goal.towardTarget', { percent: fmt.percent(ind.progress.ratio, 0) })}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>

      <section className={surface.inset} aria-labelledby={`followups-${goal.key}`}>
        <Sub id={`followups-${goal.key}`} className={sectionClass}>
          {t('goal.openDecisions')}
        </Sub>
        {!reviews ? (
          <Caption1 className={styles.sub}>{t('goal.loadingDecisions')}</Caption1>
        ) : open.length === 0 ? (
          <Text>{t('goal.noOpenDecisions')}</Text>
        ) : (
          <ul className={styles.list}>
            {open.map((r) => {
              const status = followUpStatus(r.followUp, today);
              const mayMark = !large && onMarkDone && myGroups.includes(r.followUp.groupKey);
              return (
                <li key={r.key} className={styles.report}>
                  <p className={styles.narrative}>{r.text}</p>
                  <Text>
                    {t('goal.asked', { group: text(board.group(r.followUp.groupKey)?.name) || r.followUp.groupKey, date: fmt.date(r.meetingDate), ask: r.followUp.ask })}
                  </Text>
                  <Caption1 className={styles.sub}>{t(`goal.followUp.${status}`, { date: fmt.date(r.followUp.dueDate) })}</Caption1>
                  {mayMark ? (
                    <Button size="small" onClick={() => onMarkDone(r.key)} disabled={markingDone === r.key}>
                      {t('goal.markDone')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
