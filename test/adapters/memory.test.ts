import { expect } from '@open-wc/testing';
import { MemoryAdapter, MemoryDatabase } from '../../src/adapters/memory-adapter.js';
import type { AdapterChange } from '../../src/adapters/adapter.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { defaultStages } from '../../src/model/defaults.js';
import type { Deal } from '../../src/model/schemas.js';
import { runAdapterConformance } from '../../src/testing/index.js';
import { rejection } from '../support/rejection.js';

runAdapterConformance({
  name: 'MemoryAdapter',
  createAdapter: () => new MemoryAdapter(),
});

// Two adapters on one MemoryDatabase stand for two tabs on one storage.
let sharedDatabase: MemoryDatabase | null = null;
runAdapterConformance({
  name: 'MemoryAdapter on a shared MemoryDatabase',
  createAdapter: () => {
    sharedDatabase = new MemoryDatabase();
    return new MemoryAdapter(sharedDatabase);
  },
  createPeer: () => new MemoryAdapter(sharedDatabase!),
});

/** A clock that ticks one second per call, and counting ids, for exact expectations. */
function deterministic() {
  let tick = 0;
  let id = 0;
  return {
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newId: () => `id-${++id}`,
  };
}


describe('MemoryAdapter', () => {
  it('validates initial data and names the bad field', () => {
    const bad = () => new MemoryAdapter({ stages: [{ ...defaultStages()[0]!, probability: 140 }] });
    expect(bad).to.throw(DealAdapterError);
    try {
      bad();
    } catch (error) {
      expect((error as DealAdapterError).code).to.equal('validation');
      expect((error as DealAdapterError).fieldErrors).to.have.property('stages.0.probability');
    }
  });

  it('refuses initial deals that do not fit the stages or reasons', async () => {
    const source = new MemoryAdapter();
    const deal = await source.createDeal({ title: 'Orphan' });
    const make = () => new MemoryAdapter({ deals: [{ ...deal, stageId: 'gone' }, { ...deal }] });
    try {
      make();
      expect.fail('expected a validation error');
    } catch (error) {
      expect((error as DealAdapterError).code).to.equal('validation');
      expect((error as DealAdapterError).fieldErrors).to.include.keys('deals.0.stageId', 'deals.1.id');
    }
  });

  it('starts from given records and keeps them as they are', async () => {
    const source = new MemoryAdapter();
    const deal = await source.createDeal({ title: 'Carried over', amount: 70 });
    const history = await source.history(deal.id);
    const adapter = new MemoryAdapter({ deals: [deal], history });
    expect(await adapter.getDeal(deal.id)).to.deep.equal(deal);
    expect(await adapter.history(deal.id)).to.deep.equal(history);
  });

  it('uses the given clock and id source', async () => {
    const adapter = new MemoryAdapter({}, deterministic());
    const deal = await adapter.createDeal({ title: 'Timed' });
    expect(deal.id).to.equal('id-1');
    expect(deal.createdAt).to.equal('2026-01-01T00:00:00.000Z');
    const moved = await adapter.moveDeal(deal.id, { stageId: 'qualified' });
    expect(moved.updatedAt).to.equal('2026-01-01T00:00:01.000Z');
  });

  it('returns copies, so callers cannot change stored records', async () => {
    const adapter = new MemoryAdapter();
    const deal = await adapter.createDeal({ title: 'Original', tags: ['a'] });
    deal.title = 'Mutated';
    deal.tags.push('b');
    const listed = (await adapter.listDeals()).items[0]!;
    listed.amount = 999;
    const stages = await adapter.listStages();
    stages[0]!.name = 'Renamed';
    const stored = await adapter.getDeal(deal.id);
    expect(stored.title).to.equal('Original');
    expect(stored.tags).to.deep.equal(['a']);
    expect(stored.amount).to.equal(0);
    expect((await adapter.listStages())[0]!.name).to.equal('New');
  });

  it('puts new deals on top of their column and won deals last in the won column', async () => {
    const adapter = new MemoryAdapter();
    const first = await adapter.createDeal({ title: 'First' });
    const second = await adapter.createDeal({ title: 'Second' });
    const column = await adapter.listDeals({ stageIds: ['new'] });
    expect(column.items.map((d) => d.id)).to.deep.equal([second.id, first.id]);
    await adapter.markWon(first.id);
    await adapter.markWon(second.id);
    const won = await adapter.listDeals({ stageIds: ['won'] });
    expect(won.items.map((d) => d.id)).to.deep.equal([first.id, second.id]);
  });

  it('renumbers a crowded column, keeping its order and the other deals versions', async () => {
    const adapter = new MemoryAdapter();
    const changes: AdapterChange[] = [];
    adapter.subscribe((change) => changes.push(change));
    const left = await adapter.createDeal({ title: 'Left' });
    const right = await adapter.createDeal({ title: 'Right' });
    await adapter.moveDeal(left.id, { stageId: 'new', index: 0 });
    // Halving the gap between two neighbours runs out of numbers after about 60 inserts.
    const inserted: string[] = [];
    for (let i = 0; i < 80; i++) {
      const deal = await adapter.createDeal({ title: `Squeezed ${i}` });
      await adapter.moveDeal(deal.id, { stageId: 'new', index: 1 });
      inserted.unshift(deal.id);
    }
    const column = (await adapter.listDeals({ stageIds: ['new'] }, { field: 'rank', direction: 'asc' }, { limit: 1000 })).items;
    expect(column.map((d) => d.id)).to.deep.equal([left.id, ...inserted, right.id]);
    expect(new Set(column.map((d) => d.rank)).size).to.equal(column.length);
    const renumbered = changes.filter((c): c is { type: 'deal'; deal: Deal } => c.type === 'deal' && c.deal.id === right.id && c.deal.rank !== right.rank);
    expect(renumbered.length, 'the untouched neighbour was reported after renumbering').to.be.greaterThan(0);
    expect((await adapter.getDeal(right.id)).version).to.equal(right.version);
  });

  it('keeps the write and the other listeners when a listener throws', async () => {
    const adapter = new MemoryAdapter();
    const seen: AdapterChange[] = [];
    const originalError = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      adapter.subscribe(() => {
        throw new Error('listener bug');
      });
      adapter.subscribe((change) => seen.push(change));
      const deal = await adapter.createDeal({ title: 'Survives' });
      expect(await adapter.getDeal(deal.id)).to.deep.equal(deal);
      expect(seen.map((c) => c.type)).to.deep.equal(['deal']);
      expect(logged.length).to.equal(1);
    } finally {
      console.error = originalError;
    }
  });

  it('stops reporting to the subscribers of a closed adapter but keeps shared data', async () => {
    const database = new MemoryDatabase();
    const tabA = new MemoryAdapter(database);
    const tabB = new MemoryAdapter(database);
    const seen: AdapterChange[] = [];
    tabA.subscribe((change) => seen.push(change));
    tabA.close();
    const deal = await tabB.createDeal({ title: 'After close' });
    expect(seen).to.deep.equal([]);
    expect((await tabA.getDeal(deal.id)).title).to.equal('After close');
    expect(tabA.capabilities.realtime).to.equal(true);
    expect(new MemoryAdapter().capabilities.realtime).to.equal(false);
  });

  it('treats a move to the current position as no change', async () => {
    const adapter = new MemoryAdapter();
    const deal = await adapter.createDeal({ title: 'Still' });
    await adapter.createDeal({ title: 'Above' });
    const same = await adapter.moveDeal(deal.id, { stageId: 'new', index: 1 });
    expect(same.version).to.equal(deal.version);
    expect(same.rank).to.equal(deal.rank);
  });

  it("keeps a deleted deal's history", async () => {
    const adapter = new MemoryAdapter();
    const changes: AdapterChange[] = [];
    adapter.subscribe((change) => changes.push(change));
    const deal = await adapter.createDeal({ title: 'Short-lived' });
    await adapter.deleteDeal(deal.id);
    expect(changes.at(-1)).to.deep.equal({ type: 'deal-deleted', id: deal.id });
    expect((await adapter.history(deal.id)).map((e) => e.type)).to.deep.equal(['created']);
  });

  it('remembers idempotency keys per command and only for successful writes', async () => {
    const adapter = new MemoryAdapter();
    const deal = await adapter.createDeal({ title: 'Keyed' });
    const error = await rejection(adapter.markLost(deal.id, { reasonId: 'no-such-reason' }, { idempotencyKey: 'k' }));
    expect(error.code).to.equal('validation');
    const lost = await adapter.markLost(deal.id, {}, { idempotencyKey: 'k' });
    expect(lost.status).to.equal('lost');
    // The same key on another command is another request.
    const restored = await adapter.restore(deal.id, { idempotencyKey: 'k' });
    expect(restored.status).to.equal('open');
  });

  it('imports a data set only into an empty store unless told to replace', async () => {
    const source = new MemoryAdapter();
    const deal = await source.createDeal({ title: 'Imported' });
    const data = {
      stages: await source.listStages(),
      lostReasons: await source.listLostReasons(),
      deals: [deal],
      history: await source.history(deal.id),
    };
    const adapter = new MemoryAdapter();
    await adapter.createDeal({ title: 'Already here' });
    expect(await adapter.importData(data)).to.equal(false);
    expect(await adapter.importData(data, { replace: true })).to.equal(true);
    expect((await adapter.listDeals()).items).to.deep.equal([deal]);
    const badError = await rejection(adapter.importData({ ...data, deals: [{ ...deal, lostReasonId: 'unknown' }] }, { replace: true }));
    expect(badError.fieldErrors).to.have.property('deals.0.lostReasonId');
    expect((await adapter.listDeals()).items).to.deep.equal([deal]);
  });

  it('refuses a cursor whose content is not a key', async () => {
    const adapter = new MemoryAdapter();
    const error = await rejection(adapter.listDeals({}, undefined, { cursor: btoa('{"f":"rank","d":"asc","v":{},"id":"x"}') }));
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors).to.have.property('cursor');
  });
});
