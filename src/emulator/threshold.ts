/**
 * SharePoint's list view threshold (docs/decisions/0008-list-view-threshold.md). On a list holding
 * more items than the threshold, SharePoint evaluates a filter through the index of its FIRST
 * condition on an indexed column (in the order the filter is written) and refuses the query when
 * that condition alone matches more than the threshold — however small `$top` is and however much
 * the later `and` conditions would narrow it. A filter or sort with no indexed condition to drive it
 * would scan the whole list, and is refused too (the `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`
 * header only lifts the "not indexed" 400, never this). Unfiltered paging in id order, and sorting
 * by indexed columns, walk an index and always work.
 */
import type { ColumnDef } from './columns.js';
import type { Env } from './context.js';
import { GraphError } from './errors.js';
import { candidateSql, candidateValues, compileFilter, resolveField } from './item-query.js';
import type { FilterNode, OrderTerm } from './odata-query.js';

export const DEFAULT_LIST_VIEW_THRESHOLD = 5000;

/** What Graph answers for SharePoint's SPQueryThrottledException (sources in decision 0008). */
export const listViewThresholdExceeded = (): GraphError =>
  new GraphError(429, 'notSupported', 'The request is unprocessable because it uses too many resources', {}, 'tooManyResources');

const leavesOf = (n: FilterNode): FilterNode[] => (n.type === 'and' ? [...leavesOf(n.left), ...leavesOf(n.right)] : [n]);

/** How many items match one condition on its own, counting no further than `limit`. */
function matchesOf(env: Env, listId: string, cols: ColumnDef[], leaf: FilterNode, limit: number): number {
  const field = 'field' in leaf ? leaf.field : '';
  const names = field === 'id' || field === 'ID' || field === 'Created' || field === 'Modified' ? [] : [field];
  const types = names.map((n) => cols.find((c) => c.name === n)!.type);
  const predicate = compileFilter(leaf, cols, true);
  const { sql, params } = candidateSql(listId, cols, leaf, names, null);
  let n = 0;
  for (const row of env.store.stmt(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>) {
    if (predicate(candidateValues(row, names, types)) && ++n > limit) break;
  }
  return n;
}

/** Throws Graph's threshold refusal when SharePoint would refuse this query on this list. */
export function enforceListViewThreshold(
  env: Env, listId: string, cols: ColumnDef[], filter: FilterNode | undefined, terms: OrderTerm[],
): void {
  const threshold = env.listViewThreshold;
  if (env.store.itemCount(listId) <= threshold) return;
  if (filter) {
    const driver = leavesOf(filter).find((leaf) => leaf.type !== 'and' && resolveField(cols, leaf.field).indexed);
    if (!driver || matchesOf(env, listId, cols, driver, threshold) > threshold) throw listViewThresholdExceeded();
    return;
  }
  if (terms.some((t) => !resolveField(cols, t.field).indexed)) throw listViewThresholdExceeded();
}
