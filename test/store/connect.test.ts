import { expect, fixture, html } from '@open-wc/testing';
import { connect } from '../../src/store/connect.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { IndexedDbAdapter } from '../../src/adapters/indexeddb-adapter.js';
import '../../src/define/provider.js';
import '../../src/define/pipeline-board.js';
import type { DealProvider } from '../../src/elements/provider/deal-provider.js';

/** Runs `body` in a page where IndexedDB does not exist, as in some private modes. */
async function withoutIndexedDb<T>(body: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  try {
    return await body();
  } finally {
    Object.defineProperty(window, 'indexedDB', original);
  }
}

describe('connect', () => {
  it('opens IndexedDB and seeds demo data only into an empty database', async () => {
    const database = `connect-test-${Math.random().toString(36).slice(2)}`;
    const first = await connect({ storage: 'indexeddb', database, seed: 'demo', stages: 'default' });
    expect(first.adapter).to.be.instanceOf(IndexedDbAdapter);
    expect(first.notice ?? null).to.equal(null);
    const seeded = await first.adapter.listDeals({}, undefined, { limit: 1000 });
    expect(seeded.items.length).to.be.greaterThan(40);
    const deal = seeded.items[0]!;
    await first.adapter.updateDeal(deal.id, { title: 'Kept across reloads' });
    await first.adapter.close?.();

    const again = await connect({ storage: 'indexeddb', database, seed: 'demo', stages: 'default' });
    expect((await again.adapter.getDeal(deal.id)).title).to.equal('Kept across reloads');
    await again.adapter.close?.();
    indexedDB.deleteDatabase(database);
  });

  it('falls back to memory, and says so, where IndexedDB is unavailable', async () => {
    const connection = await withoutIndexedDb(() =>
      connect({ storage: 'indexeddb', database: 'never-opened', seed: 'demo', stages: 'suitecrm' }),
    );
    expect(connection.adapter).to.be.instanceOf(MemoryAdapter);
    expect(connection.notice).to.equal('memory-fallback');
    expect((await connection.adapter.listStages())[0]!.name).to.equal('Prospecting');
    expect((await connection.adapter.listDeals()).items.length).to.be.greaterThan(40);
  });

  it('shows the fallback notice on the board', async () => {
    const provider = await withoutIndexedDb(async () => {
      const element = await fixture<DealProvider>(html`
        <deal-provider database="never-opened"><deal-pipeline-board></deal-pipeline-board></deal-provider>
      `);
      await element.store!.ready;
      return element;
    });
    expect(provider.store!.notice).to.equal('memory-fallback');
    const board = provider.querySelector('deal-pipeline-board')!;
    await board.updateComplete;
    expect(board.shadowRoot!.textContent).to.include('IndexedDB is not available here');
  });
});
