/**
 * The app: providers (i18n, theme, query cache), then boot (configuration, sign-in), then the
 * shell with the routed view. Start reading here.
 */
import { Body1, Button, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createServices, ServicesProvider, shouldRetry, useMe } from '../data';
import { loadConfig, type TabConfig } from '../data/config';
import { EmptyState, ErrorState, LoadingCards } from '../components/states';
import { Page } from '../components/page';
import type { Auth } from './auth/auth';
import { createLocalAuth, type LocalAuth } from './auth/local-auth';
import { SignInPage } from './auth/sign-in-page';
import { ErrorBoundary } from './error-boundary';
import type { HostContext } from './host';
import { BARE_ROUTES, REQUIRES, viewFor } from './routes';
import { cleanHostParams, navigate, pathFromSubPageId, paths, RouterProvider, useFocusOnRouteChange, useLinkProps, useRoute } from './router';
import { ThemeProvider } from './theme';
import { TopBar } from './top-bar';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true, gcTime: 10 * 60_000 },
      mutations: { retry: false },
    },
  });
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  main: { flexGrow: 1, display: 'flex', flexDirection: 'column', ':focus': { outline: 'none' } },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 100,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { top: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  footer: {
    display: 'flex',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  footerLink: { color: tokens.colorBrandForegroundLink, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  center: { display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: tokens.spacingVerticalM, minHeight: '60vh', padding: tokens.spacingHorizontalXL },
  loading: { maxWidth: '760px', width: '100%', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`, boxSizing: 'border-box' },
  boot: { maxWidth: '640px', margin: '0 auto', padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function ViewLoading() {
  const styles = useStyles();
  return (
    <div className={styles.loading}>
      <LoadingCards count={3} />
    </div>
  );
}

function NotAvailable({ kind }: { kind: 'notFound' | 'notAvailable' | 'forbidden' }) {
  const { t } = useTranslation();
  const home = useLinkProps(paths.myGoals());
  return (
    <Page title={t(`view.${kind}.title`)} narrow>
      <EmptyState
        title={t(`view.${kind}.heading`)}
        action={
          <Button as="a" appearance="primary" {...home}>
            {t('view.backHome')}
          </Button>
        }
      >
        {t(`view.${kind}.body`)}
      </EmptyState>
    </Page>
  );
}

function RoutedView() {
  const route = useRoute();
  const me = useMe();
  const { t } = useTranslation();
  const required = REQUIRES[route.name];
  if (required) {
    if (me.isPending) return <ViewLoading />;
    if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
    if (!me.data.roles.includes(required)) return <NotAvailable kind="forbidden" />;
  }
  const View = viewFor(route.name);
  if (!View) return <NotAvailable kind={route.name === 'notFound' ? 'notFound' : 'notAvailable'} />;
  return (
    <ErrorBoundary resetKey={route.href} fallback={(error, reset) => <Page title={t('error.viewTitle')} narrow><ErrorState error={error} onRetry={reset} /></Page>}>
      <Suspense fallback={<ViewLoading />}>
        <View />
      </Suspense>
    </ErrorBoundary>
  );
}

function Shell({ host }: { host: HostContext }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const a11y = useLinkProps(paths.accessibility());
  useFocusOnRouteChange(mainRef, route.href);
  const bare = BARE_ROUTES.includes(route.name) || host.frameContext === 'settings' || host.frameContext === 'remove';
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('nav.skipToContent')}
      </a>
      {bare ? null : <TopBar />}
      <main id="main" ref={mainRef} className={styles.main} tabIndex={-1}>
        <RoutedView />
      </main>
      {bare ? null : (
        <footer className={styles.footer}>
          <a {...a11y} className={styles.footerLink}>
            {t('footer.accessibility')}
          </a>
        </footer>
      )}
    </div>
  );
}

/** Local auth changes user in place; re-render (and drop the previous user's cache) when it does. */
function useAuthUser(auth: Auth) {
  const local = auth.mode === 'local' ? (auth as LocalAuth) : null;
  const sub = useMemo(() => (local ? local.subscribe.bind(local) : () => () => undefined), [local]);
  return useSyncExternalStore(sub, () => auth.user?.id ?? null);
}

function SignedIn({ config, auth, host }: { config: TabConfig; auth: Auth; host: HostContext }) {
  const qc = useQueryClient();
  const userId = useAuthUser(auth);
  const services = useMemo(() => createServices(config, auth, host), [config, auth, host, userId]); // eslint-disable-line react-hooks/exhaustive-deps
  const previous = useRef(userId);
  useEffect(() => {
    if (previous.current !== userId) qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'local' });
    previous.current = userId;
  }, [userId, qc]);
  if (!userId && auth.mode === 'local') return <SignInPage auth={auth as LocalAuth} />;
  return (
    <ServicesProvider services={services}>
      <RouterProvider>
        <Shell host={host} />
      </RouterProvider>
    </ServicesProvider>
  );
}

type BootState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; config: TabConfig; auth: Auth };

function Boot({ host }: { host: HostContext }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<BootState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const config = await loadConfig();
      const auth: Auth = config.mode === 'local' ? createLocalAuth() : await (await import('./auth/teams-auth')).createTeamsAuth(config, host);
      return { config, auth };
    })().then(
      ({ config, auth }) => !cancelled && setState({ status: 'ready', config, auth }),
      (error: unknown) => !cancelled && setState({ status: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [host, attempt]);

  useEffect(() => {
    // Deep links: Teams passes the in-app target as subPageId; the settings frame is the config page.
    const target = host.frameContext === 'settings' ? paths.config() : pathFromSubPageId(host.subPageId);
    cleanHostParams();
    if (target) navigate(target, { replace: true });
  }, [host]);

  if (state.status === 'loading') {
    return (
      <div className={styles.center}>
        <Spinner label={t('state.starting')} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <main className={styles.boot} id="main">
        <Title2 as="h1">{t('app.name')}</Title2>
        <Body1>{t('state.startFailed')}</Body1>
        <ErrorState error={state.error} onRetry={() => setAttempt((a) => a + 1)} />
      </main>
    );
  }
  return <SignedIn config={state.config} auth={state.auth} host={host} />;
}

export function App({ host, i18n, queryClient }: { host: HostContext; i18n: I18n; queryClient?: QueryClient }): ReactNode {
  const client = useMemo(() => queryClient ?? createQueryClient(), [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider host={host}>
        <QueryClientProvider client={client}>
          <Suspense fallback={null}>
            <Boot host={host} />
          </Suspense>
        </QueryClientProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}
