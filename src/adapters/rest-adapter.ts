/**
 * A DealAdapter on any server that follows dealkit's REST contract
 * (docs/rest-api.openapi.json), such as the reference server in
 * demo/server.
 *
 * - Input is validated here with the kit's schemas before anything is sent,
 *   and every answer is validated again: a bad field becomes an
 *   `invalid_response` error naming it, never a crash or a wrong total.
 * - Reads are retried with backoff; writes carry an `Idempotency-Key`, so a
 *   write repeated after its answer was lost is applied once.
 * - `expectedVersion` travels as `If-Match`; a 412 or 409 answer becomes a
 *   `conflict` carrying the current deal.
 * - Changes made elsewhere arrive through the server's event stream, or by
 *   polling when it has none.
 */
import * as z from 'zod/mini';
import type { ForecastOptions, ForecastResult, LostAnalysis, LostAnalysisOptions } from '../analytics/types.js';
import {
  DataSet,
  Deal,
  DealPatch,
  DealQuery,
  DealSort,
  HistoryEvent,
  Id,
  LostInput,
  LostReason,
  LostReasonPatch,
  MoveInput,
  NewDeal,
  PageRequest,
  Stage,
  StagePatch,
} from '../model/schemas.js';
import {
  DEFAULT_SORT,
  type AdapterCapabilities,
  type AdapterChange,
  type ChangeListener,
  type DealAdapter,
  type Page,
  type WriteOptions,
} from './adapter.js';
import { DealAdapterError } from './errors.js';
import { ChangeFeed } from './rest/change-feed.js';
import { HttpClient, type HttpMethod, type RequestSpec } from './rest/http.js';
import { encodeForecastParams, encodeListParams, encodeLostAnalysisParams } from './rest/params.js';
import {
  Capabilities,
  DealPage,
  ForecastOptionsSchema,
  ForecastResultSchema,
  ImportResult,
  LostAnalysisOptionsSchema,
  LostAnalysisSchema,
  NewLostReason,
} from './rest/wire.js';
import { parseOrThrow } from './validate.js';

export interface RestAdapterOptions {
  /** The API base URL, e.g. `https://crm.example.com/api/dealkit`. Relative URLs resolve against the page. */
  baseUrl: string;
  /**
   * Headers added to every request, e.g. `() => ({ Authorization: \`Bearer ${token()}\` })`.
   * Called before each request, so a refreshed token is picked up.
   */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Milliseconds one request may take before it fails with `timeout` (default 15,000). */
  timeoutMs?: number;
  /** How many times a failed read is retried (default 2). Writes are never retried by the adapter. */
  retries?: number;
  /** The first wait before a retry; it doubles each time (default 300 ms). */
  retryDelayMs?: number;
  /** The fetch function; default the global `fetch`. */
  fetch?: typeof fetch;
  /** Capabilities known up front; they override what the server's `GET /capabilities` says. */
  capabilities?: Partial<AdapterCapabilities>;
  /** Milliseconds between polls when the server has no change stream (default 15,000). */
  pollIntervalMs?: number;
  /** First wait before reopening a dropped change stream; doubles up to 30 s (default 1,000). */
  reconnectDelayMs?: number;
  /** A change stream silent this long is reopened (default 45,000; the reference server pings every 15,000). */
  heartbeatTimeoutMs?: number;
}

const positiveInt = z.int().check(z.gte(1));
const OptionsSchema = z.object({
  baseUrl: z.string().check(z.minLength(1)),
  headers: z.optional(z.custom<() => HeadersInit>((value) => typeof value === 'function', 'Expected a function')),
  timeoutMs: z.optional(positiveInt),
  retries: z.optional(z.int().check(z.gte(0), z.lte(10))),
  retryDelayMs: z.optional(z.int().check(z.gte(0))),
  fetch: z.optional(z.custom<typeof fetch>((value) => typeof value === 'function', 'Expected a function')),
  capabilities: z.optional(z.object({ aggregation: z.optional(z.boolean()), textSearch: z.optional(z.boolean()), realtime: z.optional(z.boolean()) })),
  pollIntervalMs: z.optional(positiveInt),
  reconnectDelayMs: z.optional(positiveInt),
  heartbeatTimeoutMs: z.optional(positiveInt),
});

