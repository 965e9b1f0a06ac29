/**
 * Close-date health of a column: how many of its open deals are overdue, due
 * within a week, due later, or have no expected close date. Pure functions,
 * so the board's header bar and its narrowing are tested without a DOM.
 */
import type { DateRange, Deal } from '../../model/schemas.js';

/** The parts of the health bar, in the order they are drawn. */
export const HEALTH_PARTS = ['overdue', 'soon', 'later', 'none'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];

/** Counts of open deals per part. */
export type CloseDateHealth = Record<HealthPart, number>;

/** Days after today that still count as "due soon" (today + 7 is soon, today + 8 is later). */
export const SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** The local calendar date of an instant, `YYYY-MM-DD` (what the user calls "today"). */
export function localIsoDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** `day` (`YYYY-MM-DD`) shifted by whole days; calendar arithmetic in UTC, so no time zone shifts it. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Which part of the bar a deal falls in, or null for deals that are not open (their date no longer matters). */
export function healthPartOf(deal: Pick<Deal, 'status' | 'expectedClose'>, today: string): HealthPart | null {
  if (deal.status !== 'open') return null;
  if (deal.expectedClose === null) return 'none';
  if (deal.expectedClose < today) return 'overdue';
  return deal.expectedClose <= addDays(today, SOON_DAYS) ? 'soon' : 'later';
}

/** Counts the open deals of a column per part. */
export function closeDateHealth(deals: readonly Pick<Deal, 'status' | 'expectedClose'>[], today: string): CloseDateHealth {
  const soonEnd = addDays(today, SOON_DAYS);
  // Plain counters and an indexed loop: this runs over whole columns of a big board.
  let overdue = 0;
  let soon = 0;
  let later = 0;
  let none = 0;
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i]!;
    if (deal.status !== 'open') continue;
    const close = deal.expectedClose;
    if (close === null) none++;
    else if (close < today) overdue++;
    else if (close <= soonEnd) soon++;
    else later++;
  }
  return { overdue, soon, later, none };
}

/**
 * The close-date range of the shared filter that shows one part, or null for
 * "no date": a DealQuery cannot ask for deals without a date (a range never
 * matches them), so the board narrows to those itself.
 */
export function healthRange(part: HealthPart, today: string): DateRange | null {
  switch (part) {
    case 'overdue':
      return { to: addDays(today, -1) };
    case 'soon':
      return { from: today, to: addDays(today, SOON_DAYS) };
    case 'later':
      return { from: addDays(today, SOON_DAYS + 1) };
    case 'none':
      return null;
  }
}

/**
 * Remembers the health of each column array. The store replaces a column's
 * array whenever it changes, so a column that did not change is not counted
 * again; `today` is part of the key, as the parts move at midnight.
 */
export class HealthCache {
  #byColumn = new WeakMap<readonly Deal[], { today: string; health: CloseDateHealth }>();

  get(deals: readonly Deal[], today: string): CloseDateHealth {
    const cached = this.#byColumn.get(deals);
    if (cached && cached.today === today) return cached.health;
    const health = closeDateHealth(deals, today);
    this.#byColumn.set(deals, { today, health });
    return health;
  }
}
