/**
 * The app: providers (i18n, theme, query cache), then boot (configuration, sign-in), then the
 * shell with the routed view. Start reading here.
 */
import { Body1, Button, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createServices, ServicesProvider, shouldRetry, useMe, type Services } from '../data';
import { startFirstReads } from '../data/first-reads';
import { takeConfig, type TabConfig } from '../data/config';
import { forgetPersistedCache, persistOptionsFor, preloadPersistedCache, willRestore } from '../data/persisted-cache';
import { SaveWhenRestored } from '../data/save-when-restored';
import { EmptyState, ErrorState, LoadingCards } from '../components/states';
import { Page } from '../components/page';
import { requestToken, storedLocalTokens, storedLocalUserId, type Auth } from '../auth/auth';
import type { LocalAuth } from '../auth/local-auth';
import type { HostContext } from '../host/host';
import { matchRoute, paths } from '../routing/paths';
import { routeDef } from '../routing/route-table';
import { navigate, RouterProvider, useLinkProps, useRoute } from '../routing/router';
import { ThemeProvider } from '../theme/theme';
import { cleanHostParams, pathFromSubPageId } from './deep-link';
import { ErrorBoundary } from './error-boundary';
import { useFocusOnRouteChange } from './focus-on-route-change';
import { viewFor } from './views';
import { languageOf, LANGUAGES, rememberLanguage } from '../i18n';
import { LanguageProvider } from '../i18n/locale';
import type { Locale } from '../../domain/localized';
import { TopBar } from './top-bar';
import { CachedDataNotice } from './cached-data-notice';

// Local mode's demo-user picker (and zod, which checks the demo users) is not part of the shell:
// in Teams it is never shown, and locally it loads while the configuration does.
const SignInPage = lazy(() => import('./sign-in-page').then((m) => ({ default: m.SignInPage })));

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
    // Three links side by side are wider than a phone in Swedish: they wrap, the page stays 400 px.
    flexWrap: 'wrap',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  publicBar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  publicBrand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground1, marginRight: 'auto' },
  languages: { display: 'flex', gap: tokens.spacingHorizontalXS },
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

/** Shows its children only to users with the role (needs the signed-in services for `/api/me`). */
function RoleGate({ role, children }: { role: 'admin'; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <ViewLoading />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.roles.includes(role)) return <NotAvailable kind="forbidden" />;
  return children;
}

function RoutedView() {
  const route = useRoute();
  const required = routeDef(route.name)?.requires;
  return required ? (
    <RoleGate role={required}>
      <View />
    </RoleGate>
  ) : (
    <View />
  );
}

function View() {
  const route = useRoute();
  const { t } = useTranslation();
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

function FooterLink({ to, children }: { to: string; children: string }) {
  const styles = useStyles();
  const link = useLinkProps(to);
  return (
    <a {...link} className={styles.footerLink}>
      {children}
    </a>
  );
}

/** Before sign-in (public views only): the app's name and a language choice, no user or navigation. */
function PublicBar() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const locale = languageOf(i18n.resolvedLanguage ?? i18n.language);
  const setLocale = (l: Locale) => {
    rememberLanguage(l);
    void i18n.changeLanguage(l);
  };
  return (
    <header className={styles.publicBar}>
      <span className={styles.publicBrand}>{t('app.name')}</span>
      <div role="group" aria-label={t('language.label')} className={styles.languages}>
        {LANGUAGES.map((l) => (
          <Button key={l} size="small" appearance={l === locale ? 'primary' : 'subtle'} aria-pressed={l === locale} lang={l} onClick={() => setLocale(l)}>
            {LANGUAGE_NAMES[l]}
          </Button>
        ))}
      </div>
    </header>
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** The frame around every view. `signedIn` false: a public view before (or without) sign-in. */
function Shell({ host, signedIn = true }: { host: HostContext; signedIn?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  // A new view, not a new query of the same one: changing a filter or the service area of a
  // check-in replaces the query, and focus must stay on the control the person is using.
  useFocusOnRouteChange(mainRef, route.href.split('?')[0] ?? route.href);
  const bare = routeDef(route.name)?.bare === true || host.frameContext === 'settings' || host.frameContext === 'remove';
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('nav.skipToContent')}
      </a>
      {bare ? null : signedIn ? <TopBar /> : <PublicBar />}
      <main id="main" ref={mainRef} className={styles.main} tabIndex={-1}>
        {signedIn ? <CachedDataNotice /> : null}
        <RoutedView />
      </main>
      {bare ? null : (
        <footer className={styles.footer}>
          <FooterLink to={paths.accessibility()}>{t('footer.accessibility')}</FooterLink>
          <FooterLink to={paths.privacy()}>{t('footer.privacy')}</FooterLink>
          <FooterLink to={paths.terms()}>{t('footer.terms')}</FooterLink>
        </footer>
      )}
    </div>
  );
}

/**
 * Local auth changes user in place; re-render when it does. The previous user's cached queries are
 * dropped in the auth listener itself, before React renders the next user's view: dropping them in
 * an effect after that render would also destroy the queries the new view has just started, and
 * leave it loading for ever.
 */
function useAuthUser(auth: Auth, qc: QueryClient) {
  const local = auth.mode === 'local' ? (auth as LocalAuth) : null;
  const sub = useMemo(() => {
    if (!local) return () => () => undefined;
    return (onChange: () => void) => {
      let last = local.user?.id ?? null;
      return local.subscribe(() => {
        const next = local.user?.id ?? null;
        if (next !== last) {
          last = next;
          void qc.cancelQueries({ predicate: (q) => q.queryKey[0] !== 'local' });
          qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'local' });
        }
        onChange();
      });
    };
  }, [local, qc]);
  return useSyncExternalStore(sub, () => auth.user?.id ?? null);
}

