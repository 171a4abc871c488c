/**
 * A quantitative indicator over time: reported values as a line, baseline and target as flat
 * reference lines, and the latest progress (domain `progressOf`) as a bar with its number. The
 * same values are a table one toggle away (the chart's text alternative).
 */
import { Button, Caption1, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { DataLine20Regular, Table20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../domain/goal';
import { useChartLocale, useLegendName } from '../../../components/chart-locale';
import { useGoalText } from '../../../components/in-language';
import { useFormat } from '../../../i18n/locale';
import { useTokenColors } from '../../../theme/use-token-colors';
import type { IndicatorPoint } from '../model';

const srOnly = { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 } as const;

const useStyles = makeStyles({
  // Status labels are sentences ("Toteutuu osittain"), not titles: keep them as written.
  legendText: { textTransform: 'none' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, minHeight: '240px', color: tokens.colorNeutralForeground1 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '32rem' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'right' },
    '& th:first-child': { textAlign: 'left' },
  },
  caption: { textAlign: 'left', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  srOnly,
  note: { color: tokens.colorNeutralForeground2 },
});

const TOKENS = { value: tokens.colorBrandForeground1, baseline: tokens.colorNeutralForeground3, target: tokens.colorPaletteGreenForeground1 } as const;

const periodDate = (p: string) => new Date(`${p}-15T12:00:00Z`);

export function IndicatorChart({ goal, points }: { goal: Goal; points: IndicatorPoint[] }) {
  const styles = useStyles();
  const { t } = useTranslation('goal');
  const fmt = useFormat();
  const chart = useChartLocale();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useLegendName(ref);
  const colors = useTokenColors(ref, TOKENS, String(asTable));
  // The unit in the reader's language (Finnish when the goal has no translation of it), as the check-in form shows it.
  const unitText = useGoalText()(goal, 'indicatorUnit').text;
  const unit = unitText ? ` ${unitText}` : '';
  const num = (v: number) => `${fmt.number(v)}${unit}`;
  const latest = points[points.length - 1];

  const data = useMemo(() => {
    if (!colors || points.length === 0) return undefined;
    const first = periodDate(points[0]?.period as string);
    const last = periodDate(latest?.period as string);
    const flat = (y: number) => [
      { x: first, y },
      { x: last, y },
    ];
    const lines: LineChartPoints[] = [{ legend: t('indicator.values'), data: points.map((p) => ({ x: periodDate(p.period), y: p.value })), color: colors.value }];
    if (goal.baseline.value !== undefined) lines.push({ legend: t('indicator.baseline'), data: flat(goal.baseline.value), color: colors.baseline, lineOptions: { strokeDasharray: '4 4' } });
    if (goal.target.value !== undefined) lines.push({ legend: t('indicator.target'), data: flat(goal.target.value), color: colors.target, lineOptions: { strokeDasharray: '8 4' } });
    return { chartTitle: t('indicator.title'), lineChartData: lines };
  }, [colors, points, latest, goal.baseline.value, goal.target.value, t]);

  const ticks = useMemo(() => points.map((p) => periodDate(p.period)), [points]);

  // Start the axis near the data, not at zero, so a change from 664 to 753 is visible.
  const yMin = useMemo(() => {
    const ys = [...points.map((p) => p.value), goal.baseline.value, goal.target.value].filter((v): v is number => v !== undefined);
    if (ys.length === 0) return undefined;
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    const pad = (hi - lo) * 0.15 || Math.abs(lo) * 0.1 || 1;
    return lo >= 0 ? Math.max(0, Math.floor(lo - pad)) : Math.floor(lo - pad);
  }, [points, goal.baseline.value, goal.target.value]);

  const summary = latest
    ? t('indicator.summary', {
        value: num(latest.value),
        period: fmt.period(latest.period),
        baseline: goal.baseline.value !== undefined ? num(goal.baseline.value) : t('indicator.none'),
        target: goal.target.value !== undefined ? num(goal.target.value) : t('indicator.none'),
      })
    : '';

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {t('indicator.title')}
        </h2>
        {points.length > 0 ? (
          <Button appearance="subtle" icon={asTable ? <DataLine20Regular /> : <Table20Regular />} aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {t('indicator.showTable')}
          </Button>
        ) : null}
      </div>
      {latest?.progress ? (
        <div className={styles.progress}>
          <Text>
            {t(latest.progress.reached ? 'indicator.reached' : 'indicator.progress', { percent: fmt.percent(latest.progress.ratio, 0) })}
          </Text>
          <ProgressBar value={latest.progress.clamped} max={1} thickness="large" aria-label={t('indicator.progressLabel')} color={latest.progress.reached ? 'success' : 'brand'} />
        </div>
      ) : null}
      {points.length === 0 ? (
        <Text className={styles.note}>{t('indicator.noValues')}</Text>
      ) : asTable ? (
        <div role="region" tabIndex={0} aria-labelledby={headingId}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t('indicator.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicator.period')}</th>
                <th scope="col">{t('indicator.value')}</th>
                <th scope="col">{t('indicator.progressColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.baseline.value !== undefined ? (
                <tr>
                  <th scope="row">{t('indicator.baseline')}</th>
                  <td>{num(goal.baseline.value)}</td>
                  <td>{fmt.percent(0, 0)}</td>
                </tr>
              ) : null}
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{fmt.period(p.period)}</th>
                  <td>{num(p.value)}</td>
                  <td>{p.progress ? fmt.percent(p.progress.ratio, 0) : '–'}</td>
                </tr>
              ))}
              {goal.target.value !== undefined ? (
                <tr>
                  <th scope="row">{t('indicator.target')}</th>
                  <td>{num(goal.target.value)}</td>
                  <td>{fmt.percent(1, 0)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : (
        <figure ref={ref} className={styles.figure}>
          <figcaption className={styles.srOnly}>{summary}</figcaption>
          {data ? (
            <LineChart
              data={data}
              height={240}
              yMinValue={yMin}
              yAxisTitle={unitText || t('indicator.value')}
              culture={chart.culture}
              // One tick per reported month, named in the user's language; room on the right so the last one is not cut.
              tickValues={ticks}
              customDateTimeFormatter={chart.customDateTimeFormatter}
              margins={{ right: 48 }}
              legendProps={{ ...chart.legendProps, styles: { text: styles.legendText } }}
            />
          ) : null}
        </figure>
      )}
      {points.length > 0 ? <Caption1 className={styles.note}>{summary}</Caption1> : null}
    </section>
  );
}
