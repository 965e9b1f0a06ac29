/**
 * Conversion into the display currency. A missing or unusable rate is never
 * papered over: the amount is left out and reported as a `MissingRate`, so a
 * total never silently mixes currencies.
 */
import type { MissingRate, Rates } from './types.js';

/**
 * The factor that turns one unit of `from` into `to`: 1 for the same
 * currency, `rates[from]` when it is a finite positive number, else null.
 * Rates are quoted into the display currency `to` (see `Rates`).
 */
export function rateFor(from: string, to: string, rates: Rates | undefined): number | null {
  if (from === to) return 1;
  // Own properties only: a code such as "constructor" must not find Object.prototype's.
  if (!rates || !Object.hasOwn(rates, from)) return null;
  const rate = rates[from];
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : null;
}

/** `amount` of `from` in `to`, or null when there is no usable rate. */
export function convert(amount: number, from: string, to: string, rates?: Rates): number | null {
  const rate = rateFor(from, to, rates);
  return rate === null ? null : amount * rate;
}

/**
 * A memoized `rateFor` into one display currency, for loops over many deals
 * that share a handful of currencies.
 */
export function rateLookup(to: string, rates: Rates | undefined): (from: string) => number | null {
  const cache = new Map<string, number | null>();
  // Deals mostly come in runs of one currency: checking the last one first skips the map.
  let lastFrom: string | undefined;
  let lastRate: number | null = null;
  return (from) => {
    if (from === lastFrom) return lastRate;
    let rate = cache.get(from);
    if (rate === undefined) {
      rate = rateFor(from, to, rates);
      cache.set(from, rate);
    }
    lastFrom = from;
    lastRate = rate;
    return rate;
  };
}

/** Collects the deals left out for want of a rate, per currency. */
export class MissingRateTally {
  private readonly byCurrency = new Map<string, MissingRate>();

  /** Records one deal of `amount` in `currency` that could not be converted. */
  add(currency: string, amount: number): void {
    const entry = this.byCurrency.get(currency);
    if (entry) {
      entry.count += 1;
      entry.amount += amount;
    } else {
      this.byCurrency.set(currency, { currency, count: 1, amount });
    }
  }

  /** Whether nothing was left out. */
  get empty(): boolean {
    return this.byCurrency.size === 0;
  }

  /** The entries, sorted by currency code (fresh copies). */
  list(): MissingRate[] {
    return [...this.byCurrency.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }
}
