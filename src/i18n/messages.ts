/**
 * Typed message catalogues. Each element keeps its own catalogue next to its
 * code and declares it with `defineMessages`; the compiler then rejects a
 * locale that misses a key, has an extra one, or gives a message other
 * parameters than the English one.
 *
 * English is always part of the code. Every other locale is either written
 * inline or, to keep pages in English from downloading texts they never show,
 * a loader (a dynamic `import()` of a locale file) that runs the first time
 * an element needs that locale. Loaded messages are kept for the life of the
 * page, so each locale loads once and is then read synchronously.
 */
import { SUPPORTED_LOCALES, type DealLocale } from './locales.js';

/**
 * One message: plain text, or a function of named parameters for text with
 * values in it (`(p: { count: number }) => string`).
 */
// `never` accepts a function of any parameter object without resorting to `any`.
export type Message = string | ((params: never) => string);

/**
 * The shape every message set has: each key holds a `Message`. Written as a
 * mapped type over `M` so that interfaces satisfy it too (`M extends
 * MessageShape<M>`); the bare `MessageShape` is any such record.
 */
export type MessageShape<M = Record<string, unknown>> = { readonly [K in keyof M]: Message };

/**
 * Loads one locale's messages, typically `() => import('./messages/fa.js')`
 * where the locale file default-exports its messages.
 */
export type MessageLoader<M> = () => Promise<{ readonly default: M }>;

/** One locale's messages in a catalogue: written inline, or loaded when first needed. */
export type LocaleMessages<M> = M | MessageLoader<M>;

/** Every locale but English, whose messages may be loaded on demand. */
export type LoadableLocale = Exclude<DealLocale, 'en'>;

/**
 * The same messages in every supported locale: English inline, the others
 * inline or loaded on demand. (`M` is inferred from English alone.)
 */
export type Catalogue<M> = { readonly en: M } & { readonly [L in LoadableLocale]: LocaleMessages<NoInfer<M>> };

/** A catalogue with every locale written inline, so readable without loading. */
export type InlineCatalogue<M> = { readonly en: M } & { readonly [L in LoadableLocale]: NoInfer<M> };

/** The extra arguments `t()` takes for a message: its parameters, or none for plain text. */
export type MessageArgs<T> = T extends (params: infer P) => string ? [params: P] : [];

/** Two message sets combined; keys of `B` replace the same keys of `A`. */
export type MergedMessages<A, B> = Omit<A, keyof B> & B;

const LOADABLE_LOCALES = SUPPORTED_LOCALES.filter((locale): locale is LoadableLocale => locale !== 'en');

// Every catalogue made so far, for `preloadLocale()` without arguments. They
// are module-level constants of the elements, so holding them costs nothing.
const knownCatalogues = new Set<Catalogue<unknown>>();

/**
 * Declares a catalogue. The English messages define the keys and parameter
 * types (`M` is inferred from `en` alone, or given explicitly); every other
 * locale must match them exactly, or compilation fails.
 *
 * Each other locale is either inline messages or a loader of a locale file.
 * A locale file gives its messages the English type, which makes the
 * compiler check it the same way:
 *
 * ```ts
 * // messages.ts
 * const english = { moved: (p: { title: string; stage: string }) => `${p.title} moved to ${p.stage}` };
 * export type BoardMessages = typeof english;
 * export const boardMessages = defineMessages({
 *   en: english,
 *   'zh-Hans': () => import('./messages/zh-Hans.js'),
 *   'zh-Hant': () => import('./messages/zh-Hant.js'),
 *   fa: () => import('./messages/fa.js'),
 * });
 *
 * // messages/fa.ts
 * import type { BoardMessages } from '../messages.js';
 * const messages: BoardMessages = { moved: (p) => `${p.title} به ${p.stage} منتقل شد` };
 * export default messages;
 * ```
 *
 * (An inline catalogue with several mistakes gets one "No overload matches
 * this call" error listing them all; a single mistake is reported where it is.)
 */
