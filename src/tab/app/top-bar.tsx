/**
 * The app's top bar: navigation to the views this user may use, then the tools (language, theme in
 * a plain browser, the current user). The tools are menus (Fluent Menu, positioning, Avatar) that
 * nobody needs before the first view is on screen, so they are a lazy chunk, loaded alongside the
 * view; until then a placeholder of the same size keeps the layout still.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Board20Regular, Home20Regular, Settings20Regular, Target24Filled } from '@fluentui/react-icons';
import { lazy, Suspense, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../data';
import { paths } from '../routing/paths';
import type { RouteName } from '../routing/route-table';
import { useLinkProps, useRoute } from '../routing/router';
import { preloadView } from './views';

const TopBarTools = lazy(() => import('./top-bar-tools'));

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    textDecoration: 'none',
    marginRight: tokens.spacingHorizontalS,
  },
  brandIcon: { color: tokens.colorBrandForeground1 },
  nav: { flexGrow: 1, minWidth: 0 },
  navList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0 },
  navLink: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid transparent`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: {
    color: tokens.colorNeutralForeground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    borderBottomWidth: tokens.strokeWidthThick,
  },
  /** Holds the tools' place (three 32px buttons) until their chunk has loaded. */
  toolsPlaceholder: { marginLeft: 'auto', minWidth: '140px', height: '32px' },
});

function NavLink({ to, route, current, icon, children }: { to: string; route: RouteName; current: boolean; icon: ReactElement; children: string }) {
  const styles = useStyles();
  const link = useLinkProps(to);
  return (
    <a
      {...link}
      className={mergeClasses(styles.navLink, current && styles.current)}
      aria-current={current ? 'page' : undefined}
      onMouseEnter={() => void preloadView(route)}
      onFocus={() => void preloadView(route)}
    >
      <span aria-hidden="true">{icon}</span>
      {children}
    </a>
  );
}

export function TopBar() {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const me = useMe();
  const brand = useLinkProps(paths.myGoals());
  const isAdmin = me.data?.roles.includes('admin') ?? false;

  const items: { route: RouteName; to: string; label: string; icon: ReactElement }[] = [
    { route: 'myGoals', to: paths.myGoals(), label: t('nav.myGoals'), icon: <Home20Regular /> },
    { route: 'dashboard', to: paths.dashboard(), label: t('nav.dashboard'), icon: <Board20Regular /> },
    ...(isAdmin ? [{ route: 'admin' as const, to: paths.admin(), label: t('nav.admin'), icon: <Settings20Regular /> }] : []),
  ];
  const currentSection: RouteName | 'notFound' = route.name === 'checkIn' ? 'myGoals' : route.name === 'goal' ? 'dashboard' : route.name;

  return (
    <header className={styles.bar}>
      <a {...brand} className={styles.brand}>
        <Target24Filled className={styles.brandIcon} aria-hidden="true" />
        <span>{t('app.name')}</span>
      </a>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <ul className={styles.navList}>
          {items.map((i) => (
            <li key={i.route}>
              <NavLink to={i.to} route={i.route} current={currentSection === i.route} icon={i.icon}>
                {i.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<div className={styles.toolsPlaceholder} aria-hidden="true" />}>
        <TopBarTools />
      </Suspense>
    </header>
  );
}
