export * from './context';
export * from './concurrency';
export * from './submit-check-in';
export * from './record-review';
export * from './planning';
export * from './link-channel';
export * from './import-dataset';
