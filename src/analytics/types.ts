/**
 * Shapes of the analytics results. They are shared by the pure functions in
 * this folder, by adapters that compute the same aggregates on a server, and
 * by the elements that render them.
 */

export type ForecastPeriod = 'week' | 'month' | 'quarter';
export type ForecastGroupBy = 'stage' | 'owner';

/**
 * Exchange rates into one display currency: `rates[code]` is how many units
 * of the display currency one unit of `code` is worth. The display currency
 * itself needs no entry.
 */
export type Rates = Readonly<Record<string, number>>;

export interface ForecastOptions {
  period: ForecastPeriod;
  /** Any date inside the first period of the horizon, `YYYY-MM-DD`. */
  from: string;
  /** How many periods the horizon covers (at least 1). */
  periods: number;
  groupBy: ForecastGroupBy;
  /** The display currency. */
  currency: string;
  rates?: Rates;
}

/** A currency that had no rate, and what was left out because of it. */
export interface MissingRate {
  currency: string;
  /** How many deals were not counted. */
  count: number;
  /** Their summed amount in that currency (weighted by nothing). */
  amount: number;
}

export interface ForecastBucket {
  /** `overdue`, or the first day of the period (`YYYY-MM-DD`). */
  key: string;
  /** First day of the period; null for the overdue bucket. */
  start: string | null;
  /** First day after the period (exclusive end); for overdue, the horizon start. */
  end: string;
  overdue: boolean;
  /** Open deals' weighted value (amount x probability / 100) per series key. */
  weighted: Record<string, number>;
  /** Open deals' amount per series key. */
  unweighted: Record<string, number>;
  /** Won deals closed in this period (actuals), in the display currency. */
  won: number;
  /** Sum of `weighted` plus `won`. */
  totalWeighted: number;
  /** Sum of `unweighted` plus `won`. */
  totalUnweighted: number;
  /** Number of deals counted here (open and won). */
  count: number;
}

export interface ForecastSeries {
  /** A stage id or an owner name. */
  key: string;
  /** Stage name or owner name, for legends. */
  label: string;
}

/** Deals the horizon does not show, reported rather than dropped. */
export interface ForecastOutside {
  count: number;
  weighted: number;
  unweighted: number;
}

export interface ForecastResult {
  options: ForecastOptions;
  /** The overdue bucket (always present, possibly empty) first, then one per period. */
  buckets: ForecastBucket[];
  /** Series of open deals in display order (stage order, or owners by name). */
  series: ForecastSeries[];
  missingRates: MissingRate[];
  /** Open deals with no expected close date. */
  undated: ForecastOutside;
  /** Open deals expected to close after the horizon. */
  beyond: ForecastOutside;
  /** Sums over the buckets of `weighted` and `unweighted` (open deals) and of `won`. */
  totals: { weighted: number; unweighted: number; won: number };
}

export interface ForecastRangeBucket {
  key: string;
  /** Expected value of the open deals (equals the bucket's weighted total of open deals). */
  expected: number;
  p10: number;
  p90: number;
  /** `simulation` or `normal`, so the tooltip can say how it was computed. */
  method: 'simulation' | 'normal';
}

export type LostGroupBy = 'reason' | 'stage' | 'owner' | 'month';

export interface LostAnalysisOptions {
  groupBy: LostGroupBy;
  currency: string;
  rates?: Rates;
}

export interface LostGroup {
  /** Reason id, stage id, owner, `YYYY-MM`; the empty string (`NO_VALUE_KEY`) for a loss without a reason, an owner or a closing date. */
  key: string;
  count: number;
  /** Summed amount in the display currency (deals without a rate left out, see missingRates). */
  amount: number;
  /** Share of all lost deals counted, 0 to 1. */
  share: number;
}

export interface LostAnalysis {
  options: LostAnalysisOptions;
  /** Ranked by count, then amount, then key. */
  groups: LostGroup[];
  total: { count: number; amount: number };
  missingRates: MissingRate[];
}

/** How deals that reached a stage ended (see `stageWinRates`). */
export interface StageWinRate {
  stageId: string;
  /** Closed deals (won or lost) that were in this stage at some point. */
  reached: number;
  /** How many of those were won. */
  won: number;
  /** `won / reached`; null when no closed deal reached the stage. */
  winRate: number | null;
  /** Lost deals that were lost while in this stage. */
  lostAt: number;
}

/** How long deals stay in a stage (see `timeInStage`). */
export interface StageTime {
  stageId: string;
  /** Mean length of a stay in days; null when no stay was measured. */
  averageDays: number | null;
  /** How many stays were measured. */
  stays: number;
}