function SignedIn({ config, auth, host }: { config: TabConfig; auth: Auth; host: HostContext }) {
  const qc = useQueryClient();
  const userId = useAuthUser(auth, qc);
  const services = useMemo(() => servicesFor(config, auth, host, userId), [config, auth, host, userId]);
  // A page opened on an editor (admin) reads fresh: its form starts from the values it shows, and
  // fresh data arriving after the admin began typing would not be in it.
  const route = useRoute();
  const editsFirst = useRef(routeDef(route.name)?.requires === 'admin').current;
  const persistOptions = useMemo(() => (userId ? persistOptionsFor(userId, { restore: !editsFirst }) : null), [userId, editsFirst]);
  if (!userId && auth.mode === 'local') {
    return (
      <Suspense fallback={<Starting />}>
        <SignInPage auth={auth as LocalAuth} />
      </Suspense>
    );
  }
  const shell = (
    <ServicesProvider services={services}>
      <Shell host={host} />
    </ServicesProvider>
  );
  if (!userId || !persistOptions) return shell;
  // This user's cached queries from the last visit first (shown at once, marked as possibly
  // stale until revalidated), then saved as they change. One provider per user: a switch of
  // user restores the next user's own cache, never the previous one's.
  return (
    // Saved once as the restore ends too (SaveWhenRestored): reads that finished before the
    // provider subscribes (the first reads, main.tsx) change nothing afterwards that would save them.
    <PersistQueryClientProvider key={userId} client={qc} persistOptions={persistOptions}>
      <SaveWhenRestored client={qc} options={persistOptions} />
      {shell}
    </PersistQueryClientProvider>
  );
}

/** Signing out deletes the user's persisted cache; nothing of theirs is written after it. */
function forgettingCacheOnSignOut<A extends Auth>(auth: A): A {
  const signOut = auth.signOut.bind(auth);
  auth.signOut = () => {
    const id = auth.user?.id;
    if (id) void forgetPersistedCache(id);
    signOut();
  };
  return auth;
}

let localSignIn: { userId: string; auth: Promise<LocalAuth> } | undefined;

/**
 * A demo user remembered in this browser tab means local mode: its sign-in (the chunk, the token)
 * and that user's persisted cache can start alongside `/config.json` (main.tsx calls this first
 * thing). Teams sign-in needs the config's app ids, so it waits for them.
 */
export function prestartSignIn(): void {
  const userId = storedLocalUserId();
  if (!userId || localSignIn?.userId === userId) return;
  // The token request leaves now, ahead of the view's chunks in the browser's connection queue,
  // and is handed to the local sign-in once its chunk has loaded — unless this browser tab kept
  // tokens from an earlier page that still have a while to live (a reload, as with MSAL's cache).
  const response = storedLocalTokens(userId) ? undefined : requestToken(userId);
  response?.catch(() => undefined); // the sign-in reports a failure where the token is needed
  const auth = import('../auth/local-auth').then((m) => {
    if (!response) return m.createLocalAuth();
    const a = m.createLocalAuth({ early: { userId, response } });
    void a.getApiToken().catch(() => undefined); // a failure shows where the token is needed
    return a;
  });
  auth.catch(() => undefined);
  localSignIn = { userId, auth };
  preloadPersistedCache(userId);
}

