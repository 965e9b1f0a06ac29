/**
 * Where the chart's numbers come from, as pure functions: the horizon's
 * buckets and the close-date range each one stands for, which deals the
 * chart counts when it narrowed the shared filter itself, rates into the
 * chart's currency, and the check of a forecast computed by a server.
 */
import * as z from 'zod/mini';
import { DealAdapterError } from '../../adapters/errors.js';
import { parseOrThrow } from '../../adapters/validate.js';
import { OVERDUE_KEY } from '../../analytics/bucketing.js';
import { rateFor } from '../../analytics/currency.js';
import { horizon } from '../../analytics/periods.js';
import type { ForecastOptions, ForecastResult, Rates } from '../../analytics/types.js';
import { matchesQuery } from '../../model/rules.js';
import type { DateRange, Deal } from '../../model/schemas.js';
import type { DealFilter } from '../../store/filter.js';

/** A bucket of the horizon, without its numbers. */
export interface BucketFrame {
  key: string;
  start: string | null;
  end: string;
  overdue: boolean;
}

/** The overdue bucket, then one per period, as `forecast` returns them. Throws a `validation` error for bad options. */
export function horizonFrames(options: Pick<ForecastOptions, 'from' | 'period' | 'periods'>): BucketFrame[] {
  const periods = horizon(options.from, options.period, options.periods);
  return [
    { key: OVERDUE_KEY, start: null, end: periods[0]!.start, overdue: true },
    ...periods.map((range) => ({ key: range.start, start: range.start, end: range.end, overdue: false })),
  ];
}

const DAY_MS = 86_400_000;

/** The day before a `YYYY-MM-DD` day. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * The shared-filter close-date range (inclusive ends) of a bucket: the
 * period's first to last day, or everything before the horizon for overdue.
 */
export function closeDateRange(frame: BucketFrame): { from?: string; to: string } {
  const to = dayBefore(frame.end);
  return frame.overdue || frame.start === null ? { to } : { from: frame.start, to };
}

/** Whether two close-date ranges cover the same days (missing and null ends are open). */
export function sameRange(a: DateRange | undefined, b: DateRange | undefined): boolean {
  return (a?.from || null) === (b?.from || null) && (a?.to || null) === (b?.to || null);
}

/**
 * The bucket whose close-date range the shared filter is narrowed to, if
 * any: that is the chart's selection, whoever set it.
 */
export function selectedFrame(frames: readonly BucketFrame[], filter: DealFilter): BucketFrame | null {
  const closeDate = filter.closeDate;
  if (!closeDate || (!closeDate.from && !closeDate.to)) return null;
  return frames.find((frame) => sameRange(closeDateRange(frame), closeDate)) ?? null;
}

/**
 * The deals a query admits, in the order given. A query that narrows
 * nothing but statuses, keeping both open and won deals, admits every deal
 * the forecast counts (it skips lost deals itself), so all are returned
 * without testing each one.
 */
export function dealsMatching(deals: Iterable<Deal>, query: DealFilter): Deal[] {
  if (countsEveryForecastDeal(query)) return Array.from(deals);
  const out: Deal[] = [];
  for (const deal of deals) if (matchesQuery(deal, query)) out.push(deal);
  return out;
}

function countsEveryForecastDeal(query: DealFilter): boolean {
  const { statuses, ...others } = query;
  const narrowed = Object.values(others).some((value) => value !== undefined);
  return !narrowed && (!statuses || statuses.length === 0 || (statuses.includes('open') && statuses.includes('won')));
}

/** The filter without its close-date range. */
export function withoutCloseDate(filter: DealFilter): DealFilter {
  const { closeDate: _selection, ...rest } = filter;
  return rest;
}

/**
 * Rates into `currency` from rates quoted into `baseCurrency` (the store's).
 * When the chart shows another currency than the store, each rate is
 * divided by the chart currency's own rate (cross rates); without that rate
 * no conversion is possible, so only amounts already in `currency` count.
 */
export function ratesInto(currency: string, baseCurrency: string, baseRates: Rates): Rates {
  if (currency === baseCurrency) return baseRates;
  const chartInBase = rateFor(currency, baseCurrency, baseRates);
  if (chartInBase === null) return {};
  const rates: Record<string, number> = { [baseCurrency]: 1 / chartInBase };
  for (const code of Object.keys(baseRates)) {
    const rate = rateFor(code, baseCurrency, baseRates);
    if (code !== currency && rate !== null) rates[code] = rate / chartInBase;
  }
  return rates;
}

/** Today in the viewer's calendar, `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const Amount = z.number().check(z.gte(0));
const Outside = z.object({ count: z.int().check(z.gte(0)), weighted: Amount, unweighted: Amount });
const ForecastResponse = z.object({
  buckets: z.array(
    z.object({
      key: z.string(),
      start: z.nullable(z.string()),
      end: z.string(),
      overdue: z.boolean(),
      weighted: z.record(z.string(), Amount),
      unweighted: z.record(z.string(), Amount),
      won: Amount,
      totalWeighted: Amount,
      totalUnweighted: Amount,
      count: z.int().check(z.gte(0)),
    }),
  ),
  series: z.array(z.object({ key: z.string(), label: z.string() })),
  missingRates: z.array(z.object({ currency: z.string(), count: z.int().check(z.gte(0)), amount: Amount })),
  undated: Outside,
  beyond: Outside,
  totals: z.object({ weighted: Amount, unweighted: Amount, won: Amount }),
});

/**
 * Checks a forecast an adapter computed (server-side aggregation) before the
 * chart draws it: the shape, and that its buckets are exactly the horizon
 * asked for. Throws an `invalid_response` DealAdapterError otherwise, so a
 * bad server answer shows as a clear message, never as a wrong chart.
 */
export function parseForecastResponse(value: unknown, options: ForecastOptions): ForecastResult {
  const parsed = parseOrThrow(ForecastResponse, value, 'forecast response', 'invalid_response');
  const frames = horizonFrames(options);
  const mismatch = frames.findIndex((frame, i) => {
    const bucket = parsed.buckets[i];
    return !bucket || bucket.key !== frame.key || bucket.overdue !== frame.overdue || bucket.start !== frame.start || bucket.end !== frame.end;
  });
  if (mismatch >= 0 || parsed.buckets.length !== frames.length) {
    throw new DealAdapterError(
      'invalid_response',
      `Invalid forecast response: expected ${frames.length} buckets from ${frames[0]!.key} to ${frames.at(-1)!.key}` +
        (mismatch >= 0 ? `, bucket ${mismatch} differs.` : `, got ${parsed.buckets.length}.`),
    );
  }
  return { ...parsed, options };
}
