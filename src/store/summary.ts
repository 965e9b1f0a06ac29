import { convert } from '../analytics/currency.js';
import type { MissingRate, Rates } from '../analytics/types.js';
import type { Deal } from '../model/schemas.js';

/** Totals of a list of deals in one display currency. */
export interface DealSummary {
  count: number;
  /** Sum of amounts that could be converted. */
  amount: number;
  /** Sum of amount x probability / 100 (won deals count in full, lost deals as 0). */
  weighted: number;
  /** Deals left out of the sums because their currency has no rate. */
  missingRates: MissingRate[];
}

/** Sums deals into `currency`; a deal without a rate is counted in `missingRates`, never summed raw. */
export function summarize(deals: readonly Deal[], currency: string, rates: Rates): DealSummary {
  let amount = 0;
  let weighted = 0;
  let missing: Map<string, MissingRate> | null = null;
  for (const deal of deals) {
    const value = deal.currency === currency ? deal.amount : convert(deal.amount, deal.currency, currency, rates);
    if (value === null) {
      missing ??= new Map();
      const entry = missing.get(deal.currency) ?? { currency: deal.currency, count: 0, amount: 0 };
      entry.count += 1;
      entry.amount += deal.amount;
      missing.set(deal.currency, entry);
      continue;
    }
    amount += value;
    weighted += (value * deal.probability) / 100;
  }
  return { count: deals.length, amount, weighted, missingRates: missing ? [...missing.values()] : [] };
}
