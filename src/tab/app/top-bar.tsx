/**
 * The app's top bar: navigation to the views this user may use, language, theme (plain browser
 * only: in Teams the host decides) and the current user, with "switch user" in local mode.
 */
import {
  Avatar,
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Board20Regular, DarkTheme20Regular, Home20Regular, LocalLanguage20Regular, PersonSwap20Regular, Settings20Regular, SignOut20Regular, Target24Filled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/localized';
import { useAuth, useMe } from '../data';
import { useLocale } from '../i18n/locale';
import { preloadView } from './routes';
import { paths, useLinkProps, useRoute, type RouteName } from './router';
import { THEME_NAMES, useTheme, type ThemeName } from './theme';

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
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginLeft: 'auto' },
  userName: { maxWidth: '16ch', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', '@media (max-width: 600px)': { display: 'none' } },
});

function NavLink({ to, route, current, icon, children }: { to: string; route: RouteName; current: boolean; icon: ReactElement; children: string }) {
  const styles = useStyles();
  const link = useLinkProps(to);
  return (
    <a
      {...link}
      className={[styles.navLink, current ? styles.current : ''].join(' ')}
      aria-current={current ? 'page' : undefined}
      onMouseEnter={() => preloadView(route)}
      onFocus={() => preloadView(route)}
    >
      <span aria-hidden="true">{icon}</span>
      {children}
    </a>
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function TopBar() {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const auth = useAuth();
  const me = useMe();
  const { locale, setLocale, locales } = useLocale();
  const theme = useTheme();
  const brand = useLinkProps(paths.myGoals());
  const isAdmin = me.data?.roles.includes('admin') ?? false;

  const items: { route: RouteName; to: string; label: string; icon: ReactElement }[] = [
    { route: 'myGoals', to: paths.myGoals(), label: t('nav.myGoals'), icon: <Home20Regular /> },
    { route: 'dashboard', to: paths.dashboard(), label: t('nav.dashboard'), icon: <Board20Regular /> },
    ...(isAdmin ? [{ route: 'admin' as const, to: paths.admin(), label: t('nav.admin'), icon: <Settings20Regular /> }] : []),
  ];
  const currentSection: RouteName = route.name === 'checkIn' ? 'myGoals' : route.name === 'goal' ? 'dashboard' : route.name;

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
      <div className={styles.tools}>
        <Menu
          checkedValues={{ language: [locale] }}
          onCheckedValueChange={(_, d) => {
            const l = d.checkedItems[0] as Locale | undefined;
            if (l) setLocale(l);
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<LocalLanguage20Regular />} aria-label={t('language.choose', { current: LANGUAGE_NAMES[locale] })}>
              {locale.toUpperCase()}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {locales.map((l) => (
                <MenuItemRadio key={l} name="language" value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        {theme.switchable ? (
          <Menu
            checkedValues={{ theme: [theme.theme] }}
            onCheckedValueChange={(_, d) => {
              const v = d.checkedItems[0] as ThemeName | undefined;
              if (v) theme.setTheme(v);
            }}
          >
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="subtle" icon={<DarkTheme20Regular />} aria-label={t('theme.choose', { current: t(`theme.${theme.theme}`) })} />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {THEME_NAMES.map((n) => (
                  <MenuItemRadio key={n} name="theme" value={n}>
                    {t(`theme.${n}`)}
                  </MenuItemRadio>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        ) : null}
        {auth.user ? (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="subtle" aria-label={t('user.menu', { name: auth.user.name })} icon={<Avatar name={auth.user.name} size={24} color="colorful" aria-hidden="true" />}>
                <Text className={styles.userName}>{auth.user.name}</Text>
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuGroup>
                  <MenuGroupHeader>{auth.user.upn}</MenuGroupHeader>
                </MenuGroup>
                <MenuDivider />
                {auth.mode === 'local' ? (
                  <MenuItem icon={<PersonSwap20Regular />} onClick={() => auth.signOut()}>
                    {t('user.switch')}
                  </MenuItem>
                ) : (
                  <MenuItem icon={<SignOut20Regular />} onClick={() => auth.signOut()}>
                    {t('user.signOut')}
                  </MenuItem>
                )}
              </MenuList>
            </MenuPopover>
          </Menu>
        ) : null}
      </div>
    </header>
  );
}
