/**
 * What the RestAdapter and the store do when the server misbehaves: the
 * reference server injects faults (malformed JSON, wrong types, errors,
 * slow answers, conflicts, lost answers, dropped streams) into its answers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AdapterChange } from '../../src/adapters/adapter.js';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapters/rest-adapter.js';
import '../../src/define/provider.js';
import type { DealProvider } from '../../src/elements/provider/deal-provider.js';
import type { DealErrorEvent } from '../../src/events/deal-error.js';
import type { Deal } from '../../src/model/schemas.js';
import { DealStore } from '../../src/store/deal-store.js';
import { StoreErrorEvent } from '../../src/store/events.js';
import { startServer, waitUntil, type TestServer } from './rest-server.js';
import { rejection } from '../support/rejection.js';

let server: TestServer;
const open: { close(): void }[] = [];

before(async function () {
  this.timeout(120_000);
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

beforeEach(async () => {
  await server.clearFaults();
  await server.reset();
});

afterEach(() => {
  for (const item of open.splice(0)) item.close();
});

async function adapter(options: Partial<RestAdapterOptions> = {}): Promise<RestAdapter> {
  const created = await RestAdapter.connect({ baseUrl: server.url, retryDelayMs: 10, reconnectDelayMs: 50, ...options });
  open.push(created);
  return created;
}

/** A store on its own adapter; `realtime: false` with a long poll interval keeps it deaf to other clients. */
async function storeOn(options: Partial<RestAdapterOptions> = {}): Promise<{ store: DealStore; rest: RestAdapter }> {
  const rest = await adapter(options);
  const store = new DealStore({ adapter: rest });
  open.push({ close: () => store.dispose() });
  await store.ready;
  expect(store.status, `store status (${store.error?.message})`).to.equal('ready');
  return { store, rest };
}


/** The next store error event, with its retry. */
function nextStoreError(store: DealStore): Promise<StoreErrorEvent> {
  return new Promise((resolve) => store.addEventListener(StoreErrorEvent.type, (event) => resolve(event as StoreErrorEvent), { once: true }));
}

const copy = (deal: Deal | undefined): Deal => structuredClone(deal!);

