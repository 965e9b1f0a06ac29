/**
 * Locale-aware formatting of numbers, money, dates and chart periods, all
 * through `Intl`, with the `Intl` objects created once and reused.
 *
 * Calendars: `Intl` formats Persian (`fa`) dates in the Solar Hijri calendar,
 * which is what Persian users read every day, so `date`, `dateTime` and `week`
 * keep it (`2027-01-01` is "۱۱ دی ۱۴۰۵"). Month and quarter labels are
 * different: the forecast buckets are Gregorian months and quarters, and a
 * Solar Hijri month name would name a different span of days. Those labels
 * therefore use the Gregorian calendar in every locale, with the locale's
 * own month names and digits ("ژانویه ۲۰۲۷", "سه‌ماههٔ اول ۲۰۲۷").
 */
import type { DealLocale } from './locales.js';

/** Options of a `Formatter`. */
export interface FormatterOptions {
  /**
   * IANA time zone for `dateTime` (instants). Defaults to the browser's own.
   * Calendar dates (`date`, period labels) are never shifted by a time zone.
   */
  timeZone?: string;
}

/** The chart periods `period()` labels, as in the forecast. */
export type PeriodKind = 'week' | 'month' | 'quarter';

/** Plural forms for `Formatter.plural`; `#` stands for the formatted count. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

// Chinese writes quarters with its own words; Persian names them with
// ordinals, as CLDR does ("سه‌ماههٔ اول").
const PERSIAN_ORDINALS = ['اول', 'دوم', 'سوم', 'چهارم'] as const;
const QUARTER_LABELS: Record<DealLocale, (quarter: number, year: string) => string> = {
  en: (quarter, year) => `Q${quarter} ${year}`,
  'zh-Hans': (quarter, year) => `${year}年第${quarter}季度`,
  'zh-Hant': (quarter, year) => `${year}年第${quarter}季`,
  fa: (quarter, year) => `سه‌ماههٔ ${PERSIAN_ORDINALS[quarter - 1] ?? quarter} ${year}`,
};

/** A `YYYY-MM-DD` date as the UTC midnight that starts it, or null if it is no real date. */
function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2027-02-30 over to March; a rolled-over date was not a real one.
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/**
 * Formats values for one locale. Create one per locale (or use
 * `formatterFor`): it keeps the `Intl` objects it builds. No method throws;
 * input it cannot read comes back as text unchanged.
 */
export class Formatter {
  readonly locale: DealLocale;
  readonly timeZone: string | undefined;
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();
  private readonly dateFormats = new Map<string, Intl.DateTimeFormat>();
  private relativeFormat?: Intl.RelativeTimeFormat;
  private listFormat?: Intl.ListFormat;
  private pluralRules?: Intl.PluralRules;

  constructor(locale: DealLocale, options: FormatterOptions = {}) {
    this.locale = locale;
    this.timeZone = options.timeZone;
  }

  /** A plain number with the locale's digits and separators (`1,234.5`, `۱٬۲۳۴٫۵`). */
  number(value: number): string {
    return this.numberFormat('number', {}).format(value);
  }

  /**
   * An amount of money in an ISO 4217 currency (`$1,234.50`, `US$1,234.50`).
   * `compact` uses short notation for axis labels (`$1.2K`, `¥1.2万`). A code
   * that is not three letters cannot be formatted as a currency by `Intl`;
   * the amount is then shown with the code after it instead of throwing.
   */
  currency(amount: number, code: string, options: { compact?: boolean } = {}): string {
    const compact = options.compact === true;
    if (CURRENCY_CODE.test(code)) {
      const currency = code.toUpperCase();
      try {
        return this.numberFormat(`currency:${currency}:${compact}`, {
          style: 'currency',
          currency,
          ...(compact ? { notation: 'compact' } : {}),
        }).format(amount);
      } catch {
        // Unreachable with a well-formed code in current engines; kept so a
        // render never fails on a currency.
      }
    }
    const number = compact
      ? this.numberFormat('compact', { notation: 'compact' }).format(amount)
      : this.number(amount);
    return `${number} ${code}`;
  }

