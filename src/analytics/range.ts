/**
 * The likely range of each forecast bucket: if every open deal closes (for
 * its full amount) with its probability, independently of the others, what
 * do the bucket's open deals bring in, at the 10th and 90th percentiles?
 */
import type { Deal } from '../model/schemas.js';
import { checkSummable, layoutHorizon, openDealBucket, type HorizonOptions } from './bucketing.js';
import { RateTable } from './currency.js';
import type { DayLocator } from './periods.js';
import type { ForecastRangeBucket } from './types.js';
import { checkArray, invalid } from './validation.js';

export interface ForecastRangeSettings {
  /** Seed of the simulation: the same seed and deals give the same range. Default 1. */
  seed?: number;
  /** Simulated outcomes per bucket, 1 to 100,000. Default 2000. */
  iterations?: number;
}

/**
 * At most this many random draws (uncertain deals x iterations, over all
 * buckets) are simulated; buckets beyond it use the normal approximation.
 */
export const SIMULATION_BUDGET = 2_000_000;

const MAX_ITERATIONS = 100_000;
/** The standard normal quantile at 0.9: mean +- Z90 sigma spans P10 to P90. */
const Z90 = 1.2815515655446004;

/** The open deals of one bucket, split into what is certain and what is not. */
interface BucketDeals {
  /** Expected value: sum of amount x probability / 100. */
  expected: number;
  /** Sum of the amounts of deals at 100 %: the least the bucket brings. */
  certain: number;
  /** Sum of the amounts of deals above 0 %: the most the bucket brings. */
  possible: number;
  /** Sum of amount^2 x q(1 - q): the variance of the outcome. */
  variance: number;
  /** Amounts and probabilities (0..1) of the deals strictly between 0 and 100 %. */
  amounts: number[];
  chances: number[];
}

/** The `q` quantile of sorted values, interpolating linearly (as d3.quantileSorted). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (high - low) * (position - below);
}

/** 2^32: mulberry32 draws a uint32 `u` and returns `u / 2^32`. */
const UINT32_RANGE = 4294967296;

/** P10 and P90 of the bucket's outcome over `iterations` simulated outcomes. */
function simulate(deals: BucketDeals, iterations: number, seed: number): { p10: number; p90: number } {
  const amounts = Float64Array.from(deals.amounts);
  const thresholds = Float64Array.from(deals.chances, (chance) => chance * UINT32_RANGE);
  const outcomes = drawOutcomes(deals.certain, amounts, thresholds, iterations, seed);
  outcomes.sort();
  return { p10: quantileSorted(outcomes, 0.1), p90: quantileSorted(outcomes, 0.9) };
}

/**
 * The bucket's outcome `iterations` times: with a million draws and more,
 * the loop is kept lean (four times faster than calling `seededRandom` and
 * branching), and has a function of its own as `collectDeals` does.
 *
 * - The draws are exactly those of `seededRandom(seed)` (mulberry32),
 *   inlined rather than called through its closure.
 * - A deal closes when `u / 2^32 < chance`, tested as `u < chance * 2^32`:
 *   both sides are exact in floating point (scaling by a power of two), so
 *   the outcomes are the very ones `random() < chance` gives.
 * - A closing deal adds its amount times 1, the others times 0, instead of
 *   branching: the outcome is random, so a branch was mispredicted half the
 *   time. Adding 0 leaves the sum exactly as it was.
 */
function drawOutcomes(certain: number, amounts: Float64Array, thresholds: Float64Array, iterations: number, seed: number): Float64Array {
  const outcomes = new Float64Array(iterations);
  let state = seed >>> 0;
  for (let i = 0; i < iterations; i++) {
    let sum = certain;
    for (let j = 0; j < amounts.length; j++) {
      // mulberry32, as in seededRandom.
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      sum += amounts[j]! * Number((t ^ (t >>> 14)) >>> 0 < thresholds[j]!);
    }
    outcomes[i] = sum;
  }
  return outcomes;
}

function normalApproximation(deals: BucketDeals): { p10: number; p90: number } {
  const spread = Z90 * Math.sqrt(deals.variance);
  return {
    p10: Math.max(deals.certain, deals.expected - spread),
    p90: Math.min(deals.possible, deals.expected + spread),
  };
}

