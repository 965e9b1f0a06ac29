/**
 * The pipeline board at scale, with the memory adapter and a store that has
 * already loaded its deals (loading is the adapter's cost, not the board's):
 *
 * - mount: from appending `<deal-pipeline-board>` to the second animation
 *   frame after it, so the first render, the measuring of a card and the
 *   frame's style, layout and paint are all in. The store's caches are
 *   emptied before each run, so every mount also sorts the columns and sums
 *   their totals from scratch.
 * - move: one card to another column at 50,000 deals: the store command
 *   (optimistic update, the memory adapter's save, the saved record) and the
 *   board's render of it, up to `updateComplete`: all of it synchronous
 *   main-thread work. A second figure adds the style and layout it causes.
 */
import { ContextProvider } from '@lit/context';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { DealLostDialog } from '../../src/elements/lost-dialog/lost-dialog.js';
import { DealPipelineBoard } from '../../src/elements/pipeline-board/pipeline-board.js';
import { defineElement } from '../../src/internal/define.js';
import { generateDeals } from '../../src/model/sample-data.js';
import { dealStoreContext } from '../../src/store/context.js';
import { DealStore } from '../../src/store/deal-store.js';
import { defaultFilter } from '../../src/store/filter.js';
import { domNodeCount, heapUsedMB, measure, measureToSecondFrame, runBenchmarks, type BenchResult } from './harness.js';

const NOW = '2026-06-15T12:00:00.000Z';

// Defined here rather than by importing src/define/pipeline-board.ts: the
// bench build honours package.json "sideEffects", and its "./src/define/*.ts"
// pattern does not keep that import (the define call was dropped).
defineElement('deal-lost-dialog', DealLostDialog);
defineElement('deal-pipeline-board', DealPipelineBoard);

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** After the next frame has been rendered: a timed run then starts with the main thread free. */
const afterNextFrame = async (): Promise<void> => {
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A store on `count` generated deals, loaded, under an element that provides it (as `<deal-provider>` would). */
async function loadedStore(count: number): Promise<{ store: DealStore; host: HTMLElement }> {
  const store = new DealStore({ adapter: new MemoryAdapter({ deals: generateDeals(count, { seed: 1, now: NOW }) }) });
  await store.ready;
  const host = document.createElement('div');
  host.style.blockSize = '800px';
  new ContextProvider(host, { context: dealStoreContext, initialValue: store });
  document.body.append(host);
  return { store, host };
}

/** Drops the store's column and summary caches, as after a reload: the next render computes them again. */
function emptyCaches(store: DealStore): void {
  store.setFilter({ statuses: ['open'] });
  store.setFilter(defaultFilter());
}

function createBoard(): DealPipelineBoard {
  const board = document.createElement('deal-pipeline-board');
  board.today = NOW.slice(0, 10);
  board.style.blockSize = '100%';
  return board;
}

async function mountBenchmarks(count: number, budget: number): Promise<{ results: BenchResult[]; board: DealPipelineBoard; store: DealStore }> {
  const { store, host } = await loadedStore(count);
  let board: DealPipelineBoard | null = null;
  const label = count.toLocaleString('en');
  const mount = await measureToSecondFrame(
    `mount board, ${label} deals`,
    () => {
      board = createBoard();
      host.append(board);
    },
    {
      runs: 9,
      warmup: 2,
      budget,
      before: async () => {
        board?.remove();
        emptyCaches(store);
        await nextFrame();
      },
    },
  );
  const mounted = board as DealPipelineBoard | null;
  if (!mounted) throw new Error('The board was not mounted.');
  await mounted.updateComplete;
  await nextFrame();
  const cards = mounted.shadowRoot!.querySelectorAll('[data-card]').length;
  const results: BenchResult[] = [
    mount,
    { name: `DOM elements in the board, ${label} deals`, value: domNodeCount(mounted.shadowRoot!), unit: 'count', note: `${cards} cards rendered` },
  ];
  const heap = heapUsedMB();
  if (heap !== null) results.push({ name: `JS heap with board, ${label} deals`, value: heap, unit: 'MB', note: 'store, adapter and board' });
  return { results, board: mounted, store };
}

/**
 * Moves a card to another column and waits for the board to show it. The
 * runs alternate between two cards and two columns, so each is a real move
 * across columns. With `layout`, the style and layout the change causes are
 * done at once (forced) rather than in the next frame, and counted too.
 */
async function moveBenchmark(board: DealPipelineBoard, store: DealStore, layout: boolean): Promise<BenchResult> {
  const picks = [store.column('new')[0]!.id, store.column('qualified')[0]!.id];
  let run = 0;
  // Where the time goes: the store command with the memory adapter's save, then the board's render.
  const storeTimes: number[] = [];
  const renderTimes: number[] = [];
  const result = await measure(
    layout ? 'move between columns, 50,000 deals, + style and layout' : 'move between columns, 50,000 deals',
    async () => {
      const id = picks[run % 2]!;
      const target = store.deal(id)!.stageId === 'new' ? 'qualified' : 'new';
      run++;
      const start = performance.now();
      await store.moveDeal(id, { stageId: target, index: 3 });
      const saved = performance.now();
      await board.updateComplete;
      if (layout) void board.shadowRoot!.querySelector('[data-columns]')!.getBoundingClientRect();
      storeTimes.push(saved - start);
      renderTimes.push(performance.now() - saved);
    },
    layout ? { runs: 21, warmup: 4, before: afterNextFrame } : { runs: 21, warmup: 4, budget: 16, before: afterNextFrame },
  );
  const median = (values: number[]): string => [...values].sort((a, b) => a - b)[values.length >> 1]!.toFixed(1);
  result.note = `${result.note}; store + memory adapter ${median(storeTimes)}, board ${median(renderTimes)}${layout ? ' (with layout)' : ''}`;
  return result;
}

void runBenchmarks(async () => {
  const small = await mountBenchmarks(10_000, 150);
  small.board.parentElement!.remove();
  const large = await mountBenchmarks(50_000, 200);
  const move = await moveBenchmark(large.board, large.store, false);
  const moveWithLayout = await moveBenchmark(large.board, large.store, true);
  return [...small.results, ...large.results, move, moveWithLayout];
});
