import type { DealQuery, DealStatus } from '../model/schemas.js';

/**
 * The filter shared by every element under one provider. It is a DealQuery,
 * so the same object can be sent to an adapter.
 */
export type DealFilter = DealQuery;

/** What a pipeline shows by default: open and won deals; lost ones are hidden. */
export const DEFAULT_STATUSES: readonly DealStatus[] = Object.freeze(['open', 'won']);

export function defaultFilter(): DealFilter {
  return { statuses: [...DEFAULT_STATUSES] };
}

/** Drops empty fields, so equal filters compare and serialize equal. */
export function normalizeFilter(filter: DealFilter): DealFilter {
  const out: DealFilter = {};
  if (filter.statuses && filter.statuses.length > 0) {
    out.statuses = (['open', 'won', 'lost'] as const).filter((s) => filter.statuses!.includes(s));
  }
  if (filter.stageIds?.length) out.stageIds = [...filter.stageIds];
  if (filter.owners?.length) out.owners = [...filter.owners];
  if (filter.lostReasonIds?.length) out.lostReasonIds = [...filter.lostReasonIds];
  if (filter.closeDate && (filter.closeDate.from || filter.closeDate.to)) {
    out.closeDate = compactRange(filter.closeDate);
  }
  if (filter.lostDate && (filter.lostDate.from || filter.lostDate.to)) {
    out.lostDate = compactRange(filter.lostDate);
  }
  const text = filter.text?.trim();
  if (text) out.text = text;
  return out;
}

function compactRange(range: { from?: string | null; to?: string | null }): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (range.from) out.from = range.from;
  if (range.to) out.to = range.to;
  return out;
}

export function filtersEqual(a: DealFilter, b: DealFilter): boolean {
  return JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));
}

/** Whether the filter narrows anything beyond the default statuses. */
export function isDefaultFilter(filter: DealFilter): boolean {
  return filtersEqual(filter, defaultFilter());
}
