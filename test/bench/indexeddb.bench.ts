/**
 * The IndexedDB adapter at 50,000 deals, in a fresh database filled with
 * `importData`:
 *
 * - load: every deal, page by page in rank order, 1,000 a page, as
 *   `DealStore` loads them (each page is its own `listDeals` call, so its own
 *   transaction); then `DealStore.load()` itself on the same adapter.
 * - sorted pages: the first and second page of 50 by amount, descending; the
 *   first page by expected close date, ascending; the first page of one
 *   stage's deals by amount, descending.
 *
 * The runner opens pages in a new browser context, whose IndexedDB lives in
 * memory: these figures leave the disk out. In a disk-backed profile reading
 * costs about the same, but counting does not: IndexedDB counts by walking,
 * about 0.3 s for 50,000 rows against 3 ms in memory, so the adapter counts
 * nothing on the way to a page.
 */
import { IndexedDbAdapter } from '../../src/adapters/indexeddb-adapter.js';
import type { DealQuery, DealSort } from '../../src/model/schemas.js';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';
import { generateDeals } from '../../src/model/sample-data.js';
import { DealStore } from '../../src/store/deal-store.js';
import { measure, runBenchmarks, type BenchResult } from './harness.js';

const COUNT = 50_000;
const NOW = '2026-06-15T12:00:00.000Z';
const PAGE = 50;
const RANK: DealSort = { field: 'rank', direction: 'asc' };
const AMOUNT_DESC: DealSort = { field: 'amount', direction: 'desc' };
const CLOSE_ASC: DealSort = { field: 'expectedClose', direction: 'asc' };

/** A new database holding `COUNT` generated deals, and how long filling it took. */
async function filledAdapter(): Promise<{ adapter: IndexedDbAdapter; fill: BenchResult }> {
  const name = `dealkit-bench-${crypto.randomUUID()}`;
  const adapter = await IndexedDbAdapter.open({ name });
  const data = { stages: defaultStages(), lostReasons: defaultLostReasons(), deals: generateDeals(COUNT, { seed: 1, now: NOW }), history: [] };
  const start = performance.now();
  await adapter.importData(data, { replace: true });
  const fill: BenchResult = { name: 'importData, 50,000 deals', value: Math.round(performance.now() - start), unit: 'ms', note: 'one run' };
  return { adapter, fill };
}

/** Reads every deal as DealStore does: rank order, pages of 1,000, one call each. */
async function readAll(adapter: IndexedDbAdapter): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<IndexedDbAdapter['listDeals']>> = await adapter.listDeals({}, RANK, { cursor, limit: 1000 });
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function firstPage(adapter: IndexedDbAdapter, query: DealQuery, sort: DealSort): Promise<void> {
  const page = await adapter.listDeals(query, sort, { limit: PAGE });
  if (page.items.length !== PAGE) throw new Error(`Expected a full page of ${PAGE}, got ${page.items.length}.`);
}

void runBenchmarks(async () => {
  const { adapter, fill } = await filledAdapter();
  const read = await readAll(adapter);
  if (read !== COUNT) throw new Error(`Read ${read} deals, expected ${COUNT}.`);

  const load = await measure('read all, rank order, pages of 1,000', () => readAll(adapter), { runs: 3, warmup: 1 });
  const store = new DealStore({ adapter });
  await store.ready;
  const storeLoad = await measure('DealStore.load(), 50,000 deals', () => store.load(), { runs: 3, warmup: 1 });

  const secondCursor = (await adapter.listDeals({}, AMOUNT_DESC, { limit: PAGE })).nextCursor;
  const stage: DealQuery = { stageIds: ['qualified'] };
  const pages = [
    await measure('page 1 by amount desc', () => firstPage(adapter, {}, AMOUNT_DESC), { runs: 7, warmup: 2 }),
    await measure('page 2 by amount desc', () => adapter.listDeals({}, AMOUNT_DESC, { limit: PAGE, cursor: secondCursor }), { runs: 7, warmup: 2 }),
    await measure('page 1 by expected close asc', () => firstPage(adapter, {}, CLOSE_ASC), { runs: 7, warmup: 2 }),
    await measure('page 1 of one stage by amount desc', () => firstPage(adapter, stage, AMOUNT_DESC), { runs: 7, warmup: 2 }),
  ];
  for (const result of pages) result.note = `${result.note}; ${PAGE} a page`;

  store.dispose();
  adapter.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(adapter.name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  return [fill, load, storeLoad, ...pages];
});
