/**
 * The RestAdapter's HTTP behaviour against a scripted fetch: headers,
 * retries, timeouts, error mapping, idempotency keys, capabilities and the
 * change stream. The same behaviour against the real reference server is in
 * rest-conformance and rest-faults.
 */
import { expect } from '@open-wc/testing';
import type { AdapterChange } from '../../src/adapters/adapter.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapters/rest-adapter.js';
import { EventStreamParser, type ServerSentEvent } from '../../src/adapters/rest/change-feed.js';
import { defaultStages } from '../../src/model/defaults.js';
import type { Deal } from '../../src/model/schemas.js';
import { waitUntil } from './rest-server.js';
import { rejection } from '../support/rejection.js';

const BASE = 'https://crm.example.test/api';

type Handler = (request: Request) => Response | Promise<Response>;

/** A fetch that records requests and answers with `handler`, honouring abort signals. */
function scriptedFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    return new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), { once: true });
      Promise.resolve()
        .then(() => handler(request))
        .then(resolve, reject);
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ status, detail: `HTTP ${status}`, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } });
const never = () => new Promise<Response>(() => undefined);

function sampleDeal(changes: Partial<Deal> = {}): Deal {
  const at = '2026-01-05T09:00:00.000Z';
  return {
    id: 'deal-1', title: 'Sample', company: '', contact: '', amount: 100, currency: 'USD', stageId: 'new', probability: 10,
    probabilityManual: false, expectedClose: null, owner: '', priority: 0, tags: [], status: 'open', rank: 1024,
    lostReasonId: null, closingNote: '', probabilityBeforeClose: null, closedAt: null, createdAt: at, updatedAt: at, version: '1',
    ...changes,
  };
}

const adapters: RestAdapter[] = [];
function make(handler: Handler, options: Partial<RestAdapterOptions> = {}) {
  const scripted = scriptedFetch(handler);
  const adapter = new RestAdapter({ baseUrl: BASE, fetch: scripted.fetch, retryDelayMs: 1, ...options });
  adapters.push(adapter);
  return { adapter, requests: scripted.requests };
}

afterEach(() => {
  for (const adapter of adapters.splice(0)) adapter.close();
});


