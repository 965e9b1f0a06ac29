/**
 * What the two local adapters, MemoryAdapter and IndexedDbAdapter, do the same
 * way: parsing arguments, checking imported data, placing deals in a column,
 * keyset paging, idempotency keys and telling subscribers. One conformance
 * suite runs against both, so each of these lives here once and the adapters
 * keep only how they store things.
 *
 * Internal to the adapters: not exported from the package.
 */
import * as z from 'zod/mini';
import {
  DealQuery,
  DealSort,
  Id,
  LostReasonName,
  PageRequest,
  type DataSet,
  type Deal,
  type HistoryEvent,
  type LostReason,
} from '../model/schemas.js';
import { dealComparator, decodeCursor, encodeCursor, isAfterCursor, rankAt, renumbered } from '../model/rules.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, type AdapterChange, type ChangeListener, type Page, type WriteOptions } from './adapter.js';
import { DealAdapterError } from './errors.js';
import { parseOrThrow } from './validate.js';

/** The decoded key of a page cursor. */
export type CursorKey = ReturnType<typeof decodeCursor>;

// ---- arguments ------------------------------------------------------------------

const WriteOptionsSchema = z.object({
  expectedVersion: z.optional(z.string()),
  idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
const IdArgument = z.object({ id: Id });
const NameArgument = z.object({ name: LostReasonName });

/** The options of a write, validated (a bad one throws a `validation` error). */
export function parseWriteOptions(options: WriteOptions | undefined): WriteOptions {
  return parseOrThrow(WriteOptionsSchema, options ?? {}, 'write options');
}

/** A record id given as an argument; `what` names it in the error, e.g. `'deal id'`. */
export function parseId(id: unknown, what: string): string {
  return parseOrThrow(IdArgument, { id }, what).id;
}

/** The name of a new lost reason, trimmed and checked for length. */
export function parseReasonName(name: unknown): string {
  return parseOrThrow(NameArgument, { name }, 'lost reason').name;
}

/** The `not_found` error for a missing record, e.g. `notFound('deal', id)`. */
export function notFound(what: string, id: string): DealAdapterError {
  return new DealAdapterError('not_found', `No ${what} with id "${id}".`);
}

/** The arguments of `listDeals`, validated, with the cursor decoded. */
export interface PageArguments {
  where: DealQuery;
  order: DealSort;
  /** The sort key of the previous page's last deal; null for the first page. */
  after: CursorKey | null;
  limit: number;
}

/**
 * Validates the arguments of `listDeals` (after their defaults) and decodes
 * the cursor; a cursor that is not a key of the requested order throws a
 * `validation` error on `cursor`.
 */
export function parsePageArguments(query: unknown, sort: unknown, page: unknown): PageArguments {
  const where = parseOrThrow(DealQuery, query, 'query');
  const order = parseOrThrow(DealSort, sort, 'sort');
  const request = parseOrThrow(PageRequest, page, 'page request');
  const after = request.cursor ? decodeCursor(request.cursor, order) : null;
  // `decodeCursor` accepts a value of any sort type. Ranks are numbers: a forged
  // cursor with another value would page silently wrong in memory, and make IndexedDB
  // throw a DataError in the rank index (seen as a storage failure).
  if (after && order.field === 'rank' && typeof after.v !== 'number') {
    const message = 'The page cursor is not valid.';
    throw new DealAdapterError('validation', message, { fieldErrors: { cursor: message } });
  }
  return { where, order, after, limit: request.limit ?? DEFAULT_PAGE_SIZE };
}

/** The fields of a parsed patch that were given. */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Whether two records are equal field by field, so an empty patch neither writes nor notifies. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// ---- clock and ids --------------------------------------------------------------

/** The default clock: the current instant as an ISO string. */
export const currentInstant = (): string => new Date().toISOString();

/**
 * The default id source: a random UUID. `crypto.randomUUID` exists only in
 * secure contexts (https, localhost), and a page served over plain http must
 * still work (IndexedDB does there too), so it falls back to
 * `crypto.getRandomValues`, which exists everywhere.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- data checks ----------------------------------------------------------------

/**
 * Checks that validated records fit together: unique ids, unique reason
 * names (ignoring case), at least one stage and a won stage, and deals that
 * name existing stages and reasons. Throws one `validation` error listing
 * every problem, keyed by field path.
 */
export function checkConsistency(data: DataSet): void {
  const errors: Record<string, string> = {};
  const stageIds = new Set<string>();
  data.stages.forEach((stage, i) => {
    if (stageIds.has(stage.id)) errors[`stages.${i}.id`] = `Duplicate stage id "${stage.id}".`;
    stageIds.add(stage.id);
  });
  if (data.stages.length === 0) errors['stages'] = 'The pipeline needs at least one stage.';
  else if (!data.stages.some((s) => s.won)) errors['stages'] = 'The pipeline needs a won stage.';

  const reasonIds = new Set<string>();
  const reasonNames = new Set<string>();
  data.lostReasons.forEach((reason, i) => {
    if (reasonIds.has(reason.id)) errors[`lostReasons.${i}.id`] = `Duplicate lost reason id "${reason.id}".`;
    if (reasonNames.has(reason.name.toLowerCase())) errors[`lostReasons.${i}.name`] = `Duplicate lost reason name "${reason.name}".`;
    reasonIds.add(reason.id);
    reasonNames.add(reason.name.toLowerCase());
  });

  const dealIds = new Set<string>();
  data.deals.forEach((deal, i) => {
    if (dealIds.has(deal.id)) errors[`deals.${i}.id`] = `Duplicate deal id "${deal.id}".`;
    if (!stageIds.has(deal.stageId)) errors[`deals.${i}.stageId`] = `Unknown stage "${deal.stageId}".`;
    if (deal.lostReasonId !== null && !reasonIds.has(deal.lostReasonId)) {
      errors[`deals.${i}.lostReasonId`] = `Unknown lost reason "${deal.lostReasonId}".`;
    }
    dealIds.add(deal.id);
  });

  const summary = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  if (summary.length > 0) {
    throw new DealAdapterError('validation', `Inconsistent data: ${summary.join('; ')}`, { fieldErrors: errors });
  }
}

/**
 * Refuses a lost reason name already used (ignoring case) by another reason
 * than `exceptId`, archived ones included: a `validation` error on `name`.
 */
export function checkUniqueReasonName(reasons: readonly LostReason[], name: string, exceptId: string | null): void {
  const wanted = name.toLowerCase();
  const taken = reasons.find((reason) => reason.id !== exceptId && reason.name.toLowerCase() === wanted);
  if (taken) {
    const message = `A lost reason named "${taken.name}" already exists${taken.archived ? ' (archived)' : ''}.`;
    throw new DealAdapterError('validation', message, { fieldErrors: { name: message } });
  }
}

/**
 * History entries oldest first. The sort is stable, so entries at the same
 * instant keep the order they were given in.
 */
export function chronological(history: readonly HistoryEvent[]): HistoryEvent[] {
  return [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// ---- columns and pages ----------------------------------------------------------

/** The order of deals within a column: rank, ties broken by id. */
export const byRank = dealComparator(DEFAULT_SORT);

/** How many deals of a rank-ordered column come before `deal`. */
export function positionIn(column: readonly Deal[], deal: Deal): number {
  return column.filter((other) => byRank(other, deal) < 0).length;
}

/** Where a deal goes after its column had to be renumbered for lack of room. */
export interface RenumberedPlacement {
  /** The new deal's rank. */
  rank: number;
  /**
   * The column's deals whose rank changed. Only the rank changes: the
   * version stays, as nobody edited them.
   */
  reranked: Deal[];
}

/**
 * The rank at `index` of a rank-ordered column (without the deal being
 * placed) once the column is renumbered evenly, and the deals that renumbering
 * moved. For when `rankAt` found no room between the neighbours.
 */
export function renumberedPlacement(column: readonly Deal[], index: number): RenumberedPlacement {
  const ranks = renumbered(column);
  const spaced = column.map((deal) => ({ ...deal, rank: ranks.get(deal.id) ?? deal.rank }));
  const rank = rankAt(spaced, index);
  if (rank === null) throw new Error('dealkit: no rank found after renumbering a column.');
  return { rank, reranked: spaced.filter((deal, i) => deal.rank !== column[i]?.rank) };
}

/**
 * One page of `matching` (every deal that matches the query) in the
 * requested order, starting after the cursor's key, with the total count.
 * Keyset paging: the next page starts after the last key seen, so deals
 * created or removed between pages neither repeat nor shift the rest.
 */
export function pageOfMatches(matching: readonly Deal[], { order, after, limit }: PageArguments): Page<Deal> {
  const remaining = after ? matching.filter((deal) => isAfterCursor(deal, after, order)) : [...matching];
  remaining.sort(dealComparator(order));
  const items = remaining.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: remaining.length > limit && last ? encodeCursor(last, order) : null,
    total: matching.length,
  };
}

// ---- idempotency ----------------------------------------------------------------

/**
 * How many idempotency keys are remembered; older ones are forgotten first.
 * Keys guard retries of a recent command, which come within seconds, and the
 * IndexedDbAdapter reads and writes the whole list in every keyed command, so
 * it stays short. The MemoryAdapter keeps the same number so that both
 * behave alike.
 */
export const REMEMBERED_KEYS = 200;

/**
 * The key a command's result is remembered under, or null without an
 * idempotency key. It includes the command, so one key reused for another
 * command does not return the first command's result.
 */
export function rememberedKey(command: string, idempotencyKey: string | undefined): string | null {
  return idempotencyKey === undefined ? null : `${command}\u0000${idempotencyKey}`;
}

// ---- subscribers ----------------------------------------------------------------

/**
 * A new subscription for `listener`, after checking it is a function. A
 * wrapper per call, so subscribing the same function twice gives two
 * independent subscriptions.
 */
export function newSubscription(listener: ChangeListener): ChangeListener {
  // Callers without TypeScript can pass anything.
  if (typeof listener !== 'function') {
    throw new DealAdapterError('validation', 'subscribe() needs a function.', { fieldErrors: { listener: 'Expected a function' } });
  }
  return (change) => listener(change);
}

/**
 * Calls each listener with its own copy of `change`. A listener that throws
 * is reported on the console and does not stop the others: the write already
 * happened, and one faulty listener must not hide it.
 */
export function notifyListeners(listeners: ReadonlySet<ChangeListener>, change: AdapterChange): void {
  // A copy of the set: a listener may unsubscribe while being called.
  for (const listener of [...listeners]) {
    try {
      listener(structuredClone(change));
    } catch (error) {
      console.error('dealkit: a change listener threw', error);
    }
  }
}
