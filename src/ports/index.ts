export type { Collection, InvalidRow, ListResult, ReadCollection, ReadOnlyRepository, Repository, Versioned } from './repository';
export type { BoardReader, CheckInQuery, PlanBoard } from './board';
export type { Clock } from './clock';
export type { Logger } from './logger';
export type { ArchiveMetadata, ArchivedFile, ReportArchive } from './report-archive';
