/**
 * Where the tab runs: inside a Teams (or Microsoft 365) host, or in a plain browser.
 *
 * Detection must never hang: in a plain browser `app.initialize()` waits forever for a host that
 * is not there. So we look first (a top-level window without the `inTeams` hint is a browser, and
 * teams-js is not even downloaded), and when we do initialize we race it against a short timeout.
 */
import type * as TeamsJs from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface HostContext {
  kind: 'teams' | 'browser';
  /** BCP-47 tag from Teams (`fi-fi`), or the browser's preferred language. */
  locale?: string;
  theme?: TeamsTheme;
  /** Teams user, for MSAL's loginHint and account matching. */
  user?: { id?: string; upn?: string; tenantId?: string; loginHint?: string };
  /** content, settings, sidePanel, meetingStage, … */
  frameContext?: string;
  /** Deep-link target within the app (`pages.navigateToApp({ subPageId })`). */
  subPageId?: string;
  channel?: { id?: string; name?: string };
  team?: { groupId?: string; name?: string };
  meetingId?: string;
  /** The Teams meeting the tab runs in and what it may put on the meeting stage; absent outside a meeting. */
  meeting?: MeetingHost;
  /** Subscribes to host theme changes; returns an unsubscribe. A no-op in the browser. */
  onThemeChange(handler: (theme: TeamsTheme) => void): () => void;
  /** The initialized teams-js module (Teams only), for the channel-tab config page and deep links. */
  teams?: typeof TeamsJs;
}

/**
 * A meeting's side panel or stage, behind our own interface (teams-js stays here). Sharing works
 * only in the side panel and on the stage, and only with the manifest's RSC permissions
 * (`ChannelMeetingStage.Write.Group`, `MeetingStage.Write.Chat`): `canShareToStage` asks Teams.
 */
export interface MeetingHost {
  id: string;
  /** The meeting's chat (`context.chat.id`): the bot posts the review's summary there. */
  chatId?: string;
  /** Whether this user may share the app to the stage here (false on any error: hide the action). */
  canShareToStage(): Promise<boolean>;
  /** Puts `url` (an origin in the manifest's validDomains) on the meeting stage for everyone. */
  shareToStage(url: string): Promise<void>;
}

export const TEAMS_INIT_TIMEOUT_MS = 4000;

function meetingHost(teams: typeof TeamsJs, id: string, chatId: string | undefined): MeetingHost {
  return {
    id,
    ...(chatId ? { chatId } : {}),
    canShareToStage: () =>
      new Promise<boolean>((resolve) => {
        try {
          teams.meeting.getAppContentStageSharingCapabilities((err, caps) => resolve(!err && !!caps?.doesAppHaveSharePermission));
        } catch {
          resolve(false); // outside sidePanel / meetingStage teams-js throws
        }
      }),
    shareToStage: (url) =>
      new Promise<void>((resolve, reject) => {
        teams.meeting.shareAppContentToStage((err, ok) => (err || !ok ? reject(new Error(err?.message ?? 'Sharing to the stage failed')) : resolve()), url);
      }),
  };
}

const browserHost = (locale?: string): HostContext => ({
  kind: 'browser',
  ...(locale ? { locale } : {}),
  onThemeChange: () => () => undefined,
});

/** Whether it is worth trying teams-js at all: we are framed or a popup, or the URL says so. */
export function mightBeInTeams(win: Window = window): boolean {
  const hint = new URLSearchParams(win.location.search).get('inTeams');
  if (hint === '0' || hint === 'false') return false;
  if (hint !== null) return true;
  let framed = false;
  try {
    framed = win.parent !== win || win.opener != null;
  } catch {
    framed = true; // cross-origin access threw: we are framed by another origin
  }
  return framed;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`teams-js did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const normaliseTheme = (t: string | undefined): TeamsTheme => (t === 'dark' || t === 'contrast' ? t : 'default');

export async function detectHost(opts: { timeoutMs?: number; win?: Window } = {}): Promise<HostContext> {
  const win = opts.win ?? window;
  const browserLocale = win.navigator?.language;
  if (!mightBeInTeams(win)) return browserHost(browserLocale);
  try {
    const teams = await import('@microsoft/teams-js');
    await withTimeout(teams.app.initialize(), opts.timeoutMs ?? TEAMS_INIT_TIMEOUT_MS);
    const ctx = await withTimeout(teams.app.getContext(), opts.timeoutMs ?? TEAMS_INIT_TIMEOUT_MS);
    const handlers = new Set<(t: TeamsTheme) => void>();
    teams.app.registerOnThemeChangeHandler((t) => handlers.forEach((h) => h(normaliseTheme(t))));
    return {
      kind: 'teams',
      locale: ctx.app.locale,
      theme: normaliseTheme(ctx.app.theme),
      user: {
        ...(ctx.user?.id ? { id: ctx.user.id } : {}),
        ...(ctx.user?.userPrincipalName ? { upn: ctx.user.userPrincipalName } : {}),
        ...(ctx.user?.tenant?.id ? { tenantId: ctx.user.tenant.id } : {}),
        ...(ctx.user?.loginHint ? { loginHint: ctx.user.loginHint } : {}),
      },
      frameContext: ctx.page.frameContext,
      ...(ctx.page.subPageId ? { subPageId: ctx.page.subPageId } : {}),
      ...(ctx.channel ? { channel: { id: ctx.channel.id, name: ctx.channel.displayName } } : {}),
      ...(ctx.team ? { team: { groupId: ctx.team.groupId, name: ctx.team.displayName } } : {}),
      ...(ctx.meeting?.id ? { meetingId: ctx.meeting.id, meeting: meetingHost(teams, ctx.meeting.id, ctx.chat?.id) } : {}),
      onThemeChange(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      teams,
    };
  } catch {
    // Framed by something that is not Teams (a preview pane, an e2e harness): behave as a browser.
    return browserHost(browserLocale);
  }
}
