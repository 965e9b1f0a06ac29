/**
 * The HTTP machinery of the RestAdapter: one request with auth headers, a
 * timeout, retries with backoff for reads, zod validation of the answer, and
 * the mapping of every failure to a DealAdapterError code.
 */
import * as z from 'zod/mini';
import { Deal } from '../../model/schemas.js';
import { DealAdapterError, toDealAdapterError, type DealAdapterErrorCode } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { etagOf, HEADERS, Problem } from './wire.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  /** Absolute base URL, without a trailing slash. */
  baseUrl: string;
  headers?: (() => HeadersInit | Promise<HeadersInit>) | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  fetch: typeof fetch;
  /** Aborts every request when the adapter closes. */
  closed: AbortSignal;
  /** Told the change-stream position of every answer that carries one. */
  onChangePosition?: (position: string) => void;
}

export interface RequestSpec<S extends z.core.$ZodType | undefined> {
  method: HttpMethod;
  /** Relative to the base URL, already encoded: `/deals/abc/move`. */
  path: string;
  params?: URLSearchParams;
  /** JSON body. */
  body?: unknown;
  /** The version for `If-Match`. */
  ifMatch?: string | undefined;
  idempotencyKey?: string | undefined;
  /** The schema of a successful answer; undefined for answers without a body (204). */
  schema: S;
  /** What is asked for, for messages: `deal`, `page of deals`. */
  what: string;
  /** An optional endpoint: 404 means the server does not offer it (`unsupported`), not a missing record. */
  optional?: boolean;
  /** The deal a write is about: on a conflict without the current record in the body, it is fetched. */
  dealId?: string;
}

/** The answer to a problem document, read leniently: `current` is checked on its own so its bad fields can be named. */
const LenientProblem = z.extend(Problem, { current: z.optional(z.unknown()) });
const CurrentDeal = z.object({ current: Deal });

/** The longest wait a server's Retry-After may ask for before a read is retried. */
const MAX_RETRY_AFTER_MS = 30_000;

/** Why an attempt was aborted. */
const TIMED_OUT = 'timeout';
const CLOSED = 'closed';

export class HttpClient {
  readonly #options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.#options = options;
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /**
   * Sends a request and returns its validated answer. Reads (GET) are
   * retried after network failures, timeouts, 5xx and 429, with exponential
   * backoff; writes are not (they carry an idempotency key instead, so the
   * caller may repeat them safely).
   */
  async request<S extends z.core.$ZodType | undefined>(spec: RequestSpec<S>): Promise<S extends z.core.$ZodType ? z.infer<S> : undefined> {
    const attempts = spec.method === 'GET' ? this.#options.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(spec);
      } catch (error) {
        // The contract: adapters reject with DealAdapterError only, whatever went wrong.
        const failure = toDealAdapterError(error) as DealAdapterError & { retryAfterMs?: number };
        if (attempt >= attempts || !failure.retryable || this.#options.closed.aborted) throw failure;
        const backoff = this.#options.retryDelayMs * 2 ** (attempt - 1);
        // Jitter spreads the retries of many clients after an outage.
        const delay = failure.retryAfterMs ?? backoff * (0.5 + Math.random() / 2);
        await sleep(Math.min(delay, MAX_RETRY_AFTER_MS), this.#options.closed);
      }
    }
  }

