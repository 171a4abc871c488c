/**
 * Statuses across periods as stacked bars (one bar per period, one segment per level, worst at
 * the bottom), with the same numbers as a table one toggle away: the table is the text
 * alternative a screen reader user or a board memo needs, the chart is for the room.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { DataBarVertical20Regular, Table20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelOf, type StatusColor } from '../../../../domain/status-scale';
import type { Plan } from '../../../../domain/plan';
import { periodTick, useChartLocale, useLegendName } from '../../../components/chart-locale';
import { StatusChip } from '../../../components/status-chip';
import { useFormat, useText } from '../../../i18n/locale';
import { useTokenColors } from '../../../theme/use-token-colors';
import type { TrendPoint } from '../model';

const COLOR_TOKENS: Record<StatusColor | 'none', string> = {
  green: tokens.colorPaletteGreenBackground3,
  lightGreen: tokens.colorPaletteLightGreenBackground3,
  yellow: tokens.colorPaletteYellowBackground3,
  orange: tokens.colorPaletteDarkOrangeBackground3,
  red: tokens.colorPaletteRedBackground3,
  grey: tokens.colorNeutralForeground3,
  none: tokens.colorNeutralStroke1,
};

const useStyles = makeStyles({
  // Status labels are sentences ("Toteutuu osittain"), not titles: keep them as written.
  legendText: { textTransform: 'none' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  chart: { minHeight: '260px', margin: 0, color: tokens.colorNeutralForeground1 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'right' },
    '& th:first-child': { textAlign: 'left' },
    '& thead th': { verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold },
  },
  caption: { textAlign: 'left', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

export function TrendChart({ plan, points }: { plan: Plan; points: TrendPoint[] }) {
  const styles = useStyles();
  const { t } = useTranslation('dashboard');
  const text = useText();
  const fmt = useFormat();
  const chart = useChartLocale();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLElement>(null);
  useLegendName(ref);
  const headingId = useId();
  const colors = useTokenColors(ref, COLOR_TOKENS, String(asTable));

  const legendOf = (status: number | undefined) => {
    const level = status === undefined ? undefined : levelOf(plan.statusScale, status);
    return level ? text(level.label) : status === undefined ? t('status.none') : t('status.other', { value: status });
  };
  const colorOf = (status: number | undefined) => {
    const level = status === undefined ? undefined : levelOf(plan.statusScale, status);
    return colors?.[level ? level.color : 'none'];
  };

  const data: VerticalStackedChartProps[] = useMemo(
    () =>
      points.map((p) => ({
        xAxisPoint: periodTick(fmt.locale, p.period),
        chartData: p.counts.map((c) => ({ legend: legendOf(c.status), data: c.count, color: colorOf(c.status) })),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [points, colors, fmt, text],
  );
  const statuses = points[0]?.counts.map((c) => c.status) ?? [];
  const last = points[points.length - 1];
  const summary = last ? t('trend.summary', { period: fmt.period(last.period), list: fmt.list(last.counts.filter((c) => c.count > 0).map((c) => `${legendOf(c.status)} ${fmt.number(c.count)}`)) }) : '';

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {t('trend.title')}
        </h2>
        <Button
          appearance="subtle"
          icon={asTable ? <DataBarVertical20Regular /> : <Table20Regular />}
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          {t('trend.showTable')}
        </Button>
      </div>
      {asTable ? (
        <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t('trend.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trend.period')}</th>
                {statuses.map((s) => (
                  <th key={String(s)} scope="col">
                    <StatusChip scale={plan.statusScale} value={s} size="small" />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{fmt.period(p.period)}</th>
                  {p.counts.map((c) => (
                    <td key={String(c.status)}>{fmt.number(c.count)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <figure ref={ref} className={styles.chart}>
          <figcaption className={styles.srOnly}>{summary}</figcaption>
          {colors && points.length > 0 ? (
            <VerticalStackedBarChart
              data={data}
              height={260}
              barWidth="auto"
              maxBarWidth={40}
              yAxisTitle={t('trend.yAxis')}
              chartTitle={t('trend.title')}
              culture={chart.culture}
              wrapXAxisLables
              legendProps={{ ...chart.legendProps, styles: { text: styles.legendText } }}
            />
          ) : null}
        </figure>
      )}
      <Caption1 className={styles.note}>{t('trend.note')}</Caption1>
    </section>
  );
}
