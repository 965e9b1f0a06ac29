/**
 * How the RestAdapter hears of changes made elsewhere: the server's
 * `GET /changes` event stream, read with fetch (so the auth headers, the
 * injected fetch and timeouts apply, which EventSource cannot do), with
 * reconnection; or, when the server has no stream, polling.
 */
import type { AdapterChange, Page } from '../adapter.js';
import type { DealAdapterError } from '../errors.js';
import type { Deal, DealQuery, DealSort, LostReason, PageRequest, Stage } from '../../model/schemas.js';
import * as z from 'zod/mini';
import { fieldErrorsOf } from '../validate.js';
import { sleep, type HttpClient } from './http.js';
import { CHANGE_EVENTS, type ChangeEventName } from './wire.js';

/** What polling reads, through the adapter's own validated methods. */
export interface PollSource {
  listStages(): Promise<Stage[]>;
  listLostReasons(): Promise<LostReason[]>;
  listDeals(query: DealQuery, sort: DealSort, page: PageRequest): Promise<Page<Deal>>;
}

export interface ChangeFeedOptions {
  http: HttpClient;
  emit: (change: AdapterChange) => void;
  /** Try the event stream first; false polls from the start. */
  stream: boolean;
  source: PollSource;
  pollIntervalMs: number;
  /** First wait before reconnecting; doubles on each failure, up to 30 s. */
  reconnectDelayMs: number;
  /** A stream silent for this long (no event, no keep-alive comment) is taken as dead and reopened. */
  heartbeatTimeoutMs: number;
  /**
   * The change-stream position of the server's answers when the
   * subscription began: the stream resumes from there, so a change made
   * while it was opening is not missed.
   */
  resumeFrom?: string | undefined;
}

const MAX_RECONNECT_DELAY_MS = 30_000;
/** Pages of recently changed deals one poll reads before it gives up and asks for a reload. */
const MAX_POLL_PAGES = 10;
const POLL_PAGE_SIZE = 100;

export class ChangeFeed {
  readonly #options: ChangeFeedOptions;
  readonly #stopped = new AbortController();
  #live = false;
  /** The id of the last event received, sent back on reconnection so the server can replay what was missed. */
  #lastEventId: string | undefined;
  /** Streams that became ready so far: after the first, a stream that did not replay means a reload. */
  #readyCount = 0;

  constructor(options: ChangeFeedOptions) {
    this.#options = options;
    this.#lastEventId = options.resumeFrom;
  }

  /** Whether an event stream is open now, so the changes of this client's own writes will arrive through it. */
  get live(): boolean {
    return this.#live;
  }

  start(): void {
    if (this.#options.stream) void this.#streamLoop();
    else void this.#pollLoop(false);
  }

  stop(): void {
    this.#live = false;
    this.#stopped.abort();
  }

  // ---- the event stream ----------------------------------------------------------------

  async #streamLoop(): Promise<void> {
    const signal = this.#stopped.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = this.#lastEventId === undefined ? {} : { 'Last-Event-ID': this.#lastEventId };
        const response = await this.#options.http.openStream('/changes', headers, signal);
        const type = response.headers.get('Content-Type') ?? '';
        if (!type.includes('text/event-stream') || !response.body) {
          void response.body?.cancel();
          return this.#pollLoop(this.#readyCount > 0);
        }
        await this.#read(response.body, () => (failures = 0));
      } catch (error) {
        if (signal.aborted) return;
        // The server has no stream: follow the changes by polling instead.
        if ((error as DealAdapterError).code === 'unsupported') return this.#pollLoop(this.#readyCount > 0);
      }
      this.#live = false;
      if (signal.aborted) return;
      failures += 1;
      const delay = Math.min(this.#options.reconnectDelayMs * 2 ** (failures - 1), MAX_RECONNECT_DELAY_MS);
      try {
        await sleep(delay * (0.75 + Math.random() / 4), signal);
      } catch {
        return;
      }
    }
  }

  /** Reads one stream until it ends, fails or falls silent. */
  async #read(body: ReadableStream<Uint8Array>, onReady: () => void): Promise<void> {
    const reader = body.getReader();
    const parser = new EventStreamParser((event) => this.#dispatch(event, onReady));
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => void reader.cancel().catch(() => undefined), this.#options.heartbeatTimeoutMs);
    };
    const stop = () => void reader.cancel().catch(() => undefined);
    this.#stopped.signal.addEventListener('abort', stop, { once: true });
    arm();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        arm();
        parser.push(value);
      }
    } finally {
      clearTimeout(watchdog);
      this.#stopped.signal.removeEventListener('abort', stop);
    }
  }

  #dispatch(event: ServerSentEvent, onReady: () => void): void {
    if (event.id !== undefined) this.#lastEventId = event.id;
    const name = event.event as ChangeEventName;
    if (!Object.hasOwn(CHANGE_EVENTS, name)) return; // Unknown events are for newer clients.
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      data = undefined;
    }
    const parsed = z.safeParse(CHANGE_EVENTS[name], data);
    if (!parsed.success) {
      // A change that cannot be read is not applied: a reload shows the truth (and any bad record, validated).
      const fields = Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => `${field}: ${message}`);
      console.warn(`dealkit: the server sent an invalid "${name}" event (${fields.join('; ')}); reloading.`);
      this.#options.emit({ type: 'reset' });
      return;
    }
    const value = parsed.data as never;
    switch (name) {
      case 'ready': {
        const replayed = (value as { replayed?: boolean }).replayed === true;
        this.#live = true;
        onReady();
        // After a gap the server could not replay, what happened meanwhile is unknown: reload.
        const resuming = this.#readyCount > 0 || this.#options.resumeFrom !== undefined;
        if (resuming && !replayed) this.#options.emit({ type: 'reset' });
        this.#readyCount += 1;
        return;
      }
      case 'deal':
        return this.#options.emit({ type: 'deal', deal: value });
      case 'deal-deleted':
        return this.#options.emit({ type: 'deal-deleted', id: (value as { id: string }).id });
      case 'stage':
        return this.#options.emit({ type: 'stage', stage: value });
      case 'lost-reason':
        return this.#options.emit({ type: 'lost-reason', reason: value });
      case 'reset':
        return this.#options.emit({ type: 'reset' });
    }
  }

  // ---- polling ------------------------------------------------------------------------------

  /**
   * Polls for changes: stages and lost reasons are compared whole (they are
   * few); deals are read newest change first down to the last change seen.
   * Deletions are not seen by polling; they show at the next reload.
   */
  async #pollLoop(afterGap: boolean): Promise<void> {
    const signal = this.#stopped.signal;
    this.#live = false;
    if (afterGap) this.#options.emit({ type: 'reset' });
    const poller = new Poller(this.#options.source, this.#options.emit);
    while (!signal.aborted) {
      try {
        await poller.poll();
      } catch {
        // A failed poll is tried again at the next interval.
      }
      try {
        await sleep(this.#options.pollIntervalMs, signal);
      } catch {
        return;
      }
    }
  }
}

