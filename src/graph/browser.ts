/**
 * The part of the adapter the tab loads (src/tab/data/reads.ts imports this, not `index.ts`): the
 * client, list ids, the board reader, the read side of the repository and the Goals delta cache.
 * A dynamic import keeps every export of the module it names, so importing the whole index from
 * the browser shipped provisioning, backfill and the report archive to every first view.
 */
export { createGraphClient } from './client';
export { createSiteLists, type ListIds } from './site-lists';
export { createGraphRepository } from './repository';
export { createBoardReader } from './board-reader';
export { createDeltaCache, type DeltaCache } from './delta';
