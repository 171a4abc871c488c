/**
 * Designed loading, empty and error states. Loading is a skeleton in the shape of what comes, with
 * a polite live announcement; errors say what happened in the user's words and offer a retry;
 * technical details stay folded away (never a stack trace).
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../data/api';

const useStyles = makeStyles({
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
  },
  emptyIcon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
  details: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Skeleton rows shaped like goal cards. */
export function LoadingCards({ count = 3, label }: { count?: number; label?: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.skeleton} aria-busy="true">
      <span role="status" className={styles.srOnly}>
        {label ?? t('state.loading')}
      </span>
      <Skeleton aria-hidden="true" className={styles.skeleton}>
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className={styles.card}>
            <SkeletonItem shape="rectangle" size={20} style={{ width: '60%' }} />
            <SkeletonItem shape="rectangle" size={24} style={{ width: '120px' }} />
            <SkeletonItem shape="rectangle" size={12} style={{ width: '85%' }} />
            <span />
            <SkeletonItem shape="rectangle" size={12} style={{ width: '40%' }} />
            <SkeletonItem shape="rectangle" size={32} style={{ width: '110px' }} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.empty} aria-label={title}>
      {icon ? (
        <span className={styles.emptyIcon} aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children ? <Body1>{children}</Body1> : null}
      {action}
    </section>
  );
}

/** The error's kind in the user's words (the catalogs hold one message per kind). */
export function errorKind(error: unknown): 'network' | 'forbidden' | 'notFound' | 'throttled' | 'unavailable' | 'signedOut' | 'invalid' | 'conflict' | 'tooLarge' | 'unreadable' | 'generic' {
  if (error instanceof ApiError) {
    if (error.code === 'network') return 'network';
    if (error.code === 'invalid') return 'invalid';
    if (error.code === 'conflict' || error.code === 'stale') return 'conflict';
    if (error.status === 413 || error.serverCode === 'tooLarge') return 'tooLarge';
    if (error.code === 'forbidden') return 'forbidden';
    if (error.code === 'unauthorized') return 'signedOut';
    if (error.code === 'notFound') return 'notFound';
    if (error.code === 'throttled') return 'throttled';
    if (error.code === 'unavailable') return 'unavailable';
    return 'generic';
  }
  const kind = (error as { kind?: string; reason?: string; name?: string } | null) ?? {};
  if (kind.kind === 'NotFound') return 'notFound';
  if (kind.kind === 'Forbidden') return 'forbidden';
  if (kind.kind === 'Throttled') return 'throttled';
  if (kind.kind === 'Unavailable') return 'unavailable';
  // A read's Invalid: the list item itself is in a shape the app cannot read (edited by hand in
  // SharePoint). Trying again will not help; someone has to correct the item.
  if (kind.kind === 'Invalid') return 'unreadable';
  if (kind.name === 'AuthError') return 'signedOut';
  if (error instanceof TypeError) return 'network';
  return 'generic';
}

export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const kind = errorKind(error);
  // The server's own message is English, for logs: the details name the answer, not its words.
  const detail = error instanceof ApiError ? [error.status ? `HTTP ${error.status}` : '', error.serverCode ?? error.code].filter(Boolean).join(' · ') : error instanceof Error ? error.message : undefined;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t(`error.${kind}.title`)}</MessageBarTitle>
        {t(`error.${kind}.body`)}
        {detail ? (
          <details className={styles.details}>
            <summary>
              <Caption1>{t('error.details')}</Caption1>
            </summary>
            <Caption1>{detail}</Caption1>
          </details>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button icon={<ArrowClockwise16Regular />} onClick={onRetry}>
            {t('action.retry')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/**
 * The retry of a view that waits on several queries: any of them may have failed, so all are
 * fetched again (a query that had succeeded answers from its fresh data at no cost to the user).
 */
export function refetchAll(...queries: readonly { refetch(): Promise<unknown> }[]): () => void {
  return () => {
    for (const q of queries) void q.refetch();
  };
}

export { useStyles as useStateStyles };
