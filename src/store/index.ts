export { DealStore, type DealStoreOptions, type CommandOptions, type Connection, type StoreNotice, type StoreStatus } from './deal-store.js';
export { StoreChangeEvent, StoreErrorEvent, type StoreChange, type StoreCommand } from './events.js';
export { defaultFilter, normalizeFilter, filtersEqual, isDefaultFilter, DEFAULT_STATUSES, type DealFilter } from './filter.js';
export { summarize, type DealSummary } from './summary.js';
export { dealStoreContext } from './context.js';
export { defaultStore } from './default-store.js';
export { connect, type ConnectOptions, type StorageKind } from './connect.js';
