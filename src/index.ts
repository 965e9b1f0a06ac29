/**
 * dealkit: importing this module defines every element and exports the
 * whole API. Each element also has its own entry point (`dealkit/<element>`)
 * that defines only itself.
 */
export * from './define/provider.js';
export * from './define/pipeline-board.js';
export * from './define/lost-dialog.js';
export * from './define/lost-reasons.js';
export * from './define/forecast-chart.js';
export * from './define/lost-filter.js';
export * from './model/index.js';
// The REST adapter is left out of this entry (and the drop-in bundle): `endpoint`
// loads it on demand, and `dealkit/adapters` exports it for code that builds one.
export * from './adapters/adapter.js';
export * from './adapters/errors.js';
export { MemoryAdapter, MemoryDatabase, type MemoryData, type MemoryAdapterOptions } from './adapters/memory-adapter.js';
export { IndexedDbAdapter, type IndexedDbAdapterOptions, type CorruptRow } from './adapters/indexeddb-adapter.js';
export * from './store/index.js';
export * from './analytics/index.js';
export * from './events/deal-error.js';
export { resolveLocale, preloadLocale, SUPPORTED_LOCALES, type DealLocale } from './i18n/index.js';
