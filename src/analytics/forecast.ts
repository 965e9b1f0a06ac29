/**
 * The forecast: open deals' weighted and unweighted value per period of a
 * horizon, with won deals as actuals, in one display currency.
 */
import { sortStages } from '../model/rules.js';
import type { Deal, Stage } from '../model/schemas.js';
import { BEYOND, UNDATED, checkSummable, layoutHorizon, openDealBucket } from './bucketing.js';
import { MissingRateTally, RateTable } from './currency.js';
import { comparableUtcDay, type DayLocator } from './periods.js';
import type { ForecastBucket, ForecastOptions, ForecastOutside, ForecastResult, ForecastSeries } from './types.js';
import { checkArray, invalid } from './validation.js';

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Series sums grown as series appear: one Float64Array per series, indexed by
 * bucket, so the loop over deals allocates nothing per deal.
 */
class SeriesSums {
  readonly keys: string[] = [];
  readonly labels: string[] = [];
  readonly weighted: Float64Array[] = [];
  readonly unweighted: Float64Array[] = [];
  /** How many series were preset (their order is kept); the rest are sorted by key. */
  private fixedCount = 0;
  private readonly indexByKey = new Map<string, number>();

  constructor(private readonly bucketCount: number) {}

  /** Adds a series that keeps its place ahead of the ones found among the deals. */
  preset(key: string, label: string): void {
    this.indexOf(key, () => label);
    this.fixedCount = this.keys.length;
  }

  /** The index of the series `key`, adding it (named by `labelOf`) the first time. */
  indexOf(key: string, labelOf: (key: string) => string): number {
    let index = this.indexByKey.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.indexByKey.set(key, index);
      this.keys.push(key);
      this.labels.push(labelOf(key));
      this.weighted.push(new Float64Array(this.bucketCount));
      this.unweighted.push(new Float64Array(this.bucketCount));
    }
    return index;
  }

  /** Series indexes in display order: preset ones first, then the others by key. */
  displayOrder(): number[] {
    const indexes = this.keys.map((_, i) => i);
    const found = indexes.slice(this.fixedCount).sort((a, b) => byCodeUnits(this.keys[a]!, this.keys[b]!));
    return [...indexes.slice(0, this.fixedCount), ...found];
  }
}

function checkGroupBy(groupBy: ForecastOptions['groupBy']): void {
  if (groupBy !== 'stage' && groupBy !== 'owner') {
    throw invalid(`Unknown grouping "${String(groupBy)}"; expected stage or owner.`, 'groupBy');
  }
}

const emptyOutside = (): ForecastOutside => ({ count: 0, weighted: 0, unweighted: 0 });

/** What the deals add up to, per bucket and series. */
interface Sums {
  series: SeriesSums;
  /** Won actuals per bucket. */
  won: Float64Array;
  /** Deals counted per bucket, open and won. */
  counts: Uint32Array;
  undated: ForecastOutside;
  beyond: ForecastOutside;
  missing: MissingRateTally;
}

/** How `addDeals` places and converts a deal. */
interface Placing {
  days: DayLocator;
  rates: RateTable;
  byStage: boolean;
  labelOf: (key: string) => string;
}

/**
 * Adds every deal into `sums`, as `forecast` describes.
 *
 * The loop has a function of its own for V8's sake. A long loop is compiled
 * to optimized code while it runs, before the code after it has ever run;
 * in one function with that code, every later call threw the optimized loop
 * away on reaching it, and most of the loop ran unoptimized. An index rather
 * than for-of, too: unoptimized, for-of allocates an object per deal.
 */
function addDeals(deals: readonly Deal[], sums: Sums, { days, rates, byStage, labelOf }: Placing): void {
  const { series, won, counts, undated, beyond, missing } = sums;
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i]!;
    const status = deal.status;
    if (status === 'open') {
      checkSummable(deal);
      const factor = rates.factor(deal.currency);
      if (factor === null) {
        missing.add(deal.currency, deal.amount);
        continue;
      }
      const amount = deal.amount * factor;
      const weighted = (amount * deal.probability) / 100;
      const bucket = openDealBucket(days, deal.expectedClose);
      if (bucket === UNDATED || bucket === BEYOND) {
        const outside = bucket === UNDATED ? undated : beyond;
        outside.count += 1;
        outside.weighted += weighted;
        outside.unweighted += amount;
        continue;
      }
      const index = series.indexOf(byStage ? deal.stageId : deal.owner, labelOf);
      series.weighted[index]![bucket]! += weighted;
      series.unweighted[index]![bucket]! += amount;
      counts[bucket]! += 1;
    } else if (status === 'won' && deal.closedAt !== null) {
      const period = days.locate(comparableUtcDay(deal.closedAt));
      if (period < 0 || period >= days.periodCount) continue;
      checkSummable(deal);
      const factor = rates.factor(deal.currency);
      if (factor === null) {
        missing.add(deal.currency, deal.amount);
        continue;
      }
      const bucket = period + 1;
      won[bucket]! += deal.amount * factor;
      counts[bucket]! += 1;
    }
  }
}

