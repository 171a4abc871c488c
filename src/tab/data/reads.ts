/**
 * Reads from SharePoint through the Graph adapter (`src/graph`), with the user's delegated token.
 * The adapter (and graph-client) is loaded on the first read, not with the shell, so the first
 * paint needs none of it. A plan board is one `$batch`; afterwards the Goals list is refreshed
 * incrementally with Graph delta (only what changed), which is where statuses move.
 */
import type { CheckIn, MeetingSession, Plan, Review } from '../../domain';
import type { DeltaCache, ListIds } from '../../graph/browser';
import type { BoardReader, CheckInQuery, ListResult, PlanBoard, ReadOnlyRepository, Versioned } from '../../ports';
import type { Goal } from '../../domain';

export interface Reads {
  plans(): Promise<ListResult<Plan>>;
  /**
   * The board of a plan. With `previous` (the cached board) and a primed delta cache, only the
   * goals that changed are fetched; themes, groups and units are kept. A `previous` from an
   * earlier visit (the persisted cache) resumes from its `goalsDeltaLink`: one delta request when
   * nothing changed; a link too old for Graph (410) falls back to a full read.
   */
  board(planKey: string, previous?: CachedBoard): Promise<CachedBoard>;
  /**
   * Starts tracking goal changes (delta from now) without waiting for a board read, so that first
   * read does not wait on it. Not when a persisted board will resume from its own link.
   */
  startGoalTracking(): void;
  /** The next `board()` of every plan reads everything again, not just delta. */
  forceFullBoard(): void;
  checkIns(q: CheckInQuery): Promise<ListResult<CheckIn>>;
  /** One goal by key (throws NotFound). */
  goal(key: string): Promise<Versioned<Goal>>;
  reviews(goalKey: string): Promise<ListResult<Review>>;
  /** The review notes whose follow-up asks something of a development group (indexed FollowUpGroupKey). */
  groupFollowUps(groupKey: string): Promise<ListResult<Review>>;
  /** A review meeting's session (the presenter's position), or undefined before it is started. */
  meetingSession(meetingId: string): Promise<Versioned<MeetingSession> | undefined>;
}

/**
 * A board with the goals' delta link it is current at, so it can be resumed after a reload, and
 * when it was last read in full (epoch ms): delta brings goals only, so its themes, groups and units
 * are as old as that read.
 */
export type CachedBoard = PlanBoard & { goalsDeltaLink?: string; fullReadAt?: number };

/**
 * A board from an earlier visit resumes delta only if it was read in full this recently; older, it
 * is read in full again, so a reload never shows themes, groups or units older than this.
 */
export const RESUME_WITHIN_MS = 10 * 60_000;