const WriteOptionsSchema = z.object({
  expectedVersion: z.optional(z.string()),
  idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
const IdArgument = z.object({ id: Id });
const ImportOptions = z.object({ replace: z.optional(z.boolean()) });

/** Writes whose outcome is unknown (no answer came) remembered at most, for their keys to be reused. */
const MAX_UNSETTLED_WRITES = 100;

/**
 * A DealAdapter over HTTP.
 *
 * ```ts
 * const adapter = await RestAdapter.connect({
 *   baseUrl: 'https://crm.example.com/api/dealkit',
 *   headers: async () => ({ Authorization: `Bearer ${await getToken()}` }),
 * });
 * providerElement.adapter = adapter;     // or <deal-provider endpoint="https://...">
 * ```
 */
export class RestAdapter implements DealAdapter {
  readonly #http: HttpClient;
  readonly #options: RestAdapterOptions;
  readonly #closed = new AbortController();
  readonly #listeners = new Set<ChangeListener>();
  #discovered: Partial<AdapterCapabilities> | null = null;
  #discovering: Promise<void> | null = null;
  #feed: ChangeFeed | null = null;
  /** The latest change-stream position the server's answers carried. */
  #changePosition: string | undefined;
  /**
   * Keys of writes that got no answer, by what they asked. The same write
   * asked again (the user's Retry) reuses its key, so a change the server
   * did apply is not applied twice.
   */
  readonly #unsettled = new Map<string, string>();

  /**
   * Creates an adapter and asks the server what it offers
   * (`GET /capabilities`). An unreachable server is not an error here: the
   * first read reports it, and asking is tried again then.
   */
  static async connect(options: RestAdapterOptions): Promise<RestAdapter> {
    const adapter = new RestAdapter(options);
    await adapter.refreshCapabilities().catch(() => undefined);
    return adapter;
  }

  /** Creates an adapter without contacting the server. Throws a `validation` error for bad options. */
  constructor(options: RestAdapterOptions) {
    const checked = parseOrThrow(OptionsSchema, options, 'RestAdapter options');
    this.#options = options;
    const fetchFunction = checked.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    this.#http = new HttpClient({
      baseUrl: absoluteBaseUrl(checked.baseUrl),
      headers: options.headers,
      timeoutMs: checked.timeoutMs ?? 15_000,
      retries: checked.retries ?? 2,
      retryDelayMs: checked.retryDelayMs ?? 300,
      fetch: fetchFunction,
      closed: this.#closed.signal,
      onChangePosition: (position) => (this.#changePosition = position),
    });
  }

  /** The API base URL requests go to. */
  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  /**
   * What the server offers, as it said (`GET /capabilities`), overridden by
   * the `capabilities` option. Until the server has answered: no
   * aggregation, no text search, and realtime (the change stream is tried,
   * with polling as the fallback).
   */
  get capabilities(): AdapterCapabilities {
    const known = { aggregation: false, textSearch: false, realtime: true, ...this.#discovered };
    return { ...known, ...definedOnly(this.#options.capabilities ?? {}) };
  }

  /** Asks the server again what it offers. A server without `GET /capabilities` offers nothing optional. */
  async refreshCapabilities(): Promise<AdapterCapabilities> {
    try {
      const answer = await this.#http.request({ method: 'GET', path: '/capabilities', schema: Capabilities, what: 'capabilities', optional: true });
      this.#discovered = { aggregation: answer.aggregation ?? false, textSearch: answer.textSearch ?? false, realtime: answer.realtime ?? false };
    } catch (error) {
      if (!(error instanceof DealAdapterError) || error.code !== 'unsupported') throw error;
      this.#discovered = { aggregation: false, textSearch: false, realtime: false };
    }
    return this.capabilities;
  }

  // ---- stages ---------------------------------------------------------------------------

  async listStages(): Promise<Stage[]> {
    await this.#ensureDiscovered();
    return this.#http.request({ method: 'GET', path: '/stages', schema: z.array(Stage), what: 'stages' });
  }

  async updateStage(id: string, patch: StagePatch): Promise<Stage> {
    const stageId = parseId(id, 'stage id');
    const body = parseOrThrow(StagePatch, patch, 'stage patch');
    const stage = await this.#write({ method: 'PATCH', path: `/stages/${encodeURIComponent(stageId)}`, body, schema: Stage, what: 'stage' });
    this.#emitOwn({ type: 'stage', stage });
    return stage;
  }

  // ---- lost reasons -----------------------------------------------------------------------

  async listLostReasons(): Promise<LostReason[]> {
    return this.#http.request({ method: 'GET', path: '/lost-reasons', schema: z.array(LostReason), what: 'lost reasons' });
  }

  async createLostReason(name: string): Promise<LostReason> {
    const body = parseOrThrow(NewLostReason, { name }, 'lost reason');
    const reason = await this.#write({ method: 'POST', path: '/lost-reasons', body, schema: LostReason, what: 'lost reason' });
    this.#emitOwn({ type: 'lost-reason', reason });
    return reason;
  }

  async updateLostReason(id: string, patch: LostReasonPatch): Promise<LostReason> {
    const reasonId = parseId(id, 'lost reason id');
    const body = parseOrThrow(LostReasonPatch, patch, 'lost reason patch');
    const reason = await this.#write({ method: 'PATCH', path: `/lost-reasons/${encodeURIComponent(reasonId)}`, body, schema: LostReason, what: 'lost reason' });
    this.#emitOwn({ type: 'lost-reason', reason });
    return reason;
  }

  // ---- deals: reading ---------------------------------------------------------------------

  async listDeals(query: DealQuery = {}, sort: DealSort = DEFAULT_SORT, page: PageRequest = {}): Promise<Page<Deal>> {
    const where = parseOrThrow(DealQuery, query, 'query');
    const order = parseOrThrow(DealSort, sort, 'sort');
    const request = parseOrThrow(PageRequest, page, 'page request');
    const result = await this.#http.request({
      method: 'GET',
      path: '/deals',
      params: encodeListParams(where, order, request),
      schema: DealPage,
      what: 'page of deals',
    });
    return result.total === undefined ? { items: result.items, nextCursor: result.nextCursor } : result;
  }

  async getDeal(id: string): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    return this.#http.request({ method: 'GET', path: dealPath(dealId), schema: Deal, what: 'deal' });
  }

  async history(id: string): Promise<HistoryEvent[]> {
    const dealId = parseId(id, 'deal id');
    return this.#http.request({ method: 'GET', path: `${dealPath(dealId)}/history`, schema: z.array(HistoryEvent), what: 'history' });
  }

  // ---- deals: commands ----------------------------------------------------------------------

  async createDeal(input: NewDeal, options?: WriteOptions): Promise<Deal> {
    const body = parseOrThrow(NewDeal, input, 'new deal');
    return this.#dealWrite('POST', '/deals', body, options, undefined);
  }

  async updateDeal(id: string, patch: DealPatch, options?: WriteOptions): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    const body = parseOrThrow(DealPatch, patch, 'deal patch');
    return this.#dealWrite('PATCH', dealPath(dealId), body, options, dealId);
  }

  async deleteDeal(id: string, options?: WriteOptions): Promise<void> {
    const dealId = parseId(id, 'deal id');
    const { expectedVersion, idempotencyKey } = parseOrThrow(WriteOptionsSchema, options ?? {}, 'write options');
    await this.#write(
      { method: 'DELETE', path: dealPath(dealId), ifMatch: expectedVersion, schema: undefined, what: 'deletion', dealId },
      idempotencyKey,
    );
    this.#emitOwn({ type: 'deal-deleted', id: dealId });
  }

  async moveDeal(id: string, input: MoveInput, options?: WriteOptions): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    const body = parseOrThrow(MoveInput, input, 'move');
    return this.#dealWrite('POST', `${dealPath(dealId)}/move`, body, options, dealId);
  }

  async markWon(id: string, options?: WriteOptions): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    return this.#dealWrite('POST', `${dealPath(dealId)}/won`, undefined, options, dealId);
  }

  async markLost(id: string, input: LostInput, options?: WriteOptions): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    const body = parseOrThrow(LostInput, input, 'lost input');
    return this.#dealWrite('POST', `${dealPath(dealId)}/lost`, body, options, dealId);
  }

  async restore(id: string, options?: WriteOptions): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    return this.#dealWrite('POST', `${dealPath(dealId)}/restore`, undefined, options, dealId);
  }

  // ---- aggregates ---------------------------------------------------------------------------

  /** The forecast computed by the server (`GET /aggregates/forecast`); `unsupported` when it has none. */
  async forecast(query: DealQuery, options: ForecastOptions): Promise<ForecastResult> {
    const where = parseOrThrow(DealQuery, query ?? {}, 'query');
    const checked = parseOrThrow(ForecastOptionsSchema, options, 'forecast options');
    return this.#http.request({
      method: 'GET',
      path: '/aggregates/forecast',
      params: encodeForecastParams(where, checked),
      schema: ForecastResultSchema,
      what: 'forecast',
      optional: true,
    });
  }

  /** The lost analysis computed by the server (`GET /aggregates/lost-analysis`); `unsupported` when it has none. */
  async lostAnalysis(query: DealQuery, options: LostAnalysisOptions): Promise<LostAnalysis> {
    const where = parseOrThrow(DealQuery, query ?? {}, 'query');
    const checked = parseOrThrow(LostAnalysisOptionsSchema, options, 'lost analysis options');
    return this.#http.request({
      method: 'GET',
      path: '/aggregates/lost-analysis',
      params: encodeLostAnalysisParams(where, checked),
      schema: LostAnalysisSchema,
      what: 'lost analysis',
      optional: true,
    });
  }

  // ---- import, changes, closing ---------------------------------------------------------------

  /** Loads whole records (`POST /import`); `unsupported` when the server does not offer it. */
  async importData(data: DataSet, options: { replace?: boolean } = {}): Promise<boolean> {
    const records = parseOrThrow(DataSet, data, 'data set');
    const { replace } = parseOrThrow(ImportOptions, options, 'import options');
    const answer = await this.#write({
      method: 'POST',
      path: '/import',
      body: replace === undefined ? { data: records } : { data: records, replace },
      schema: ImportResult,
      what: 'import',
      optional: true,
    });
    if (answer.imported) this.#emitOwn({ type: 'reset' });
    return answer.imported;
  }

  /**
   * Reports changes: those made elsewhere through the server's change stream
   * (or polling), and this adapter's own writes. Returns an unsubscribe
   * function; the stream closes with the last subscription.
   */
  subscribe(listener: ChangeListener): () => void {
    if (typeof listener !== 'function') {
      throw new DealAdapterError('validation', 'subscribe() needs a function.', { fieldErrors: { listener: 'Expected a function' } });
    }
    if (this.#closed.signal.aborted) return () => undefined;
    // A wrapper per call, so subscribing the same function twice gives two independent subscriptions.
    const subscription: ChangeListener = (change) => listener(change);
    this.#listeners.add(subscription);
    if (!this.#feed) this.#startFeed();
    return () => {
      this.#listeners.delete(subscription);
      if (this.#listeners.size === 0) this.#stopFeed();
    };
  }

  /** Stops the change stream and aborts every request in flight. */
  close(): void {
    this.#listeners.clear();
    this.#stopFeed();
    this.#closed.abort();
  }

  // ---- internals ---------------------------------------------------------------------------------

  /** Asks for the capabilities once if that has not succeeded yet (the server may have been down at connect). */
  async #ensureDiscovered(): Promise<void> {
    if (this.#discovered) return;
    this.#discovering ??= this.refreshCapabilities()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => (this.#discovering = null));
    await this.#discovering;
  }

  #startFeed(): void {
    this.#feed = new ChangeFeed({
      http: this.#http,
      emit: (change) => this.#emit(change),
      stream: this.capabilities.realtime,
      source: {
        listStages: () => this.listStages(),
        listLostReasons: () => this.listLostReasons(),
        listDeals: (query, sort, page) => this.listDeals(query, sort, page),
      },
      pollIntervalMs: this.#options.pollIntervalMs ?? 15_000,
      reconnectDelayMs: this.#options.reconnectDelayMs ?? 1000,
      heartbeatTimeoutMs: this.#options.heartbeatTimeoutMs ?? 45_000,
      resumeFrom: this.#changePosition,
    });
    this.#feed.start();
  }

  #stopFeed(): void {
    this.#feed?.stop();
    this.#feed = null;
  }

  async #dealWrite(method: HttpMethod, path: string, body: unknown, options: WriteOptions | undefined, dealId: string | undefined): Promise<Deal> {
    const { expectedVersion, idempotencyKey } = parseOrThrow(WriteOptionsSchema, options ?? {}, 'write options');
    const deal = await this.#write(
      { method, path, body, ifMatch: expectedVersion, schema: Deal, what: 'deal', ...(dealId === undefined ? {} : { dealId }) },
      idempotencyKey,
    );
    this.#emitOwn({ type: 'deal', deal });
    return deal;
  }

  /**
   * Sends a write with an idempotency key: the caller's, or the key of the
   * same write that earlier got no answer, or a new one.
   */
  async #write<S extends z.core.$ZodType | undefined>(
    spec: Omit<RequestSpec<S>, 'idempotencyKey'>,
    callerKey?: string,
  ): Promise<S extends z.core.$ZodType ? z.infer<S> : undefined> {
    const fingerprint = `${spec.method} ${spec.path}\n${spec.ifMatch ?? ''}\n${JSON.stringify(spec.body ?? null)}`;
    const key = callerKey ?? this.#unsettled.get(fingerprint) ?? newIdempotencyKey();
    try {
      const result = await this.#http.request({ ...spec, idempotencyKey: key });
      this.#unsettled.delete(fingerprint);
      return result;
    } catch (error) {
      // No answer: the server may have applied it. Anything else is a definite answer.
      const unknownOutcome = error instanceof DealAdapterError && (error.code === 'network' || error.code === 'timeout');
      if (unknownOutcome && callerKey === undefined) {
        this.#unsettled.delete(fingerprint);
        this.#unsettled.set(fingerprint, key);
        if (this.#unsettled.size > MAX_UNSETTLED_WRITES) this.#unsettled.delete(this.#unsettled.keys().next().value!);
      } else {
        this.#unsettled.delete(fingerprint);
      }
      throw error;
    }
  }

  /**
   * Reports a change this adapter made, unless the change stream is open:
   * then the change arrives through it, in order with everyone else's.
   */
  #emitOwn(change: AdapterChange): void {
    if (!this.#feed?.live) this.#emit(change);
  }

  #emit(change: AdapterChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One faulty listener must not hide the change from the others.
        console.error('dealkit: a change listener threw', error);
      }
    }
  }
}

function parseId(id: unknown, what: string): string {
  return parseOrThrow(IdArgument, { id }, what).id;
}

const dealPath = (id: string): string => `/deals/${encodeURIComponent(id)}`;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The base URL made absolute (against the page for a relative one), without a trailing slash. */
function absoluteBaseUrl(baseUrl: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    const message = `"${baseUrl}" is not a URL${page ? '' : ' (a relative URL needs a page to resolve against)'}.`;
    throw new DealAdapterError('validation', message, { fieldErrors: { baseUrl: message } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const message = `The base URL must be http or https, not ${url.protocol}`;
    throw new DealAdapterError('validation', message, { fieldErrors: { baseUrl: message } });
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/**
 * A fresh random key. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost); `crypto.getRandomValues` exists everywhere.
 */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
