/**
 * The frame of a view: one h1 (focused on navigation so screen readers announce the view), an
 * optional back link and actions, and the document title kept in step.
 */
import { Link, makeStyles, mergeClasses, Subtitle2, Body1, Title2, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkProps } from '../routing/router';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1100px',
    width: '100%',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    boxSizing: 'border-box',
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  narrow: { maxWidth: '760px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // A goal's title may hold a word wider than a phone ("mielenterveysosaamista" at 400 px): it breaks.
  title: { margin: 0, overflowWrap: 'break-word', ':focus': { outline: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  subtitle: { color: tokens.colorNeutralForeground2 },
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, width: 'fit-content' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  const styles = useStyles();
  const link = useLinkProps(to);
  return (
    <Link {...link} className={styles.back}>
      <ArrowLeft16Regular aria-hidden="true" />
      {children}
    </Link>
  );
}

export function Page({
  title,
  eyebrow,
  subtitle,
  back,
  actions,
  narrow,
  titleLang,
  children,
}: {
  title: string;
  /** The title's language when it is not the page's (a goal title shown in its Finnish fallback). */
  titleLang?: string;
  eyebrow?: ReactNode;
  subtitle?: ReactNode;
  back?: ReactNode;
  actions?: ReactNode;
  narrow?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={mergeClasses(styles.page, narrow && styles.narrow)}>
      {back}
      <header className={styles.header}>
        <div className={styles.titles}>
          {eyebrow ? <Subtitle2 className={styles.subtitle}>{eyebrow}</Subtitle2> : null}
          <Title2 as="h1" className={styles.title} lang={titleLang}>
            {title}
          </Title2>
          {subtitle ? <Body1 className={styles.subtitle}>{subtitle}</Body1> : null}
        </div>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}