  /** A percentage given from 0 to 100 (`42%`, `۴۲٪`), at most one decimal. */
  percent(value: number): string {
    return this.numberFormat('percent', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  }

  /**
   * A calendar date `YYYY-MM-DD` (`Jan 1, 2027`). It is formatted in UTC, so
   * the day shown is the day given in every time zone. A full ISO instant is
   * shown as the date it falls on in the formatter's time zone.
   */
  date(value: string): string {
    if (ISO_DATE.test(value)) {
      const calendarDate = parseIsoDate(value);
      return calendarDate ? this.dateFormat('date', { dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDate) : value;
    }
    const instant = this.parseInstant(value);
    if (!instant) return value;
    return this.dateFormat('date-local', { dateStyle: 'medium', ...this.zone() }).format(instant);
  }

  /** An instant (ISO 8601) with date and time in the formatter's time zone. */
  dateTime(value: string): string {
    const instant = this.parseInstant(value);
    if (!instant) return value;
    return this.dateFormat('date-time', { dateStyle: 'medium', timeStyle: 'short', ...this.zone() }).format(instant);
  }

  /** A day offset relative to today: `-1` "yesterday", `0` "today", `3` "in 3 days". */
  relativeDays(days: number): string {
    this.relativeFormat ??= new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    return this.relativeFormat.format(Math.round(days), 'day');
  }

  /** The Gregorian month containing a `YYYY-MM-DD` date (`Jan 2027`, `2027年1月`, `ژانویه ۲۰۲۷`). */
  month(value: string): string {
    const date = parseIsoDate(value);
    if (!date) return value;
    return this.dateFormat('month', { year: 'numeric', month: 'short', calendar: 'gregory', timeZone: 'UTC' }).format(date);
  }

  /** The Gregorian quarter containing a `YYYY-MM-DD` date (`Q1 2027`, `2027年第1季度`, `سه‌ماههٔ اول ۲۰۲۷`). */
  quarter(value: string): string {
    const date = parseIsoDate(value);
    if (!date) return value;
    const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
    const year = this.numberFormat('year', { useGrouping: false }).format(date.getUTCFullYear());
    return QUARTER_LABELS[this.locale](quarter, year);
  }

  /**
   * A week, named by the `YYYY-MM-DD` day it starts on (`Jan 5, 2027`). A day
   * is the same day in any calendar, so Persian shows it in Solar Hijri.
   */
  week(value: string): string {
    const date = parseIsoDate(value);
    if (!date) return value;
    return this.dateFormat('week', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  }

  /** The label of a chart period starting on a `YYYY-MM-DD` date. */
  period(kind: PeriodKind, start: string): string {
    if (kind === 'week') return this.week(start);
    if (kind === 'month') return this.month(start);
    return this.quarter(start);
  }

  /** Items joined as the locale lists them (`a, b, and c`, `a、b和c`). */
  list(items: readonly string[]): string {
    this.listFormat ??= new Intl.ListFormat(this.locale, { type: 'conjunction', style: 'long' });
    return this.listFormat.format(items);
  }

  /** The plural category of a count in this locale (Chinese has only `other`). */
  pluralCategory(count: number): Intl.LDMLPluralRule {
    this.pluralRules ??= new Intl.PluralRules(this.locale);
    return this.pluralRules.select(count);
  }

  /**
   * The form matching a count, with `#` replaced by the formatted count:
   * `plural(3, { one: '# deal', other: '# deals' })` is "3 deals".
   */
  plural(count: number, forms: PluralForms): string {
    const form = forms[this.pluralCategory(count)] ?? forms.other;
    return form.replaceAll('#', this.number(count));
  }

  private numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.numberFormats.set(key, format);
    }
    return format;
  }

  private dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let format = this.dateFormats.get(key);
    if (!format) {
      format = this.createDateFormat(options);
      this.dateFormats.set(key, format);
    }
    return format;
  }

  private createDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    try {
      return new Intl.DateTimeFormat(this.locale, options);
    } catch {
      // An unknown time zone name is the only option a caller controls;
      // fall back to the browser's zone rather than failing every date.
      const { timeZone: _ignored, ...rest } = options;
      return new Intl.DateTimeFormat(this.locale, rest);
    }
  }

  private zone(): { timeZone?: string } {
    return this.timeZone === undefined ? {} : { timeZone: this.timeZone };
  }

  private parseInstant(value: string): Date | null {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time);
  }
}

const sharedFormatters = new Map<DealLocale, Formatter>();

/** The shared formatter of a locale (browser time zone), created on first use. */
export function formatterFor(locale: DealLocale): Formatter {
  let formatter = sharedFormatters.get(locale);
  if (!formatter) {
    formatter = new Formatter(locale);
    sharedFormatters.set(locale, formatter);
  }
  return formatter;
}
