/**
 * The one route table. Every view is one entry: its URL pattern, the feature folder whose
 * `route.tsx` shows it, the query parameters it reads, and how the shell frames it. Route names,
 * URL building and matching (`paths.ts`) and the lazy views (`app/views.ts`) are derived from it,
 * so adding a view is one entry here plus its folder under `features/`.
 *
 * Patterns: literal segments, `:name` for one segment (decoded into `params.name`), and a final
 * `*` for "this path and anything under it" (the rest, still URL-encoded, in `params.rest`).
 * Entries are matched in the order written.
 */
export interface RouteDef {
  path: string;
  /** Folder under `features/` whose `route.tsx` default-exports the view. */
  feature: string;
  /** Query parameters the view reads (the builders in `paths` accept only these). */
  query?: readonly string[];
  /** Who may open the view (the server still decides on every write). */
  requires?: 'admin';
  /** Shown without the app's top bar and footer: Teams' own chrome surrounds it. */
  bare?: boolean;
  /**
   * Readable without signing in: the Teams manifest links these (`websiteUrl`, `privacyUrl`,
   * `termsOfUseUrl`) and people open them before installing, often where no sign-in is possible.
   * Such views use no data.
   */
  public?: boolean;
  /**
   * i18n catalogs the view reads on its first screen besides its feature's own (`my-goals` →
   * `myGoals`): loaded with the language at start, so the view does not suspend for its texts
   * after its data arrived (React then holds the reveal back up to 300 ms).
   */
  namespaces?: readonly string[];
  /**
   * The boards the first screen reads, so they are asked for before React renders (data/first-
   * reads.ts): `chosenPlan`, the plan in `?plan=` or else the default plan (`defaultPlan`);
   * `activePlans`, every plan My goals shows (`activePlans`). Without it only `/api/me` and the
   * plans are read ahead.
   */
  firstBoards?: 'chosenPlan' | 'activePlans';
  /**
   * The first screen shows what review decisions ask of the user's groups: their follow-ups are
   * asked for as soon as `/api/me` names the groups, beside the boards, not after the view drew.
   */
  firstFollowUps?: boolean;
}

export const ROUTES = {
  myGoals: { path: '/', feature: 'my-goals', namespaces: ['followUp'], firstBoards: 'activePlans', firstFollowUps: true },
  checkIn: { path: '/check-in/:goalKey', feature: 'check-in', query: ['period', 'unit'] },
  dashboard: { path: '/dashboard', feature: 'dashboard', query: ['plan', 'period', 'theme', 'group', 'unit', 'status', 'overdue', 'sort', 'q'], namespaces: ['report'], firstBoards: 'chosenPlan' },
  goal: { path: '/goals/:key', feature: 'goal', query: ['period', 'unit'] },
  review: { path: '/review', feature: 'review', query: ['plan', 'period', 'group', 'order', 'meeting'], firstBoards: 'chosenPlan' },
  reviewStage: { path: '/review/stage', feature: 'review', query: ['meeting'], bare: true },
  admin: { path: '/admin/*', feature: 'admin', query: ['plan'], requires: 'admin' },
  config: { path: '/config', feature: 'config', bare: true },
  accessibility: { path: '/accessibility', feature: 'accessibility', public: true },
  // One feature, two documents: the view picks the privacy notice or the terms by route name.
  privacy: { path: '/privacy', feature: 'legal', public: true },
  terms: { path: '/terms', feature: 'legal', public: true },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;

type Segments<P extends string> = P extends `${infer A}/${infer B}` ? Segments<A> | Segments<B> : P;
type ParamName<S> = S extends `:${infer K}` ? K : never;
type PathOf<N extends RouteName> = (typeof ROUTES)[N]['path'];

/** The path parameters of a route, from its pattern: `/goals/:key` → `{ key: string }`. */
export type ParamsOf<N extends RouteName> = { [K in ParamName<Segments<PathOf<N>>>]: string } & (PathOf<N> extends `${string}/*` ? { rest?: string } : unknown);

/** The query a route's builder accepts: its declared parameters, each optional. */
export type QueryOf<N extends RouteName> = (typeof ROUTES)[N] extends { query: readonly (infer Q extends string)[] } ? { [K in Q]?: string | undefined } : Record<never, never>;

export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** The table entry for a matched route name; none for `notFound`. */
export function routeDef(name: RouteName | 'notFound'): RouteDef | undefined {
  return name === 'notFound' ? undefined : ROUTES[name];
}
