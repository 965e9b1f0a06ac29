/**
 * The narrowings of a shared filter beyond the default view, one per
 * removable chip, and the filter without one of them. Pure, with no words:
 * the board and the lost-deals filter each turn them into chips of their own.
 */
import type { DateRange, DealStatus } from '../model/schemas.js';
import { DEFAULT_STATUSES, normalizeFilter, type DealFilter } from './filter.js';

/** A field of the filter; each narrows what is shown. */
export type NarrowingField = keyof DealFilter;

/** The list fields: one narrowing per value, so each value can be removed alone. */
export type NarrowingListField = 'stageIds' | 'owners' | 'lostReasonIds';

/** One narrowing, shown as one chip. `key` is unique among the narrowings of a filter (for keyed rendering). */
export type Narrowing =
  | { field: 'statuses'; key: string; statuses: readonly DealStatus[] }
  | { field: NarrowingListField; key: string; value: string }
  | { field: 'closeDate' | 'lostDate'; key: string; range: DateRange }
  | { field: 'text'; key: string; text: string };

/** Every narrowing field, in the order of the filter's own fields. */
export const NARROWING_FIELDS: readonly NarrowingField[] = Object.freeze([
  'statuses',
  'stageIds',
  'owners',
  'lostReasonIds',
  'closeDate',
  'lostDate',
  'text',
]);

const ALL_STATUSES: readonly DealStatus[] = Object.freeze(['open', 'won', 'lost']);

const sameStatuses = (a: readonly DealStatus[], b: readonly DealStatus[]): boolean =>
  a.length === b.length && a.every((status) => b.includes(status));

/** The narrowings of one field of a normalized filter. */
function narrowingsOfField(f: DealFilter, field: NarrowingField): Narrowing[] {
  switch (field) {
    case 'statuses': {
      // No statuses at all means every status: that differs from the default too.
      const statuses = f.statuses ?? ALL_STATUSES;
      return sameStatuses(statuses, DEFAULT_STATUSES) ? [] : [{ field, key: field, statuses }];
    }
    case 'stageIds':
    case 'owners':
    case 'lostReasonIds':
      // A value listed twice is one chip: keys stay unique, and removing it removes both.
      return [...new Set(f[field] ?? [])].map((value) => ({ field, key: `${field}:${value}`, value }));
    case 'closeDate':
    case 'lostDate': {
      const range = f[field];
      return range ? [{ field, key: field, range }] : [];
    }
    case 'text':
      return f.text ? [{ field, key: field, text: f.text }] : [];
  }
}

/**
 * Every narrowing of `filter` beyond the default (open and won deals), field
 * by field in `order` (by default the filter's own field order): the
 * statuses when they differ from the default, one per value of a list, each
 * date range, the search text. Empty fields narrow nothing and give none.
 */
export function narrowingsOf(filter: DealFilter, order: readonly NarrowingField[] = NARROWING_FIELDS): Narrowing[] {
  const f = normalizeFilter(filter);
  return order.flatMap((field) => narrowingsOfField(f, field));
}

/**
 * The filter without one narrowing, normalized: the statuses go back to the
 * default, a list loses that value (and is dropped when empty), a range or
 * the text is dropped. Works on the filter as it is now, so it may be called
 * with a narrowing listed before the filter last changed.
 */
export function withoutNarrowing(filter: DealFilter, narrowing: Narrowing): DealFilter {
  const next: DealFilter = { ...filter };
  switch (narrowing.field) {
    case 'statuses':
      next.statuses = [...DEFAULT_STATUSES];
      break;
    case 'stageIds':
    case 'owners':
    case 'lostReasonIds':
      next[narrowing.field] = (filter[narrowing.field] ?? []).filter((value) => value !== narrowing.value);
      break;
    case 'closeDate':
    case 'lostDate':
    case 'text':
      delete next[narrowing.field];
      break;
  }
  return normalizeFilter(next);
}
