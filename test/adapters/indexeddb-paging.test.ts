/**
 * Sorted paging of the IndexedDbAdapter from its `[field, id]` indexes: every
 * indexed order and direction against `dealComparator` (ties, deals without a
 * value, queries), deals changing between pages, the choice of a narrowing
 * index for selective queries, and damaged rows met on the way.
 *
 * Pages read from an index have no `total`; pages read by sorting the
 * candidates have one. The tests use that to tell which way a page was read.
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import * as z from 'zod/mini';
import { IndexedDbAdapter, type CorruptRow, type IndexedDbAdapterOptions } from '../../src/adapters/indexeddb-adapter.js';
import type { Page } from '../../src/adapters/adapter.js';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';
import { dealComparator, matchesQuery } from '../../src/model/rules.js';
import { Deal, type DealQuery, type DealSort, type SortField } from '../../src/model/schemas.js';

// ---- helpers ------------------------------------------------------------------

const opened: IndexedDbAdapter[] = [];

afterEach(async () => {
  for (const adapter of opened.splice(0)) {
    adapter.close();
    await deleteDB(adapter.name);
  }
});

async function open(options: IndexedDbAdapterOptions = {}): Promise<IndexedDbAdapter> {
  const adapter = await IndexedDbAdapter.open({ name: `dealkit-paging-${crypto.randomUUID()}`, ...options });
  opened.push(adapter);
  return adapter;
}

/** Writes rows as another program would, past the adapter's checks. */
function rawPut(name: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('deals', 'readwrite');
      for (const row of rows) tx.objectStore('deals').put(row);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

async function waitFor(condition: () => boolean, what: string, timeout = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every page of a query, in order. */
async function allPages(adapter: IndexedDbAdapter, query: DealQuery, sort: DealSort, limit: number): Promise<Page<Deal>[]> {
  const pages: Page<Deal>[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Deal> = await adapter.listDeals(query, sort, { cursor, limit });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 500) throw new Error('Paging does not end.');
  } while (cursor);
  return pages;
}

const ids = (deals: readonly Deal[]): string[] => deals.map((deal) => deal.id);
const itemsOf = (pages: readonly Page<Deal>[]): Deal[] => pages.flatMap((page) => page.items);
const expected = (deals: readonly Deal[], query: DealQuery, sort: DealSort): string[] =>
  ids(deals.filter((deal) => matchesQuery(deal, query)).sort(dealComparator(sort)));

const INDEXED_FIELDS: SortField[] = ['rank', 'amount', 'expectedClose', 'createdAt', 'updatedAt', 'closedAt', 'probability'];
const SORTS: DealSort[] = INDEXED_FIELDS.flatMap((field) => [
  { field, direction: 'asc' } as const,
  { field, direction: 'desc' } as const,
]);
const label = (sort: DealSort): string => `${sort.field} ${sort.direction}`;

const STAGES = defaultStages();
const REASONS = defaultLostReasons();
const OPEN_STAGES = STAGES.filter((stage) => !stage.won).map((stage) => stage.id);
const WON_STAGE = STAGES.find((stage) => stage.won)!.id;

/**
 * 64 deals whose sort values repeat a lot (ties broken by id), with ids in
 * another order than any value, a third without expected close date and the
 * open ones without closing date.
 */
function sampleDeals(count = 64): Deal[] {
  return Array.from({ length: count }, (_, i) => {
    const status = i % 5 === 3 ? 'lost' : i % 5 === 4 ? 'won' : 'open';
    const closed = status !== 'open';
    return {
      id: `d-${String((i * 37) % count).padStart(3, '0')}`,
      title: `Deal ${i}`,
      company: `Company ${i % 4}`,
      contact: '',
      amount: [0, 100, 100, 250, 1000][i % 5]!,
      currency: 'EUR',
      stageId: status === 'won' ? WON_STAGE : OPEN_STAGES[i % OPEN_STAGES.length]!,
      probability: status === 'won' ? 100 : status === 'lost' ? 0 : [10, 30, 30][i % 3]!,
      probabilityManual: false,
      expectedClose: i % 3 === 0 ? null : `2026-0${1 + (i % 4)}-1${i % 2}`,
      owner: i % 2 === 0 ? 'Mia' : 'Noah',
      priority: i % 4,
      tags: [],
      status,
      rank: (i % 6) * 1024,
      lostReasonId: status === 'lost' ? REASONS[i % REASONS.length]!.id : null,
      closingNote: '',
      probabilityBeforeClose: closed ? 30 : null,
      closedAt: closed ? `2026-02-0${1 + (i % 3)}T10:00:00.000Z` : null,
      createdAt: `2025-0${1 + (i % 7)}-01T09:00:00.000Z`,
      updatedAt: `2025-0${1 + (i % 9)}-15T09:00:00.000Z`,
      version: '1',
    };
  });
}

async function seeded(deals: Deal[], options: IndexedDbAdapterOptions = {}): Promise<IndexedDbAdapter> {
  const adapter = await open(options);
  expect(await adapter.importData({ stages: STAGES, lostReasons: REASONS, deals, history: [] }, { replace: true })).to.equal(true);
  return adapter;
}

// ---- tests ------------------------------------------------------------------------

describe('IndexedDbAdapter sorted paging', () => {
  it('pages every indexed order and direction exactly as dealComparator, nulls last, without total', async () => {
    const deals = sampleDeals();
    const adapter = await seeded(deals);
    for (const sort of SORTS) {
      const want = expected(deals, {}, sort);
      for (const limit of [1, 4, 7]) {
        const pages = await allPages(adapter, {}, sort, limit);
        expect(ids(itemsOf(pages)), `${label(sort)}, ${limit} a page`).to.deep.equal(want);
        expect(pages.length, `${label(sort)}, pages of ${limit}`).to.equal(Math.ceil(deals.length / limit));
        expect(pages.every((page) => page.total === undefined), `${label(sort)} read from the index`).to.equal(true);
      }
      expect(ids((await adapter.listDeals({}, sort, { limit: 1000 })).items), `${label(sort)} in one page`).to.deep.equal(want);
    }
  });

  it('checks each deal against the query while walking an index', async () => {
    const deals = sampleDeals();
    const adapter = await seeded(deals);
    // No index narrows these: owners, text, and all three statuses.
    const queries: DealQuery[] = [{ owners: ['Mia'] }, { text: 'company 1' }, { statuses: ['lost', 'open', 'won'], owners: ['Noah'] }];
    for (const query of queries) {
      for (const sort of SORTS) {
        const pages = await allPages(adapter, query, sort, 3);
        expect(ids(itemsOf(pages)), `${label(sort)} ${JSON.stringify(query)}`).to.deep.equal(expected(deals, query, sort));
        expect(pages[0]!.total, `${label(sort)} read from the index`).to.equal(undefined);
      }
    }
  });

  it('sorts the few candidates of a selective query and walks the index for a broad one', async () => {
    const deals = sampleDeals(2600);
    const adapter = await seeded(deals);
    const sort: DealSort = { field: 'amount', direction: 'desc' };
    const count = (query: DealQuery): number => deals.filter((deal) => matchesQuery(deal, query)).length;

    // One lost reason: a few hundred deals, read through their index and sorted.
    const rare: DealQuery = { lostReasonIds: [REASONS[0]!.id] };
    expect(count(rare)).to.be.within(100, 2000);
    const rarePages = await allPages(adapter, rare, sort, 50);
    expect(ids(itemsOf(rarePages))).to.deep.equal(expected(deals, rare, sort));
    expect(rarePages[0]!.total).to.equal(count(rare));

    // The three open stages: more than 2,000 deals, so a page is found sooner by walking the amount index.
    const broad: DealQuery = { stageIds: OPEN_STAGES };
    expect(count(broad)).to.be.greaterThan(2000);
    const first = await adapter.listDeals(broad, sort, { limit: 50 });
    const second = await adapter.listDeals(broad, sort, { limit: 50, cursor: first.nextCursor });
    expect([...ids(first.items), ...ids(second.items)]).to.deep.equal(expected(deals, broad, sort).slice(0, 100));
    expect(first.total).to.equal(undefined);

    // A close-date range, sorted by close date, in either direction.
    const range: DealQuery = { closeDate: { from: '2026-02-01', to: '2026-03-31' } };
    for (const direction of ['asc', 'desc'] as const) {
      const byClose: DealSort = { field: 'expectedClose', direction };
      expect(ids(itemsOf(await allPages(adapter, range, byClose, 200)))).to.deep.equal(expected(deals, range, byClose));
    }
    // An empty range reads nothing.
    expect((await adapter.listDeals({ closeDate: { from: '2026-05-01', to: '2026-04-01' } }, sort)).items).to.deep.equal([]);
  });

  it('sorts by title without an index, counting total: titles compare by locale-dependent lower case', async () => {
    const deals = sampleDeals().map((deal, i) => ({ ...deal, title: ['apple', 'Banana', 'cherry', 'Éclair', 'date'][i % 5]! }));
    const adapter = await seeded(deals);
    for (const direction of ['asc', 'desc'] as const) {
      const sort: DealSort = { field: 'title', direction };
      const pages = await allPages(adapter, {}, sort, 9);
      expect(ids(itemsOf(pages))).to.deep.equal(expected(deals, {}, sort));
      expect(pages[0]!.total).to.equal(deals.length);
    }
  });

  it('neither repeats nor skips deals that change between pages, in every indexed order', async () => {
    for (const sort of SORTS) {
      let prefix = 'x';
      let n = 0;
      const deals = sampleDeals(40);
      // New ids sort before ('a') or after ('z') the seeded ones, so new deals land on both sides of the cursor.
      const adapter = await seeded(deals, { now: () => '2025-04-01T09:00:00.000Z', newId: () => `${prefix}-${(n += 1)}` });
      const seen: Deal[] = [];
      const first = await adapter.listDeals({}, sort, { limit: 15 });
      seen.push(...first.items);
      const cursorDeal = first.items[first.items.length - 1]!;
      const unseen = deals.filter((deal) => !ids(seen).includes(deal.id));

      const created: Deal[] = [];
      for (const [p, amount, expectedClose] of [['a', 100, null], ['z', 100, null], ['a', 5000, '2026-02-10'], ['z', 0, '2026-03-11']] as const) {
        prefix = p;
        created.push(await adapter.createDeal({ title: `New ${p}`, amount, expectedClose }));
      }
      const deleted = unseen[3]!;
      await adapter.deleteDeal(deleted.id);
      await adapter.updateDeal(unseen[5]!.id, { title: 'Edited ahead' });
      await adapter.updateDeal(seen[2]!.id, { title: 'Edited behind' });
      const wonNow = unseen.find((deal) => deal.status === 'open' && deal !== deleted)!;
      await adapter.markWon(wonNow.id);

      let cursor = first.nextCursor;
      while (cursor) {
        const page: Page<Deal> = await adapter.listDeals({}, sort, { cursor, limit: 15 });
        seen.push(...page.items);
        cursor = page.nextCursor;
      }
      const seenIds = ids(seen);
      const current = new Map((await adapter.listDeals({}, sort, { limit: 1000 })).items.map((deal) => [deal.id, deal]));
      const before = dealComparator(sort);
      // A deal whose sort value changed may have moved to either side of the cursor, and be listed twice or not at all.
      const moved = new Set(ids(deals.filter((deal) => current.has(deal.id) && before(deal, current.get(deal.id)!) !== 0)));
      expect(moved.size, `${label(sort)}: deals that moved`).to.be.lessThan(4);
      const twice = seenIds.filter((id, i) => seenIds.indexOf(id) !== i && !moved.has(id));
      expect(twice, `${label(sort)}: listed twice`).to.deep.equal([]);
      expect(seenIds, `${label(sort)}: the deleted deal`).not.to.include(deleted.id);
      for (const deal of deals) {
        if (!current.has(deal.id) || moved.has(deal.id)) continue;
        expect(seenIds, `${label(sort)}: ${deal.id} kept its place`).to.include(deal.id);
      }
      for (const deal of created) {
        if (before(cursorDeal, deal) < 0) expect(seenIds, `${label(sort)}: ${deal.id} created after the cursor`).to.include(deal.id);
        else expect(seenIds, `${label(sort)}: ${deal.id} created before the cursor`).not.to.include(deal.id);
      }
      // What was listed after the first page is in order.
      const rest = seen.slice(first.items.length).map((deal) => current.get(deal.id)!);
      expect(ids(rest), `${label(sort)}: order of the later pages`).to.deep.equal(ids([...rest].sort(before)));
      adapter.close();
    }
  });

  it('pages on from a cursor among the deals without a value', async () => {
    let nextId = '';
    const deals = sampleDeals(30);
    const adapter = await seeded(deals, { newId: () => nextId });
    // The deals without expected close date are d-000, d-003, d-006 ... d-027.
    expect(ids(deals.filter((deal) => deal.expectedClose === null)).sort()).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `d-${String(i * 3).padStart(3, '0')}`),
    );
    for (const direction of ['asc', 'desc'] as const) {
      const sort: DealSort = { field: 'expectedClose', direction };
      // The first page ends inside the undated deals, at d-006.
      const first = await adapter.listDeals({}, sort, { limit: 23 });
      expect(first.items[first.items.length - 1]!.id).to.equal('d-006');
      const rest = await adapter.listDeals({}, sort, { cursor: first.nextCursor, limit: 1000 });
      expect([...ids(first.items), ...ids(rest.items)]).to.deep.equal(expected(deals, {}, sort));

      // Undated deals created after the cursor's id are ahead of it, before it behind.
      nextId = `d-005-${direction}`;
      const behind = await adapter.createDeal({ title: 'Undated, behind' });
      nextId = `d-007-${direction}`;
      const ahead = await adapter.createDeal({ title: 'Undated, ahead' });
      const later = await adapter.listDeals({}, sort, { cursor: first.nextCursor, limit: 1000 });
      expect(ids(later.items)).to.deep.equal([ahead.id, ...ids(rest.items)].sort());
      expect(ids(later.items)).not.to.include(behind.id);
      await adapter.deleteDeal(ahead.id);
      await adapter.deleteDeal(behind.id);
    }
  });

  describe('damaged rows', () => {
    it('skips and reports damaged rows met while walking an index, keeping pages full', async () => {
      const deals = sampleDeals(30);
      const corrupt: CorruptRow[] = [];
      const reported = () => corrupt.map((row) => row.key).sort();
      const adapter = await seeded(deals, { onCorruptRow: (row) => corrupt.push(row) });
      // Open, with an expected close date.
      const template = deals[1]!;
      const without = (field: keyof Deal, id: string): Record<string, unknown> => {
        const row: Record<string, unknown> = { ...template, id };
        delete row[field];
        return row;
      };

      // Missing from the amount index only: the check beside the paging finds it.
      await rawPut(adapter.name, [without('amount', 'no-amount')]);
      const byAmount: DealSort = { field: 'amount', direction: 'desc' };
      expect(ids(itemsOf(await allPages(adapter, {}, byAmount, 4)))).to.deep.equal(expected(deals, {}, byAmount));
      await waitFor(() => corrupt.length > 0, 'the row without amount to be reported');
      expect(reported()).to.deep.equal(['no-amount']);

      // In the close-date index but invalid, and missing from it: met by the walk and after it.
      await rawPut(adapter.name, [{ ...template, id: 'bad-close', expectedClose: 'soon' }, without('expectedClose', 'no-close')]);
      const byClose: DealSort = { field: 'expectedClose', direction: 'desc' };
      expect(ids(itemsOf(await allPages(adapter, {}, byClose, 4)))).to.deep.equal(expected(deals, {}, byClose));
      expect(reported()).to.deep.equal(['bad-close', 'no-amount', 'no-close']);
      expect(corrupt.find((row) => row.key === 'no-close')?.fieldErrors).to.have.property('expectedClose');

      await rawPut(adapter.name, [
        { ...template, id: 'bad-title', title: 42 },
        { ...template, id: 'bad-closed-at', status: 'won', closedAt: 'yesterday' },
        without('closedAt', 'no-closed-at'),
      ]);
      for (const sort of SORTS) {
        const pages = await allPages(adapter, {}, sort, 4);
        expect(ids(itemsOf(pages)), label(sort)).to.deep.equal(expected(deals, {}, sort));
        expect(pages.slice(0, -1).every((page) => page.items.length === 4), `${label(sort)}: full pages`).to.equal(true);
      }
      expect(reported()).to.deep.equal(['bad-close', 'bad-closed-at', 'bad-title', 'no-amount', 'no-close', 'no-closed-at']);
      expect(corrupt.find((row) => row.key === 'bad-closed-at')?.fieldErrors).to.have.property('closedAt');
    });

    it('accepts exactly the rows the Deal schema accepts, as the schema returns them', async () => {
      const template = sampleDeals(5)[4]!;
      const variants: [string, Partial<Record<keyof Deal | 'colour', unknown>>][] = [
        ['title-empty', { title: '' }],
        ['title-200', { title: 'x'.repeat(200) }],
        ['title-201', { title: 'x'.repeat(201) }],
        ['title-number', { title: 42 }],
        ['company-201', { company: 'x'.repeat(201) }],
        ['owner-100', { owner: 'x'.repeat(100) }],
        ['owner-101', { owner: 'x'.repeat(101) }],
        ['note-2001', { closingNote: 'x'.repeat(2001) }],
        ['amount-zero', { amount: 0 }],
        ['amount-negative', { amount: -1 }],
        ['amount-infinite', { amount: Infinity }],
        ['amount-text', { amount: '12' }],
        ['currency-lower', { currency: 'eur' }],
        ['currency-long', { currency: 'EURO' }],
        ['probability-100', { probability: 100 }],
        ['probability-101', { probability: 101 }],
        ['probability-nan', { probability: NaN }],
        ['before-close-null', { probabilityBeforeClose: null }],
        ['before-close-negative', { probabilityBeforeClose: -1 }],
        ['manual-text', { probabilityManual: 'yes' }],
        ['priority-3', { priority: 3 }],
        ['priority-4', { priority: 4 }],
        ['priority-fraction', { priority: 1.5 }],
        ['tags-20', { tags: Array.from({ length: 20 }, (_, i) => `t${i}`) }],
        ['tags-21', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
        ['tag-empty', { tags: [''] }],
        ['tag-41', { tags: ['x'.repeat(41)] }],
        ['tags-text', { tags: 'vip' }],
        ['status-pending', { status: 'pending' }],
        ['rank-text', { rank: '5' }],
        ['version-empty', { version: '' }],
        ['reason-empty', { lostReasonId: '' }],
        ['stage-65', { stageId: 'x'.repeat(65) }],
        ['close-leap-day', { expectedClose: '2028-02-29' }],
        ['close-not-a-day', { expectedClose: '2026-02-29' }],
        ['close-instant', { expectedClose: '2026-02-01T00:00:00.000Z' }],
        ['closed-offset', { closedAt: '2026-02-01T10:00:00+02:00' }],
        ['closed-day', { closedAt: '2026-02-01' }],
        ['created-null', { createdAt: null }],
        ['extra-field', { colour: 'red' }],
        ['missing-owner', { owner: undefined }],
      ];
      const rows = variants.map(([id, change]) => {
        const row: Record<string, unknown> = { ...template, ...change, id };
        for (const [key, value] of Object.entries(row)) if (value === undefined) delete row[key];
        return row;
      });
      const corrupt: CorruptRow[] = [];
      const adapter = await open({ onCorruptRow: (row) => corrupt.push(row) });
      await rawPut(adapter.name, rows);

      const listed = (await adapter.listDeals({}, { field: 'rank', direction: 'asc' }, { limit: 1000 })).items;
      const parsed = rows.map((row) => ({ id: row['id'] as string, result: z.safeParse(Deal, row) }));
      const valid = parsed.filter(({ result }) => result.success);
      expect(valid.length, 'some variants are valid').to.be.greaterThan(5);
      expect(ids(listed).sort()).to.deep.equal(valid.map(({ id }) => id).sort());
      for (const { id, result } of valid) expect(listed.find((deal) => deal.id === id), id).to.deep.equal(result.data);
      expect(corrupt.map((row) => row.key).sort()).to.deep.equal(parsed.filter(({ result }) => !result.success).map(({ id }) => id).sort());
    });
  });
});
