/**
 * The dashboard's controls: plan and period (what is shown), then filters, sort and search (which
 * goals). Native selects through Fluent's `Select`: keyboard and screen reader behaviour for free,
 * and every change goes straight into the URL so the view can be shared as a link.
 */
import { Button, Checkbox, Field, makeStyles, mergeClasses, SearchBox, Select, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Group, Unit } from '../../../../domain/organisation';
import type { Plan } from '../../../../domain/plan';
import { levelsWorstFirst } from '../../../../domain/status-scale';
import { orderThemes, type Theme } from '../../../../domain/theme';
import { useFormat, useText } from '../../../i18n/locale';
import { useSurfaceStyles } from '../../../components/surface';
import type { DashboardQuery, SortOrder } from '../model';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  // A native select is as wide as its longest option (a theme's full title): the columns decide
  // instead, so no filter runs over its neighbour or out of the card, and the card never out of the page.
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 11rem), 1fr))',
    alignItems: 'end',
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { width: '100%', minWidth: 0, maxWidth: '100%' },
    '& label': { overflowWrap: 'anywhere' },
  },
  wide: { gridColumn: 'span 2', '@media (max-width: 600px)': { gridColumn: '1 / -1' } },
  bottom: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { flexGrow: 1, minWidth: 'min(100%, 14rem)', maxWidth: '28rem' },
});

export interface FilterProps {
  query: DashboardQuery;
  plans: Plan[];
  plan: Plan;
  periods: string[];
  period: string;
  themes: readonly Theme[];
  groups: readonly Group[];
  units: readonly Unit[];
  unitKeys: readonly string[];
  search: string;
  onSearch(v: string): void;
  onChange(patch: Partial<DashboardQuery>): void;
  onClear(): void;
}

export function DashboardFilters(p: FilterProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('dashboard');
  const text = useText();
  const fmt = useFormat();
  const q = p.query;
  const ordered = orderThemes(p.themes);
  const depth = (th: Theme) => {
    let d = 0;
    let cur: Theme | undefined = th;
    while (cur?.parentKey && d < 5) {
      cur = p.themes.find((x) => x.key === cur?.parentKey);
      d++;
    }
    return d;
  };
  const filtered = !!(q.theme || q.group || q.unit || q.status !== undefined || q.overdue || q.q.trim());
  return (
    <section className={mergeClasses(surface.card, styles.root)} aria-label={t('filters.label')}>
      <div className={styles.row}>
        {p.plans.length > 1 ? (
          <Field label={t('filters.plan')} className={styles.wide}>
            <Select value={p.plan.key} onChange={(_, d) => p.onChange({ plan: d.value, period: undefined, theme: undefined })}>
              {p.plans.map((pl) => (
                <option key={pl.key} value={pl.key}>
                  {text(pl.title)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={t('filters.period')}>
          <Select value={p.period} onChange={(_, d) => p.onChange({ period: d.value })}>
            {[...p.periods].reverse().map((per) => (
              <option key={per} value={per}>
                {fmt.period(per)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filters.theme')} className={styles.wide}>
          <Select value={q.theme ?? ''} onChange={(_, d) => p.onChange({ theme: d.value || undefined })}>
            <option value="">{t('filters.allThemes')}</option>
            {ordered.map((th) => (
              <option key={th.key} value={th.key}>
                {`${'\u00a0\u00a0'.repeat(depth(th))}${th.code} ${text(th.title)}`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filters.group')} className={styles.wide}>
          <Select value={q.group ?? ''} onChange={(_, d) => p.onChange({ group: d.value || undefined })}>
            <option value="">{t('filters.allGroups')}</option>
            {p.groups.map((g) => (
              <option key={g.key} value={g.key}>
                {text(g.name)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filters.unit')}>
          <Select value={q.unit ?? ''} onChange={(_, d) => p.onChange({ unit: d.value || undefined })}>
            <option value="">{t('filters.allUnits')}</option>
            {p.unitKeys.map((k) => (
              <option key={k} value={k}>
                {text(p.units.find((u) => u.key === k)?.name) || k}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filters.status')}>
          <Select value={q.status ?? ''} onChange={(_, d) => p.onChange({ status: d.value || undefined })}>
            <option value="">{t('filters.allStatuses')}</option>
            {levelsWorstFirst(p.plan.statusScale).map((l) => (
              <option key={l.value} value={String(l.value)}>
                {text(l.label)}
              </option>
            ))}
            <option value="none">{t('status.none')}</option>
          </Select>
        </Field>
        <Field label={t('filters.sort')}>
          <Select value={q.sort} onChange={(_, d) => p.onChange({ sort: d.value as SortOrder })}>
            <option value="theme">{t('sort.theme')}</option>
            <option value="worst">{t('sort.worst')}</option>
          </Select>
        </Field>
      </div>
      <div className={styles.bottom}>
        <SearchBox
          className={styles.search}
          aria-label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={p.search}
          onChange={(_, d) => p.onSearch(d.value)}
        />
        <Checkbox label={t('filters.overdue')} checked={q.overdue} onChange={(_, d) => p.onChange({ overdue: d.checked === true })} />
        {filtered ? (
          <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={p.onClear}>
            {t('filters.clear')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
