/**
 * Themes → goals × units as a real table: column headers for the units, a row header per goal,
 * a row-group header per theme, so a screen reader announces "Varhaiskasvatus, Goal 3: Partially
 * realised" while moving through cells. Unit cells show the chip's icon (shape + colour, label as
 * its accessible name and tooltip); the overall column shows the full label.
 */
import { Caption1, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Clock12Regular, History16Regular } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OVERALL } from '../../../../domain/goal';
import type { Plan } from '../../../../domain/plan';
import type { Theme } from '../../../../domain/theme';
import type { Unit } from '../../../../domain/organisation';
import { paths } from '../../../routing/paths';
import { useLinkProps } from '../../../routing/router';
import { InLanguage, useGoalText } from '../../../components/in-language';
import { StatusChip } from '../../../components/status-chip';
import { useGridArrowKeys } from '../../../components/grid-arrow-keys';
import { useSurfaceStyles } from '../../../components/surface';
import { useFormat, useText } from '../../../i18n/locale';
import type { Cell, Row } from '../model';

const srOnly = { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 } as const;

const useStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    // The containing block of the visually hidden names in the cells: without it they sit outside
    // this scroller and widen the page (790 px at 400 px).
    position: 'relative',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { ...srOnly },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  goalHead: { textAlign: 'left', paddingLeft: tokens.spacingHorizontalM, minWidth: '18rem' },
  themeRow: { backgroundColor: tokens.colorNeutralBackground3 },
  themeHead: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  themeCode: { color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalS },
  row: { ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  rowHead: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  goalLink: { fontWeight: tokens.fontWeightSemibold },
  goalMeta: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
  overdue: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cell: {
    textAlign: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'middle',
    whiteSpace: 'nowrap',
  },
  overallCell: { textAlign: 'left', paddingLeft: tokens.spacingHorizontalS },
  cellInner: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  mark: { display: 'inline-flex', color: tokens.colorNeutralForeground2 },
  markOverdue: { display: 'inline-flex', color: tokens.colorPaletteRedForeground1 },
  na: { color: tokens.colorNeutralForeground3 },
  srOnly,
});

/** The matrix's texts: asked once for the table (`useTranslation` per cell made hundreds of subscriptions). */
type MatrixT = TFunction<'dashboard'>;

function UnitCell({ plan, cell, unitName, t }: { plan: Plan; cell: Cell | undefined; unitName: string; t: MatrixT }) {
  const styles = useStyles();
  const fmt = useFormat();
  if (!cell) {
    return (
      <td className={styles.cell}>
        <span aria-hidden="true" className={styles.na}>
          –
        </span>
        <span className={styles.srOnly}>{t('matrix.notApplicable', { unit: unitName })}</span>
      </td>
    );
  }
  const older = cell.stale;
  return (
    <td className={styles.cell}>
      <span className={styles.cellInner}>
        <StatusChip scale={plan.statusScale} value={cell.status} size="small" iconOnly focusable />
        {older ? (
          <span className={styles.mark} title={t('matrix.from', { period: fmt.period(cell.reportedFor as string) })}>
            <History16Regular aria-hidden="true" />
            <span className={styles.srOnly}>{t('matrix.from', { period: fmt.period(cell.reportedFor as string) })}</span>
          </span>
        ) : null}
        {cell.due === 'overdue' ? (
          <span className={styles.markOverdue} title={t('matrix.overdue')}>
            <Clock12Regular aria-hidden="true" />
            <span className={styles.srOnly}>{t('matrix.overdue')}</span>
          </span>
        ) : null}
      </span>
    </td>
  );
}

function GoalRow({ row, plan, columns, period, unitName, t }: { row: Row; plan: Plan; columns: string[]; period: string; unitName: (k: string) => string; t: MatrixT }) {
  const styles = useStyles();
  const link = useLinkProps(paths.goal({ key: row.goal.key }, { period }));
  const overall = row.cells.get(OVERALL);
  const goalText = useGoalText();
  return (
    <tr className={styles.row}>
      <th scope="row" className={styles.rowHead}>
        <Link {...link} className={styles.goalLink}>
          {row.goal.code ? `${row.goal.code} ` : ''}
          <InLanguage value={goalText(row.goal)} />
        </Link>
        {row.overdueSlots > 0 || (overall && overall.due === 'overdue') ? (
          <div className={styles.goalMeta}>
            <Caption1 className={styles.overdue}>
              <Clock12Regular aria-hidden="true" />
              {t('matrix.overdueCount', { count: row.overdueSlots })}
            </Caption1>
          </div>
        ) : null}
      </th>
      <td className={mergeClasses(styles.cell, styles.overallCell)}>
        <StatusChip scale={plan.statusScale} value={row.overall} size="small" />
      </td>
      {columns.map((unit) => (
        <UnitCell key={unit} plan={plan} cell={row.goal.units.length === 0 ? undefined : row.cells.get(unit)} unitName={unitName(unit)} t={t} />
      ))}
    </tr>
  );
}

export interface MatrixSection {
  theme: Theme | undefined;
  rows: Row[];
}

export function StatusMatrix({
  plan,
  sections,
  columns,
  units,
  period,
  caption,
}: {
  plan: Plan;
  /** One section per theme, or a single untitled section when sorted worst first. */
  sections: MatrixSection[];
  columns: string[];
  units: readonly Unit[];
  period: string;
  caption: string;
}) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('dashboard');
  const text = useText();
  const unitName = (k: string) => text(units.find((u) => u.key === k)?.name) || k;
  const span = columns.length + 2;
  // One Tab stop for the whole table; the arrow keys move between its links and status cells.
  const arrows = useGridArrowKeys();
  return (
    <div className={mergeClasses(surface.surface, styles.wrap)} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table} {...arrows}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.colHead, styles.goalHead)}>
              {t('matrix.goal')}
            </th>
            <th scope="col" className={mergeClasses(styles.colHead, styles.overallCell)}>
              {t('matrix.overall')}
            </th>
            {columns.map((u) => (
              <th key={u} scope="col" className={styles.colHead} title={unitName(u)}>
                <span aria-hidden="true">{u}</span>
                <span className={styles.srOnly}>{unitName(u)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {sections.map((s, i) => (
          <tbody key={s.theme?.key ?? `section-${i}`}>
            {s.theme || sections.length > 1 ? (
              <tr className={styles.themeRow}>
                <th scope="rowgroup" colSpan={span} className={styles.themeHead}>
                  {s.theme ? (
                    <>
                      <span className={styles.themeCode}>{s.theme.code}</span>
                      {text(s.theme.title)}
                    </>
                  ) : (
                    t('matrix.noTheme')
                  )}
                </th>
              </tr>
            ) : null}
            {s.rows.map((r) => (
              <GoalRow key={r.goal.key} row={r} plan={plan} columns={columns} period={period} unitName={unitName} t={t} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
