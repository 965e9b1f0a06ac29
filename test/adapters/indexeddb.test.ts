import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { IndexedDbAdapter, SCHEMA_VERSION, type CorruptRow, type IndexedDbAdapterOptions } from '../../src/adapters/indexeddb-adapter.js';
import type { AdapterChange, DealAdapter } from '../../src/adapters/adapter.js';
import type { Deal, DataSet, DealSort } from '../../src/model/schemas.js';
import { dealComparator } from '../../src/model/rules.js';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';
import { runAdapterConformance } from '../../src/testing/index.js';
import { rejection } from '../support/rejection.js';

// Each test gets its own database; the peer is a second instance on it, as another tab would be.
runAdapterConformance({
  name: 'IndexedDbAdapter',
  createAdapter: () => IndexedDbAdapter.open({ name: `dealkit-conformance-${crypto.randomUUID()}` }),
  createPeer: (adapter) => IndexedDbAdapter.open({ name: (adapter as IndexedDbAdapter).name }),
  destroyAdapter: async (adapter: DealAdapter) => {
    await adapter.close?.();
    await deleteDB((adapter as IndexedDbAdapter).name);
  },
});

// ---- helpers ------------------------------------------------------------------

const opened: IndexedDbAdapter[] = [];
const rawConnections: IDBDatabase[] = [];
const databases: string[] = [];

function uniqueName(): string {
  const name = `dealkit-test-${crypto.randomUUID()}`;
  databases.push(name);
  return name;
}

async function open(options: IndexedDbAdapterOptions): Promise<IndexedDbAdapter> {
  const adapter = await IndexedDbAdapter.open(options);
  opened.push(adapter);
  return adapter;
}

/** A plain IndexedDB connection, as another program or an older version of the kit would open it. */
function openRaw(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => {
      rawConnections.push(request.result);
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

function rawPut(db: IDBDatabase, store: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const row of rows) tx.objectStore(store).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}


async function waitFor(condition: () => boolean, what: string, timeout = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function allDeals(adapter: IndexedDbAdapter): Promise<Deal[]> {
  return (await adapter.listDeals({}, { field: 'rank', direction: 'asc' }, { limit: 1000 })).items;
}

/** Replaces a prototype method for the duration of `run`. */
async function withPatched<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K], run: () => Promise<void>): Promise<void> {
  const original = target[key];
  target[key] = replacement;
  try {
    await run();
  } finally {
    target[key] = original;
  }
}

afterEach(async () => {
  for (const adapter of opened.splice(0)) adapter.close();
  for (const db of rawConnections.splice(0)) db.close();
  for (const name of databases.splice(0)) await deleteDB(name);
});

const T0 = '2025-01-01T09:00:00.000Z';

/** The deal indexes of the current layout. */
const DEAL_INDEXES = [
  'amountOrder',
  'closedAtOrder',
  'createdAtOrder',
  'expectedCloseOrder',
  'lostReasonId',
  'probabilityOrder',
  'rankOrder',
  'stageRank',
  'status',
  'updatedAtOrder',
];

async function dealIndexNames(name: string): Promise<string[]> {
  const db = await openRaw(name);
  return [...db.transaction('deals').objectStore('deals').indexNames].sort();
}

// ---- tests ------------------------------------------------------------------------

