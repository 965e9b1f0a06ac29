/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, always in UTC, so a forecast
 * bucket never shifts by a day with the viewer's time zone.
 *
 * Plain arithmetic on UTC milliseconds rather than d3-time: each period kind
 * takes a couple of lines, and the analytics stay free of a d3 import. The
 * tests cross-check against d3-time's `utcMonday`, `utcMonth` and
 * `utcMonth.every(3)` (which filters on the month of the year, so its quarters
 * do start in January, April, July and October).
 */
import type { ForecastPeriod } from './types.js';
import { invalid } from './validation.js';

/** A half-open range of days: `start` is in it, `end` is the first day after it. */
export interface PeriodRange {
  start: string;
  end: string;
}

/** The period kinds, in increasing length. */
export const FORECAST_PERIODS: readonly ForecastPeriod[] = Object.freeze(['week', 'month', 'quarter']);

/** The longest horizon `horizon()` accepts, so a typo cannot build a million empty buckets. */
export const MAX_HORIZON_PERIODS = 1000;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_PER_PERIOD = { month: 1, quarter: 3 } as const;

/** Milliseconds of UTC midnight of a calendar day; months and days may overflow. */
function utcMidnight(year: number, monthIndex: number, day: number): number {
  // `Date.UTC` maps years 0-99 to 1900-1999; `setUTCFullYear` does not.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The `YYYY-MM-DD` of a UTC instant given in milliseconds. */
function formatDay(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // Four-digit years keep string order equal to date order, which the bucketing relies on.
  if (!(year >= 0 && year <= 9999)) throw invalid('The date is outside the years 0000 to 9999.', 'date');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (no 2023-02-29). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const ms = utcMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return formatDay(ms) === value;
}

/** Milliseconds of UTC midnight of `day`; throws a `validation` error when it is not a real day. */
function parseDay(day: string, field = 'date'): number {
  if (!isDay(day)) throw invalid(`"${String(day)}" is not a date written YYYY-MM-DD.`, field);
  return Date.parse(`${day}T00:00:00Z`);
}

function checkPeriod(period: ForecastPeriod): void {
  if (!FORECAST_PERIODS.includes(period)) {
    throw invalid(`Unknown period "${String(period)}"; expected week, month or quarter.`, 'period');
  }
}

/** Milliseconds of the start of the period containing `ms`. */
function startMs(ms: number, period: ForecastPeriod): number {
  const date = new Date(ms);
  if (period === 'week') {
    // ISO weeks start on Monday; getUTCDay() counts from Sunday.
    const daysSinceMonday = (date.getUTCDay() + 6) % 7;
    return ms - daysSinceMonday * DAY_MS;
  }
  const month = date.getUTCMonth();
  const firstMonth = month - (month % MONTHS_PER_PERIOD[period]);
  return utcMidnight(date.getUTCFullYear(), firstMonth, 1);
}

/** Milliseconds of the start of the period `n` periods after the one starting at `startMs`. */
function shiftMs(periodStartMs: number, period: ForecastPeriod, n: number): number {
  if (period === 'week') return periodStartMs + n * 7 * DAY_MS;
  const date = new Date(periodStartMs);
  return utcMidnight(date.getUTCFullYear(), date.getUTCMonth() + n * MONTHS_PER_PERIOD[period], 1);
}

/**
 * The first day of the period containing `day`: the Monday of its ISO week,
 * the first of its month, or the first of its quarter (Jan, Apr, Jul, Oct).
 */
export function periodStart(day: string, period: ForecastPeriod): string {
  checkPeriod(period);
  return formatDay(startMs(parseDay(day), period));
}

/**
 * The first day of the period `n` periods after the one containing `start`
 * (`n` may be negative or zero). `start` need not be a period start:
 * `addPeriods('2024-01-31', 'month', 1)` is `'2024-02-01'`.
 */
export function addPeriods(start: string, period: ForecastPeriod, n: number): string {
  checkPeriod(period);
  if (!Number.isInteger(n)) throw invalid(`The number of periods must be an integer, got ${n}.`, 'periods');
  return formatDay(shiftMs(startMs(parseDay(start), period), period, n));
}

/**
 * A short sortable name of the period containing `day`: `2026-W01` (ISO 8601
 * week, whose year is the year of its Thursday), `2026-01`, or `2026-Q1`.
 * Forecast buckets are keyed by their first day instead; this is for labels
 * and exports.
 */
export function periodKey(day: string, period: ForecastPeriod): string {
  checkPeriod(period);
  const start = startMs(parseDay(day), period);
  const date = new Date(start);
  if (period === 'week') {
    const thursday = new Date(start + 3 * DAY_MS);
    const weekYear = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - utcMidnight(weekYear, 0, 1)) / (7 * DAY_MS)) + 1;
    return `${pad(weekYear, 4)}-W${pad(week, 2)}`;
  }
  const year = pad(date.getUTCFullYear(), 4);
  if (period === 'month') return `${year}-${pad(date.getUTCMonth() + 1, 2)}`;
  return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/**
 * The consecutive periods of a forecast horizon: `periods` periods, the first
 * one containing `from`. Each `end` is the next one's `start`.
 */