/** Configuration and sign-in, as parallel as their dependencies allow (see `prestartSignIn`). */
async function bootstrap(host: HostContext): Promise<{ config: TabConfig; auth: Auth }> {
  prestartSignIn();
  const early = localSignIn;
  localSignIn = undefined; // a retry, or a later sign-in, starts afresh
  if (!early && host.user?.id) preloadPersistedCache(host.user.id);
  // In Teams, MSAL downloads while the config (which names the app to sign in to) is fetched.
  const teamsAuth = host.kind === 'teams' ? import('../auth/teams-auth') : undefined;
  teamsAuth?.then((m) => m.preloadMsal(), () => undefined);
  const config = await takeConfig();
  let auth: Auth;
  if (config.mode === 'local') {
    const local = await (early?.auth ?? import('../auth/local-auth').then((m) => m.createLocalAuth()));
    local.useKey(config.localKeyId);
    auth = local;
  } else auth = await (await (teamsAuth ?? import('../auth/teams-auth'))).createTeamsAuth(config, host);
  return { config, auth: forgettingCacheOnSignOut(auth) };
}

let firstBoot: { host: HostContext; boot: Promise<{ config: TabConfig; auth: Auth }> } | undefined;

function takeFirstBoot(host: HostContext): Promise<{ config: TabConfig; auth: Auth }> | undefined {
  const first = firstBoot?.host === host ? firstBoot.boot : undefined;
  firstBoot = undefined;
  return first;
}

let lastServices: { config: TabConfig; auth: Auth; host: HostContext; userId: string | null; services: Services } | undefined;

/** One set of services per configuration, sign-in and user: the first reads' and the views' are the same. */
function servicesFor(config: TabConfig, auth: Auth, host: HostContext, userId: string | null): Services {
  const l = lastServices;
  if (l && l.config === config && l.auth === auth && l.host === host && l.userId === userId) return l.services;
  const services = createServices(config, auth, host);
  lastServices = { config, auth, host, userId, services };
  return services;
}

/**
 * Called by main.tsx before React renders: starts the configuration and sign-in (which `Boot`
 * then takes), and on a cold start the first view's reads into `qc` (data/first-reads.ts), so
 * they overlap the view's chunks instead of following its first render.
 */
export function startFirstView(host: HostContext, qc: QueryClient): void {
  const route = matchRoute(window.location.pathname, window.location.search);
  const def = routeDef(route.name);
  if (def?.public) return;
  const boot = bootstrap(host);
  boot.catch(() => undefined); // Boot shows the failure
  firstBoot = { host, boot };
  void boot.then(async ({ config, auth }) => {
    const userId = auth.user?.id;
    if (!userId) return;
    // An editor reads fresh (see SignedIn); elsewhere a cache from the last visit is shown instead.
    if (def?.requires !== 'admin' && (await willRestore(userId))) return;
    const plan = route.query.get('plan');
    await startFirstReads(qc, servicesFor(config, auth, host, userId), { ...(def?.firstBoards ? { boards: def.firstBoards } : {}), ...(plan ? { plan } : {}), ...(def?.firstFollowUps ? { followUps: true } : {}) });
  }, () => undefined);
}

type BootState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; config: TabConfig; auth: Auth };

function Starting() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.center}>
      <Spinner label={t('state.starting')} />
    </div>
  );
}

function Boot({ host }: { host: HostContext }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<BootState>({ status: 'loading' });
  // Public views (privacy, terms, accessibility) need no sign-in; it starts when the user first
  // goes anywhere else, and then stays (a signed-in user keeps the full shell on public views).
  const isPublic = routeDef(route.name)?.public === true;
  const [signInWanted, setSignInWanted] = useState(!isPublic);
  if (!isPublic && !signInWanted) setSignInWanted(true);

  useEffect(() => {
    if (!signInWanted) return;
    let cancelled = false;
    setState({ status: 'loading' });
    // The first attempt takes the start main.tsx made (`startFirstView`); a retry starts afresh.
    const started = attempt === 0 ? takeFirstBoot(host) : undefined;
    (started ?? bootstrap(host)).then(
      ({ config, auth }) => !cancelled && setState({ status: 'ready', config, auth }),
      (error: unknown) => !cancelled && setState({ status: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [host, attempt, signInWanted]);

  useEffect(() => {
    // Deep links: Teams passes the in-app target as subPageId; the settings frame is the config page.
    const target = host.frameContext === 'settings' ? paths.config() : pathFromSubPageId(host.subPageId);
    cleanHostParams();
    if (target) navigate(target, { replace: true });
  }, [host]);

  if (!signInWanted) return <Shell host={host} signedIn={false} />;
  if (state.status === 'loading') return <Starting />;
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
    <LanguageProvider i18n={i18n}>
      <ThemeProvider host={host}>
        <QueryClientProvider client={client}>
          <Suspense fallback={null}>
            <RouterProvider>
              <Boot host={host} />
            </RouterProvider>
          </Suspense>
        </QueryClientProvider>
      </ThemeProvider>
    </LanguageProvider>
  );
}
