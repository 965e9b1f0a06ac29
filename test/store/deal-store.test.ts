import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import type { DealAdapter } from '../../src/adapters/adapter.js';
import { DealStore } from '../../src/store/deal-store.js';
import { StoreChangeEvent, StoreErrorEvent, type StoreChange } from '../../src/store/events.js';
import type { NewDeal } from '../../src/model/schemas.js';

/** A store on a memory adapter with a few deals in known places. */
async function storeWith(deals: NewDeal[], wrap: (adapter: MemoryAdapter) => DealAdapter = (a) => a) {
  const adapter = new MemoryAdapter();
  const created = [];
  for (const deal of deals) created.push(await adapter.createDeal(deal));
  const store = new DealStore({ adapter: wrap(adapter), rates: { EUR: 2 } });
  await store.ready;
  return { store, adapter, created };
}

/** An adapter whose chosen commands reject with `network` until `heal()` is called. */
function failing(adapter: MemoryAdapter, commands: (keyof DealAdapter)[]) {
  let broken = true;
  const proxy = new Proxy(adapter, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (broken && commands.includes(key as keyof DealAdapter)) {
        return () => Promise.reject(new DealAdapterError('network', 'offline'));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { adapter: proxy as DealAdapter, heal: () => (broken = false) };
}

/** Waits (a few tasks at most) until `done()` holds. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(done(), 'waited for the store').to.equal(true);
}

const titles = (store: DealStore, stageId: string) => store.column(stageId).map((d) => d.title);

describe('DealStore', () => {
  it('loads stages, reasons and every deal, and hides lost deals by default', async () => {
    const { store, adapter, created } = await storeWith([
      { title: 'A', stageId: 'new' },
      { title: 'B', stageId: 'new' },
      { title: 'C', stageId: 'qualified' },
    ]);
    await adapter.markLost(created[1]!.id, { note: 'gone' });
    await store.load();
    expect(store.status).to.equal('ready');
    expect(store.stages.map((s) => s.id)).to.deep.equal(['new', 'qualified', 'proposition', 'won']);
    expect(store.lostReasons).to.have.length(3);
    expect(store.deals.size).to.equal(3);
    expect(titles(store, 'new')).to.deep.equal(['A']);
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    expect(titles(store, 'new')).to.have.members(['A', 'B']);
  });

  it('pages through more deals than one page holds', async () => {
    const adapter = new MemoryAdapter();
    for (let i = 0; i < 1203; i++) await adapter.createDeal({ title: `Deal ${i}` });
    const store = new DealStore({ adapter });
    await store.ready;
    expect(store.deals.size).to.equal(1203);
    expect(store.column('new')).to.have.length(1203);
  });

  it('moves optimistically to the visible position and keeps the saved record', async () => {
    const { store, adapter } = await storeWith([
      { title: 'A', stageId: 'new' },
      { title: 'B', stageId: 'qualified' },
      { title: 'C', stageId: 'qualified' },
    ]);
    const a = store.column('new')[0]!;
    // C then B (new deals go on top): put A between them.
    expect(titles(store, 'qualified')).to.deep.equal(['C', 'B']);
    const move = store.moveDeal(a.id, { stageId: 'qualified', index: 1 });
    expect(titles(store, 'qualified')).to.deep.equal(['C', 'A', 'B']);
    expect(store.deal(a.id)!.probability).to.equal(30);
    const saved = await move;
    expect(store.deal(a.id)).to.deep.equal(saved);
    expect((await adapter.getDeal(a.id)).stageId).to.equal('qualified');
    expect(titles(store, 'qualified')).to.deep.equal(['C', 'A', 'B']);
  });

  it('places by visible position even when hidden deals sit in the column', async () => {
    const { store, adapter, created } = await storeWith([
      { title: 'A', stageId: 'qualified' },
      { title: 'Hidden', stageId: 'qualified' },
      { title: 'C', stageId: 'qualified' },
      { title: 'Mover', stageId: 'new' },
    ]);
    await store.markLost(created[1]!.id, {});
    expect(titles(store, 'qualified')).to.deep.equal(['C', 'A']);
    await store.moveDeal(created[3]!.id, { stageId: 'qualified', index: 2 });
    expect(titles(store, 'qualified')).to.deep.equal(['C', 'A', 'Mover']);
    const all = await adapter.listDeals({ stageIds: ['qualified'] });
    expect(all.items.map((d) => d.title)).to.deep.equal(['C', 'Hidden', 'A', 'Mover']);
  });

  it('rolls back exactly the refused change and reports it with a working retry', async () => {
    const memory = new MemoryAdapter();
    const a = await memory.createDeal({ title: 'A', stageId: 'new' });
    const b = await memory.createDeal({ title: 'B', stageId: 'new' });
    const { adapter, heal } = failing(memory, ['moveDeal']);
    const store = new DealStore({ adapter });
    await store.ready;
    const errors: StoreErrorEvent[] = [];
    store.addEventListener('deal-error', (e) => errors.push(e as StoreErrorEvent));
    const before = store.deal(a.id);
    const moving = store.moveDeal(a.id, { stageId: 'proposition' });
    const editing = store.updateDeal(b.id, { amount: 500 });
    expect(store.deal(a.id)!.stageId).to.equal('proposition');
    const refusal = await moving.then(
      () => null,
      (e: unknown) => e,
    );
    await editing;
    expect(refusal).to.be.instanceOf(DealAdapterError);
    expect(store.deal(a.id)).to.equal(before);
    expect(store.deal(b.id)!.amount).to.equal(500);
    expect(errors).to.have.length(1);
    expect(errors[0]!.error.code).to.equal('network');
    expect(errors[0]!.command).to.equal('moveDeal');
    heal();
    await errors[0]!.retry!();
    expect(store.deal(a.id)!.stageId).to.equal('proposition');
  });

  it('retries a refused bulk command for the deals that failed, and only those', async () => {
    const memory = new MemoryAdapter();
    const a = await memory.createDeal({ title: 'A', stageId: 'new' });
    const b = await memory.createDeal({ title: 'B', stageId: 'new' });
    let refuseB = true;
    const calls: string[] = [];
    const adapter = new Proxy(memory, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key === 'markLost') {
          return (id: string, ...rest: unknown[]) => {
            calls.push(id);
            if (refuseB && id === b.id) return Promise.reject(new DealAdapterError('network', 'offline'));
            return (value as DealAdapter['markLost']).apply(target, [id, ...rest] as Parameters<DealAdapter['markLost']>);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as DealAdapter;
    const store = new DealStore({ adapter });
    await store.ready;
    const errors: StoreErrorEvent[] = [];
    store.addEventListener('deal-error', (e) => errors.push(e as StoreErrorEvent));

    const refusal = await store.markLost([a.id, b.id], { note: 'budget cut' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).to.be.instanceOf(DealAdapterError);
    expect(store.deal(a.id)!.status).to.equal('lost');
    expect(store.deal(b.id)!.status).to.equal('open');
    expect(errors).to.have.length(1);
    expect(errors[0]!.dealId).to.equal(b.id);
    expect(errors[0]!.retry).to.be.a('function');

    refuseB = false;
    calls.length = 0;
    await errors[0]!.retry!();
    expect(calls).to.deep.equal([b.id]);
    expect(store.deal(b.id)!.status).to.equal('lost');
    expect((await memory.getDeal(b.id)).closingNote).to.equal('budget cut');
    expect((await memory.getDeal(a.id)).version).to.equal(store.deal(a.id)!.version);

    // One undo reverts both attempts, as if the command had succeeded at once.
    expect(await store.undo()).to.equal(true);
    expect([store.deal(a.id)!.status, store.deal(b.id)!.status]).to.deep.equal(['open', 'open']);
    expect([(await memory.getDeal(a.id)).status, (await memory.getDeal(b.id)).status]).to.deep.equal(['open', 'open']);
  });

  it('retries a bulk command for the failed deals still there, when one was deleted meanwhile', async () => {
    const memory = new MemoryAdapter();
    const [a, b, c] = [
      await memory.createDeal({ title: 'A', stageId: 'new' }),
      await memory.createDeal({ title: 'B', stageId: 'new' }),
      await memory.createDeal({ title: 'C', stageId: 'new' }),
    ];
    const { adapter, heal } = failing(memory, ['markLost']);
    const store = new DealStore({ adapter });
    await store.ready;
    const errors: StoreErrorEvent[] = [];
    store.addEventListener('deal-error', (e) => errors.push(e as StoreErrorEvent));
    await store.markLost([a.id, b.id, c.id], {}).catch(() => null);
    expect(errors).to.have.length(1);

    // Another tab deletes B; the store hears of it through the adapter.
    await memory.deleteDeal(b.id);
    await waitFor(() => !store.deals.has(b.id));
    heal();
    await errors[0]!.retry!();
    expect(store.deal(a.id)!.status).to.equal('lost');
    expect(store.deal(c.id)!.status).to.equal('lost');
    expect(store.deals.has(b.id)).to.equal(false);
  });

  it('takes the current record from a conflict and keeps nothing stale', async () => {
    const { MemoryDatabase } = await import('../../src/adapters/memory-adapter.js');
    const database = new MemoryDatabase();
    const elsewhere = new MemoryAdapter(database);
    const deal = await elsewhere.createDeal({ title: 'A', stageId: 'new' });
    // A store whose adapter hears nothing from elsewhere: its copy goes stale.
    const deaf = new Proxy(new MemoryAdapter(database), {
      get(target, key, receiver) {
        if (key === 'subscribe') return () => () => undefined;
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const store = new DealStore({ adapter: deaf });
    await store.ready;
    const current = await elsewhere.updateDeal(deal.id, { title: 'Renamed elsewhere' });
    const refusal = await store.updateDeal(deal.id, { amount: 9 }).catch((e: DealAdapterError) => e);
    expect((refusal as DealAdapterError).code).to.equal('conflict');
    expect(store.deal(deal.id)).to.deep.equal(current);
  });

  it('marks lost and restores with reason, note and probability kept in history', async () => {
    const { store, created } = await storeWith([{ title: 'A', stageId: 'qualified' }]);
    const id = created[0]!.id;
    await store.updateDeal(id, { probability: 45 });
    await store.markLost(id, { reasonId: 'too-expensive', note: 'Budget cut' });
    expect(store.deal(id)).to.include({ status: 'lost', stageId: 'qualified', probability: 0 });
    expect(store.column('qualified')).to.have.length(0);
    await store.restore(id);
    expect(store.deal(id)).to.include({ status: 'open', stageId: 'qualified', probability: 45 });
    const history = await store.history(id);
    const lost = history.find((e) => e.type === 'lost')!;
    expect(lost).to.include({ lostReasonId: 'too-expensive', note: 'Budget cut' });
    expect(history.at(-1)!.type).to.equal('restored');
  });

  it('undoes the last command', async () => {
    const { store, created } = await storeWith([{ title: 'A', stageId: 'new' }]);
    const id = created[0]!.id;
    expect(store.canUndo).to.equal(false);
    await store.markWon(id);
    expect(store.deal(id)).to.include({ status: 'won', stageId: 'won', probability: 100 });
    expect(store.undoCommand).to.equal('markWon');
    expect(await store.undo()).to.equal(true);
    expect(store.deal(id)).to.include({ status: 'open', stageId: 'new', probability: 10 });
    expect(store.canUndo).to.equal(false);

    await store.markLost(id, { note: 'x' });
    await store.undo();
    expect(store.deal(id)!.status).to.equal('open');

    const created2 = await store.createDeal({ title: 'Fresh' });
    await store.undo();
    expect(store.deal(created2.id)).to.equal(undefined);
  });

  it('shows a created deal at once and replaces the placeholder with the saved one', async () => {
    const { store } = await storeWith([{ title: 'Old', stageId: 'new' }]);
    const creating = store.createDeal({ title: 'New one', stageId: 'new', amount: 10 });
    expect(titles(store, 'new')).to.deep.equal(['New one', 'Old']);
    const saved = await creating;
    expect(store.column('new')[0]!.id).to.equal(saved.id);
    expect(store.deals.size).to.equal(2);
  });

  it('refuses invalid transitions before calling the adapter', async () => {
    const { store, created } = await storeWith([{ title: 'A', stageId: 'new' }]);
    const id = created[0]!.id;
    await store.markLost(id, {});
    const errors: StoreErrorEvent[] = [];
    store.addEventListener('deal-error', (e) => errors.push(e as StoreErrorEvent));
    const refusal = await store.moveDeal(id, { stageId: 'qualified' }).catch((e: DealAdapterError) => e);
    expect((refusal as DealAdapterError).code).to.equal('validation');
    expect(store.deal(id)!.stageId).to.equal('new');
    expect(errors).to.have.length(1);
  });

  it('does not report errors when asked not to, and names the origin', async () => {
    const memory = new MemoryAdapter();
    const a = await memory.createDeal({ title: 'A' });
    const { adapter } = failing(memory, ['markWon', 'markLost']);
    const store = new DealStore({ adapter });
    await store.ready;
    const errors: StoreErrorEvent[] = [];
    store.addEventListener('deal-error', (e) => errors.push(e as StoreErrorEvent));
    await store.markLost(a.id, {}, { reportErrors: false }).catch(() => undefined);
    expect(errors).to.have.length(0);
    const origin = new EventTarget();
    await store.markWon(a.id, { origin }).catch(() => undefined);
    expect(errors).to.have.length(1);
    expect(errors[0]!.origin).to.equal(origin);
  });

  it('finds or creates lost reasons case-insensitively', async () => {
    const { store } = await storeWith([]);
    const existing = await store.ensureLostReason('  too EXPENSIVE ');
    expect(existing.id).to.equal('too-expensive');
    const created = await store.ensureLostReason('Chose a competitor');
    expect(store.lostReason(created.id)!.name).to.equal('Chose a competitor');
    await store.updateLostReason(created.id, { archived: true });
    expect(store.activeLostReasons.map((r) => r.id)).not.to.include(created.id);
    const again = await store.ensureLostReason('chose a COMPETITOR');
    expect(again.id).to.equal(created.id);
    expect(again.archived).to.equal(false);
  });

  it('sums columns in the display currency and reports missing rates', async () => {
    const { store } = await storeWith([
      { title: 'A', stageId: 'new', amount: 100, currency: 'USD' },
      { title: 'B', stageId: 'new', amount: 50, currency: 'EUR' },
      { title: 'C', stageId: 'new', amount: 70, currency: 'GBP' },
    ]);
    const summary = store.summary(store.column('new'));
    expect(summary.count).to.equal(3);
    expect(summary.amount).to.equal(200);
    expect(summary.weighted).to.be.closeTo(20, 1e-9);
    expect(summary.missingRates).to.deep.equal([{ currency: 'GBP', count: 1, amount: 70 }]);
    expect(store.summary(store.column('new'))).to.equal(summary);
  });

  it('follows changes made through another adapter on the same data', async () => {
    const { MemoryDatabase } = await import('../../src/adapters/memory-adapter.js');
    const database = new MemoryDatabase();
    const tabA = new MemoryAdapter(database);
    const tabB = new MemoryAdapter(database);
    const store = new DealStore({ adapter: tabA });
    await store.ready;
    const deal = await tabB.createDeal({ title: 'From the other tab', stageId: 'proposition' });
    expect(store.deal(deal.id)!.title).to.equal('From the other tab');
    expect(titles(store, 'proposition')).to.deep.equal(['From the other tab']);
  });

  it('replaces column arrays only for the columns a change touches', async () => {
    const { store, created } = await storeWith([
      { title: 'A', stageId: 'new' },
      { title: 'B', stageId: 'qualified' },
      { title: 'C', stageId: 'proposition' },
    ]);
    const proposition = store.column('proposition');
    const qualified = store.column('qualified');
    await store.moveDeal(created[0]!.id, { stageId: 'qualified' });
    expect(store.column('proposition')).to.equal(proposition);
    expect(store.column('qualified')).not.to.equal(qualified);
  });

  it('reports a load failure and can load again', async () => {
    const memory = new MemoryAdapter();
    const { adapter, heal } = failing(memory, ['listStages']);
    const store = new DealStore({ adapter });
    await store.ready;
    expect(store.status).to.equal('error');
    expect(store.error!.code).to.equal('network');
    heal();
    await store.load();
    expect(store.status).to.equal('ready');
  });

  it('opens the connection again when a reload follows a failed open', async () => {
    let attempts = 0;
    const store = new DealStore({
      adapter: async () => {
        attempts += 1;
        if (attempts === 1) throw new DealAdapterError('network', 'server down');
        return { adapter: new MemoryAdapter() };
      },
    });
    await store.ready;
    expect(store.status).to.equal('error');
    await store.load();
    expect(attempts).to.equal(2);
    expect(store.status).to.equal('ready');
  });

  it('loads once more when asked to reload during a load', async () => {
    const adapter = new MemoryAdapter();
    const store = new DealStore({ adapter });
    const first = store.load();
    await adapter.createDeal({ title: 'Made during the load' });
    await store.load();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await store.load();
    expect([...store.deals.values()].map((d) => d.title)).to.include('Made during the load');
  });

  it('tells settings changes apart from state changes such as undo becoming available', async () => {
    const { store, created } = await storeWith([{ title: 'A', stageId: 'new' }]);
    const changes: StoreChange[] = [];
    store.addEventListener(StoreChangeEvent.type, (e) => changes.push((e as StoreChangeEvent).change));
    store.setSettings({ currency: 'EUR' });
    expect(changes.map((c) => [c.settings, c.state])).to.deep.equal([[true, false]]);
    changes.length = 0;
    await store.markWon(created[0]!.id);
    const undoBecameAvailable = changes.find((c) => c.state);
    expect(undoBecameAvailable, 'a state change once undo is possible').to.not.equal(undefined);
    expect(changes.some((c) => c.settings), 'no settings change from a command').to.equal(false);
  });
});
