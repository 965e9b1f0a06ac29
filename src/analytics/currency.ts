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
 * The usable rates into one display currency, read once: `factor(from)` is
 * `rateFor(from, to, rates)` as it was when the table was made. For loops
 * over many deals: a method on one class, with every rate read up front,
 * keeps the loop's optimized code free of rarely run paths (a first lookup
 * of a currency), which used to throw it away now and then.
 */
export class RateTable {
  private readonly to: string;
  private readonly factors = new Map<string, number | null>();

  constructor(to: string, rates: Rates | undefined) {
    this.to = to;
    // Own properties only, as rateFor reads them.
    for (const code of rates ? Object.getOwnPropertyNames(rates) : []) this.factors.set(code, rateFor(code, to, rates));
  }

  factor(from: string): number | null {
    if (from === this.to) return 1;
    return this.factors.get(from) ?? null;
  }
}

/** `rateFor` into one display currency, with the rates as they are now (see `RateTable`). */
export function rateLookup(to: string, rates: Rates | undefined): (from: string) => number | null {
  const table = new RateTable(to, rates);
  return (from) => table.factor(from);
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