  /**
   * Opens a streaming GET (the change stream) and returns the response once
   * its headers arrived; the timeout covers only that. Non-2xx answers throw
   * like `request`.
   */
  async openStream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const controller = new AbortController();
    // Stopping the stream (or closing the adapter, which stops it) aborts the request and the body being read.
    signal.addEventListener('abort', () => controller.abort(CLOSED), { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.#options.timeoutMs);
    try {
      const response = await this.#fetch('GET', path, undefined, { Accept: 'text/event-stream', ...headers }, undefined, controller.signal);
      if (!response.ok) {
        throw await this.#errorOf(response, await safeText(response), { method: 'GET', path, schema: undefined, what: 'change stream', optional: true });
      }
      return response;
    } finally {
      clearTimeout(timer);
    }
  }

  async #attempt<S extends z.core.$ZodType | undefined>(spec: RequestSpec<S>): Promise<S extends z.core.$ZodType ? z.infer<S> : undefined> {
    const controller = new AbortController();
    const close = () => controller.abort(CLOSED);
    this.#options.closed.addEventListener('abort', close, { once: true });
    // The timeout covers the whole exchange, reading the body included.
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.#options.timeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      if (spec.ifMatch !== undefined) headers['If-Match'] = etagOf(spec.ifMatch);
      if (spec.idempotencyKey !== undefined) headers[HEADERS.idempotencyKey] = spec.idempotencyKey;
      const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      const response = await this.#fetch(spec.method, spec.path, spec.params, headers, body, controller.signal);
      const text = await response.text().catch((error: unknown) => {
        throw this.#transportError(error, controller.signal, spec);
      });
      if (!response.ok) throw await this.#errorOf(response, text, spec);
      if (spec.schema === undefined) return undefined as never;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new DealAdapterError('invalid_response', `The server answered ${spec.method} ${spec.path} with something that is not JSON.`, {
          fieldErrors: { '(root)': 'Not valid JSON' },
          cause: error,
        });
      }
      return parseOrThrow(spec.schema, json, `${spec.what} from the server`, 'invalid_response') as never;
    } finally {
      clearTimeout(timer);
      this.#options.closed.removeEventListener('abort', close);
    }
  }

  /** Calls fetch with the auth headers; a failure to get an answer becomes `network`, `timeout` or (closed) `network`. */
  async #fetch(
    method: HttpMethod,
    path: string,
    params: URLSearchParams | undefined,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const spec = { method, path, schema: undefined, what: path };
    let merged: Headers;
    try {
      merged = new Headers((await this.#options.headers?.()) ?? {});
    } catch (error) {
      throw new DealAdapterError('unauthorized', 'The headers callback of the RestAdapter failed or gave invalid headers.', { cause: error });
    }
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    const query = params && params.size > 0 ? `?${params.toString()}` : '';
    let response: Response;
    try {
      response = await this.#options.fetch(`${this.#options.baseUrl}${path}${query}`, { method, headers: merged, body: body ?? null, signal });
    } catch (error) {
      throw this.#transportError(error, signal, spec);
    }
    const position = response.headers.get(HEADERS.changePosition);
    if (position) this.#options.onChangePosition?.(position);
    return response;
  }

  #transportError(error: unknown, signal: AbortSignal, spec: Pick<RequestSpec<undefined>, 'method' | 'path'>): DealAdapterError {
    if (signal.aborted && signal.reason === TIMED_OUT) {
      return new DealAdapterError('timeout', `${spec.method} ${spec.path} took longer than ${this.#options.timeoutMs} ms.`, { cause: error });
    }
    if (signal.aborted) return new DealAdapterError('network', 'The RestAdapter was closed.', { cause: error });
    return new DealAdapterError('network', `Could not reach the server for ${spec.method} ${spec.path}.`, { cause: error });
  }

  /** The error an unsuccessful answer stands for. */
  async #errorOf(response: Response, text: string, spec: RequestSpec<z.core.$ZodType | undefined>): Promise<DealAdapterError> {
    const problem = readProblem(text);
    const status = response.status;
    const message = problem?.detail ?? problem?.title ?? `${spec.method} ${spec.path} failed with HTTP ${status}.`;
    const fail = (code: DealAdapterErrorCode, extra: { fieldErrors?: Record<string, string>; current?: Deal } = {}) =>
      new DealAdapterError(code, message, extra);

    if (status === 401 || status === 403) return fail('unauthorized');
    if (status === 404) return fail(spec.optional ? 'unsupported' : 'not_found');
    if (status === 405 || status === 501) return fail('unsupported');
    if (status === 409 || status === 412) {
      const current = problem?.current !== undefined ? parseCurrent(problem.current) : await this.#currentDeal(spec.dealId);
      return fail('conflict', current ? { current } : {});
    }
    if (status === 400 || status === 413 || status === 422) {
      return fail('validation', { fieldErrors: problem?.fieldErrors ?? { '(root)': message } });
    }
    if (status === 408) return fail('timeout');
    if (status === 429 || status >= 500) {
      const error = fail(status === 507 ? 'quota_exceeded' : 'network');
      const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
      if (retryAfter !== null) Object.assign(error, { retryAfterMs: retryAfter });
      return error;
    }
    return new DealAdapterError('invalid_response', `The server answered ${spec.method} ${spec.path} with the unexpected status ${status}.`);
  }

  /** The deal as it is now, for a conflict whose answer did not carry it; undefined when it cannot be had. */
  async #currentDeal(id: string | undefined): Promise<Deal | undefined> {
    if (id === undefined) return undefined;
    try {
      return await this.request({ method: 'GET', path: `/deals/${encodeURIComponent(id)}`, schema: Deal, what: 'deal' });
    } catch {
      return undefined;
    }
  }
}

function readProblem(text: string): z.infer<typeof LenientProblem> | null {
  try {
    const result = z.safeParse(LenientProblem, JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The `current` deal of a conflict, validated: a bad field is an `invalid_response` naming `current.<field>`. */
function parseCurrent(current: unknown): Deal {
  return parseOrThrow(CurrentDeal, { current }, 'current deal of a conflict', 'invalid_response').current;
}

function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

async function safeText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

/** Waits, or rejects at once with `network` when the adapter closes meanwhile. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DealAdapterError('network', 'The RestAdapter was closed.'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DealAdapterError('network', 'The RestAdapter was closed.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