export interface ReadsOptions {
  graphBaseUrl: string;
  siteId: string;
  /** Known list ids (from `/config.json`): no lookup by name for these. */
  listIds?: ListIds;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

/**
 * Starts downloading the Graph adapter (and zod, which it validates rows with) without waiting
 * for the first read: called once a user is signed in, so the download overlaps the token and
 * `/api/me` requests and the view's own chunk instead of following them.
 */
export function preloadGraphAdapter(): void {
  void import('../../graph/browser').catch(() => undefined); // a failure surfaces on the first read
}

export function createReads(opts: ReadsOptions): Reads {
  type Loaded = {
    reader: BoardReader;
    /** Read-only: the tab's delegated token reads the site; every write goes through the command API. */
    repo: ReadOnlyRepository;
    goalsDelta: DeltaCache<Goal>;
  };
  let loaded: Promise<Loaded> | undefined;
  const load = (): Promise<Loaded> =>
    (loaded ??= import('../../graph/browser').then((g) => {
      const client = g.createGraphClient({
        baseUrl: opts.graphBaseUrl,
        getToken: opts.getToken,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        retry: { maxRetries: 3, delaySeconds: 2, maxDelaySeconds: 30 },
      });
      const lists = g.createSiteLists(client, opts.siteId, opts.listIds);
      return {
        reader: g.createBoardReader({ client, siteId: opts.siteId, lists }),
        repo: g.createGraphRepository({ client, siteId: opts.siteId, lists }),
        goalsDelta: g.createDeltaCache({ client, siteId: opts.siteId, entity: 'goal', lists }),
      };
    }).catch((e: unknown) => {
      loaded = undefined;
      throw e;
    }));

  // Goals are tracked with delta from a token taken just BEFORE the first full board read (one
  // small request, not a second read of every goal); each full board then seeds the cache.
  let primed: Promise<boolean> | undefined;
  // Generation counter: a board read before the last forceFullBoard() is read again in full.
  let generation = 0;
  const readAt = new Map<string, number>();
  const prime = (l: Loaded): Promise<boolean> =>
    (primed ??= l.goalsDelta.startAtLatest().then(
      () => true,
      () => {
        primed = undefined; // no delta this time: full reads until it works
        return false;
      },
    ));

  const fromDelta = (l: Loaded, planKey: string, previous: CachedBoard): CachedBoard => {
    const goals: Versioned<Goal>[] = l.goalsDelta.items().filter((g) => g.value.planKey === planKey);
    // Bad rows from the full read stay reported until delta brings a valid version of them.
    const valid = new Set(goals.map((g) => g.itemId));
    const fromDeltaRows = l.goalsDelta.invalid();
    const seen = new Set(fromDeltaRows.map((r) => r.itemId));
    const kept = previous.invalid.filter((r) => r.list !== 'Goals' || (!valid.has(r.itemId) && !seen.has(r.itemId)));
    const link = l.goalsDelta.deltaLink;
    return { ...previous, goals, invalid: [...kept, ...fromDeltaRows], ...(link ? { goalsDeltaLink: link } : {}) };
  };

  // A board from an earlier visit: changes since its link, instead of a full read. Undefined when
  // that does not work out (the link expired: 410; or any other failure): then the caller reads
  // in full, with delta tracking started afresh — no error for the user.
  const resume = async (l: Loaded, planKey: string, previous: CachedBoard, link: string): Promise<CachedBoard | undefined> => {
    const at = generation;
    l.goalsDelta.resumeFrom(link);
    l.goalsDelta.seed(previous.goals);
    primed = Promise.resolve(true);
    try {
      const changes = await l.goalsDelta.refresh();
      // After a 410 the cache enumerated the list afresh: goals are current, the rest of the
      // board may not be. Read it in full; tracking continues from the fresh link.
      if (changes.full) return undefined;
    } catch {
      l.goalsDelta.restart();
      primed = undefined;
      return undefined;
    }
    readAt.set(planKey, at);
    return fromDelta(l, planKey, previous);
  };

  return {
    async plans() {
      return (await load()).repo.plans.list();
    },
    async board(planKey, previous) {
      const l = await load();
      const full = (readAt.get(planKey) ?? -1) < generation;
      const recent = previous?.fullReadAt !== undefined && Date.now() - previous.fullReadAt < RESUME_WITHIN_MS;
      if (full && recent && previous?.goalsDeltaLink && !primed && generation === 0) {
        const resumed = await resume(l, planKey, previous, previous.goalsDeltaLink);
        if (resumed) return resumed;
      }
      const tracking = await prime(l);
      if (previous && tracking && !full) {
        await l.goalsDelta.refresh();
        return fromDelta(l, planKey, previous);
      }
      const at = generation;
      const board = await l.reader.readPlanBoard(planKey);
      readAt.set(planKey, at);
      if (tracking) l.goalsDelta.seed(board.goals);
      return { ...board, fullReadAt: Date.now(), ...(tracking && l.goalsDelta.deltaLink ? { goalsDeltaLink: l.goalsDelta.deltaLink } : {}) };
    },
    startGoalTracking() {
      void load().then(prime, () => undefined);
    },
    forceFullBoard() {
      generation++;
    },
    async checkIns(q) {
      return (await load()).reader.readCheckIns(q);
    },
    async goal(key) {
      return (await load()).repo.goals.get(key);
    },
    async reviews(goalKey) {
      return (await load()).repo.reviews.list({ goalKey });
    },
    async groupFollowUps(groupKey) {
      return (await load()).repo.reviews.list({ 'followUp.groupKey': groupKey });
    },
    async meetingSession(meetingId) {
      return (await load()).repo.meetingSessions.find(meetingId);
    },
  };
}
