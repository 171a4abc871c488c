/**
 * The top bar's tools: language, theme (plain browser only: in Teams the host decides) and the
 * current user, with "switch user" in local mode. A lazy chunk of the top bar (see top-bar.tsx).
 */
import { Avatar, Button, makeStyles, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Text, tokens } from '@fluentui/react-components';
import { DarkTheme20Regular, LocalLanguage20Regular, PersonSwap20Regular, SignOut20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/localized';
import { useAuth } from '../data';
import { useLocale } from '../i18n/locale';
import { THEME_NAMES, useTheme, type ThemeName } from '../theme/theme';

const useStyles = makeStyles({
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginLeft: 'auto' },
  userName: { maxWidth: '16ch', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', '@media (max-width: 600px)': { display: 'none' } },
});

const LANGUAGE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export default function TopBarTools() {
  const styles = useStyles();
  const { t } = useTranslation();
  const auth = useAuth();
  const { locale, setLocale, locales } = useLocale();
  const theme = useTheme();
  return (
    <div className={styles.tools}>
      <Menu
        checkedValues={{ language: [locale] }}
        onCheckedValueChange={(_, d) => {
          const l = d.checkedItems[0] as Locale | undefined;
          if (l) setLocale(l);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<LocalLanguage20Regular />} aria-label={t('language.choose', { code: locale.toUpperCase(), current: LANGUAGE_NAMES[locale] })}>
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
  );
}
