/**
 * The check-in history of a goal, one timeline per unit, newest first. Narratives are what people
 * typed: rendered as a plain string child (React escapes it) with line breaks kept by CSS — never
 * as HTML or markdown, so `<img onerror>` or `[link](…)` shows as the characters written.
 */
import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { History24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { OVERALL } from '../../../../domain/goal';
import type { Plan } from '../../../../domain/plan';
import { EmptyState } from '../../../components/states';
import { StatusChip } from '../../../components/status-chip';
import { useFormat, useLocale } from '../../../i18n/locale';
import type { UnitHistory } from '../model';

const useStyles = makeStyles({
  units: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 30rem), 1fr))' },
  unit: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  unitTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    marginLeft: tokens.spacingHorizontalS,
    '::before': {
      content: '""',
      position: 'absolute',
      left: `calc(-1 * ${tokens.spacingHorizontalS} + -1px)`,
      top: tokens.spacingVerticalM,
      width: tokens.spacingHorizontalM,
      height: tokens.spacingHorizontalM,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
      boxSizing: 'border-box',
    },
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  period: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  narrative: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  value: { color: tokens.colorNeutralForeground2 },
  none: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', marginLeft: tokens.spacingHorizontalS },
});

export function CheckInTimeline({ plan, history, unitName, indicatorUnit }: { plan: Plan; history: UnitHistory[]; unitName(k: string): string; indicatorUnit?: string }) {
  const styles = useStyles();
  const { t } = useTranslation('goal');
  const fmt = useFormat();
  // A narrative stays in the language it was written in (the plan's, for one from before that was recorded).
  const { locale } = useLocale();
  if (history.every((h) => h.checkIns.length === 0)) {
    return (
      <EmptyState icon={<History24Regular />} title={t('history.empty.title')}>
        {t('history.empty.body')}
      </EmptyState>
    );
  }
  return (
    <div className={styles.units}>
      {history.map((h) => {
        const id = `history-${h.unit === OVERALL ? 'overall' : h.unit}`;
        return (
          <section key={h.unit} className={styles.unit} aria-labelledby={id}>
            <h3 id={id} className={styles.unitTitle}>
              {h.unit === OVERALL ? t('history.overall') : unitName(h.unit)}
            </h3>
            {h.checkIns.length === 0 ? (
              <Text className={styles.none}>{t('history.noneForUnit')}</Text>
            ) : (
              <ol className={styles.list} aria-label={t('history.listLabel', { unit: h.unit === OVERALL ? t('history.overall') : unitName(h.unit) })}>
                {h.checkIns.map((c) => (
                  <li key={c.key} className={styles.item}>
                    <div className={styles.head}>
                      <Text className={styles.period}>{fmt.period(c.period)}</Text>
                      <StatusChip scale={plan.statusScale} value={c.status} size="small" />
                    </div>
                    <Caption1 className={styles.meta}>
                      {t('history.by', { name: c.author.name })} · <time dateTime={c.submittedAt}>{fmt.dateTime(c.submittedAt)}</time>
                    </Caption1>
                    {c.indicatorValue !== undefined ? (
                      <Caption1 className={styles.value}>
                        {t('history.value', { value: `${fmt.number(c.indicatorValue)}${indicatorUnit ? ` ${indicatorUnit}` : ''}` })}
                      </Caption1>
                    ) : null}
                    <p className={styles.narrative} lang={(c.language ?? plan.language) !== locale ? (c.language ?? plan.language) : undefined}>
                      {c.narrative}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