export function defineMessages<M extends MessageShape<M>>(
  catalogue: { readonly en: M } & { readonly [L in LoadableLocale]: NoInfer<M> },
): InlineCatalogue<M>;
export function defineMessages<M extends MessageShape<M>>(
  catalogue: { readonly en: M } & { readonly [L in LoadableLocale]: NoInfer<M> | MessageLoader<NoInfer<M>> },
): Catalogue<M>;
export function defineMessages<M extends MessageShape<M>>(catalogue: Catalogue<M>): Catalogue<M> {
  // Frozen so that one element cannot change the texts another one shows
  // (loaded messages are frozen when they arrive).
  for (const locale of SUPPORTED_LOCALES) {
    const entry = catalogue[locale];
    if (typeof entry !== 'function') Object.freeze(entry);
  }
  return register(Object.freeze(catalogue));
}

/**
 * Combines two catalogues locale by locale, typically the common messages and
 * an element's own. Keys of `extra` replace the same keys of `base`. A locale
 * loaded on demand in either one is loaded on demand in the result, both
 * parts at once; if either part fails to load, that locale shows English.
 */
export function mergeCatalogues<A, B>(base: InlineCatalogue<A>, extra: InlineCatalogue<B>): InlineCatalogue<MergedMessages<A, B>>;
export function mergeCatalogues<A, B>(base: Catalogue<A>, extra: Catalogue<B>): Catalogue<MergedMessages<A, B>>;
export function mergeCatalogues<A, B>(base: Catalogue<A>, extra: Catalogue<B>): Catalogue<MergedMessages<A, B>> {
  const merge = (a: A, b: B) => Object.freeze({ ...a, ...b }) as MergedMessages<A, B>;
  const merged: Record<string, LocaleMessages<MergedMessages<A, B>>> = { en: merge(base.en, extra.en) };
  for (const locale of LOADABLE_LOCALES) {
    const a = base[locale];
    const b = extra[locale];
    merged[locale] =
      typeof a === 'function' || typeof b === 'function'
        ? async () => {
            const [loadedA, loadedB] = await Promise.all([localeLoad(base, locale).result, localeLoad(extra, locale).result]);
            return { default: merge(loadedA, loadedB) };
          }
        : merge(a, b);
  }
  return register(Object.freeze(merged) as unknown as Catalogue<MergedMessages<A, B>>);
}

function register<C extends Catalogue<unknown>>(catalogue: C): C {
  knownCatalogues.add(catalogue);
  return catalogue;
}

// ---------------------------------------------------------------------------
// Loading on demand. One load per catalogue object and locale, for the life
// of the page.

interface LocaleLoad<M> {
  /** The locale's messages; rejects if they could not be loaded. */
  readonly result: Promise<M>;
  /** Once settled: the messages, or English after a failed load. */
  settled: M | undefined;
}

const loads = new WeakMap<object, Map<LoadableLocale, LocaleLoad<unknown>>>();
const warnedLocales = new Set<DealLocale>();

/** Starts (once) or returns the load of one loader locale of a catalogue. */
function localeLoad<M>(catalogue: Catalogue<M>, locale: LoadableLocale): LocaleLoad<M> {
  const entry = catalogue[locale];
  // Inline (or, in plain JavaScript, missing) messages need no loading.
  if (typeof entry !== 'function') {
    const messages = entry ?? catalogue.en;
    return { result: Promise.resolve(messages), settled: messages };
  }
  let perLocale = loads.get(catalogue);
  if (!perLocale) {
    perLocale = new Map();
    loads.set(catalogue, perLocale);
  }
  const existing = perLocale.get(locale) as LocaleLoad<M> | undefined;
  if (existing) return existing;

  const result = callLoader(entry as MessageLoader<M>);
  const load: LocaleLoad<M> = { result, settled: undefined };
  result.then(
    (messages) => {
      load.settled = messages;
    },
    (error: unknown) => {
      // English keeps the element usable; the failure is kept too, so that
      // re-rendering does not retry (and warn) in a loop.
      load.settled = catalogue.en;
      if (warnedLocales.has(locale)) return;
      warnedLocales.add(locale);
      console.warn(`dealkit: the ${locale} messages could not be loaded, so English is shown instead.`, error);
    },
  );
  perLocale.set(locale, load);
  return load;
}

