export * from './table';
export * from './text';
export * from './headers';
export * from './structure';
export * from './status';
export * from './map-table';
export * from './changes';
export * from './reimport';
