/**
 * "Showing data from your last visit – updating…": while the view shows queries restored from the
 * persisted cache (data/persisted-cache.ts) that are not yet revalidated. A polite live region
 * that is always there, so a screen reader hears the text come and go; empty once fresh.
 */
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useIsRestoring, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/** When this page started: data updated before it came from the persisted cache. */
const PAGE_STARTED_AT = typeof performance === 'undefined' ? Date.now() : performance.timeOrigin;

/**
 * True while a query someone is looking at shows data from before this page started and that
 * data is stale by the query's own `staleTime` (so it is being, or is to be, read again). Data
 * still fresh by that policy (plans, `/api/me`: five minutes) is not flagged.
 */
export function showsCachedData(qc: QueryClient, since: number = PAGE_STARTED_AT): boolean {
  return qc
    .getQueryCache()
    .getAll()
    .some((q) => q.getObserversCount() > 0 && q.state.data !== undefined && q.state.dataUpdatedAt < since && q.isStale());
}

const useStyles = makeStyles({
  notice: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: 'center',
  },
});

export function CachedDataNotice() {
  const styles = useStyles();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const restoring = useIsRestoring();
  const subscribe = useCallback((onChange: () => void) => qc.getQueryCache().subscribe(onChange), [qc]);
  const cached = useSyncExternalStore(subscribe, () => !restoring && showsCachedData(qc));
  return (
    <div role="status" aria-live="polite" data-testid="cached-data-notice">
      {cached ? (
        <div className={styles.notice}>
          <Spinner size="extra-tiny" aria-hidden="true" />
          <span>{t('state.fromCache')}</span>
        </div>
      ) : null}
    </div>
  );
}
