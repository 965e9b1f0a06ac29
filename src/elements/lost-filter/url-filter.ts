/**
 * The filter in a page's query string, readable and shareable:
 * `?status=open,won,lost&reason=too-expensive&stage=proposition&owner=Ben%20Archer&lost=2026-01-01..2026-01-31&close=..2026-06-30&q=acme`.
 *
 * Lists are comma-separated; a comma or backslash inside a value is escaped
 * with a backslash (`owner=Smith%5C,%20John` is "Smith, John"), so the list
 * survives when other code rewrites the address with `URLSearchParams`
 * (which percent-encodes the commas). A range is `from..to` with either end
 * left empty. The other parameters of the page are kept as they were. Pure:
 * reads and writes strings only.
 */
import { LIMITS, type DealStatus } from '../../model/schemas.js';
import { DEFAULT_STATUSES, normalizeFilter, type DealFilter } from '../../store/filter.js';
import { ALL_STATUSES, shownStatuses } from './facets.js';

/** The query parameters the filter owns, in the order they are written. */
export const FILTER_PARAMS = ['status', 'reason', 'stage', 'owner', 'lost', 'close', 'q'] as const;
type FilterParam = (typeof FILTER_PARAMS)[number];

const OWNED = new Set<string>(FILTER_PARAMS);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ID = 64;

/** Splits `?a=1&b=2` into raw (still encoded) name/value pairs. */
function rawPairs(search: string): [string, string][] {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return [];
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
}

/** Decodes one query component; `+` is a space, as in form encoding. A malformed escape yields null. */
function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/** Percent-encodes a value, leaving commas readable (they are not special in a query). */
const encodeComponent = (value: string): string => encodeURIComponent(value).replaceAll('%2C', ',');

const encodeList = (values: readonly string[]): string =>
  encodeComponent(values.map((value) => value.replaceAll('\\', '\\\\').replaceAll(',', '\\,')).join(','));

/** Splits a decoded list at its unescaped commas. */
function splitList(text: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) current += text[++i];
    else if (char === ',') {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values;
}

function decodeList(raw: string, accept: (value: string) => boolean): string[] {
  const values: string[] = [];
  for (const value of splitList(decode(raw) ?? '')) {
    if (value && accept(value) && !values.includes(value)) values.push(value);
  }
  return values;
}

/** A real calendar day `YYYY-MM-DD`. */
function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function decodeRange(raw: string): { from?: string; to?: string } | null {
  const value = decode(raw) ?? '';
  const [from = '', to = '', ...rest] = value.split('..');
  if (rest.length > 0) return null;
  const range: { from?: string; to?: string } = {};
  if (isDay(from)) range.from = from;
  if (isDay(to)) range.to = to;
  return range.from || range.to ? range : null;
}

const encodeRange = (range: { from?: string | null; to?: string | null }): string => `${range.from ?? ''}..${range.to ?? ''}`;

/** The filter's own parameters as raw `name=value` pairs; none for the default filter. */
function filterPairs(filter: DealFilter): [FilterParam, string][] {
  const f = normalizeFilter(filter);
  const pairs: [FilterParam, string][] = [];
  const statuses = shownStatuses(f);
  const isDefault = statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => statuses.includes(s));
  if (!isDefault) pairs.push(['status', statuses.join(',')]);
  if (f.lostReasonIds) pairs.push(['reason', encodeList(f.lostReasonIds)]);
  if (f.stageIds) pairs.push(['stage', encodeList(f.stageIds)]);
  if (f.owners) pairs.push(['owner', encodeList(f.owners)]);
  if (f.lostDate) pairs.push(['lost', encodeRange(f.lostDate)]);
  if (f.closeDate) pairs.push(['close', encodeRange(f.closeDate)]);
  if (f.text) pairs.push(['q', encodeComponent(f.text)]);
  return pairs;
}

/**
 * The query string (with its `?`, or empty) of `search` with the filter's
 * parameters replaced by those of `filter`; other parameters are kept as
 * they were, in their order.
 */
export function searchWithFilter(search: string, filter: DealFilter): string {
  const kept = rawPairs(search).filter(([name]) => !OWNED.has(decode(name) ?? name));
  const pairs = [...kept, ...filterPairs(filter)];
  return pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/**
 * The filter a query string describes, or null when it has none of the
 * filter's parameters. Values that make no sense (unknown statuses, bad
 * dates, overlong ids) are left out rather than failing: the address can be
 * edited by hand. Without `status`, the default statuses (open, won) apply.
 */
export function filterFromSearch(search: string): DealFilter | null {
  const params = new Map<string, string>();
  for (const [rawName, rawValue] of rawPairs(search)) {
    const name = decode(rawName);
    if (name !== null && OWNED.has(name)) params.set(name, rawValue);
  }
  if (params.size === 0) return null;
  const filter: DealFilter = { statuses: [...DEFAULT_STATUSES] };
  const status = params.get('status');
  if (status !== undefined) {
    const statuses = decodeList(status, (s) => (ALL_STATUSES as readonly string[]).includes(s)) as DealStatus[];
    if (statuses.length > 0) filter.statuses = statuses;
  }
  const id = (value: string) => value.length <= MAX_ID;
  const reason = params.get('reason');
  if (reason !== undefined) filter.lostReasonIds = decodeList(reason, id);
  const stage = params.get('stage');
  if (stage !== undefined) filter.stageIds = decodeList(stage, id);
  const owner = params.get('owner');
  if (owner !== undefined) filter.owners = decodeList(owner, (value) => value.length <= LIMITS.owner);
  const lost = params.get('lost');
  const lostRange = lost === undefined ? null : decodeRange(lost);
  if (lostRange) filter.lostDate = lostRange;
  const close = params.get('close');
  const closeRange = close === undefined ? null : decodeRange(close);
  if (closeRange) filter.closeDate = closeRange;
  const q = params.get('q');
  const text = q === undefined ? '' : (decode(q) ?? '').trim().slice(0, LIMITS.text);
  if (text) filter.text = text;
  return normalizeFilter(filter);
}
