/**
 * What the forecast and its range share: validating the horizon options,
 * placing an open deal by its expected close date, and checking the numbers a
 * sum depends on.
 */
import type { Deal } from '../model/schemas.js';
import { DayLocator, periodBoundaries } from './periods.js';
import type { ForecastOptions } from './types.js';
import { checkCurrency, checkOptions, invalid } from './validation.js';

/** The options that decide the buckets and the currency. */
export type HorizonOptions = Pick<ForecastOptions, 'period' | 'from' | 'periods' | 'currency' | 'rates'>;

/** Key of the bucket of open deals expected to close before the horizon. */
export const OVERDUE_KEY = 'overdue';

/** Bucket positions outside the horizon (bucket 0 is overdue, 1..n the periods). */
export const UNDATED = -1;
export const BEYOND = -2;

export interface BucketFrame {
  key: string;
  start: string | null;
  end: string;
  overdue: boolean;
}

export interface HorizonLayout {
  /** Period starts, then the day after the last period (see `periodBoundaries`). */
  bounds: string[];
  /** The overdue frame first, then one per period. */
  frames: BucketFrame[];
  /** Finds the period of a day among `bounds`. */
  days: DayLocator;
}

/** Validates the horizon options and lays out the buckets. */
export function layoutHorizon(options: HorizonOptions): HorizonLayout {
  checkOptions(options);
  checkCurrency(options.currency);
  if (options.rates !== undefined && (typeof options.rates !== 'object' || options.rates === null)) {
    throw invalid('Rates must be an object of currency codes to numbers.', 'rates');
  }
  const bounds = periodBoundaries(options.from, options.period, options.periods);
  const frames: BucketFrame[] = [{ key: OVERDUE_KEY, start: null, end: bounds[0]!, overdue: true }];
  for (let i = 0; i + 1 < bounds.length; i++) {
    frames.push({ key: bounds[i]!, start: bounds[i]!, end: bounds[i + 1]!, overdue: false });
  }
  return { bounds, frames, days: new DayLocator(bounds) };
}

/**
 * The bucket of an open deal: 0 (overdue) when it was expected before the
 * horizon, 1..n for the periods, `UNDATED` without a date, `BEYOND` after the
 * horizon. No date is parsed into a Date per deal.
 */
export function openDealBucket(days: DayLocator, expectedClose: string | null): number {
  if (expectedClose === null) return UNDATED;
  const period = days.locate(expectedClose);
  return period < days.periodCount ? period + 1 : BEYOND;
}

/**
 * Throws a `validation` error for a deal whose amount or probability would
 * turn a sum into NaN or nonsense. Cheap enough to run on every deal: data
 * from an adapter is already validated, this guards hand-built arrays.
 */
export function checkSummable(deal: Deal): void {
  const { amount, probability } = deal;
  if (!(amount >= 0 && amount < Infinity)) {
    throw invalid(`Deal "${deal.id}" has an invalid amount (${amount}).`, 'amount');
  }
  if (!(probability >= 0 && probability <= 100)) {
    throw invalid(`Deal "${deal.id}" has an invalid probability (${probability}).`, 'probability');
  }
  const close = deal.expectedClose;
  // Shape only (length and dashes): a full date check per deal would cost more than the sum itself.
  if (close !== null && (typeof close !== 'string' || close.length !== 10 || close[4] !== '-' || close[7] !== '-')) {
    throw invalid(`Deal "${deal.id}" has an invalid expected close date (${String(close)}).`, 'expectedClose');
  }
}