class Poller {
  readonly #source: PollSource;
  readonly #emit: (change: AdapterChange) => void;
  #first = true;
  #stages = new Map<string, string>();
  #reasons = new Map<string, string>();
  /** The latest `updatedAt` seen, and the versions of the deals changed at exactly that instant. */
  #watermark: string | null = null;
  #atWatermark = new Map<string, string>();

  constructor(source: PollSource, emit: (change: AdapterChange) => void) {
    this.#source = source;
    this.#emit = emit;
  }

  /** One poll. The first only records what is there: the caller has just loaded it. */
  async poll(): Promise<void> {
    const emit = !this.#first;
    const [stages, reasons] = await Promise.all([this.#source.listStages(), this.#source.listLostReasons()]);
    for (const stage of this.#changed(this.#stages, stages)) if (emit) this.#emit({ type: 'stage', stage });
    for (const reason of this.#changed(this.#reasons, reasons)) if (emit) this.#emit({ type: 'lost-reason', reason });

    const changed: Deal[] = [];
    let cursor: string | null = null;
    let reachedWatermark = false;
    for (let pages = 0; pages < MAX_POLL_PAGES && !reachedWatermark; pages++) {
      const page: Page<Deal> = await this.#source.listDeals({}, { field: 'updatedAt', direction: 'desc' }, { cursor, limit: POLL_PAGE_SIZE });
      for (const deal of page.items) {
        if (this.#watermark !== null && deal.updatedAt < this.#watermark) {
          reachedWatermark = true;
          break;
        }
        if (deal.updatedAt === this.#watermark && this.#atWatermark.get(deal.id) === deal.version) continue;
        changed.push(deal);
        // The first poll needs only the newest change, to start from.
        if (this.#first) reachedWatermark = true;
      }
      cursor = page.nextCursor;
      if (cursor === null) reachedWatermark = true;
    }
    if (!reachedWatermark && emit) {
      // Too many changes to list: reloading is cheaper and certain.
      this.#emit({ type: 'reset' });
    } else if (emit) {
      // Oldest first, as the changes happened.
      for (const deal of [...changed].reverse()) this.#emit({ type: 'deal', deal });
    }
    const newest = changed[0]?.updatedAt;
    if (newest !== undefined && (this.#watermark === null || newest > this.#watermark)) {
      this.#watermark = newest;
      this.#atWatermark = new Map();
    }
    for (const deal of changed) if (deal.updatedAt === this.#watermark) this.#atWatermark.set(deal.id, deal.version);
    this.#first = false;
  }

  /** The records that are new or differ from the last poll, remembering the current ones. */
  #changed<T extends { id: string }>(known: Map<string, string>, records: readonly T[]): T[] {
    const changed = records.filter((record) => known.get(record.id) !== JSON.stringify(record));
    known.clear();
    for (const record of records) known.set(record.id, JSON.stringify(record));
    return changed;
  }
}

// ---- server-sent events ----------------------------------------------------------------------

export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * A parser of the `text/event-stream` format (HTML Living Standard, "Server-
 * sent events"): lines split on CR, LF or CRLF, `field: value`, comments
 * starting with a colon, an event dispatched at each blank line.
 */
export class EventStreamParser {
  readonly #decoder = new TextDecoder();
  readonly #onEvent: (event: ServerSentEvent) => void;
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;
  #sawCarriageReturn = false;

  constructor(onEvent: (event: ServerSentEvent) => void) {
    this.#onEvent = onEvent;
  }

  push(chunk: Uint8Array): void {
    let text = this.#decoder.decode(chunk, { stream: true });
    // A CRLF split across two chunks: the LF ends nothing new.
    if (this.#sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.#sawCarriageReturn = text.endsWith('\r');
    this.#buffer += text;
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line === '') {
      if (this.#data.length > 0) {
        this.#onEvent({ event: this.#event || 'message', data: this.#data.join('\n'), ...(this.#id === undefined ? {} : { id: this.#id }) });
      }
      this.#event = '';
      this.#data = [];
      this.#id = undefined;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.#id = value;
  }
}
