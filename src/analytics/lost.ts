/**
 * Why, where, by whom and when deals are lost: lost deals grouped and ranked.
 */
import type { Deal } from '../model/schemas.js';
import { MissingRateTally, rateLookup } from './currency.js';
import { comparableUtcDay } from './periods.js';
import type { LostAnalysis, LostAnalysisOptions, LostGroup, LostGroupBy } from './types.js';
import { checkArray, checkCurrency, checkOptions, invalid } from './validation.js';

/**
 * The group key of a loss without a reason, an owner or a closing date. The
 * empty string, because no reason id, stage id or month can be empty and an
 * empty owner already means "no owner": a word such as "none" could also be
 * a real owner's name or reason id, and the two groups would merge.
 */
export const NO_VALUE_KEY = '';

const GROUP_BY: readonly LostGroupBy[] = ['reason', 'stage', 'owner', 'month'];

function groupKey(deal: Deal, groupBy: LostGroupBy): string {
  switch (groupBy) {
    case 'reason':
      return deal.lostReasonId ?? NO_VALUE_KEY;
    case 'stage':
      return deal.stageId;
    case 'owner':
      return deal.owner === '' ? NO_VALUE_KEY : deal.owner;
    case 'month':
      return deal.closedAt === null ? NO_VALUE_KEY : comparableUtcDay(deal.closedAt).slice(0, 7);
  }
}

/**
 * Groups the lost deals among `deals` (others are ignored; filter with a
 * query first) by lost reason, by the stage where they were lost, by owner,
 * or by month of loss (`YYYY-MM` of `closedAt` in UTC). A loss without a
 * reason, an owner or a closing time goes to the group `NO_VALUE_KEY` (the
 * empty string).
 *
 * `count` counts every lost deal. `amount` sums the amounts converted into
 * `options.currency`; a deal whose currency has no usable rate is still
 * counted but its amount is left out and reported in `missingRates`, never
 * summed raw. `share` is the group's part of all lost deals by count, so the
 * shares add up to 1. Groups are ranked by count, then amount (both
 * descending), then key (code-unit order).
 *
 * Throws a `validation` DealAdapterError for bad options or a lost deal with
 * an invalid amount.
 */
export function lostAnalysis(deals: readonly Deal[], options: LostAnalysisOptions): LostAnalysis {
  checkArray(deals, 'deals');
  checkOptions(options);
  if (!GROUP_BY.includes(options.groupBy)) {
    throw invalid(`Unknown grouping "${String(options.groupBy)}"; expected reason, stage, owner or month.`, 'groupBy');
  }
  checkCurrency(options.currency);
  const rate = rateLookup(options.currency, options.rates);
  const missing = new MissingRateTally();
  const groups = new Map<string, { count: number; amount: number }>();
  let totalCount = 0;
  let totalAmount = 0;

  for (const deal of deals) {
    if (deal.status !== 'lost') continue;
    if (!(deal.amount >= 0 && deal.amount < Infinity)) {
      throw invalid(`Deal "${deal.id}" has an invalid amount (${deal.amount}).`, 'amount');
    }
    const key = groupKey(deal, options.groupBy);
    let group = groups.get(key);
    if (!group) {
      group = { count: 0, amount: 0 };
      groups.set(key, group);
    }
    group.count += 1;
    totalCount += 1;
    const factor = rate(deal.currency);
    if (factor === null) {
      missing.add(deal.currency, deal.amount);
    } else {
      const amount = deal.amount * factor;
      group.amount += amount;
      totalAmount += amount;
    }
  }

  const ranked: LostGroup[] = [...groups].map(([key, { count, amount }]) => ({
    key,
    count,
    amount,
    share: count / totalCount,
  }));
  ranked.sort((a, b) => b.count - a.count || b.amount - a.amount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return {
    options: { ...options, ...(options.rates ? { rates: { ...options.rates } } : {}) },
    groups: ranked,
    total: { count: totalCount, amount: totalAmount },
    missingRates: missing.list(),
  };
}