async function callLoader<M>(loader: MessageLoader<M>): Promise<M> {
  const module: unknown = await loader();
  const messages = (module as { default?: unknown } | null)?.default;
  if (typeof messages !== 'object' || messages === null) {
    throw new TypeError('a locale file must default-export its messages object');
  }
  return Object.freeze(messages) as M;
}

/**
 * The messages of `locale` if they can be read now: inline ones always,
 * loaded ones once their load has settled (English if it failed).
 * `undefined` while they are not loaded yet; `loadMessages` loads them.
 */
export function messagesFor<M>(catalogue: Catalogue<M>, locale: DealLocale): M | undefined {
  if (locale === 'en') return catalogue.en;
  const entry = catalogue[locale];
  if (typeof entry !== 'function') return entry ?? catalogue.en;
  return (loads.get(catalogue)?.get(locale) as LocaleLoad<M> | undefined)?.settled;
}

/**
 * The messages of `locale`, loading them on first use. Never rejects: if the
 * locale file cannot be loaded (network down...), it resolves to English and
 * warns once in the console.
 */
export function loadMessages<M>(catalogue: Catalogue<M>, locale: DealLocale): Promise<M> {
  if (locale === 'en') return Promise.resolve(catalogue.en);
  return localeLoad(catalogue, locale).result.catch(() => catalogue.en);
}

/**
 * Loads one locale of the given catalogues, or of every catalogue defined so
 * far if none are given, so that elements show it from their first render
 * instead of English until it arrives. Never rejects.
 *
 * ```ts
 * await preloadLocale('fa');
 * document.body.append(document.createElement('deal-pipeline-board'));
 * ```
 */
export async function preloadLocale(locale: DealLocale, ...catalogues: Catalogue<unknown>[]): Promise<void> {
  const which = catalogues.length > 0 ? catalogues : [...knownCatalogues];
  await Promise.all(which.map((catalogue) => loadMessages(catalogue, locale)));
}

/**
 * The text of one message: a plain message as it is, a function message
 * called with `params`. A key the messages lack (possible only in untyped
 * JavaScript) returns the key itself, so a gap shows up instead of crashing.
 */
export function translate<M, K extends keyof M & string>(messages: M, key: K, ...args: MessageArgs<M[K]>): string {
  const message: unknown = (messages as Record<string, unknown>)[key];
  if (typeof message === 'string') return message;
  if (typeof message === 'function') return String((message as (params: unknown) => unknown)(args[0]));
  return key;
}

/**
 * Checks a catalogue at run time, for tests and for catalogues written in
 * plain JavaScript: every locale present and loadable, every English key in
 * every locale with the same kind (text or function), no extra keys, no
 * blank text. Loads every locale first. Resolves to one readable line per
 * problem; an empty list means all is well. Function messages are not called
 * (they need parameters); test them with sample values.
 */
export async function catalogueProblems(catalogue: Catalogue<unknown>): Promise<string[]> {
  const problems: string[] = [];
  const english = catalogue.en as Record<string, unknown> | undefined;
  if (!english) return ['en: the catalogue has no English messages'];
  for (const locale of SUPPORTED_LOCALES) {
    if (catalogue[locale] === undefined) {
      problems.push(`${locale}: the catalogue has no messages for this locale`);
      continue;
    }
    let messages: Record<string, unknown>;
    try {
      // Not loadMessages: its fallback to English would hide a broken locale file.
      messages = (locale === 'en' ? english : await localeLoad(catalogue, locale).result) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${locale}: the messages could not be loaded (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    for (const [key, reference] of Object.entries(english)) {
      const message = messages[key];
      if (message === undefined) problems.push(`${locale}: missing "${key}"`);
      else if (typeof message !== typeof reference) problems.push(`${locale}: "${key}" is a ${typeof message}, English has a ${typeof reference}`);
      else if (typeof message === 'string' && message.trim() === '') problems.push(`${locale}: "${key}" is empty`);
      else if (typeof message !== 'string' && typeof message !== 'function') problems.push(`${locale}: "${key}" is neither text nor a function`);
    }
    for (const key of Object.keys(messages)) {
      if (!(key in english)) problems.push(`${locale}: "${key}" is not an English key`);
    }
  }
  return problems;
}
