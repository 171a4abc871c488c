/**
 * Local mode's sign-in: pick a demo user. Each is a real person in the demo data (group member,
 * leader, admin…), so every role can be tried in a plain browser.
 */
import { Avatar, Badge, Body1, Caption1, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { Target24Filled } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../domain/localized';
import { ErrorState, LoadingCards } from '../components/states';
import { useLocale } from '../i18n/locale';
import { fetchDemoUsers, type DemoUser, type LocalAuth } from '../auth/local-auth';

const useStyles = makeStyles({
  page: { maxWidth: '720px', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  intro: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  user: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  nameRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  desc: { color: tokens.colorNeutralForeground2 },
});

export function SignInPage({ auth }: { auth: LocalAuth }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const users = useQuery({ queryKey: ['local', 'users'], queryFn: () => fetchDemoUsers() });
  useEffect(() => {
    document.title = `${t('signIn.title')} – ${t('app.name')}`;
  }, [t]);

  const describe = (u: DemoUser) => (u.description.fi ? pickText({ fi: u.description.fi, ...u.description }, locale) : '');

  return (
    <main className={styles.page} id="main">
      <div className={styles.brand}>
        <Target24Filled aria-hidden="true" />
        <Text weight="semibold" size={400}>
          {t('app.name')}
        </Text>
      </div>
      <Title2 as="h1">{t('signIn.title')}</Title2>
      <Body1 className={styles.intro}>{t('signIn.intro')}</Body1>
      {users.isPending ? (
        <LoadingCards count={4} label={t('signIn.loading')} />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <ul className={styles.list} aria-label={t('signIn.listLabel')}>
          {users.data.map((u) => (
            <li key={u.id}>
              <button type="button" className={styles.user} onClick={() => auth.signIn(u)} data-user-id={u.id}>
                <Avatar name={u.name} color="colorful" size={40} aria-hidden="true" />
                <span className={styles.who}>
                  <span className={styles.nameRow}>
                    <Text weight="semibold">{t('signIn.as', { name: u.name })}</Text>
                    {u.roles.map((r) => (
                      <Badge key={r} appearance="tint" color={r === 'admin' ? 'important' : 'brand'} size="small">
                        {t(`role.${r}`, { defaultValue: r })}
                      </Badge>
                    ))}
                  </span>
                  {describe(u) ? <Caption1 className={styles.desc}>{describe(u)}</Caption1> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
