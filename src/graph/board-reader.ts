/**
 * What the tab reads, in as few round trips as Graph allows: a plan board (plan, its themes, its
 * goals, all groups and units) is ONE `$batch`, plus one request per extra page if a list has more
 * items than a page holds. Check-ins are read per goal, or per plan, month and service area.
 */
import { checkInSlots, Invalid, NotFound, OVERALL } from '../domain';
import type { BoardReader, CheckInQuery, PlanBoard } from '../ports';

export type { BoardReader, CheckInQuery, PlanBoard };
import type { EntityName } from '../../manifest/lists';
import { executeBatch, unwrap, type BatchRequest } from './batch';
import { addMonths } from '../domain/periods';
import { decodeItem } from './mapping';
import { itemsQuery, readAllPages, type GraphRepositoryOptions } from './repository';
import { createSiteLists } from './site-lists';
import type { GraphListItem } from './mapping';

/** The same settings as the repository's: client, site, shared list resolution, page size. */
export type BoardReaderOptions = GraphRepositoryOptions;

/** The largest page Graph gives of list items. */
export const BOARD_PAGE_SIZE = 5000;

interface ItemsPage {
  value: GraphListItem[];
  '@odata.nextLink'?: string;
}

export function createBoardReader(options: BoardReaderOptions): BoardReader {
  const { client } = options;
  const lists = options.lists ?? createSiteLists(client, options.siteId, options.listIds);

  // The board's lists in one page each where Graph allows: list items take `$top` up to 5,000
  // (SharePoint's own page limit, pnp/pnpjs #750 and #3118), against a default page of 200 that
  // made 500 goals three sequential requests.
  const request = async (id: string, entity: EntityName, filter?: Record<string, string>): Promise<BatchRequest> => ({
    id,
    method: 'GET',
    url: `${await lists.listPath(entity)}/items${itemsQuery(entity, filter, options.pageSize ?? BOARD_PAGE_SIZE)}`,
  });

  /** The plan, and its months and slots (`checkInSlots`) as far as the caller did not name them. */
  async function planScope(planKey: string, months: readonly string[] | undefined, units: readonly string[] | undefined): Promise<{ months: string[]; slots: string[] }> {
    // The caller's slots, with OVERALL (a goal reported as a whole) whether or not it named it.
    if (months && units) return { months: [...months], slots: [...new Set([OVERALL, ...units])] };
    // The site's units too: a slot is any service area a check-in may name, not only the plan's.
    const responses = await executeBatch(client, [await request('plan', 'plan', { key: planKey }), ...(units ? [] : [await request('units', 'unit')])]);
    const decoded = unwrap<ItemsPage>(responses, 'plan', 'plan').value.map((item) => decodeItem('plan', item));
    const plan = decoded.find((d) => d.ok);
    if (!plan?.ok) {
      const bad = decoded.find((d) => !d.ok);
      if (bad && !bad.ok) throw new Invalid(`Plan '${planKey}' (item ${bad.invalid.itemId}) is invalid`, bad.invalid.issues);
      throw new NotFound(`No plan with key '${planKey}'`);
    }
    const p = plan.value.value;
    const siteUnits = units
      ? units.map((key) => ({ key }))
      : (await readAllPages(client, 'unit', unwrap<ItemsPage>(responses, 'units', 'unit list'))).items.map((u) => u.value);
    return { months: months ? [...months] : monthsOf(p.periodStart, p.periodEnd), slots: checkInSlots(p, [], siteUnits) };
  }

  return {
    async readPlanBoard(planKey) {
      const requests = await Promise.all([
        request('plan', 'plan', { key: planKey }),
        request('themes', 'theme', { planKey }),
        request('goals', 'goal', { planKey }),
        request('groups', 'group'),
        request('units', 'unit'),
      ]);
      const responses = await executeBatch(client, requests);
      // Pages beyond the first are fetched afterwards with ordinary GETs (nextLink).
      const read = <E extends EntityName>(id: string, entity: E) =>
        readAllPages(client, entity, unwrap<ItemsPage>(responses, id, `${entity} list`));
      const [plans, themes, goals, groups, units] = await Promise.all([
        read('plan', 'plan'),
        read('themes', 'theme'),
        read('goals', 'goal'),
        read('groups', 'group'),
        read('units', 'unit'),
      ]);
      const plan = plans.items[0];
      if (!plan) {
        const bad = plans.invalid[0];
        if (bad) throw new Invalid(`Plan '${planKey}' (item ${bad.itemId}) is invalid`, bad.issues);
        throw new NotFound(`No plan with key '${planKey}'`);
      }
      return {
        plan,
        themes: themes.items,
        goals: goals.items,
        groups: groups.items,
        units: units.items,
        invalid: [...plans.invalid, ...themes.invalid, ...goals.invalid, ...groups.invalid, ...units.invalid],
      };
    },
    async readCheckIns(q) {
      const path = await lists.listPath('checkIn');
      // Graph's largest page here too: a service area's month is up to one check-in per goal.
      const url = (filter: Record<string, string>) => `${path}/items${itemsQuery('checkIn', filter, options.pageSize ?? BOARD_PAGE_SIZE)}`;
      if ('goalKey' in q) return readAllPages(client, 'checkIn', await client.get<ItemsPage>(url({ goalKey: q.goalKey })));
      // A whole plan, or the months asked for. PlanKey alone would select every check-in of the
      // plan and plan + period all of a month's (15,000 at 3,000 goals × 5 service areas), both over
      // SharePoint's list view threshold (docs/decisions/0008). One PlanPeriodUnit query per month
      // and slot instead, 20 to a $batch.
      const scope = await planScope(q.planKey, q.period ? [q.period] : q.periods ? [...new Set(q.periods)] : undefined, q.units);
      const requests = scope.months.flatMap((period) =>
        scope.slots.map((unit) => ({ id: `${period}|${unit}`, method: 'GET' as const, url: url({ planKey: q.planKey, period, unit }) })),
      );
      if (requests.length === 0) return { items: [], invalid: [] };
      const responses = await executeBatch(client, requests);
      // Further pages a few at a time: dozens of parallel page walks only queue up at Graph.
      const parts: Awaited<ReturnType<typeof readAllPages<'checkIn'>>>[] = [];
      for (let i = 0; i < requests.length; i += 4) {
        const slice = requests.slice(i, i + 4);
        parts.push(...(await Promise.all(slice.map((r) => readAllPages(client, 'checkIn', unwrap<ItemsPage>(responses, r.id, 'check-ins'))))));
      }
      return { items: parts.flatMap((r) => r.items), invalid: parts.flatMap((r) => r.invalid) };
    },
  };
}

/** Every month (YYYY-MM) from the one of `start` to the one of `end` (dates YYYY-MM-DD). */
function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  for (let m = start.slice(0, 7); m <= end.slice(0, 7) && months.length < 600; m = addMonths(m, 1)) months.push(m);
  return months;
}
