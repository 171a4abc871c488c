import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../../src/commands';
import { createGraphRepository } from '../../../src/graph';
import { startGraph, type GraphHarness } from '../../integration/graph/harness';

/**
 * A command context over the local SharePoint emulator (in memory, every list provisioned): the
 * same unique-key and If-Match answers the real lists give, which the exactly-once and
 * concurrency rules of the commands depend on. The clock is settable.
 */
export interface GraphContext {
  ctx: CommandContext;
  graph: GraphHarness;
  setNow(iso: string): void;
  stop(): Promise<void>;
}

export async function startGraphContext(now = '2021-10-07T09:00:00+03:00'): Promise<GraphContext> {
  const graph = await startGraph();
  const repo = createGraphRepository({ client: graph.client, siteId: graph.siteId });
  let t = new Date(now);
  return {
    ctx: { repo, clock: { now: () => t }, newId: randomUUID },
    graph,
    setNow: (iso) => void (t = new Date(iso)),
    stop: () => graph.stop(),
  };
}
