/**
 * What every chart of the tab needs to speak the user's language, not the browser's: the chart
 * library formats dates and numbers with the browser's locale (a Swedish user on a Finnish laptop
 * saw "tammi 2021") and names hidden legends in English ("+3 more"). Charts spread these props.
 */
import { useEffect, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/localized';
import { TIME_ZONE } from '../format';
import { useLocale } from '../i18n/locale';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "syys 2021", "sep. 2021", "Sept 2021": a month tick, short enough for a narrow pane. */
export function monthTickFormatter(locale: Locale): (d: Date) => string {
  const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, month: 'short', year: 'numeric' });
  return (d) => f.format(d);
}

/** A `YYYY-MM` period as its month tick ("syys 2021"). */
export function periodTick(locale: Locale, period: string): string {
  const d = new Date(`${period}-15T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? period : monthTickFormatter(locale)(d);
}

export interface ChartLocale {
  /** The Intl locale the chart formats its numbers with. */
  culture: string;
  /** Month ticks on a date axis, in the user's language. */
  customDateTimeFormatter: (d: Date) => string;
  /** Legends wrap onto more lines instead of hiding behind an English overflow button. */
  legendProps: { enabledWrapLines: true; overflowText: string };
}

export function useChartLocale(): ChartLocale {
  const { locale } = useLocale();
  const { t } = useTranslation('common');
  return useMemo(
    () => ({
      culture: INTL_LOCALE[locale],
      customDateTimeFormatter: monthTickFormatter(locale),
      legendProps: { enabledWrapLines: true, overflowText: t('chart.moreLegends') },
    }),
    [locale, t],
  );
}

/**
 * The chart library names its legend list "Legends" in English whatever the page's language, with
 * no prop to change it: this names it in the user's language, and again whenever the chart
 * re-renders it (a MutationObserver on the chart's figure, set up again after each render, as the
 * figure is replaced when the reader switches between the chart and its table).
 */
export function useLegendName(figure: RefObject<HTMLElement | null>): void {
  const { t } = useTranslation('common');
  const name = t('chart.legends');
  useEffect(() => {
    const root = figure.current;
    if (!root) return;
    const rename = () => {
      for (const el of root.querySelectorAll('[aria-label="Legends"]')) el.setAttribute('aria-label', name);
    };
    rename();
    const observer = new MutationObserver(rename);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }); // after every render: the figure comes and goes (chart or table view)
}
