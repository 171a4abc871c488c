/**
 * Someone else saved first: their saved version and mine side by side, field by field, with the
 * differing fields marked in words (and tinted), the ones I changed marked too. The admin takes
 * theirs, or re-applies their changes plus mine and saves again — nothing is overwritten silently.
 */
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Switch, tokens } from '@fluentui/react-components';
import { ArrowReset20Regular, ArrowSync20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../../../i18n/locale';
import { diffVersions, type Leaf } from '../model';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  wrap: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
      whiteSpace: 'pre-wrap',
    },
    '& thead th': { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  },
  fieldCol: { width: '24%' },
  caption: { textAlign: 'left', paddingBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  marks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** A label per field path: "Title (Swedish)", "Indicator: unit". */
export function useFieldLabel(): (path: string) => string {
  const { t } = useTranslation('admin');
  return (path) => {
    const parts = path.split('.');
    const last = parts[parts.length - 1] as string;
    if (['fi', 'sv', 'en'].includes(last) && parts.length > 1) return `${t(`field.${parts.slice(0, -1).join('_')}`)} (${t(`lang.${last}`)})`;
    return t(`field.${parts.join('_')}`);
  };
}

function Value({ v }: { v: Leaf }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const text = useText();
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return <span className={styles.empty}>{t('conflict.empty')}</span>;
  if (Array.isArray(v)) {
    const item = (x: unknown): string => {
      if (x && typeof x === 'object') {
        const o = x as { name?: unknown; label?: { fi: string }; value?: unknown };
        if (typeof o.name === 'string') return o.name;
        if (o.label) return `${String(o.value)} ${text(o.label)}`;
        return JSON.stringify(x);
      }
      return String(x);
    };
    return <>{v.map(item).join(', ')}</>;
  }
  if (typeof v === 'boolean') return <>{t(v ? 'conflict.yes' : 'conflict.no')}</>;
  return <>{String(v)}</>;
}

export function ConflictView<T>({ base, mine, theirs, onTakeTheirs, onReapply }: { base: T; mine: T; theirs: T; onTakeTheirs(): void; onReapply(): void }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const label = useFieldLabel();
  const titleId = useId();
  const [all, setAll] = useState(false);
  const diffs = diffVersions(base, mine, theirs);
  const differing = diffs.filter((d) => d.differs);
  const shown = all ? diffs : differing;
  return (
    <section className={styles.root} aria-labelledby={titleId} role="region">
      <h2 id={titleId} className={styles.title} tabIndex={-1}>
        {t('conflict.title')}
      </h2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('conflict.lead', { count: differing.length })}</MessageBarTitle>
          {t('conflict.body')}
        </MessageBarBody>
      </MessageBar>
      <Switch checked={all} onChange={(_, d) => setAll(d.checked)} label={t('conflict.showAll')} />
      <div className={styles.wrap}>
        <table className={styles.table}>
          <caption className={styles.caption}>{t('conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.fieldCol}>
                {t('conflict.field')}
              </th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.path} className={d.differs ? styles.differs : undefined}>
                <th scope="row">
                  {label(d.path)}
                  {d.differs || d.changedByMe ? (
                    <div className={styles.marks}>
                      {d.differs ? (
                        <Badge appearance="filled" color="warning" size="small">
                          {t('conflict.differs')}
                        </Badge>
                      ) : null}
                      {d.changedByMe ? (
                        <Badge appearance="outline" color="brand" size="small">
                          {t('conflict.changedByMe')}
                        </Badge>
                      ) : null}
                      {d.bothChanged ? (
                        <Badge appearance="outline" color="danger" size="small">
                          {t('conflict.bothChanged')}
                        </Badge>
                      ) : null}
                    </div>
                  ) : null}
                </th>
                <td>
                  <Value v={d.theirs} />
                </td>
                <td>
                  <Value v={d.mine} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowSync20Regular />} onClick={onReapply}>
          {t('conflict.reapply')}
        </Button>
        <Button icon={<ArrowReset20Regular />} onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </Button>
      </div>
    </section>
  );
}
