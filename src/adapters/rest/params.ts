/**
 * The query parameters of the REST contract: how a DealQuery, a sort, a page
 * request and the aggregate options travel in a URL. The RestAdapter encodes
 * with these functions, the reference server decodes with them, and the
 * OpenAPI document lists the parameters from the same tables.
 *
 * Lists are repeated parameters (`?status=open&status=won`); an absent or
 * empty list does not narrow, as in the adapter contract.
 */
import * as z from 'zod/mini';
import {
  DealQuery,
  DealSort,
  DealStatus,
  Id,
  IsoDate,
  LIMITS,
  PageRequest,
  SortField,
  type DealQuery as DealQueryType,
  type DealSort as DealSortType,
  type PageRequest as PageRequestType,
} from '../../model/schemas.js';
import type { ForecastOptions, LostAnalysisOptions, Rates } from '../../analytics/types.js';
import { DealAdapterError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { ForecastOptionsSchema, LostAnalysisOptionsSchema } from './wire.js';

/** One query parameter: its schema (of one value), whether it repeats, and what it means. */
export interface ParamSpec {
  schema: z.core.$ZodType;
  repeated?: boolean;
  description: string;
}

/** Where each filter parameter goes in a DealQuery. */
const FILTER_FIELDS = {
  status: 'statuses',
  stage: 'stageIds',
  owner: 'owners',
  lostReason: 'lostReasonIds',
  closeFrom: 'closeDate.from',
  closeTo: 'closeDate.to',
  lostFrom: 'lostDate.from',
  lostTo: 'lostDate.to',
  q: 'text',
} as const;

type FilterParam = keyof typeof FILTER_FIELDS;

/** The deal filter, shared by `GET /deals` and the aggregates. */
export const FILTER_PARAMS: Record<FilterParam, ParamSpec> = {
  status: { schema: DealStatus, repeated: true, description: 'Only deals with this status; repeat for several.' },
  stage: { schema: Id, repeated: true, description: 'Only deals in this stage (lost deals stay in the stage where they were lost); repeat for several.' },
  owner: { schema: z.string(), repeated: true, description: 'Only deals of this owner (empty for none); repeat for several.' },
  lostReason: { schema: Id, repeated: true, description: 'Only deals lost for this reason; repeat for several.' },
  closeFrom: { schema: IsoDate, description: 'Expected close date on or after this day. Deals without one never match a date range.' },
  closeTo: { schema: IsoDate, description: 'Expected close date on or before this day.' },
  lostFrom: { schema: IsoDate, description: 'Lost on or after this day (UTC day of closedAt).' },
  lostTo: { schema: IsoDate, description: 'Lost on or before this day (UTC day of closedAt).' },
  q: { schema: z.string().check(z.maxLength(LIMITS.text)), description: 'Case-insensitive text searched in title, company and contact.' },
};

/** `GET /deals`: the filter plus sort and page. */
export const LIST_PARAMS: Record<string, ParamSpec> = {
  ...FILTER_PARAMS,
  sort: { schema: SortField, description: 'Sort field (default rank: the column order).' },
  order: { schema: z.enum(['asc', 'desc']), description: 'Sort direction (default asc). Deals without a value sort last either way; ties are broken by id.' },
  cursor: { schema: z.string(), description: 'The nextCursor of the previous page, with the same sort and order.' },
  limit: { schema: z.int().check(z.gte(1), z.lte(1000)), description: 'Page size, 1 to 1000 (default 200).' },
};

const RATE_PARAM: ParamSpec = {
  schema: z.string().check(z.regex(/^[A-Z]{3}:[0-9.eE+-]+$/)),
  repeated: true,
  description: 'An exchange rate into the display currency, CODE:rate (`EUR:1.08`); repeat for several. Amounts without a rate are reported, never summed raw.',
};

/** `GET /aggregates/forecast`: the filter plus the forecast options. */
export const FORECAST_PARAMS: Record<string, ParamSpec> = {
  ...FILTER_PARAMS,
  period: { schema: ForecastOptionsSchema.shape.period, description: 'Bucket length.' },
  from: { schema: IsoDate, description: 'Any day inside the first period of the horizon.' },
  periods: { schema: ForecastOptionsSchema.shape.periods, description: 'Number of periods in the horizon.' },
  groupBy: { schema: ForecastOptionsSchema.shape.groupBy, description: 'Series of the buckets.' },
  currency: { schema: ForecastOptionsSchema.shape.currency, description: 'Display currency.' },
  rate: RATE_PARAM,
};

/** `GET /aggregates/lost-analysis`: the filter plus the analysis options. */
export const LOST_ANALYSIS_PARAMS: Record<string, ParamSpec> = {
  ...FILTER_PARAMS,
  groupBy: { schema: LostAnalysisOptionsSchema.shape.groupBy, description: 'What the lost deals are grouped by.' },
  currency: { schema: LostAnalysisOptionsSchema.shape.currency, description: 'Display currency.' },
  rate: RATE_PARAM,
};

// ---- encoding (client) ---------------------------------------------------------------

/** Adds a DealQuery's filter to `params`. The query must already be valid. */
export function encodeFilter(query: DealQueryType, params = new URLSearchParams()): URLSearchParams {
  for (const status of query.statuses ?? []) params.append('status', status);
  for (const stage of query.stageIds ?? []) params.append('stage', stage);
  for (const owner of query.owners ?? []) params.append('owner', owner);
  for (const reason of query.lostReasonIds ?? []) params.append('lostReason', reason);
  setIf(params, 'closeFrom', query.closeDate?.from);
  setIf(params, 'closeTo', query.closeDate?.to);
  setIf(params, 'lostFrom', query.lostDate?.from);
  setIf(params, 'lostTo', query.lostDate?.to);
  // A blank text does not narrow: leaving it out keeps URLs canonical.
  if (query.text !== undefined && query.text.trim() !== '') params.set('q', query.text);
  return params;
}

/** The parameters of `GET /deals`. */
export function encodeListParams(query: DealQueryType, sort: DealSortType, page: PageRequestType): URLSearchParams {
  const params = encodeFilter(query);
  params.set('sort', sort.field);
  params.set('order', sort.direction);
  setIf(params, 'cursor', page.cursor);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  return params;
}

/** The parameters of `GET /aggregates/forecast`. */
export function encodeForecastParams(query: DealQueryType, options: ForecastOptions): URLSearchParams {
  const params = encodeFilter(query);
  params.set('period', options.period);
  params.set('from', options.from);
  params.set('periods', String(options.periods));
  params.set('groupBy', options.groupBy);
  params.set('currency', options.currency);
  appendRates(params, options.rates);
  return params;
}

/** The parameters of `GET /aggregates/lost-analysis`. */
export function encodeLostAnalysisParams(query: DealQueryType, options: LostAnalysisOptions): URLSearchParams {
  const params = encodeFilter(query);
  params.set('groupBy', options.groupBy);
  params.set('currency', options.currency);
  appendRates(params, options.rates);
  return params;
}

function setIf(params: URLSearchParams, name: string, value: string | null | undefined): void {
  if (value !== undefined && value !== null) params.set(name, value);
}

/**
 * Rates that are not finite numbers cannot be written in a URL; the analytics
 * treat them as missing anyway, and so does the server when they are left out.
 */
function appendRates(params: URLSearchParams, rates: Rates | undefined): void {
  for (const [code, rate] of Object.entries(rates ?? {})) {
    if (typeof rate === 'number' && Number.isFinite(rate)) params.append('rate', `${code}:${rate}`);
  }
}

// ---- decoding (server) ------------------------------------------------------------------

/** What `GET /deals` asks for. */
export interface ListRequest {
  query: DealQueryType;
  sort: DealSortType;
  page: PageRequestType;
}

/**
 * Reads the parameters of `GET /deals`. Throws a `validation` error naming
 * the parameter for an unknown, repeated or invalid one.
 */
export function decodeListParams(params: URLSearchParams): ListRequest {
  const values = collect(params, LIST_PARAMS);
  const query = decodeFilter(values);
  const sort = parseParams(DealSort, { field: single(values, 'sort') ?? 'rank', direction: single(values, 'order') ?? 'asc' }, 'sort', {
    field: 'sort',
    direction: 'order',
  });
  const limit = single(values, 'limit');
  const page = parseParams(
    PageRequest,
    { cursor: single(values, 'cursor'), limit: limit === undefined ? undefined : numberParam(limit) },
    'page request',
    { cursor: 'cursor', limit: 'limit' },
  );
  return { query, sort, page };
}

/** Reads the parameters of `GET /aggregates/forecast`. */
export function decodeForecastParams(params: URLSearchParams): { query: DealQueryType; options: ForecastOptions } {
  const values = collect(params, FORECAST_PARAMS);
  const query = decodeFilter(values);
  const periods = single(values, 'periods');
  const options = parseParams(
    ForecastOptionsSchema,
    {
      period: single(values, 'period'),
      from: single(values, 'from'),
      periods: periods === undefined ? undefined : numberParam(periods),
      groupBy: single(values, 'groupBy'),
      currency: single(values, 'currency'),
      rates: decodeRates(values.get('rate')),
    },
    'forecast options',
    { rates: 'rate' },
  );
  return { query, options: withoutUndefinedRates(options) };
}

/** Reads the parameters of `GET /aggregates/lost-analysis`. */
export function decodeLostAnalysisParams(params: URLSearchParams): { query: DealQueryType; options: LostAnalysisOptions } {
  const values = collect(params, LOST_ANALYSIS_PARAMS);
  const query = decodeFilter(values);
  const options = parseParams(
    LostAnalysisOptionsSchema,
    { groupBy: single(values, 'groupBy'), currency: single(values, 'currency'), rates: decodeRates(values.get('rate')) },
    'lost analysis options',
    { rates: 'rate' },
  );
  return { query, options: withoutUndefinedRates(options) };
}

/** Groups the values by name; an unknown name or a repeated single-valued one is refused. */
function collect(params: URLSearchParams, known: Record<string, ParamSpec>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const errors: Record<string, string> = {};
  for (const [name, value] of params) {
    const spec = Object.hasOwn(known, name) ? known[name] : undefined;
    if (!spec) {
      errors[name] = `Unknown parameter "${name}".`;
      continue;
    }
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
    if (!spec.repeated && list.length > 1) errors[name] = `The parameter "${name}" may be given once.`;
  }
  if (Object.keys(errors).length > 0) throw invalidParams(errors);
  return values;
}

const single = (values: Map<string, string[]>, name: string): string | undefined => values.get(name)?.[0];

/** A number parameter; anything that is not plainly a number becomes NaN, which the schemas refuse. */
const numberParam = (value: string): number => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN);

