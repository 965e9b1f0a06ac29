/**
 * Named date ranges of the filter ("this month", "last quarter"...) as
 * inclusive `YYYY-MM-DD` ranges, computed from a given day. Pure.
 */

/** The named ranges the filter offers. */
export type RangePreset = 'this-month' | 'last-month' | 'next-month' | 'this-quarter' | 'this-year';

/** Presets of the lost-date range (losses are in the past). */
export const LOST_DATE_PRESETS: readonly RangePreset[] = Object.freeze(['this-month', 'last-month', 'this-quarter', 'this-year']);

/** Presets of the expected-close range (closing is mostly ahead). */
export const CLOSE_DATE_PRESETS: readonly RangePreset[] = Object.freeze(['this-month', 'next-month', 'this-quarter', 'this-year']);

export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a UTC calendar date built from year and zero-based month (months roll over). */
function isoDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month, day));
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The first and last day of the months `[month, month + length)`, zero-based, rolling over years. */
function monthsSpan(year: number, month: number, length: number): DayRange {
  return { from: isoDay(year, month, 1), to: isoDay(year, month + length, 0) };
}

/** Today's date where the user is, `YYYY-MM-DD` (the calendar the user means by "this month"). */
export function localToday(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The range a preset names, counted from `today` (`YYYY-MM-DD`); null if `today` is no date. */
export function presetRange(preset: RangePreset, today: string): DayRange | null {
  const match = DAY.exec(today);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  switch (preset) {
    case 'this-month':
      return monthsSpan(year, month, 1);
    case 'last-month':
      return monthsSpan(year, month - 1, 1);
    case 'next-month':
      return monthsSpan(year, month + 1, 1);
    case 'this-quarter':
      return monthsSpan(year, month - (month % 3), 3);
    case 'this-year':
      return monthsSpan(year, 0, 12);
  }
}

/** The preset among `presets` that names exactly this range today, if any. */
export function presetOf(
  range: { from?: string | null; to?: string | null } | undefined,
  presets: readonly RangePreset[],
  today: string,
): RangePreset | null {
  if (!range) return null;
  return presets.find((preset) => {
    const named = presetRange(preset, today);
    return named !== null && named.from === (range.from ?? null) && named.to === (range.to ?? null);
  }) ?? null;
}

/** The first and last day of a `YYYY-MM` month; null if it is no month. */
export function monthRange(month: string): DayRange | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const monthIndex = Number(match[2]) - 1;
  if (monthIndex < 0 || monthIndex > 11) return null;
  return monthsSpan(Number(match[1]), monthIndex, 1);
}
