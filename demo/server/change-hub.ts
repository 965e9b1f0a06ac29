/**
 * The change stream of the reference server: every committed change is sent
 * to every open `GET /changes` stream as a server-sent event named after the
 * change type of the adapter contract (`deal`, `deal-deleted`, `stage`,
 * `lost-reason`, `reset`), with the record as JSON data.
 *
 * The last events are kept. A client that connects with `Last-Event-ID`
 * (the id of the last event it got, or the `Dealkit-Change-Position` of an
 * earlier answer) gets every event after it (and `ready` says `replayed:
 * true`); when those are no longer kept, or the server restarted, it is told
 * nothing was replayed and reloads.
 */
import { randomUUID } from 'node:crypto';
import type { AdapterChange } from '../../src/adapters/adapter.js';
import type { ChangeEventName } from '../../src/adapters/rest/wire.js';

/** Events queued for a client that does not read; past this it is dropped and will reload on reconnect. */
const MAX_QUEUED_EVENTS = 1000;
/** Events kept for replay. */
const KEPT_EVENTS = 2000;

const encoder = new TextEncoder();

function eventText(name: ChangeEventName, data: unknown, id?: string): string {
  // JSON.stringify escapes line breaks, so the data always fits on one `data:` line.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface KeptEvent {
  seq: number;
  text: string;
}

function eventOf(change: AdapterChange): [ChangeEventName, unknown] {
  switch (change.type) {
    case 'deal':
      return ['deal', change.deal];
    case 'deal-deleted':
      return ['deal-deleted', { id: change.id }];
    case 'stage':
      return ['stage', change.stage];
    case 'lost-reason':
      return ['lost-reason', change.reason];
    case 'reset':
      return ['reset', {}];
  }
}

export interface ChangeHubOptions {
  /** A comment line is sent this often so proxies keep the stream open and clients can tell it is alive. */
  heartbeatMs: number;
  /** The reconnection delay suggested to clients (the SSE `retry` field). */
  retryMs?: number;
}

export class ChangeHub {
  readonly #clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  readonly #heartbeat: ReturnType<typeof setInterval>;
  readonly #retryMs: number;
  /** Event ids are `<epoch>-<seq>`: an id from before a restart is recognised as unknown. */
  #epoch = randomUUID().slice(0, 8);
  #nextSeq = 1;
  #kept: KeptEvent[] = [];

  constructor(options: ChangeHubOptions) {
    this.#retryMs = options.retryMs ?? 1000;
    this.#heartbeat = setInterval(() => this.#sendAll(': ping\n\n'), options.heartbeatMs);
    // The timer alone must not keep the process alive.
    this.#heartbeat.unref?.();
  }

  /** The id of the last event published: where a stream opened now would start. */
  get position(): string {
    return `${this.#epoch}-${this.#nextSeq - 1}`;
  }

  /** How many streams are open. */
  get size(): number {
    return this.#clients.size;
  }

  /** A new `text/event-stream` response that receives every change from now on, after those since `lastEventId`. */
  open(lastEventId?: string): Response {
    const missed = this.#missedSince(lastEventId);
    let client: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        client = controller;
        this.#clients.add(controller);
        const ready = eventText('ready', { replayed: missed.replayed });
        controller.enqueue(encoder.encode(`retry: ${this.#retryMs}\n${ready}${missed.events.map((e) => e.text).join('')}`));
      },
      cancel: () => {
        this.#clients.delete(client);
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        // Tells nginx-style proxies not to buffer the stream.
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Sends committed changes to every stream. */
  publish(changes: readonly AdapterChange[]): void {
    for (const change of changes) {
      const [name, data] = eventOf(change);
      const seq = this.#nextSeq++;
      const text = eventText(name, data, `${this.#epoch}-${seq}`);
      this.#kept.push({ seq, text });
      this.#sendAll(text);
    }
    if (this.#kept.length > KEPT_EVENTS) this.#kept = this.#kept.slice(-KEPT_EVENTS);
  }

  /** The kept events after `lastEventId`, and whether that is everything the client missed. */
  #missedSince(lastEventId: string | undefined): { events: KeptEvent[]; replayed: boolean } {
    if (lastEventId === undefined) return { events: [], replayed: false };
    const match = /^([0-9a-f]{8})-(\d+)$/.exec(lastEventId.trim());
    if (!match || match[1] !== this.#epoch) return { events: [], replayed: false };
    const seen = Number(match[2]);
    const oldest = this.#kept[0]?.seq ?? this.#nextSeq;
    // Events between the last one seen and the oldest kept are gone: the client must reload.
    if (seen + 1 < oldest || seen >= this.#nextSeq) return { events: [], replayed: false };
    return { events: this.#kept.filter((e) => e.seq > seen), replayed: true };
  }

  /** Ends every stream; clients reconnect (and reload). Used on shutdown and by the fault-injection tests. */
  closeAll(): void {
    for (const client of this.#clients) {
      try {
        client.close();
      } catch {
        // Already closed by the other side.
      }
    }
    this.#clients.clear();
  }

  /** Forgets the kept events, as a restart would: clients reconnecting must reload. Used by the fault-injection tests. */
  forget(): void {
    this.#epoch = randomUUID().slice(0, 8);
    this.#kept = [];
  }

  dispose(): void {
    clearInterval(this.#heartbeat);
    this.closeAll();
  }

  #sendAll(text: string): void {
    const bytes = encoder.encode(text);
    for (const client of this.#clients) {
      if ((client.desiredSize ?? 0) < -MAX_QUEUED_EVENTS) {
        this.#clients.delete(client);
        client.close();
        continue;
      }
      try {
        client.enqueue(bytes);
      } catch {
        this.#clients.delete(client);
      }
    }
  }
}