function decodeFilter(values: Map<string, string[]>): DealQueryType {
  const list = (name: FilterParam) => values.get(name);
  const range = (from: FilterParam, to: FilterParam) =>
    values.has(from) || values.has(to) ? { from: single(values, from), to: single(values, to) } : undefined;
  const query = {
    statuses: list('status'),
    stageIds: list('stage'),
    owners: list('owner'),
    lostReasonIds: list('lostReason'),
    closeDate: range('closeFrom', 'closeTo'),
    lostDate: range('lostFrom', 'lostTo'),
    text: single(values, 'q'),
  };
  // DealQuery is strict: absent fields must be absent, not undefined-valued keys it would still accept.
  const defined = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
  const paramOf = Object.fromEntries(Object.entries(FILTER_FIELDS).map(([param, field]) => [field, param]));
  return parseParams(DealQuery, defined, 'query', paramOf);
}

function decodeRates(values: string[] | undefined): Record<string, number> | undefined {
  if (!values) return undefined;
  const rates: Record<string, number> = {};
  for (const value of values) {
    const match = /^([A-Z]{3}):(.+)$/.exec(value);
    const rate = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(rate)) {
      throw invalidParams({ rate: `"${value}" is not a rate written CODE:number, such as EUR:1.08.` });
    }
    rates[match[1]!] = rate;
  }
  return rates;
}