/**
 * Adds each open deal of the horizon to its bucket. Like the forecast's, the
 * loop has a function of its own, so that V8's optimized code for it is not
 * thrown away by code after it (see `addDeals` in forecast.ts).
 */
function collectDeals(deals: readonly Deal[], buckets: BucketDeals[], days: DayLocator, rates: RateTable, currency: string): void {
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i]!;
    if (deal.status !== 'open') continue;
    checkSummable(deal);
    const factor = rates.factor(deal.currency);
    if (factor === null) continue;
    const bucket = buckets[openDealBucket(days, deal.expectedClose)];
    if (!bucket) continue; // undated or beyond the horizon
    const amount = deal.amount * factor;
    if (!Number.isFinite(amount)) {
      // Infinity times a deal that does not close would be NaN in the simulation.
      throw invalid(`Deal "${deal.id}" has an amount too large to convert into ${currency}.`, 'amount');
    }
    const chance = deal.probability / 100;
    // The forecast's own expression for a weighted value, so `expected` matches its open total.
    bucket.expected += (amount * deal.probability) / 100;
    if (chance === 0) continue;
    bucket.possible += amount;
    if (chance === 1) {
      bucket.certain += amount;
    } else {
      bucket.variance += amount * amount * chance * (1 - chance);
      bucket.amounts.push(amount);
      bucket.chances.push(chance);
    }
  }
}

/**
 * P10 and P90 of what the open deals of each forecast bucket (overdue first,
 * then the periods, as in `forecast`) bring in, where each deal independently
 * closes for its full amount with its probability, or brings nothing.
 * `expected` is the bucket's open weighted total; won actuals, undated and
 * beyond deals are not part of the range. Amounts are converted as in
 * `forecast`; deals without a rate are left out.
 *
 * Buckets are simulated exactly (Monte Carlo, `iterations` outcomes, seeded,
 * so the same input gives the same range) while the draws stay within
 * `SIMULATION_BUDGET`, cheapest buckets first; the others use the normal
 * approximation (mean sum(a p), variance sum(a^2 p (1 - p)), mean +- 1.2816
 * sigma, clamped to what the bucket can bring). `method` says which.
 *
 * The percentiles are those of the outcome, which is discrete: with only a
 * few deals, they need not bracket `expected` (one deal at 95 % has P10 equal
 * to its amount).
 *
 * Throws a `validation` DealAdapterError for bad options or settings, and for
 * a deal whose amount is not a number or too large to convert.
 */
export function forecastRange(
  deals: readonly Deal[],
  options: HorizonOptions,
  { seed = 1, iterations = 2000 }: ForecastRangeSettings = {},
): ForecastRangeBucket[] {
  checkArray(deals, 'deals');
  const { frames, days } = layoutHorizon(options);
  if (!Number.isFinite(seed)) throw invalid(`The seed must be a finite number, got ${seed}.`, 'seed');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw invalid(`Iterations must be an integer from 1 to ${MAX_ITERATIONS}, got ${iterations}.`, 'iterations');
  }
  const rates = new RateTable(options.currency, options.rates);
  const buckets: BucketDeals[] = frames.map(() => ({
    expected: 0, certain: 0, possible: 0, variance: 0, amounts: [], chances: [],
  }));

  collectDeals(deals, buckets, days, rates, options.currency);

  // Spend the simulation budget on the cheapest buckets: those with few deals,
  // where the normal approximation is poorest.
  const simulated = new Set<number>();
  let budget = SIMULATION_BUDGET;
  const byCost = buckets.map((_, i) => i).sort((a, b) => buckets[a]!.amounts.length - buckets[b]!.amounts.length || a - b);
  for (const index of byCost) {
    const draws = buckets[index]!.amounts.length * iterations;
    if (draws > budget) break;
    budget -= draws;
    simulated.add(index);
  }

  const baseSeed = seed >>> 0;
  return frames.map((frame, index) => {
    const bucket = buckets[index]!;
    const isSimulated = simulated.has(index);
    // Each bucket draws from its own stream, so whether another bucket is simulated does not change it.
    const bucketSeed = (baseSeed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
    const { p10, p90 } = isSimulated ? simulate(bucket, iterations, bucketSeed) : normalApproximation(bucket);
    return { key: frame.key, expected: bucket.expected, p10, p90, method: isSimulated ? 'simulation' : 'normal' };
  });
}
