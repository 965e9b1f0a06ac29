/** Locales, typed message catalogues, formatting and the localize controller. */
export {
  SUPPORTED_LOCALES,
  FALLBACK_LOCALE,
  isDealLocale,
  resolveLocale,
  directionOf,
  type DealLocale,
  type Direction,
} from './locales.js';
export {
  defineMessages,
  mergeCatalogues,
  messagesFor,
  loadMessages,
  preloadLocale,
  translate,
  catalogueProblems,
  type Message,
  type MessageShape,
  type MessageLoader,
  type LocaleMessages,
  type LoadableLocale,
  type Catalogue,
  type InlineCatalogue,
  type MessageArgs,
  type MergedMessages,
} from './messages.js';
export { Formatter, formatterFor, type FormatterOptions, type PeriodKind, type PluralForms } from './format.js';
export {
  commonMessages,
  stageName,
  lostReasonName,
  statusName,
  priorityName,
  errorText,
  type CommonMessages,
  type CommonMessageKey,
} from './common.js';
export { LocalizeController } from './localize-controller.js';
