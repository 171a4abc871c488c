export { createGraphClient, query, type FetchLike, type GraphClient, type GraphClientOptions, type GraphStats, type RetryOptions, type RequestOptions } from './client';
export { errorFromResponse, graphCodeOf, retryAfterSeconds, statusOf, toDomainError, type GraphFailure } from './errors';
export {
  decodeItem,
  filterExpression,
  toCreateFields,
  toUpdateFields,
  TITLE_MAX,
  type Decoded,
  type EntityTypes,
  type GraphListItem,
} from './mapping';
export { createSiteLists, type ListIds, type SiteLists } from './site-lists';
export { createGraphRepository, type GraphRepositoryOptions } from './repository';
export { executeBatch, unwrap, type BatchRequest, type BatchResponse } from './batch';
export { backfillDerivedColumns, type BackfillOptions, type BackfillReport } from './backfill';
export { createBoardReader, type BoardReaderOptions } from './board-reader';
export { applyDeltaPage, createDeltaCache, type DeltaCache, type DeltaCacheOptions, type DeltaChanges, type DeltaPage, type DeltaState } from './delta';
export { describeProvisionReport, provisionLists, type ColumnGap, type ProvisionOptions, type ProvisionReport } from './provision';
export { createReportArchive } from './report-archive';
