/**
 * The domain model of dealkit as zod schemas: the single source of the types,
 * of the validation at every boundary (IndexedDB rows, REST responses, user
 * input) and of the JSON Schema in the REST contract.
 *
 * Shipped code uses `zod/mini` to keep the bundle small.
 */
import * as z from 'zod/mini';

/** An id: a non-empty string of at most 64 characters. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** A calendar date without time, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** An instant, ISO 8601 with offset (`2026-11-22T10:00:00.000Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** An ISO 4217 currency code, three upper-case letters. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected a three-letter ISO currency code'));

/** A probability in percent, 0 to 100. */
export const Probability = z.number().check(z.gte(0), z.lte(100));

export const DealStatus = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.infer<typeof DealStatus>;

export const Stage = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  /** Position of the column, ascending. */
  order: z.number(),
  /** Default probability of deals that enter this stage. */
  probability: Probability,
  /** The stage deals move to when they are won. */
  won: z.boolean(),
  /** Shown folded to a narrow strip on the board. */
  folded: z.boolean(),
});
export type Stage = z.infer<typeof Stage>;

export const LostReason = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  /** Archived reasons are not offered for new losses but still name old ones. */
  archived: z.boolean(),
  createdAt: IsoDateTime,
});
export type LostReason = z.infer<typeof LostReason>;

/** Text limits, shared by the schemas and the forms that show counters. */
export const LIMITS = {
  title: 200,
  company: 200,
  contact: 200,
  owner: 100,
  tag: 40,
  tags: 20,
  note: 2000,
  reason: 80,
  text: 200,
} as const;

const text = (max: number) => z.string().check(z.maxLength(max));

export const Deal = z.object({
  id: Id,
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.title)),
  company: text(LIMITS.company),
  contact: text(LIMITS.contact),
  /** Amount in `currency`, never negative. */
  amount: z.number().check(z.gte(0)),
  currency: CurrencyCode,
  stageId: Id,
  probability: Probability,
  /** True when the probability was set by hand: moving keeps it. */
  probabilityManual: z.boolean(),
  expectedClose: z.nullable(IsoDate),
  owner: text(LIMITS.owner),
  priority: z.int().check(z.gte(0), z.lte(3)),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.tag))).check(z.maxLength(LIMITS.tags)),
  status: DealStatus,
  /** Manual order inside the stage column, ascending. */
  rank: z.number(),
  /** Set while the deal is lost; kept in history after a restore. */
  lostReasonId: z.nullable(Id),
  closingNote: text(LIMITS.note),
  /** The probability the deal had before it was lost or won, for restore. */
  probabilityBeforeClose: z.nullable(Probability),
  /** When the deal was won or lost; null while open. */
  closedAt: z.nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Opaque version; every write checks it when `expectedVersion` is given. */
  version: z.string().check(z.minLength(1)),
});
export type Deal = z.infer<typeof Deal>;

/** What a caller gives to create a deal; the rest is filled in. */
export const NewDeal = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.title)),
  company: z.optional(text(LIMITS.company)),
  contact: z.optional(text(LIMITS.contact)),
  amount: z.optional(z.number().check(z.gte(0))),
  currency: z.optional(CurrencyCode),
  /** Defaults to the first stage. */
  stageId: z.optional(Id),
  /** Defaults to the stage's probability. */
  probability: z.optional(Probability),
  expectedClose: z.optional(z.nullable(IsoDate)),
  owner: z.optional(text(LIMITS.owner)),
  priority: z.optional(z.int().check(z.gte(0), z.lte(3))),
  tags: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.tag))).check(z.maxLength(LIMITS.tags))),
});
export type NewDeal = z.infer<typeof NewDeal>;

/**
 * An edit of a deal's own fields. Stage and status change only through the
 * commands (move, won, lost, restore), which keep history and probability
 * rules. Giving `probability` marks it manual unless `probabilityManual` says
 * otherwise.
 */
export const DealPatch = z.object({
  title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.title))),
  company: z.optional(text(LIMITS.company)),
  contact: z.optional(text(LIMITS.contact)),
  amount: z.optional(z.number().check(z.gte(0))),
  currency: z.optional(CurrencyCode),
  probability: z.optional(Probability),
  probabilityManual: z.optional(z.boolean()),
  expectedClose: z.optional(z.nullable(IsoDate)),
  owner: z.optional(text(LIMITS.owner)),
  priority: z.optional(z.int().check(z.gte(0), z.lte(3))),
  tags: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.tag))).check(z.maxLength(LIMITS.tags))),
});
export type DealPatch = z.infer<typeof DealPatch>;

