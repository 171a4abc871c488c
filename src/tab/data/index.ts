export { ApiError, fieldErrors, type Api, type EntityKind, type EntityOfKind, type FieldIssue, type Me, type Saved } from './api';
export { ConfigLoadError, loadConfig, type TabConfig } from './config';
export {
  applyCheckInToCache,
  keys,
  shouldRetry,
  toBoard,
  useBoard,
  useCheckIns,
  useGoal,
  useMe,
  usePlans,
  useRecordReview,
  useReviews,
  useSaveEntity,
  useSubmitCheckIn,
  type Board,
} from './hooks';
export { createServices, ServicesProvider, useApi, useAuth, useClock, useConfig, useHost, useNow, useServices, type Services } from './services';
export { useDrafts, type DraftSlot } from './drafts';
export { useSubmissionId } from './submission-id';
export { DIRECTORY_PAGE, graphUsersUrl, searchDirectory, usePeopleSearch } from './people';
