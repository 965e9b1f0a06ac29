export * from './adapter.js';
export * from './errors.js';
export { parseOrThrow, fieldErrorsOf } from './validate.js';
export { MemoryAdapter, MemoryDatabase, type MemoryData, type MemoryAdapterOptions } from './memory-adapter.js';
export { IndexedDbAdapter, type IndexedDbAdapterOptions, type CorruptRow } from './indexeddb-adapter.js';
export { RestAdapter, type RestAdapterOptions } from './rest-adapter.js';
