export * from './import-table';
export { readTable, ImportFileError, MAX_IMPORT_BYTES, type ImportFileProblem } from './read-table';
