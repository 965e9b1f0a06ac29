import type { Deal } from '../../model/schemas.js';

/**
 * How many deals each lost reason names: the deals lost now with that
 * `lostReasonId` (restored deals keep theirs only in history).
 */
export function lostDealCounts(deals: Iterable<Deal>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const deal of deals) {
    if (deal.status !== 'lost' || deal.lostReasonId === null) continue;
    counts.set(deal.lostReasonId, (counts.get(deal.lostReasonId) ?? 0) + 1);
  }
  return counts;
}
