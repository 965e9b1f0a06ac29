/**
 * The narrowings a filter applies, one per removable chip, and what removing
 * each one changes. Pure: the board turns them into localized chips.
 */
import type { DateRange, DealStatus } from '../../model/schemas.js';
import { DEFAULT_STATUSES, normalizeFilter, type DealFilter } from '../../store/filter.js';

/** One chip. `removal` is what `store.updateFilter` gets when the chip is removed (`undefined` removes a field). */
export type Narrowing =
  | { kind: 'statuses'; key: string; statuses: readonly DealStatus[]; removal: Partial<DealFilter> }
  | { kind: 'stage'; key: string; stageId: string; removal: Partial<DealFilter> }
  | { kind: 'owner'; key: string; owner: string; removal: Partial<DealFilter> }
  | { kind: 'lostReason'; key: string; reasonId: string; removal: Partial<DealFilter> }
  | { kind: 'closeDate'; key: string; range: DateRange; removal: Partial<DealFilter> }
  | { kind: 'lostDate'; key: string; range: DateRange; removal: Partial<DealFilter> }
  | { kind: 'text'; key: string; text: string; removal: Partial<DealFilter> };

const sameStatuses = (a: readonly DealStatus[], b: readonly DealStatus[]): boolean =>
  a.length === b.length && a.every((status) => b.includes(status));

/** A list field without one value; the field is removed when nothing is left. */
function without<T>(list: readonly T[], value: T): T[] | undefined {
  const rest = list.filter((item) => item !== value);
  return rest.length > 0 ? rest : undefined;
}

/**
 * Every narrowing of `filter` beyond the default (open and won deals), in a
 * stable order: statuses, stages, owners, lost reasons, close dates, lost
 * dates, text. Lists give one chip per value, so each can be removed alone.
 * Removing the status chip goes back to the default statuses.
 */
export function narrowingsOf(filter: DealFilter): Narrowing[] {
  const f = normalizeFilter(filter);
  const chips: Narrowing[] = [];
  // No statuses at all means every status: that differs from the default too.
  const statuses = f.statuses ?? ['open', 'won', 'lost'];
  if (!sameStatuses(statuses, DEFAULT_STATUSES)) {
    chips.push({ kind: 'statuses', key: 'statuses', statuses, removal: { statuses: [...DEFAULT_STATUSES] } });
  }
  for (const stageId of f.stageIds ?? []) {
    chips.push({ kind: 'stage', key: `stage:${stageId}`, stageId, removal: { stageIds: without(f.stageIds!, stageId) } });
  }
  for (const owner of f.owners ?? []) {
    chips.push({ kind: 'owner', key: `owner:${owner}`, owner, removal: { owners: without(f.owners!, owner) } });
  }
  for (const reasonId of f.lostReasonIds ?? []) {
    chips.push({
      kind: 'lostReason',
      key: `reason:${reasonId}`,
      reasonId,
      removal: { lostReasonIds: without(f.lostReasonIds!, reasonId) },
    });
  }
  if (f.closeDate) chips.push({ kind: 'closeDate', key: 'closeDate', range: f.closeDate, removal: { closeDate: undefined } });
  if (f.lostDate) chips.push({ kind: 'lostDate', key: 'lostDate', range: f.lostDate, removal: { lostDate: undefined } });
  if (f.text) chips.push({ kind: 'text', key: 'text', text: f.text, removal: { text: undefined } });
  return chips;
}