export const HistoryType = z.enum(['created', 'updated', 'stage_changed', 'won', 'lost', 'restored']);
export type HistoryType = z.infer<typeof HistoryType>;

/**
 * One entry of a deal's history. Every stage change, win, loss and restore is
 * recorded, with enough to compute win rates, time in stage and lost-reason
 * analysis without the deal itself.
 */
export const HistoryEvent = z.object({
  id: Id,
  dealId: Id,
  type: HistoryType,
  at: IsoDateTime,
  /** The stage the deal was in after the event. */
  stageId: Id,
  /** For stage changes and wins: where it came from. */
  fromStageId: z.optional(z.nullable(Id)),
  probabilityBefore: z.optional(z.nullable(Probability)),
  probabilityAfter: z.optional(z.nullable(Probability)),
  /** For losses, and for restores (the loss being undone). */
  lostReasonId: z.optional(z.nullable(Id)),
  note: z.optional(z.nullable(text(LIMITS.note))),
  /** For edits: the names of the fields that changed. */
  fields: z.optional(z.array(z.string())),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** An inclusive range of `YYYY-MM-DD` dates; either end may be open. */
export const DateRange = z.object({
  from: z.optional(z.nullable(IsoDate)),
  to: z.optional(z.nullable(IsoDate)),
});
export type DateRange = z.infer<typeof DateRange>;

/**
 * A closed query: every field narrows, an absent or empty field does not.
 * Deals without an expected close date match no close-date range.
 */
export const DealQuery = z.strictObject({
  statuses: z.optional(z.array(DealStatus)),
  stageIds: z.optional(z.array(Id)),
  owners: z.optional(z.array(z.string())),
  lostReasonIds: z.optional(z.array(Id)),
  /** Expected close date range. */
  closeDate: z.optional(DateRange),
  /** Range of the date the deal was lost (its `closedAt` day, in UTC). */
  lostDate: z.optional(DateRange),
  /** Case-insensitive search in title, company and contact. */
  text: z.optional(z.string().check(z.maxLength(LIMITS.text))),
});
export type DealQuery = z.infer<typeof DealQuery>;

export const SortField = z.enum(['rank', 'amount', 'expectedClose', 'createdAt', 'updatedAt', 'closedAt', 'title', 'probability']);
export type SortField = z.infer<typeof SortField>;

export const DealSort = z.object({
  field: SortField,
  direction: z.enum(['asc', 'desc']),
});
export type DealSort = z.infer<typeof DealSort>;

export const PageRequest = z.object({
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor: z.optional(z.nullable(z.string())),
  /** Page size, 1 to 1000 (default 200). */
  limit: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});
export type PageRequest = z.infer<typeof PageRequest>;

/** Input of `markLost`. */
export const LostInput = z.object({
  reasonId: z.optional(z.nullable(Id)),
  note: z.optional(text(LIMITS.note)),
});
export type LostInput = z.infer<typeof LostInput>;

/** Input of `moveDeal`: the target stage and the position in its column. */
export const MoveInput = z.object({
  stageId: Id,
  /**
   * Position among the target stage's deals in rank order (all statuses),
   * counted without the moved deal; past the end means last.
   */
  index: z.optional(z.int().check(z.gte(0))),
});
export type MoveInput = z.infer<typeof MoveInput>;

export const LostReasonName = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.reason));

export const LostReasonPatch = z.object({
  name: z.optional(LostReasonName),
  archived: z.optional(z.boolean()),
});
export type LostReasonPatch = z.infer<typeof LostReasonPatch>;

export const StagePatch = z.object({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
  folded: z.optional(z.boolean()),
  probability: z.optional(Probability),
});
export type StagePatch = z.infer<typeof StagePatch>;

/** Everything a store holds, as plain records (sample data, import, export). */
export const DataSet = z.object({
  stages: z.array(Stage),
  lostReasons: z.array(LostReason),
  deals: z.array(Deal),
  history: z.array(HistoryEvent),
});
export type DataSet = z.infer<typeof DataSet>;
