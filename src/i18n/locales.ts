/**
 * The locales dealkit ships messages for, and how any BCP 47 tag maps to one
 * of them.
 */

/** Every locale with a full message catalogue, English first (the fallback). */
export const SUPPORTED_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'fa'] as const;

/** One of the locales dealkit has messages for. */
export type DealLocale = (typeof SUPPORTED_LOCALES)[number];

/** Writing direction, as in the HTML `dir` attribute. */
export type Direction = 'ltr' | 'rtl';

/** The locale used when a tag names none of the supported ones. */
export const FALLBACK_LOCALE: DealLocale = 'en';

// Chinese regions whose users read Traditional characters. Every other
// Chinese tag without a script (zh, zh-CN, zh-SG, zh-MY...) reads Simplified.
const TRADITIONAL_CHINESE_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Whether `value` is exactly one of the supported locale names. */
export function isDealLocale(value: unknown): value is DealLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag (`navigator.language`, a `lang` attribute...) to a
 * supported locale, case-insensitively:
 * - `zh`, `zh-CN`, `zh-SG`, `zh-Hans-*` → `zh-Hans`
 * - `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant-*` → `zh-Hant`
 * - `fa`, `fa-IR`, `fa-AF` (any `fa-*`) → `fa`
 * - anything else, including an empty or missing tag → `en`
 */
export function resolveLocale(tag: string | null | undefined): DealLocale {
  if (typeof tag !== 'string') return FALLBACK_LOCALE;
  // Accept POSIX-style `zh_TW` too, as some back ends report it that way.
  const subtags = tag.trim().toLowerCase().split(/[-_]/);
  // Extensions and private use (`-u-...`, `-x-...`) start at a one-letter
  // subtag; what follows them is not a script or a region.
  const extensionStart = subtags.findIndex((subtag) => subtag.length === 1);
  const [language, ...rest] = extensionStart === -1 ? subtags : subtags.slice(0, extensionStart);
  if (language === 'fa') return 'fa';
  if (language !== 'zh') return FALLBACK_LOCALE;
  // An explicit script wins over the region: zh-Hant-CN is still Traditional.
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  return rest.some((subtag) => TRADITIONAL_CHINESE_REGIONS.has(subtag)) ? 'zh-Hant' : 'zh-Hans';
}

/** The writing direction of a locale's script: `rtl` for Persian. */
export function directionOf(locale: DealLocale): Direction {
  return locale === 'fa' ? 'rtl' : 'ltr';
}
