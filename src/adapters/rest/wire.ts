/**
 * The shapes that cross the wire of the REST contract and are not domain
 * records themselves: pages, error bodies, capabilities, aggregates, change
 * events. The RestAdapter validates every response with these, the reference
 * server builds its answers to match, and the OpenAPI document is generated
 * from them, so the three cannot drift apart.
 */
import * as z from 'zod/mini';
import { MAX_HORIZON_PERIODS } from '../../analytics/periods.js';
import {
  CurrencyCode,
  DataSet,
  Deal,
  Id,
  IsoDate,
  LostReason,
  LostReasonName,
  Stage,
} from '../../model/schemas.js';

/** `GET /deals`: one page of deals. */
export const DealPage = z.object({
  items: z.array(Deal),
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
  /** Matching deals over all pages, when the server knows it cheaply. */
  total: z.optional(z.int().check(z.gte(0))),
});

/** `GET /capabilities`: what the server does beyond the required endpoints. A missing flag means false. */
export const Capabilities = z.object({
  /** `GET /aggregates/forecast` and `GET /aggregates/lost-analysis` exist. */
  aggregation: z.optional(z.boolean()),
  /** The `q` parameter of `GET /deals` is searched by the server. */
  textSearch: z.optional(z.boolean()),
  /** `GET /changes` streams changes as server-sent events. */
  realtime: z.optional(z.boolean()),
});

/**
 * Every error answer: an RFC 9457 problem document with three extension
 * members the kit reads (`code`, `fieldErrors`, `current`).
 */
export const Problem = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  /** A DealAdapterError code: `validation`, `not_found`, `conflict`, `unauthorized`... */
  code: z.optional(z.string()),
  /** For `validation`: a message per field path (`title`, `items.0.amount`). */
  fieldErrors: z.optional(z.record(z.string(), z.string())),
  /** For a version conflict (412): the deal as it is now. */
  current: z.optional(Deal),
});

/** `POST /lost-reasons`. */
export const NewLostReason = z.object({ name: LostReasonName });

/** `POST /import`: load whole records as they are (demo data, migrations). */
export const ImportRequest = z.object({
  data: DataSet,
  /** Remove everything stored first; without it only a server with no deals is filled. */
  replace: z.optional(z.boolean()),
});

export const ImportResult = z.object({
  /** False when the server already had deals and `replace` was not given: nothing changed. */
  imported: z.boolean(),
});

// ---- aggregates ------------------------------------------------------------------

/** Exchange rates into the display currency: `{ "EUR": 1.08 }`. */
const RatesSchema = z.record(z.string(), z.number());
const Sums = z.record(z.string(), z.number());
const Count = z.int().check(z.gte(0));

export const ForecastOptionsSchema = z.object({
  period: z.enum(['week', 'month', 'quarter']),
  from: IsoDate,
  periods: z.int().check(z.gte(1), z.lte(MAX_HORIZON_PERIODS)),
  groupBy: z.enum(['stage', 'owner']),
  currency: CurrencyCode,
  rates: z.optional(RatesSchema),
});

export const MissingRateSchema = z.object({ currency: z.string(), count: Count, amount: z.number() });

const Outside = z.object({ count: Count, weighted: z.number(), unweighted: z.number() });

export const ForecastResultSchema = z.object({
  options: ForecastOptionsSchema,
  buckets: z.array(
    z.object({
      key: z.string(),
      start: z.nullable(IsoDate),
      end: IsoDate,
      overdue: z.boolean(),
      weighted: Sums,
      unweighted: Sums,
      won: z.number(),
      totalWeighted: z.number(),
      totalUnweighted: z.number(),
      count: Count,
    }),
  ),
  series: z.array(z.object({ key: z.string(), label: z.string() })),
  missingRates: z.array(MissingRateSchema),
  undated: Outside,
  beyond: Outside,
  totals: z.object({ weighted: z.number(), unweighted: z.number(), won: z.number() }),
});

export const LostAnalysisOptionsSchema = z.object({
  groupBy: z.enum(['reason', 'stage', 'owner', 'month']),
  currency: CurrencyCode,
  rates: z.optional(RatesSchema),
});

export const LostAnalysisSchema = z.object({
  options: LostAnalysisOptionsSchema,
  groups: z.array(z.object({ key: z.string(), count: Count, amount: z.number(), share: z.number() })),
  total: z.object({ count: Count, amount: z.number() }),
  missingRates: z.array(MissingRateSchema),
});

// ---- change stream -----------------------------------------------------------------

/**
 * `GET /changes` sends server-sent events named after the change types of the
 * adapter contract; the data of each is JSON. `ready` opens every stream:
 * `replayed: true` says the server resent everything after the client's
 * `Last-Event-ID`, so nothing was missed; otherwise a client that asked
 * to resume reloads instead.
 */
export const CHANGE_EVENTS = {
  ready: z.object({ replayed: z.optional(z.boolean()) }),
  deal: Deal,
  'deal-deleted': z.object({ id: Id }),
  stage: Stage,
  'lost-reason': LostReason,
  reset: z.object({}),
} as const;

export type ChangeEventName = keyof typeof CHANGE_EVENTS;

// ---- HTTP headers ----------------------------------------------------------------------

/** Header names of the contract. */
export const HEADERS = {
  idempotencyKey: 'Idempotency-Key',
  /** Set on an answer replayed for a repeated idempotency key. */
  idempotentReplayed: 'Idempotent-Replayed',
  /**
   * Optional, on any answer: the id of the last change event when the
   * request began. A client opening the change stream later sends it as
   * `Last-Event-ID`, so changes made in between are replayed, not missed.
   */
  changePosition: 'Dealkit-Change-Position',
} as const;

/**
 * The ETag of a deal version: the version, percent-encoded so any opaque
 * version fits in a quoted strong entity tag.
 */
export function etagOf(version: string): string {
  return `"${encodeURIComponent(version)}"`;
}

/**
 * The version named by an `If-Match` or `ETag` value, `null` for `*` (any
 * version), or `undefined` when the value is not one entity tag.
 */
export function versionOfEtag(value: string): string | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return null;
  const match = /^(?:W\/)?"([^"]*)"$/.exec(trimmed);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
