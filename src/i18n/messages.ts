/**
 * Typed message catalogues. Each element keeps its own catalogue next to its
 * code and declares it with `defineMessages`; the compiler then rejects a
 * locale that misses a key, has an extra one, or gives a message other
 * parameters than the English one.
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

/** The same messages in every supported locale. */
export type Catalogue<M> = { readonly [L in DealLocale]: M };

/** The extra arguments `t()` takes for a message: its parameters, or none for plain text. */
export type MessageArgs<T> = T extends (params: infer P) => string ? [params: P] : [];

/** Two message sets combined; keys of `B` replace the same keys of `A`. */
export type MergedMessages<A, B> = Omit<A, keyof B> & B;

/**
 * Declares a catalogue. The English messages define the keys and parameter
 * types (`M` is inferred from `en` alone, or given explicitly); every other
 * locale must match them exactly, or compilation fails.
 *
 * ```ts
 * export const boardMessages = defineMessages({
 *   en: { moved: (p: { title: string; stage: string }) => `${p.title} moved to ${p.stage}` },
 *   'zh-Hans': { moved: (p) => `${p.title} 已移至 ${p.stage}` },
 *   'zh-Hant': { moved: (p) => `${p.title} 已移至 ${p.stage}` },
 *   fa: { moved: (p) => `${p.title} به ${p.stage} منتقل شد` },
 * });
 * ```
 */
export function defineMessages<M extends MessageShape<M>>(
  catalogue: { readonly en: M } & { readonly [L in Exclude<DealLocale, 'en'>]: NoInfer<M> },
): Catalogue<M> {
  // Frozen so that one element cannot change the texts another one shows.
  for (const locale of SUPPORTED_LOCALES) Object.freeze(catalogue[locale]);
  return Object.freeze(catalogue);
}

/**
 * Combines two catalogues locale by locale, typically the common messages and
 * an element's own. Keys of `extra` replace the same keys of `base`.
 */
export function mergeCatalogues<A, B>(base: Catalogue<A>, extra: Catalogue<B>): Catalogue<MergedMessages<A, B>> {
  const merged = {} as Record<DealLocale, MergedMessages<A, B>>;
  for (const locale of SUPPORTED_LOCALES) {
    merged[locale] = Object.freeze({ ...base[locale], ...extra[locale] }) as MergedMessages<A, B>;
  }
  return Object.freeze(merged);
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
 * plain JavaScript: every locale present, every English key in every locale
 * with the same kind (text or function), no extra keys, no blank text.
 * Returns one readable line per problem; an empty list means all is well.
 * Function messages are not called (they need parameters); test them with
 * sample values.
 */
export function catalogueProblems(catalogue: Catalogue<unknown>): string[] {
  const problems: string[] = [];
  const english = catalogue.en as Record<string, unknown> | undefined;
  if (!english) return ['en: the catalogue has no English messages'];
  for (const locale of SUPPORTED_LOCALES) {
    const messages = catalogue[locale] as Record<string, unknown> | undefined;
    if (!messages) {
      problems.push(`${locale}: the catalogue has no messages for this locale`);
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
