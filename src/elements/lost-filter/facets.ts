/**
 * The pure logic of the lost-deals filter: facet counts, the deals the lost
 * analysis covers, and the small filter edits the controls make. No DOM.
 */
import type { LostGroupBy } from '../../analytics/types.js';
import { NO_VALUE_KEY } from '../../analytics/lost.js';
import { matchesQuery } from '../../model/rules.js';
import type { Deal, DealStatus } from '../../model/schemas.js';
import { normalizeFilter, type DealFilter } from '../../store/filter.js';
import { monthRange } from './date-ranges.js';

export const ALL_STATUSES: readonly DealStatus[] = Object.freeze(['open', 'won', 'lost']);

/** The list fields a facet narrows. */
export type FacetField = 'lostReasonIds' | 'stageIds' | 'owners';

/** How many deals each value of each facet would show. */
export interface FacetCounts {
  statuses: Map<DealStatus, number>;
  /** Lost deals per lost reason id (deals without a reason are not counted: no filter can pick them). */
  reasons: Map<string, number>;
  /** Deals per stage id; lost deals count in the stage where they were lost. */
  stages: Map<string, number>;
  /** Deals per owner (deals without an owner are not counted). */
  owners: Map<string, number>;
}

const increment = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/** The statuses a filter shows: absent means all three. */
export function shownStatuses(filter: DealFilter): readonly DealStatus[] {
  return filter.statuses && filter.statuses.length > 0 ? filter.statuses : ALL_STATUSES;
}

/**
 * Faceted-search counts: each facet's values are counted over the deals that
 * match every *other* narrowing of the filter, so a count says how many deals
 * ticking that value would add.
 *
 * The lost-reason facet counts lost deals whatever the status toggles say:
 * only lost deals have a reason, and ticking one turns Lost on (see
 * `withFacetValue`), so its count is what the user will then see.
 */
export function facetCounts(deals: Iterable<Deal>, filter: DealFilter): FacetCounts {
  const counts: FacetCounts = { statuses: new Map(), reasons: new Map(), stages: new Map(), owners: new Map() };
  // Text and date ranges narrow every facet alike: test them once per deal.
  const common: DealFilter = { closeDate: filter.closeDate, lostDate: filter.lostDate, text: filter.text };
  const withoutStatuses: DealFilter = { stageIds: filter.stageIds, owners: filter.owners, lostReasonIds: filter.lostReasonIds };
  const withoutReasons: DealFilter = { stageIds: filter.stageIds, owners: filter.owners };
  const withoutStages: DealFilter = { statuses: filter.statuses, owners: filter.owners, lostReasonIds: filter.lostReasonIds };
  const withoutOwners: DealFilter = { statuses: filter.statuses, stageIds: filter.stageIds, lostReasonIds: filter.lostReasonIds };
  for (const deal of deals) {
    if (!matchesQuery(deal, common)) continue;
    if (matchesQuery(deal, withoutStatuses)) increment(counts.statuses, deal.status);
    if (deal.status === 'lost' && deal.lostReasonId !== null && matchesQuery(deal, withoutReasons)) {
      increment(counts.reasons, deal.lostReasonId);
    }
    if (matchesQuery(deal, withoutStages)) increment(counts.stages, deal.stageId);
    if (deal.owner !== '' && matchesQuery(deal, withoutOwners)) increment(counts.owners, deal.owner);
  }
  return counts;
}

/**
 * The deals the lost analysis covers: the lost deals that match every
 * narrowing of the filter except the status toggles. The analysis answers
 * "why do we lose" even while the pipeline hides lost deals.
 */
export function analysedLostDeals(deals: Iterable<Deal>, filter: DealFilter): Deal[] {
  const query: DealFilter = { ...filter, statuses: ['lost'] };
  const out: Deal[] = [];
  for (const deal of deals) if (matchesQuery(deal, query)) out.push(deal);
  return out;
}

