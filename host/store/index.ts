export { SpecStore, openSpecStore, createSpecStore, DB_FILE_NAME, type SpecStoreOptions, type StoreInfo } from './spec-store.js';
export { toMatchExpression } from './search.js';
export type * from './types.js';
