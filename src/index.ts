/**
 * dealkit: importing this module defines every element
 * (`<deal-provider>`, and each element as it lands) and exports the whole API.
 */
import './define/provider.js';

export * from './define/provider.js';
export * from './model/index.js';
export * from './adapters/index.js';
export * from './store/index.js';
export * from './analytics/index.js';
export * from './events/deal-error.js';
export { resolveLocale, SUPPORTED_LOCALES, type DealLocale } from './i18n/index.js';