/**
 * Computes the forecast of `deals` over the horizon in `options`.
 *
 * - An **open** deal counts its amount (unweighted) and amount x probability
 *   / 100 (weighted) in the bucket of its expected close date, in its series
 *   (its stage, or its owner). Expected before the horizon: the `overdue`
 *   bucket (always first, always present). No date: `undated`. After the
 *   horizon: `beyond`. Nothing is dropped.
 * - A **won** deal counts its amount as `won` (actuals) in the period of its
 *   closing day (`closedAt`, UTC). Won deals closed outside the horizon, or
 *   with no closing time, are not counted anywhere: they are history, not
 *   forecast. They never land in `overdue`.
 * - **Lost** deals are ignored.
 * - Amounts are converted into `options.currency` with `options.rates`. A
 *   deal whose currency has no usable rate is not summed and not counted in
 *   any bucket; it is reported in `missingRates` (per currency: deals and
 *   their raw amount). Only deals that would otherwise be counted appear there.
 *
 * Every period of the horizon has a bucket, with zeros when empty, and every
 * bucket has every series key. Series: grouped by stage, every non-won stage
 * in stage order (a stable legend even when a stage is empty), followed by
 * any other stage id open deals carry; grouped by owner, the owners of the
 * open deals counted in the buckets, sorted by code units (`''` for no owner,
 * labelled `''` too, for the element to name). `totals` are the sums over the
 * buckets (undated and beyond are not in them).
 *
 * Runs in one pass without per-deal allocation or date parsing, so 100,000
 * deals take a few milliseconds. Throws a `validation` DealAdapterError for
 * bad options or a deal with a non-numeric amount or probability.
 */
export function forecast(deals: readonly Deal[], stages: readonly Stage[], options: ForecastOptions): ForecastResult {
  checkArray(deals, 'deals');
  checkArray(stages, 'stages');
  const { frames, days } = layoutHorizon(options);
  checkGroupBy(options.groupBy);
  const bucketCount = frames.length;
  const byStage = options.groupBy === 'stage';
  const rates = new RateTable(options.currency, options.rates);

  const series = new SeriesSums(bucketCount);
  const stageNames = new Map<string, string>();
  for (const stage of sortStages(stages)) {
    stageNames.set(stage.id, stage.name);
    if (byStage && !stage.won) series.preset(stage.id, stage.name);
  }
  const labelOf = (key: string): string => (byStage ? stageNames.get(key) ?? key : key);
  const sums: Sums = {
    series,
    won: new Float64Array(bucketCount),
    counts: new Uint32Array(bucketCount),
    undated: emptyOutside(),
    beyond: emptyOutside(),
    missing: new MissingRateTally(),
  };
  addDeals(deals, sums, { days, rates, byStage, labelOf });
  const { won, counts, undated, beyond, missing } = sums;

  const order = series.displayOrder();
  const totals = { weighted: 0, unweighted: 0, won: 0 };
  const buckets: ForecastBucket[] = frames.map((frame, bucket) => {
    let weightedSum = 0;
    let unweightedSum = 0;
    const weighted: [string, number][] = [];
    const unweighted: [string, number][] = [];
    for (const index of order) {
      const w = series.weighted[index]![bucket]!;
      const u = series.unweighted[index]![bucket]!;
      weighted.push([series.keys[index]!, w]);
      unweighted.push([series.keys[index]!, u]);
      weightedSum += w;
      unweightedSum += u;
    }
    const wonSum = won[bucket]!;
    totals.weighted += weightedSum;
    totals.unweighted += unweightedSum;
    totals.won += wonSum;
    return {
      ...frame,
      // fromEntries defines own properties, so an owner named "__proto__" is a plain key.
      weighted: Object.fromEntries(weighted),
      unweighted: Object.fromEntries(unweighted),
      won: wonSum,
      totalWeighted: weightedSum + wonSum,
      totalUnweighted: unweightedSum + wonSum,
      count: counts[bucket]!,
    };
  });
  const legend: ForecastSeries[] = order.map((index) => ({ key: series.keys[index]!, label: series.labels[index]! }));

  return {
    options: { ...options, ...(options.rates ? { rates: { ...options.rates } } : {}) },
    buckets,
    series: legend,
    missingRates: missing.list(),
    undated,
    beyond,
    totals,
  };
}
