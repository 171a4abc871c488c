import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { InvalidRow } from '../../ports';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The columns an unreadable row's issues name (the adapter writes "… (column Indicator)"), else their paths. */
function columnsOf(row: InvalidRow): string {
  const names = row.issues.map((i) => /\(column ([^)]+)\)/.exec(i.message)?.[1] ?? i.path);
  return [...new Set(names)].join(', ');
}

/**
 * List items someone edited by hand into a shape the app cannot read are left out of the board
 * (graph/mapping.ts); without a word here their goals would just be missing. Names each one by its
 * list, item id and the columns at fault, which is what the person fixing it in SharePoint needs.
 * Any view showing a board can put it above its content (the dashboard does).
 */
export function UnreadableItems({ rows }: { rows: readonly InvalidRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="unreadable-items">
      <MessageBarBody>
        <MessageBarTitle>{t('unreadableItems.title', { count: rows.length })}</MessageBarTitle>
        {t('unreadableItems.body', { count: rows.length })}
        <ul className={styles.list}>
          {rows.map((r) => (
            <li key={`${r.list}:${r.itemId}`}>{t('unreadableItems.item', { list: r.list, id: r.itemId, columns: columnsOf(r) })}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