describe('IndexedDbAdapter', () => {
  it('says whether IndexedDB exists', () => {
    expect(IndexedDbAdapter.isAvailable()).to.equal(true);
  });

  it('starts a new database with the given pipeline and keeps data across close and reopen', async () => {
    const name = uniqueName();
    const stages = defaultStages('suitecrm');
    const first = await open({ name, stages });
    expect((await first.listStages()).map((s) => s.id)).to.deep.equal(stages.map((s) => s.id));
    const deal = await first.createDeal({ title: 'Kept', amount: 1200, currency: 'EUR' });
    const lost = await first.markLost(deal.id, { reasonId: 'too-expensive', note: 'Budget cut' });
    const reason = await first.createLostReason('Went silent');
    first.close();
    await rejection(first.listStages()).then((error) => expect(error.code).to.equal('storage_unavailable'));

    // The pipeline given now is ignored: the database exists.
    const second = await open({ name, stages: defaultStages() });
    expect((await second.listStages()).map((s) => s.id)).to.deep.equal(stages.map((s) => s.id));
    expect(await second.getDeal(deal.id)).to.deep.equal(lost);
    expect((await second.history(deal.id)).map((e) => e.type)).to.deep.equal(['created', 'lost']);
    expect((await second.listLostReasons()).map((r) => r.name)).to.deep.equal([
      ...defaultLostReasons().map((r) => r.name),
      reason.name,
    ]);
  });

  it('refuses a pipeline without a won stage before creating anything', async () => {
    const error = await rejection(open({ name: uniqueName(), stages: defaultStages().filter((s) => !s.won) }));
    expect(error.code).to.equal('validation');
  });

  it('upgrades a version 1 database in place, keeping and completing its data', async () => {
    const name = uniqueName();
    // The version 1 layout: fewer deal indexes, deal rows without the newer fields, reasons without a position.
    const v1 = await openRaw(name, 1, (db) => {
      const deals = db.createObjectStore('deals', { keyPath: 'id' });
      deals.createIndex('status', 'status');
      deals.createIndex('stageId', 'stageId');
      db.createObjectStore('stages', { keyPath: 'id' });
      db.createObjectStore('reasons', { keyPath: 'id' });
      db.createObjectStore('history', { keyPath: 'seq', autoIncrement: true }).createIndex('dealId', 'dealId');
      db.createObjectStore('meta', { keyPath: 'key' });
    });
    await rawPut(v1, 'stages', [
      { id: 'lead', name: 'Lead', order: 1, probability: 20, won: false, folded: false },
      { id: 'closed', name: 'Closed', order: 2, probability: 100, won: true, folded: false },
    ]);
    await rawPut(v1, 'reasons', [
      { id: 'price', name: 'Price', archived: false, createdAt: '2024-02-01T00:00:00.000Z' },
      { id: 'timing', name: 'Timing', archived: true, createdAt: '2024-01-01T00:00:00.000Z' },
    ]);
    const v1Deal = {
      title: 'Old deal', company: 'Acme', contact: '', amount: 500, currency: 'EUR', stageId: 'lead',
      probability: 20, expectedClose: '2025-03-01', owner: 'Mia', priority: 1, lostReasonId: null,
      createdAt: '2024-03-01T00:00:00.000Z', updatedAt: '2024-03-02T00:00:00.000Z',
    };
    await rawPut(v1, 'deals', [
      { ...v1Deal, id: 'd1', status: 'open', rank: 1024 },
      { ...v1Deal, id: 'd2', status: 'lost', rank: 2048, probability: 0, lostReasonId: 'price' },
    ]);
    await rawPut(v1, 'history', [{ id: 'h1', dealId: 'd2', type: 'lost', at: '2024-03-02T00:00:00.000Z', stageId: 'lead', lostReasonId: 'price' }]);
    v1.close();

    const corrupt: CorruptRow[] = [];
    const adapter = await open({ name, onCorruptRow: (row) => corrupt.push(row) });
    const deals = await allDeals(adapter);
    expect(deals.map((d) => d.id)).to.deep.equal(['d1', 'd2']);
    expect(deals[0]).to.include({ title: 'Old deal', amount: 500, probabilityManual: false, closingNote: '', closedAt: null, version: '1' });
    expect(deals[0]!.tags).to.deep.equal([]);
    expect(deals[1]).to.include({ status: 'lost', closedAt: '2024-03-02T00:00:00.000Z', probabilityBeforeClose: null });
    // Not replaced by the default pipeline and reasons; reasons ordered by creation.
    expect((await adapter.listStages()).map((s) => s.id)).to.deep.equal(['lead', 'closed']);
    expect((await adapter.listLostReasons()).map((r) => r.id)).to.deep.equal(['timing', 'price']);
    // The new indexes work on the old rows.
    expect((await adapter.listDeals({ lostReasonIds: ['price'] })).items.map((d) => d.id)).to.deep.equal(['d2']);
    expect((await adapter.listDeals({ closeDate: { from: '2025-01-01', to: '2025-12-31' } })).total).to.equal(2);
    expect((await adapter.history('d2')).map((e) => e.type)).to.deep.equal(['lost']);
    const restored = await adapter.restore('d2');
    expect(restored).to.include({ status: 'open', probability: 20, version: '2' });
    const moved = await adapter.moveDeal('d1', { stageId: 'lead', index: 1 });
    expect(moved.rank).to.be.greaterThan(2048);
    // Through version 3: the old rows page from the sort indexes.
    expect(await dealIndexNames(name)).to.deep.equal(DEAL_INDEXES);
    const byAmount = await adapter.listDeals({}, { field: 'amount', direction: 'desc' }, { limit: 1 });
    const next = await adapter.listDeals({}, { field: 'amount', direction: 'desc' }, { cursor: byAmount.nextCursor });
    // Equal amounts: by id.
    expect([...byAmount.items, ...next.items].map((d) => d.id)).to.deep.equal(['d1', 'd2']);
    expect(byAmount.total).to.equal(undefined);
    expect(corrupt).to.deep.equal([]);
  });

  it('upgrades a version 2 database to the sort indexes, keeping its data', async () => {
    const name = uniqueName();
    // The version 2 layout, with the `stageId` and `expectedClose` indexes version 3 replaces.
    const v2 = await openRaw(name, 2, (db) => {
      const deals = db.createObjectStore('deals', { keyPath: 'id' });
      deals.createIndex('status', 'status');
      deals.createIndex('stageId', 'stageId');
      deals.createIndex('lostReasonId', 'lostReasonId');
      deals.createIndex('expectedClose', 'expectedClose');
      deals.createIndex('stageRank', ['stageId', 'rank']);
      deals.createIndex('rankOrder', ['rank', 'id']);
      db.createObjectStore('stages', { keyPath: 'id' });
      db.createObjectStore('reasons', { keyPath: 'id' });
      db.createObjectStore('history', { keyPath: 'seq', autoIncrement: true }).createIndex('dealId', 'dealId');
      db.createObjectStore('meta', { keyPath: 'key' });
    });
    await rawPut(v2, 'stages', defaultStages());
    await rawPut(v2, 'reasons', defaultLostReasons().map((reason, position) => ({ ...reason, position })));
    const adapter0 = await open({ name: uniqueName(), now: () => T0 });
    const template = await adapter0.createDeal({ title: 'Template' });
    const deals: Deal[] = [
      { ...template, id: 'a', amount: 300, expectedClose: '2026-03-01', stageId: 'new', rank: 1024 },
      { ...template, id: 'b', amount: 100, expectedClose: null, stageId: 'qualified', rank: 1024 },
      { ...template, id: 'c', amount: 300, expectedClose: '2026-01-01', stageId: 'new', rank: 2048 },
      { ...template, id: 'd', amount: 200, expectedClose: '2026-02-01', stageId: 'qualified', rank: 2048 },
    ];
    // A damaged row is kept through the upgrade, to be reported when read.
    await rawPut(v2, 'deals', [...deals, { ...template, id: 'broken', title: 42 }]);
    v2.close();

    const corrupt: CorruptRow[] = [];
    const adapter = await open({ name, onCorruptRow: (row) => corrupt.push(row) });
    expect(await dealIndexNames(name)).to.deep.equal(DEAL_INDEXES);
    for (const sort of [
      { field: 'amount', direction: 'desc' },
      { field: 'expectedClose', direction: 'asc' },
      { field: 'expectedClose', direction: 'desc' },
      { field: 'rank', direction: 'desc' },
    ] as DealSort[]) {
      const page = await adapter.listDeals({}, sort, { limit: 3 });
      const rest = await adapter.listDeals({}, sort, { cursor: page.nextCursor });
      const want = [...deals].sort(dealComparator(sort)).map((d) => d.id);
      expect([...page.items, ...rest.items].map((d) => d.id), `${sort.field} ${sort.direction}`).to.deep.equal(want);
      expect(page.total).to.equal(undefined);
    }
    // Narrowing by stage and close date goes through the new indexes.
    expect((await adapter.listDeals({ stageIds: ['qualified'] })).items.map((d) => d.id)).to.deep.equal(['b', 'd']);
    expect((await adapter.listDeals({ closeDate: { from: '2026-01-15', to: '2026-03-01' } })).items.map((d) => d.id)).to.deep.equal(['a', 'd']);
    expect(await adapter.getDeal('c')).to.deep.equal(deals[2]);
    expect(corrupt.map((row) => row.key)).to.deep.equal(['broken']);
  });

  it('skips and reports damaged rows once, without counting them', async () => {
    const name = uniqueName();
    const corrupt: CorruptRow[] = [];
    const adapter = await open({ name, now: () => T0, onCorruptRow: (row) => corrupt.push(row) });
    const good = await adapter.createDeal({ title: 'Good', amount: 10 });
    const raw = await openRaw(name);
    await rawPut(raw, 'deals', [
      { id: 'no-rank', title: 'No rank', status: 'open', stageId: 'new' },
      { ...good, id: 'bad-title', title: 42, rank: 5000 },
    ]);
    await rawPut(raw, 'stages', [{ id: 'broken', name: '', order: 'x' }]);
    await rawPut(raw, 'history', [{ dealId: good.id, type: 'exploded' }]);

    expect((await allDeals(adapter)).map((d) => d.id)).to.deep.equal([good.id]);
    // A row without a rank is not in the rank index; paging by rank still finds and reports it.
    await waitFor(() => corrupt.some((row) => row.key === 'no-rank'), 'the unindexed row to be reported');
    const byAmount = await adapter.listDeals({}, { field: 'amount', direction: 'desc' });
    expect(byAmount.items.map((d) => d.id)).to.deep.equal([good.id]);
    // Pages read from a sort index have no total; those read by sorting count valid deals only.
    expect(byAmount.total).to.equal(undefined);
    expect((await adapter.listDeals({}, { field: 'title', direction: 'desc' })).total).to.equal(1);
    expect((await adapter.listDeals({ statuses: ['open'] }, { field: 'title', direction: 'asc' })).total).to.equal(1);
    expect((await adapter.listStages()).map((s) => s.id)).to.deep.equal(defaultStages().map((s) => s.id));
    expect((await adapter.history(good.id)).map((e) => e.type)).to.deep.equal(['created']);
    expect((await rejection(adapter.getDeal('bad-title'))).code).to.equal('invalid_response');
    expect((await rejection(adapter.markWon('bad-title'))).code).to.equal('invalid_response');

    // Reading again reports nothing new.
    await allDeals(adapter);
    await adapter.listStages();
    const reported = corrupt.map((row) => `${row.store}:${row.key}`).sort();
    expect(reported).to.deep.equal(['deals:bad-title', 'deals:no-rank', 'history:2', 'stages:broken']);
    expect(adapter.corruptRows.map((row) => `${row.store}:${row.key}`).sort()).to.deep.equal(reported);
    expect(corrupt.find((row) => row.key === 'bad-title')?.fieldErrors).to.have.property('title');
  });

  describe('when storage is full', () => {
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

    it('reports quota_exceeded and writes nothing when a write throws', async () => {
      const adapter = await open({ name: uniqueName() });
      const deal = await adapter.createDeal({ title: 'Existing' });
      const originalPut = IDBObjectStore.prototype.put;
      // The deal row is written first, then the history entry fails: the deal must not stay.
      await withPatched(IDBObjectStore.prototype, 'put', function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'history') throw quota();
        return originalPut.apply(this, args);
      }, async () => {
        expect((await rejection(adapter.createDeal({ title: 'New' }))).code).to.equal('quota_exceeded');
        expect((await rejection(adapter.moveDeal(deal.id, { stageId: 'qualified' }))).code).to.equal('quota_exceeded');
      });
      expect((await allDeals(adapter)).map((d) => d.title)).to.deep.equal(['Existing']);
      expect(await adapter.getDeal(deal.id)).to.deep.equal(deal);
      expect((await adapter.history(deal.id)).length).to.equal(1);
    });

    it('reports quota_exceeded when the transaction aborts with a quota error', async () => {
      const adapter = await open({ name: uniqueName() });
      const deal = await adapter.createDeal({ title: 'Existing' });
      const originalPut = IDBObjectStore.prototype.put;
      // As at commit time: the request fails with AbortError, the transaction's error says why.
      await withPatched(IDBObjectStore.prototype, 'put', function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name !== 'history') return originalPut.apply(this, args);
        Object.defineProperty(this.transaction, 'error', { value: quota() });
        const request = originalPut.apply(this, args);
        this.transaction.abort();
        return request;
      }, async () => {
        expect((await rejection(adapter.markWon(deal.id))).code).to.equal('quota_exceeded');
      });
      expect(await adapter.getDeal(deal.id)).to.deep.equal(deal);
    });
  });

  describe('with other connections', () => {
    it('rejects at once when an older version blocks the upgrade, and changes nothing', async () => {
      const name = uniqueName();
      // An old tab: version 1, and it does not close when asked.
      await openRaw(name, 1, (db) => db.createObjectStore('deals', { keyPath: 'id' }));
      const messages: string[] = [];
      const error = await rejection(IndexedDbAdapter.open({ name, onBlocked: (message) => messages.push(message) }));
      expect(error.code).to.equal('storage_unavailable');
      expect(error.message).to.match(/close the other tabs/i);
      expect(messages).to.deep.equal([error.message]);

      // Once the old tab is gone, the abandoned upgrade does not run behind the caller's back.
      for (const db of rawConnections.splice(0)) db.close();
      const after = await openRaw(name);
      expect(after.version).to.equal(1);
    });

    it('closes and reports when another tab upgrades the database', async () => {
      const name = uniqueName();
      const messages: string[] = [];
      const adapter = await open({ name, onVersionChange: (message) => messages.push(message) });
      await adapter.createDeal({ title: 'Before' });
      // Resolves only if the adapter let go of its connection.
      const newer = await openRaw(name, SCHEMA_VERSION + 1);
      expect(newer.version).to.equal(SCHEMA_VERSION + 1);
      expect(messages.length).to.equal(1);
      expect(messages[0]).to.match(/reload/i);
      const error = await rejection(adapter.listDeals());
      expect(error.code).to.equal('storage_unavailable');
      expect(error.message).to.equal(messages[0]);
    });

    it('refuses a database written by a newer version', async () => {
      const name = uniqueName();
      await openRaw(name, SCHEMA_VERSION + 1);
      for (const db of rawConnections.splice(0)) db.close();
      const error = await rejection(IndexedDbAdapter.open({ name }));
      expect(error.code).to.equal('storage_unavailable');
      expect(error.message).to.match(/newer version/);
    });

    it('tells its own listeners once, synchronously, and other instances through the channel', async () => {
      const name = uniqueName();
      const tabA = await open({ name });
      const tabB = await open({ name });
      expect(tabA.capabilities.realtime).to.equal(true);
      const seenByA: AdapterChange[] = [];
      const seenByB: AdapterChange[] = [];
      tabA.subscribe((change) => seenByA.push(change));
      tabB.subscribe((change) => seenByB.push(change));

      const deal = await tabA.createDeal({ title: 'Shared' });
      expect(seenByA).to.deep.equal([{ type: 'deal', deal }]);
      await waitFor(() => seenByB.length > 0, 'the other instance to hear of the change');
      expect(seenByB).to.deep.equal([{ type: 'deal', deal }]);
      expect(await tabB.getDeal(deal.id)).to.deep.equal(deal);

      await tabB.deleteDeal(deal.id);
      expect(seenByB[1]).to.deep.equal({ type: 'deal-deleted', id: deal.id });
      await waitFor(() => seenByA.length > 1, 'the delete to reach the first instance');
      expect(seenByA[1]).to.deep.equal({ type: 'deal-deleted', id: deal.id });
      // Nothing arrives twice.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seenByA.length).to.equal(2);
      expect(seenByB.length).to.equal(2);
    });

    it('turns a message it does not understand into a reset', async () => {
      const name = uniqueName();
      const adapter = await open({ name });
      const seen: AdapterChange[] = [];
      adapter.subscribe((change) => seen.push(change));
      const channel = new BroadcastChannel(`dealkit:${name}`);
      channel.postMessage({ source: 'dealkit-indexeddb', schemaVersion: SCHEMA_VERSION, changes: [{ type: 'deal', deal: { id: 'x' } }] });
      await waitFor(() => seen.length > 0, 'the reset');
      channel.close();
      expect(seen).to.deep.equal([{ type: 'reset' }]);
    });
  });

  describe('commands', () => {
    it('pages in keyset order without overlap or gaps while deals change between pages', async () => {
      const adapter = await open({ name: uniqueName() });
      const created: Deal[] = [];
      for (let i = 0; i < 25; i += 1) created.push(await adapter.createDeal({ title: `Deal ${i}`, amount: i % 5 }));
      for (const sort of [{ field: 'rank', direction: 'asc' }, { field: 'amount', direction: 'desc' }] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<IndexedDbAdapter['listDeals']>> = await adapter.listDeals({}, sort, { cursor, limit: 10 });
          seen.push(...page.items.map((d) => d.id));
          cursor = page.nextCursor;
          pages += 1;
          // A new deal goes on top (rank) or bottom (amount 0): before the cursor either way.
          if (pages === 1) await adapter.createDeal({ title: 'Added between pages', amount: 0 });
        } while (cursor);
        expect(new Set(seen).size).to.equal(seen.length);
        for (const deal of created) expect(seen).to.include(deal.id);
      }
    });

    it('renumbers a crowded column in the same transaction as the move', async () => {
      const adapter = await open({ name: uniqueName(), now: () => T0 });
      const base = await adapter.createDeal({ title: 'Template' });
      const deal = (id: string, rank: number): Deal => ({ ...base, id, title: id, rank });
      const data: DataSet = {
        stages: defaultStages(),
        lostReasons: defaultLostReasons(),
        deals: [deal('a', 1), deal('b', 1 + Number.EPSILON), deal('c', 5000)],
        history: [],
      };
      expect(await adapter.importData(data)).to.equal(false);
      const seen: AdapterChange[] = [];
      adapter.subscribe((change) => seen.push(change));
      expect(await adapter.importData(data, { replace: true })).to.equal(true);
      const moved = await adapter.moveDeal('c', { stageId: 'new', index: 1 });
      const order = (await allDeals(adapter)).map((d) => [d.id, d.rank]);
      expect(order).to.deep.equal([['a', 1024], ['c', 1536], ['b', 2048]]);
      expect(moved.rank).to.equal(1536);
      // Renumbered neighbours are announced with their new rank, their version unchanged.
      expect(seen.map((c) => (c.type === 'deal' ? c.deal.id : c.type))).to.deep.equal(['reset', 'a', 'b', 'c']);
      expect((seen[2] as { deal: Deal }).deal).to.include({ rank: 2048, version: base.version });
    });

    it('counts positions among valid deals only, and leaves a deal already in place alone', async () => {
      const name = uniqueName();
      const adapter = await open({ name });
      const titles = async () => (await adapter.listDeals({ stageIds: ['new'] })).items.map((d) => d.title);
      const a = await adapter.createDeal({ title: 'A', stageId: 'new' });
      const b = await adapter.createDeal({ title: 'B', stageId: 'new' });
      await adapter.moveDeal(a.id, { stageId: 'new' });
      expect(await titles()).to.deep.equal(['B', 'A']);
      // A damaged row at the top of the column, invisible on the board.
      const raw = await openRaw(name);
      await rawPut(raw, 'deals', [{ ...a, id: 'damaged', title: '', rank: -1e9 }]);

      const newcomer = await adapter.createDeal({ title: 'N', stageId: 'qualified' });
      await adapter.moveDeal(newcomer.id, { stageId: 'new', index: 1 });
      expect(await titles()).to.deep.equal(['B', 'N', 'A']);

      const seen: AdapterChange[] = [];
      adapter.subscribe((change) => seen.push(change));
      const current = await adapter.getDeal(b.id);
      expect(await adapter.moveDeal(b.id, { stageId: 'new', index: 0 })).to.deep.equal(current);
      const last = await adapter.getDeal(a.id);
      expect(await adapter.moveDeal(a.id, { stageId: 'new' })).to.deep.equal(last);
      expect(seen).to.deep.equal([]);
      expect(adapter.corruptRows.map((row) => row.key)).to.deep.equal(['damaged']);
    });

    it('applies an idempotency key once', async () => {
      const adapter = await open({ name: uniqueName() });
      const first = await adapter.createDeal({ title: 'Once' }, { idempotencyKey: 'k1' });
      const again = await adapter.createDeal({ title: 'Once' }, { idempotencyKey: 'k1' });
      expect(again).to.deep.equal(first);
      const won = await adapter.markWon(first.id, { idempotencyKey: 'k1' });
      expect(await adapter.markWon(first.id, { idempotencyKey: 'k1' })).to.deep.equal(won);
      expect((await allDeals(adapter)).length).to.equal(1);
    });

    it('manages lost reasons with clear errors', async () => {
      let n = 0;
      const adapter = await open({ name: uniqueName(), newId: () => `id-${(n += 1)}` });
      const reason = await adapter.createLostReason('  Chose a competitor ');
      expect(reason).to.include({ id: 'id-1', name: 'Chose a competitor', archived: false });
      expect((await rejection(adapter.createLostReason('TOO EXPENSIVE'))).code).to.equal('validation');
      expect((await rejection(adapter.updateLostReason(reason.id, { name: 'too expensive' }))).code).to.equal('validation');
      expect(await adapter.updateLostReason(reason.id, { name: 'Competitor', archived: true })).to.include({ name: 'Competitor', archived: true });
      expect((await rejection(adapter.updateLostReason('missing', { archived: true }))).code).to.equal('not_found');
      const deal = await adapter.createDeal({ title: 'X' });
      expect(deal.id).to.equal('id-2');
      expect((await rejection(adapter.markLost(deal.id, { reasonId: reason.id }))).code).to.equal('validation');
    });

    it('refuses a stale write with the current record', async () => {
      const adapter = await open({ name: uniqueName() });
      const deal = await adapter.createDeal({ title: 'Versioned' });
      const current = await adapter.updateDeal(deal.id, { amount: 5 }, { expectedVersion: deal.version });
      const error = await rejection(adapter.updateDeal(deal.id, { amount: 6 }, { expectedVersion: deal.version }));
      expect(error.code).to.equal('conflict');
      expect(error.current).to.deep.equal(current);
      expect((await rejection(adapter.getDeal('missing'))).code).to.equal('not_found');
    });
  });
});