describe('RestAdapter against a faulty server', function () {
  this.timeout(20_000);

  describe('bad answers', () => {
    it('reports malformed JSON as invalid_response, and the store loads once the server answers well again', async () => {
      const rest = await adapter({ retries: 0 });
      await server.fault({ operation: 'listDeals', kind: 'malformed-json' });
      const error = await rejection(rest.listDeals());
      expect(error.code).to.equal('invalid_response');

      await server.fault({ operation: 'listDeals', kind: 'malformed-json' });
      const store = new DealStore({ adapter: rest });
      open.push({ close: () => store.dispose() });
      await store.ready;
      expect(store.status).to.equal('error');
      expect(store.error?.code).to.equal('invalid_response');
      await store.load();
      expect(store.status).to.equal('ready');
    });

    it('reports a field of the wrong type as invalid_response naming the field, never as data', async () => {
      const rest = await adapter({ retries: 0 });
      const deal = await rest.createDeal({ title: 'Typed', amount: 100 });
      await server.fault({ operation: 'listDeals', kind: 'corrupt', path: 'items.0.amount', value: 'lots' });
      const listed = await rejection(rest.listDeals());
      expect(listed.code).to.equal('invalid_response');
      expect(listed.fieldErrors).to.have.property('items.0.amount');

      await server.fault({ operation: 'getDeal', kind: 'corrupt', path: 'status', value: 'maybe' });
      const read = await rejection(rest.getDeal(deal.id));
      expect(read.code).to.equal('invalid_response');
      expect(read.fieldErrors).to.have.property('status');

      await server.fault({ operation: 'getForecast', kind: 'corrupt', path: 'totals.weighted', value: null });
      const forecast = await rejection(rest.forecast({}, { period: 'month', from: '2026-01-01', periods: 3, groupBy: 'stage', currency: 'USD' }));
      expect(forecast.code).to.equal('invalid_response');
      expect(forecast.fieldErrors).to.have.property('totals.weighted');
    });

    it('reports a conflict whose current record is broken as invalid_response', async () => {
      const rest = await adapter();
      const deal = await rest.createDeal({ title: 'Contested' });
      await server.fault({ operation: 'updateDeal', kind: 'status', status: 412, body: { code: 'conflict', current: { ...deal, amount: -1 } } });
      const error = await rejection(rest.updateDeal(deal.id, { amount: 5 }, { expectedVersion: deal.version }));
      expect(error.code).to.equal('invalid_response');
      expect(error.fieldErrors).to.have.property('current.amount');
    });

    it('reports a missing optional endpoint as unsupported and a refused token as unauthorized', async () => {
      const rest = await adapter({ retries: 0 });
      await server.fault({ operation: 'getForecast', kind: 'status', status: 404 });
      const missing = await rejection(rest.forecast({}, { period: 'month', from: '2026-01-01', periods: 1, groupBy: 'stage', currency: 'USD' }));
      expect(missing.code).to.equal('unsupported');
      await server.fault({ operation: 'listStages', kind: 'status', status: 401 });
      expect((await rejection(rest.listStages())).code).to.equal('unauthorized');
    });
  });

  describe('errors and retries', () => {
    it('rolls a refused move back exactly when the server fails, and Retry moves the deal', async () => {
      const { store, rest } = await storeOn();
      const [first, second] = store.stages;
      const created = await store.createDeal({ title: 'Mover', stageId: first!.id, amount: 300 });
      const original = copy(store.deal(created.id));

      await server.fault({ operation: 'moveDeal', kind: 'status', status: 500 });
      const refused = nextStoreError(store);
      const error = await rejection(store.moveDeal(created.id, { stageId: second!.id }));
      expect(error.code).to.equal('network');
      expect(error.retryable).to.equal(true);
      expect(store.deal(created.id)).to.deep.equal(original);
      expect(await rest.getDeal(created.id)).to.deep.equal(original);

      const event = await refused;
      expect(event.command).to.equal('moveDeal');
      await event.retry!();
      expect(store.deal(created.id)?.stageId).to.equal(second!.id);
      expect((await rest.getDeal(created.id)).stageId).to.equal(second!.id);
    });

    it('retries reads after server errors, but never a write', async () => {
      const rest = await adapter({ retries: 2 });
      await server.fault({ operation: 'listStages', kind: 'status', status: 503, times: 2 });
      expect((await rest.listStages()).length).to.be.greaterThan(0);

      await server.fault({ operation: 'createDeal', kind: 'status', status: 500 });
      const error = await rejection(rest.createDeal({ title: 'Not twice' }));
      expect(error.code).to.equal('network');
      expect((await rest.listDeals()).items).to.have.length(0);
    });

    it('gives up on a slow answer with a timeout, and a retried read then succeeds', async () => {
      const slow = await adapter({ timeoutMs: 300, retries: 0 });
      const deal = await slow.createDeal({ title: 'Slow' });
      await server.fault({ operation: 'getDeal', kind: 'delay', delayMs: 1500 });
      const error = await rejection(slow.getDeal(deal.id));
      expect(error.code).to.equal('timeout');
      expect(error.retryable).to.equal(true);

      const patient = await adapter({ timeoutMs: 300, retries: 1 });
      await server.fault({ operation: 'getDeal', kind: 'delay', delayMs: 1500 });
      expect((await patient.getDeal(deal.id)).title).to.equal('Slow');
    });

    it('rolls a timed-out command back at once, then shows what the server did', async () => {
      const { store } = await storeOn({ timeoutMs: 300 });
      const deal = await store.createDeal({ title: 'Lost slowly' });
      const original = copy(store.deal(deal.id));
      // The server applies the change after the client gave up: its answer is lost, its change is not.
      await server.fault({ operation: 'markLost', kind: 'delay', delayMs: 800 });
      const error = await rejection(store.markLost(deal.id, { note: 'late' }));
      expect(error.code).to.equal('timeout');
      expect(store.deal(deal.id)).to.deep.equal(original);
      // The change stream then brings the truth.
      await waitUntil(() => store.deal(deal.id)?.status === 'lost', 'the lost deal to arrive through the change stream');
      const lostEntries = (await store.history(deal.id)).filter((e) => e.type === 'lost');
      expect(lostEntries).to.have.length(1);
    });

    it('puts the current deal in the store after a conflict', async () => {
      const { store } = await storeOn({ capabilities: { realtime: false }, pollIntervalMs: 60_000 });
      const peer = await adapter();
      const [, second] = store.stages;
      const deal = await store.createDeal({ title: 'Contested', amount: 10 });
      const current = await peer.updateDeal(deal.id, { amount: 999 });
      expect(store.deal(deal.id)?.amount, 'the store did not hear of the peer change').to.equal(10);

      const error = await rejection(store.moveDeal(deal.id, { stageId: second!.id }));
      expect(error.code).to.equal('conflict');
      expect(error.current).to.deep.equal(current);
      expect(store.deal(deal.id)).to.deep.equal(current);
    });
  });

  describe('idempotency', () => {
    it('creates a deal once when the answer was lost and the user retried', async () => {
      const { store, rest } = await storeOn({ capabilities: { realtime: false }, pollIntervalMs: 60_000 });
      await server.fault({ operation: 'createDeal', kind: 'drop' });
      const refused = nextStoreError(store);
      const error = await rejection(store.createDeal({ title: 'Exactly once' }));
      expect(error.code).to.equal('network');
      expect([...store.deals.values()].filter((d) => d.title === 'Exactly once')).to.have.length(0);
      // The server did create it: the answer only was lost.
      expect((await rest.listDeals()).items.map((d) => d.title)).to.deep.equal(['Exactly once']);

      await (await refused).retry!();
      const server_ = (await rest.listDeals()).items;
      expect(server_.map((d) => d.title)).to.deep.equal(['Exactly once']);
      expect([...store.deals.values()].filter((d) => d.title === 'Exactly once').map((d) => d.id)).to.deep.equal([server_[0]!.id]);
    });

    it('applies a lost-answer markLost once when it is repeated', async () => {
      const rest = await adapter();
      const deal = await rest.createDeal({ title: 'Lose me once' });
      await server.fault({ operation: 'markLost', kind: 'drop' });
      expect((await rejection(rest.markLost(deal.id, { note: 'gone' }, { expectedVersion: deal.version }))).code).to.equal('network');
      const repeated = await rest.markLost(deal.id, { note: 'gone' }, { expectedVersion: deal.version });
      expect(repeated.status).to.equal('lost');
      expect((await rest.history(deal.id)).filter((e) => e.type === 'lost')).to.have.length(1);
    });

    it('uses a new key for a new write, so the same input twice makes two deals', async () => {
      const rest = await adapter();
      await rest.createDeal({ title: 'Twin' });
      await rest.createDeal({ title: 'Twin' });
      expect((await rest.listDeals()).items).to.have.length(2);
    });
  });

  describe('the change stream', () => {
    it('reconnects after the stream drops and delivers what was missed', async () => {
      const rest = await adapter();
      const changes: AdapterChange[] = [];
      const unsubscribe = rest.subscribe((change) => changes.push(change));
      open.push({ close: unsubscribe });
      await waitUntil(async () => (await server.openStreams()) === 1, 'the stream to open');

      // Down for a while: the stream ends and the next reconnections are refused.
      await server.fault({ operation: 'streamChanges', kind: 'status', status: 503, times: 2 });
      await server.dropStreams();
      const peer = await adapter();
      const made = await peer.createDeal({ title: 'Made while disconnected' });
      await waitUntil(() => changes.some((c) => c.type === 'deal' && c.deal.id === made.id), 'the missed deal');
      expect(changes.some((c) => c.type === 'reset'), 'the server replayed, so no reload is needed').to.equal(false);
    });

    it('makes the store reload when the server cannot replay what was missed', async () => {
      const { store } = await storeOn();
      await waitUntil(async () => (await server.openStreams()) === 1, 'the stream to open');
      let reloads = 0;
      store.addEventListener('change', (event) => {
        if ((event as Event & { change: { reloaded: boolean } }).change.reloaded) reloads += 1;
      });
      await server.fault({ operation: 'streamChanges', kind: 'status', status: 503 });
      await server.dropStreams();
      const peer = await adapter();
      const made = await peer.createDeal({ title: 'Made during the outage' });
      // As after a server restart: the events are gone.
      await server.forgetEvents();
      await waitUntil(() => store.deal(made.id) !== undefined, 'the reload to bring the deal');
      expect(reloads).to.be.greaterThan(0);
    });

    it('follows changes by polling when the server has no stream', async () => {
      await server.fault({ operation: 'streamChanges', kind: 'status', status: 404, times: 1000 });
      let polls = 0;
      const counting: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/deals?')) polls += 1;
        return response;
      };
      const rest = await adapter({ pollIntervalMs: 100, fetch: counting });
      const changes: AdapterChange[] = [];
      open.push({ close: rest.subscribe((change) => changes.push(change)) });
      const peer = await adapter();
      // The first poll only takes its bearings: the change must come after it.
      await waitUntil(() => polls >= 2, 'the first polls');
      const made = await peer.createDeal({ title: 'Polled' });
      const folded = await peer.updateStage((await peer.listStages())[0]!.id, { folded: true });
      await waitUntil(() => changes.some((c) => c.type === 'deal' && c.deal.id === made.id), 'the polled deal');
      await waitUntil(() => changes.some((c) => c.type === 'stage' && c.stage.folded === folded.folded), 'the polled stage');
      await server.clearFaults();
    });
  });

  describe('<deal-provider endpoint>', () => {
    it('shows the deals of the server', async () => {
      const rest = await adapter();
      await rest.createDeal({ title: 'On the server' });
      const provider = await fixture<DealProvider>(html`<deal-provider endpoint=${server.url}></deal-provider>`);
      await provider.store!.ready;
      expect(provider.store!.status).to.equal('ready');
      expect([...provider.store!.deals.values()].map((d) => d.title)).to.deep.equal(['On the server']);
      provider.remove();
    });

    it('reports a load the server answered badly with a readable deal-error', async () => {
      await server.fault({ operation: 'listDeals', kind: 'malformed-json', times: 5 });
      const errors: DealErrorEvent[] = [];
      const provider = await fixture<DealProvider>(
        html`<deal-provider endpoint=${server.url} @deal-error=${(event: DealErrorEvent) => errors.push(event)}></deal-provider>`,
      );
      await provider.store!.ready;
      expect(provider.store!.status).to.equal('error');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.error.code).to.equal('invalid_response');
      expect(errors[0]!.detail.message).to.be.a('string').and.not.equal('');
      provider.remove();
    });
  });
});