export function horizon(from: string, period: ForecastPeriod, periods: number): PeriodRange[] {
  const bounds = periodBoundaries(from, period, periods);
  const ranges: PeriodRange[] = [];
  for (let i = 0; i < periods; i++) ranges.push({ start: bounds[i]!, end: bounds[i + 1]! });
  return ranges;
}

/**
 * The `periods + 1` boundary days of a horizon: every period's start, then the
 * day after the last period. Validates all three arguments.
 */
export function periodBoundaries(from: string, period: ForecastPeriod, periods: number): string[] {
  checkPeriod(period);
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_HORIZON_PERIODS) {
    throw invalid(`The horizon must cover 1 to ${MAX_HORIZON_PERIODS} periods, got ${periods}.`, 'periods');
  }
  const first = startMs(parseDay(from, 'from'), period);
  const bounds: string[] = [];
  for (let i = 0; i <= periods; i++) bounds.push(formatDay(shiftMs(first, period, i)));
  return bounds;
}

/**
 * The UTC day of an ISO instant, `YYYY-MM-DD`. An instant written with an
 * offset (`2026-03-01T01:00:00+02:00`) is converted, so it may fall on the
 * day before its written date.
 */
export function utcDay(instant: string): string {
  if (instant.endsWith('Z') && DAY_PATTERN.test(instant.slice(0, 10))) return instant.slice(0, 10);
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw invalid(`"${instant}" is not an ISO date and time.`, 'closedAt');
  return formatDay(ms);
}

/**
 * A string that compares with `YYYY-MM-DD` days exactly as the UTC day of
 * `instant` does, without allocating in the common case: an instant in UTC
 * (`...Z`) starts with its day, and a longer string starting with a day sorts
 * after that day and before the next, so it is returned as it is.
 */
export function comparableUtcDay(instant: string): string {
  // charCode 90 is "Z", 84 is "T" at index 10 of `YYYY-MM-DDTHH:mm...`.
  if (instant.charCodeAt(instant.length - 1) === 90 && instant.charCodeAt(10) === 84) return instant;
  return utcDay(instant);
}

/**
 * Index of the period containing `day` among `bounds` (from
 * `periodBoundaries`), by binary search on the strings: -1 before the
 * horizon, `bounds.length - 1` at or after its end.
 */
export function boundaryIndex(bounds: readonly string[], day: string): number {
  let low = 0;
  let high = bounds.length;
  // Invariant: bounds[i] <= day for i < low, bounds[i] > day for i >= high.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (bounds[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

const ZERO = 48; // "0"
const DASH = 45; // "-"

/**
 * The number written with `length` decimal digits from `start` of `text`,
 * or -1 when one of them is not a digit.
 */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The place of the `YYYY-MM-DD` that `text` starts with on a calendar where
 * every month has 31 days, or -1 when it does not start with one whose month
 * is 01-12 and day 01-31. Between such strings (an instant in UTC being its
 * day plus a tail), this place orders as the strings do, impossible days
 * included: 2026-02-30 falls after the 28th and before March 1st either way.
 */
function calendarSlot(text: string): number {
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return -1;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return (year * 12 + month - 1) * 31 + day - 1;
}

/**
 * `boundaryIndex` for many days against the same bounds, without searching:
 * a day's calendar slot indexes a table of the periods, built once. Strings
 * that are not a plain day (or a UTC instant starting with one) are searched
 * as before, so every answer is exactly `boundaryIndex(bounds, day)`. Over
 * tens of thousands of deals this takes about a quarter off the forecast:
 * the search's string comparisons and unpredictable branches cost more than
 * reading ten characters.
 */
export class DayLocator {
  /** How many periods the bounds delimit: `locate` gives this for a day at or after the last bound. */
  readonly periodCount: number;
  private readonly bounds: readonly string[];
  /** Calendar slot of the first bound. */
  private readonly firstSlot: number;
  /** The period of each calendar slot from the first bound up to the last one (excluded). */
  private readonly periods: Uint16Array;

  /** `bounds` as `periodBoundaries` gives them: real days, ascending, at most `MAX_HORIZON_PERIODS + 1`. */
  constructor(bounds: readonly string[]) {
    const slots = bounds.map(calendarSlot);
    const ascending = slots.every((slot, i) => slot >= 0 && (i === 0 || slot > slots[i - 1]!));
    if (slots.length === 0 || slots.length > MAX_HORIZON_PERIODS + 1 || !ascending) {
      throw invalid(`Period boundaries must be 1 to ${MAX_HORIZON_PERIODS + 1} ascending days written YYYY-MM-DD.`, 'bounds');
    }
    this.bounds = bounds;
    this.periodCount = bounds.length - 1;
    this.firstSlot = slots[0]!;
    this.periods = new Uint16Array(slots.at(-1)! - this.firstSlot);
    for (let i = 0; i + 1 < slots.length; i++) this.periods.fill(i, slots[i]! - this.firstSlot, slots[i + 1]! - this.firstSlot);
  }

  /** The index of the period containing `day`, as `boundaryIndex(bounds, day)` gives it. */
  locate(day: string): number {
    const slot = calendarSlot(day);
    if (slot < 0) return boundaryIndex(this.bounds, day);
    const offset = slot - this.firstSlot;
    if (offset < 0) return -1;
    return offset < this.periods.length ? this.periods[offset]! : this.periodCount;
  }
}