describe('RestAdapter', () => {
  describe('options', () => {
    it('refuses a base URL that is not http(s) and options out of range, naming them', () => {
      for (const [options, field] of [
        [{ baseUrl: 'ftp://example.test/api' }, 'baseUrl'],
        [{ baseUrl: BASE, retries: -1 }, 'retries'],
        [{ baseUrl: BASE, timeoutMs: 0 }, 'timeoutMs'],
        [{ baseUrl: BASE, headers: 'Bearer x' }, 'headers'],
      ] as const) {
        let error: unknown;
        try {
          new RestAdapter(options as unknown as RestAdapterOptions);
        } catch (caught) {
          error = caught;
        }
        expect(error, JSON.stringify(options)).to.be.instanceOf(DealAdapterError);
        expect((error as DealAdapterError).code).to.equal('validation');
        expect((error as DealAdapterError).fieldErrors).to.have.property(field);
      }
    });

    it('resolves a relative base URL against the page and drops a trailing slash', () => {
      const adapter = new RestAdapter({ baseUrl: '/api/dealkit/' });
      expect(adapter.baseUrl).to.equal(`${location.origin}/api/dealkit`);
      adapter.close();
    });
  });

  describe('requests', () => {
    it('adds the headers of the callback to every request, awaiting it each time', async () => {
      let token = 0;
      const { adapter, requests } = make(() => json(defaultStages()), {
        headers: async () => ({ Authorization: `Bearer token-${++token}` }),
      });
      await adapter.listStages();
      await adapter.listLostReasons().catch(() => undefined);
      expect(requests.map((r) => r.headers.get('Authorization'))).to.include.members(['Bearer token-2', 'Bearer token-3']);
      expect(requests[0]!.url).to.equal(`${BASE}/capabilities`);
    });

    it('reports a failing headers callback as unauthorized, without sending the request', async () => {
      const { adapter, requests } = make(() => json(defaultStages()), {
        headers: () => {
          throw new Error('session expired');
        },
        retries: 0,
      });
      expect((await rejection(adapter.listLostReasons())).code).to.equal('unauthorized');
      const invalid = make(() => json(defaultStages()), { headers: () => ({ Authorization: 'Bearer \u2603' }), retries: 0 });
      expect((await rejection(invalid.adapter.listLostReasons())).code).to.equal('unauthorized');
      expect([...requests, ...invalid.requests]).to.have.length(0);
    });

    it('encodes the query, sort and page as parameters', async () => {
      const { adapter, requests } = make(() => json({ items: [], nextCursor: null, total: 0 }));
      await adapter.listDeals(
        { statuses: ['open', 'won'], owners: [''], closeDate: { from: '2026-01-01' }, text: ' acme ' },
        { field: 'amount', direction: 'desc' },
        { limit: 50, cursor: 'abc' },
      );
      const url = new URL(requests[0]!.url);
      expect(url.pathname).to.equal('/api/deals');
      expect(url.searchParams.getAll('status')).to.deep.equal(['open', 'won']);
      expect(url.searchParams.getAll('owner')).to.deep.equal(['']);
      expect(url.searchParams.get('closeFrom')).to.equal('2026-01-01');
      expect(url.searchParams.get('q')).to.equal(' acme ');
      expect([url.searchParams.get('sort'), url.searchParams.get('order'), url.searchParams.get('limit'), url.searchParams.get('cursor')]).to.deep.equal([
        'amount', 'desc', '50', 'abc',
      ]);
    });

    it('refuses invalid input before sending anything', async () => {
      const { adapter, requests } = make(() => json({}));
      const error = await rejection(adapter.createDeal({ title: ' ', amount: -1 }));
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.have.keys(['title', 'amount']);
      expect(requests).to.have.length(0);
    });

    it('retries a read that failed to reach the server, with backoff, then reports network', async () => {
      const { adapter, requests } = make(() => Promise.reject(new TypeError('Failed to fetch')), { retries: 2 });
      const error = await rejection(adapter.getDeal('deal-1'));
      expect(error.code).to.equal('network');
      expect(requests).to.have.length(3);
    });

    it('retries a read after a 503 and returns the answer', async () => {
      let calls = 0;
      const { adapter } = make(() => (++calls === 1 ? problem(503) : json(sampleDeal())), { retries: 1 });
      expect((await adapter.getDeal('deal-1')).title).to.equal('Sample');
      expect(calls).to.equal(2);
    });

    it('never retries a write', async () => {
      const { adapter, requests } = make(() => problem(500), { retries: 3 });
      expect((await rejection(adapter.markWon('deal-1'))).code).to.equal('network');
      expect(requests.filter((r) => r.method === 'POST')).to.have.length(1);
    });

    it('fails with timeout when the server takes too long, aborting the request', async () => {
      const { adapter, requests } = make(never, { timeoutMs: 50, retries: 0 });
      const error = await rejection(adapter.getDeal('deal-1'));
      expect(error.code).to.equal('timeout');
      expect(requests[0]!.signal.aborted).to.equal(true);
    });

    it('aborts requests in flight when closed', async () => {
      const { adapter, requests } = make(never, { retries: 0 });
      const pending = adapter.getDeal('deal-1');
      await waitUntil(() => requests.length === 1, 'the request');
      adapter.close();
      expect((await rejection(pending)).code).to.equal('network');
      expect(requests[0]!.signal.aborted).to.equal(true);
    });
  });

  describe('answers', () => {
    const cases: [string, () => Response, string][] = [
      ['401', () => problem(401), 'unauthorized'],
      ['403', () => problem(403), 'unauthorized'],
      ['404', () => problem(404), 'not_found'],
      ['400', () => problem(400), 'validation'],
      ['413', () => problem(413), 'validation'],
      ['429', () => problem(429), 'network'],
      ['500', () => problem(500), 'network'],
      ['502 with an HTML page', () => new Response('<html>Bad gateway</html>', { status: 502 }), 'network'],
      ['418', () => problem(418), 'invalid_response'],
      ['200 that is not JSON', () => new Response('<html></html>', { status: 200 }), 'invalid_response'],
      ['200 with a deal missing fields', () => json({ id: 'deal-1' }), 'invalid_response'],
    ];
    for (const [label, answer, code] of cases) {
      it(`maps ${label} to ${code}`, async () => {
        const { adapter } = make(answer, { retries: 0 });
        expect((await rejection(adapter.getDeal('deal-1'))).code).to.equal(code);
      });
    }

    it('names the bad field of an invalid answer', async () => {
      const { adapter } = make(() => json({ items: [sampleDeal(), sampleDeal({ probability: 140 })], nextCursor: null }));
      const error = await rejection(adapter.listDeals());
      expect(error.code).to.equal('invalid_response');
      expect(error.fieldErrors).to.have.property('items.1.probability');
    });

    it("passes on the server's field errors", async () => {
      const { adapter } = make(() => problem(422, { code: 'validation', fieldErrors: { reasonId: 'The reason is archived.' } }));
      const error = await rejection(adapter.markLost('deal-1', { reasonId: 'old' }));
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal({ reasonId: 'The reason is archived.' });
    });

    it('maps 412 and 409 to conflict with the current deal, fetching it when the answer lacks it', async () => {
      const current = sampleDeal({ version: '7', amount: 700 });
      const withBody = make(() => problem(412, { code: 'conflict', current }));
      expect((await rejection(withBody.adapter.updateDeal('deal-1', { amount: 1 }, { expectedVersion: '6' }))).current).to.deep.equal(current);

      const without = make((request) => (request.method === 'GET' ? json(current) : problem(409)));
      const error = await rejection(without.adapter.moveDeal('deal-1', { stageId: 'won' }, { expectedVersion: '6' }));
      expect(error.code).to.equal('conflict');
      expect(error.current).to.deep.equal(current);
    });

    it('reports 404 of an optional endpoint as unsupported', async () => {
      const { adapter } = make(() => problem(404), { retries: 0 });
      const error = await rejection(adapter.lostAnalysis({}, { groupBy: 'reason', currency: 'USD' }));
      expect(error.code).to.equal('unsupported');
    });
  });

  describe('writes', () => {
    it('sends the expected version as If-Match and an idempotency key', async () => {
      const { adapter, requests } = make(() => json(sampleDeal({ version: '4' })));
      await adapter.updateDeal('deal 1/x', { amount: 5 }, { expectedVersion: '3' });
      const request = requests[0]!;
      expect(request.method).to.equal('PATCH');
      expect(new URL(request.url).pathname).to.equal('/api/deals/deal%201%2Fx');
      expect(request.headers.get('If-Match')).to.equal('"3"');
      expect(request.headers.get('Idempotency-Key')).to.match(/^[\w-]{16,}$/);
      expect(await request.json()).to.deep.equal({ amount: 5 });
    });

    it('repeats the key of a write that got no answer, and only of that write', async () => {
      let fail = true;
      const { adapter, requests } = make(() => (fail ? Promise.reject(new TypeError('Failed to fetch')) : json(sampleDeal())));
      const keys = () => requests.map((r) => r.headers.get('Idempotency-Key'));
      await rejection(adapter.markLost('deal-1', { note: 'a' }, { expectedVersion: '1' }));
      fail = false;
      await adapter.markLost('deal-1', { note: 'a' }, { expectedVersion: '1' });
      await adapter.markLost('deal-1', { note: 'a' }, { expectedVersion: '1' });
      await adapter.markLost('deal-1', { note: 'b' }, { expectedVersion: '1' });
      const [lost, retried, again, other] = keys();
      expect(retried, 'the retry of the unanswered write').to.equal(lost);
      expect(again, 'a new write after the answer came').to.not.equal(lost);
      expect(other).to.not.equal(again);
      await adapter.markWon('deal-1', { idempotencyKey: 'caller-key' });
      expect(keys().at(-1)).to.equal('caller-key');
    });
  });

  describe('capabilities', () => {
    it("uses the server's answer, overridden by the options", async () => {
      const answer = () => json({ aggregation: true, textSearch: true, realtime: false });
      const plain = await RestAdapter.connect({ baseUrl: BASE, fetch: scriptedFetch(answer).fetch });
      expect(plain.capabilities).to.deep.equal({ aggregation: true, textSearch: true, realtime: false });
      const overridden = await RestAdapter.connect({ baseUrl: BASE, fetch: scriptedFetch(answer).fetch, capabilities: { aggregation: false } });
      expect(overridden.capabilities).to.deep.equal({ aggregation: false, textSearch: true, realtime: false });
      plain.close();
      overridden.close();
    });

    it('offers nothing optional for a server without GET /capabilities, and waits for an unreachable one', async () => {
      const bare = await RestAdapter.connect({ baseUrl: BASE, fetch: scriptedFetch(() => problem(404)).fetch });
      expect(bare.capabilities).to.deep.equal({ aggregation: false, textSearch: false, realtime: false });
      bare.close();

      let up = false;
      const { fetch, requests } = scriptedFetch((request) => {
        if (!up) return Promise.reject(new TypeError('Failed to fetch'));
        return request.url.endsWith('/capabilities') ? json({ aggregation: true, textSearch: true, realtime: true }) : json(defaultStages());
      });
      const later = await RestAdapter.connect({ baseUrl: BASE, fetch, retries: 0 });
      expect(later.capabilities.aggregation, 'before the server answered').to.equal(false);
      up = true;
      await later.listStages();
      expect(later.capabilities.aggregation, 'asked again on the first read').to.equal(true);
      expect(requests.filter((r) => r.url.endsWith('/capabilities'))).to.have.length(2);
      later.close();
    });
  });

  describe('change stream', () => {
    /** A scripted server whose /changes answers are streams the test writes to. */
    function streamingServer() {
      const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
      const lastEventIds: (string | null)[] = [];
      const handler: Handler = (request) => {
        if (!request.url.endsWith('/changes')) return json({ aggregation: false, textSearch: false, realtime: true });
        lastEventIds.push(request.headers.get('Last-Event-ID'));
        const body = new ReadableStream<Uint8Array>({ start: (controller) => void streams.push(controller) });
        return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
      };
      const send = (text: string, index = streams.length - 1) => streams[index]!.enqueue(new TextEncoder().encode(text));
      return { handler, streams, lastEventIds, send };
    }

    it('reports the changes of the stream, and a reset for an event it cannot read', async () => {
      const server = streamingServer();
      const { adapter } = make(server.handler, { reconnectDelayMs: 10 });
      const changes: AdapterChange[] = [];
      adapter.subscribe((change) => changes.push(change));
      await waitUntil(() => server.streams.length === 1, 'the stream');
      const deal = sampleDeal({ title: 'Streamed' });
      server.send(`event: ready\ndata: {}\n\nid: e-1\nevent: deal\ndata: ${JSON.stringify(deal)}\n\n: ping\n\n`);
      server.send('event: deal-deleted\ndata: {"id":"gone"}\n\nevent: deal\ndata: {"id":"broken"}\n\nevent: future-thing\ndata: {}\n\n');
      await waitUntil(() => changes.length === 3, 'three changes');
      expect(changes).to.deep.equal([{ type: 'deal', deal }, { type: 'deal-deleted', id: 'gone' }, { type: 'reset' }]);
    });

    it('reconnects with Last-Event-ID after the stream ends, and reloads when the server did not replay', async () => {
      const server = streamingServer();
      const { adapter } = make(server.handler, { reconnectDelayMs: 10 });
      const changes: AdapterChange[] = [];
      adapter.subscribe((change) => changes.push(change));
      await waitUntil(() => server.streams.length === 1, 'the stream');
      server.send(`event: ready\ndata: {}\n\nid: e-7\nevent: deal\ndata: ${JSON.stringify(sampleDeal())}\n\n`);
      await waitUntil(() => changes.length === 1, 'the first change');
      server.streams[0]!.close();
      await waitUntil(() => server.streams.length === 2, 'the reconnection');
      expect(server.lastEventIds).to.deep.equal([null, 'e-7']);
      server.send('event: ready\ndata: {"replayed":false}\n\n');
      await waitUntil(() => changes.length === 2, 'the reset');
      expect(changes[1]).to.deep.equal({ type: 'reset' });

      server.streams[1]!.close();
      await waitUntil(() => server.streams.length === 3, 'the second reconnection');
      server.send('event: ready\ndata: {"replayed":true}\n\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes, 'no reset after a replayed reconnection').to.have.length(2);
    });

    it('reopens a stream that falls silent', async () => {
      const server = streamingServer();
      const { adapter } = make(server.handler, { reconnectDelayMs: 10, heartbeatTimeoutMs: 100 });
      adapter.subscribe(() => undefined);
      await waitUntil(() => server.streams.length === 1, 'the stream');
      server.send('event: ready\ndata: {}\n\n');
      await waitUntil(() => server.streams.length === 2, 'the silent stream to be reopened', 2000);
    });

    it('closes the stream with the last subscription', async () => {
      const server = streamingServer();
      const { adapter, requests } = make(server.handler);
      const unsubscribe = adapter.subscribe(() => undefined);
      await waitUntil(() => server.streams.length === 1, 'the stream');
      unsubscribe();
      const streamRequest = requests.find((r) => r.url.endsWith('/changes'))!;
      await waitUntil(() => streamRequest.signal.aborted, 'the stream request to be aborted');
    });
  });

  describe('EventStreamParser', () => {
    it('parses events split anywhere, with CRLF, comments and multi-line data', () => {
      const events: ServerSentEvent[] = [];
      const parser = new EventStreamParser((event) => events.push(event));
      const text = ': hello\r\nevent: deal\r\nid: 1\r\ndata: {"a":\r\ndata: 1}\r\n\r\ndata: plain\n\nevent:x\ndata:no space\r\r';
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += 3) parser.push(bytes.slice(i, i + 3));
      expect(events).to.deep.equal([
        { event: 'deal', data: '{"a":\n1}', id: '1' },
        { event: 'message', data: 'plain' },
        { event: 'x', data: 'no space' },
      ]);
    });

    it('decodes characters split across chunks', () => {
      const events: ServerSentEvent[] = [];
      const parser = new EventStreamParser((event) => events.push(event));
      const bytes = new TextEncoder().encode('data: فروش 销售\n\n');
      for (const byte of bytes) parser.push(Uint8Array.of(byte));
      expect(events).to.deep.equal([{ event: 'message', data: 'فروش 销售' }]);
    });
  });
});