function withoutUndefinedRates<T extends { rates?: Record<string, number> | undefined }>(options: T): T {
  if (options.rates === undefined) delete options.rates;
  return options;
}

/**
 * Parses with a schema and renames the fields of its errors to the
 * parameter names (`closeDate.from` becomes `closeFrom`, `statuses.0` becomes
 * `status`), so a caller of the HTTP API sees the names it sent.
 */
function parseParams<S extends z.core.$ZodType>(schema: S, value: unknown, what: string, paramOf: Record<string, string>): z.infer<S> {
  try {
    return parseOrThrow(schema, value, what);
  } catch (error) {
    if (!(error instanceof DealAdapterError) || !error.fieldErrors) throw error;
    const renamed: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const field = Object.keys(paramOf)
        .sort((a, b) => b.length - a.length)
        .find((name) => path === name || path.startsWith(`${name}.`));
      renamed[field ? paramOf[field]! : path] ??= message;
    }
    throw invalidParams(renamed);
  }
}

function invalidParams(fieldErrors: Record<string, string>): DealAdapterError {
  const summary = Object.entries(fieldErrors)
    .map(([name, message]) => `${name}: ${message}`)
    .join('; ');
  return new DealAdapterError('validation', `Invalid query parameters: ${summary}`, { fieldErrors });
}
