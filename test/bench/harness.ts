/**
 * Page-side helpers of the benchmarks. A `*.bench.html` page loads a module
 * that measures with these and hands its results to `report` (or `fail`);
 * `test/bench/run.mjs` builds the pages, opens each in Chromium and reads
 * `window.__benchResults` or `window.__benchError`.
 */

export type BenchUnit = 'ms' | 'KB' | 'MB' | 'count';

export interface BenchResult {
  name: string;
  value: number;
  unit: BenchUnit;
  /** The largest acceptable value; over it the run fails. */
  budget?: number;
  note?: string;
}

declare global {
  interface Window {
    __benchResults?: BenchResult[];
    __benchError?: string;
  }
  interface Performance {
    /** Chromium only; precise with `--enable-precise-memory-info`. */
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number };
  }
}

export interface MeasureOptions {
  /** Timed runs; the median is the result. */
  runs?: number;
  /** Untimed runs first, so the JIT and caches settle (heavy functions may need 5 or more). */
  warmup?: number;
  budget?: number;
  /** Runs before each run (warm-up ones too), untimed: reset state here. */
  before?: () => void | Promise<void>;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** The value at quantile `q` (0 to 1) of ascending `sorted`. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs `timeOnce` warm-up + runs times and summarises the timings as a result. */
async function timed(name: string, timeOnce: () => Promise<number>, options: MeasureOptions): Promise<BenchResult> {
  const { runs = 15, warmup = 3, budget, before } = options;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // No forced garbage collection between runs: it also throws away
    // optimised code, and the timings then measured the re-warming.
    await before?.();
    const ms = await timeOnce();
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const result: BenchResult = {
    name,
    value: round(quantile(times, 0.5)),
    unit: 'ms',
    note: `median of ${runs}; min ${round(times[0]!)}, p90 ${round(quantile(times, 0.9))}`,
  };
  if (budget !== undefined) result.budget = budget;
  return result;
}

/** Times `fn` (sync or async) and reports the median in ms. */
export function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<BenchResult> {
  return timed(
    name,
    async () => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    },
    options,
  );
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Times from calling `start` to the second animation frame after it: the
 * first frame callback runs before that frame's style, layout and paint, the
 * second after them, so this includes rendering what `start` changed.
 */
export function measureToSecondFrame(name: string, start: () => void, options: MeasureOptions = {}): Promise<BenchResult> {
  return timed(
    name,
    async () => {
      const begin = performance.now();
      start();
      await nextFrame();
      await nextFrame();
      return performance.now() - begin;
    },
    options,
  );
}

/** Runs a full garbage collection where the page may (`--js-flags=--expose-gc`, as run.mjs launches it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The used JS heap in MB, after a garbage collection where the page may run
 * one; null where the browser does not tell (not Chromium).
 */
export function heapUsedMB(): number | null {
  collectGarbage();
  const memory = performance.memory;
  return memory ? round(memory.usedJSHeapSize / (1024 * 1024)) : null;
}

/** Elements under `root`, counting inside open shadow roots too. */
export function domNodeCount(root: Node = document): number {
  let count = 0;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        count++;
        const shadow = (child as Element).shadowRoot;
        if (shadow) visit(shadow);
      }
      visit(child);
    }
  };
  visit(root);
  return count;
}

/** Hands the results to the runner. */
export function report(results: BenchResult[]): void {
  window.__benchResults = results;
}

/** Tells the runner the page failed. */
export function fail(error: unknown): void {
  // V8's stack starts with the message.
  window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs a page's benchmarks and reports their results, or the error that stopped them. */
export async function runBenchmarks(benchmarks: () => Promise<BenchResult[]>): Promise<void> {
  try {
    report(await benchmarks());
  } catch (error) {
    fail(error);
  }
}