/** Every owner name among the deals, sorted for the locale. */
export function ownersOf(deals: Iterable<Deal>, locale: string): string[] {
  const owners = new Set<string>();
  for (const deal of deals) if (deal.owner !== '') owners.add(deal.owner);
  return [...owners].sort(new Intl.Collator(locale).compare);
}

/** The filter with Lost shown too (if it was not). */
export function withLostShown(filter: DealFilter): DealFilter {
  const statuses = shownStatuses(filter);
  return statuses.includes('lost') ? filter : { ...filter, statuses: [...statuses, 'lost'] };
}

/**
 * The filter with one status toggled. Turning off the only status shown
 * would show every deal (an empty list does not narrow), so that returns
 * the filter unchanged.
 */
export function withStatusToggled(filter: DealFilter, status: DealStatus): DealFilter {
  const shown = shownStatuses(filter);
  const next = shown.includes(status) ? shown.filter((s) => s !== status) : [...shown, status];
  if (next.length === 0) return filter;
  return normalizeFilter({ ...filter, statuses: next });
}

/**
 * The filter with one facet value ticked or unticked. Ticking a lost reason
 * turns Lost on: only lost deals have one.
 */
export function withFacetValue(filter: DealFilter, field: FacetField, value: string, on: boolean): DealFilter {
  const current = filter[field] ?? [];
  const values = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  const next: DealFilter = { ...filter, [field]: values };
  return normalizeFilter(on && field === 'lostReasonIds' ? withLostShown(next) : next);
}

/** The filter with a date range set (or removed when both ends are empty). A lost-date range turns Lost on. */
export function withRange(filter: DealFilter, field: 'lostDate' | 'closeDate', range: { from?: string | null; to?: string | null } | null): DealFilter {
  const next: DealFilter = { ...filter };
  if (range && (range.from || range.to)) next[field] = range;
  else delete next[field];
  return normalizeFilter(field === 'lostDate' && next.lostDate ? withLostShown(next) : next);
}

/** The filter narrowing a lost-analysis group chooses; null for a group no filter can pick (`none`). */
function groupNarrowing(groupBy: LostGroupBy, key: string): Partial<DealFilter> | null {
  if (key === NO_VALUE_KEY) return null;
  switch (groupBy) {
    case 'reason':
      return { lostReasonIds: [key] };
    case 'stage':
      return { stageIds: [key] };
    case 'owner':
      return { owners: [key] };
    case 'month': {
      const range = monthRange(key);
      return range ? { lostDate: range } : null;
    }
  }
}

/** Whether a lost-analysis group can be chosen (groups of losses without a reason, owner or date cannot). */
export function isChoosableGroup(groupBy: LostGroupBy, key: string): boolean {
  return groupNarrowing(groupBy, key) !== null;
}

/** Whether the filter is narrowed to exactly this group (its button shows pressed). */
export function isNarrowedToGroup(filter: DealFilter, groupBy: LostGroupBy, key: string): boolean {
  const narrowing = groupNarrowing(groupBy, key);
  if (!narrowing) return false;
  const [field, value] = Object.entries(narrowing)[0] as [keyof DealFilter, unknown];
  return JSON.stringify(normalizeFilter({ [field]: filter[field] })) === JSON.stringify(normalizeFilter({ [field]: value }));
}

/**
 * Choosing a lost-analysis group: narrows the filter to the group and turns
 * Lost on; choosing the group the filter is already narrowed to removes that
 * narrowing again (Lost stays on).
 */
export function withGroupChosen(filter: DealFilter, groupBy: LostGroupBy, key: string): DealFilter {
  const narrowing = groupNarrowing(groupBy, key);
  if (!narrowing) return filter;
  if (isNarrowedToGroup(filter, groupBy, key)) {
    const next = { ...filter };
    for (const field of Object.keys(narrowing)) delete next[field as keyof DealFilter];
    return normalizeFilter(next);
  }
  return normalizeFilter(withLostShown({ ...filter, ...narrowing }));
}
