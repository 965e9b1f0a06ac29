/**
 * The REST adapter and the reference server at scale: 100,000 deals on the
 * server (PGlite by default; the PostgreSQL of DATABASE_URL when set), read
 * and changed through RestAdapter over loopback HTTP, as a page would.
 *
 * Runs in Node (the server is Node): `npx tsx test/bench/rest.bench.ts
 * [--json <file>]`. Prints the same table as test/bench/run.mjs; exits 1 when
 * a result is over its budget, 2 when the run failed.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_SORT } from '../../src/adapters/adapter.js';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';
import { generateDeals } from '../../src/model/sample-data.js';
import type { Deal } from '../../src/model/schemas.js';
import { readConfig } from '../../demo/server/config.js';
import { startServer } from '../../demo/server/server.js';

const COUNT = 100_000;
const NOW = '2026-06-15T12:00:00.000Z';

interface Result {
  page: string;
  name: string;
  value: number;
  unit: 'ms' | 'count';
  budget?: number;
  note?: string;
}

/** Median of `runs` timed calls after `warmup` untimed ones. */
async function measure(name: string, run: () => Promise<unknown>, options: { runs?: number; warmup?: number; budget?: number; note?: string } = {}): Promise<Result> {
  const { runs = 15, warmup = 3 } = options;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    await run();
    if (i >= warmup) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.min(times.length - 1, Math.floor(times.length * 0.9))]!;
  return {
    page: 'rest',
    name,
    value: Number(median.toFixed(1)),
    unit: 'ms',
    ...(options.budget === undefined ? {} : { budget: options.budget }),
    note: [`median of ${runs}, p90 ${p90.toFixed(1)} ms`, options.note].filter(Boolean).join('; '),
  };
}

async function once(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return Number((performance.now() - start).toFixed(1));
}

const statusOf = (r: Result) => (r.budget === undefined ? '-' : r.value <= r.budget ? 'ok' : 'OVER');

function printTable(results: Result[]): void {
  const header = ['page', 'name', 'value', 'unit', 'budget', 'status', 'note'];
  const rows = results.map((r) => [r.page, r.name, String(r.value), r.unit, r.budget === undefined ? '-' : String(r.budget), statusOf(r), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 2 || i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  const config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', DEALKIT_SEED: 'empty', PGLITE_DATA_DIR: '' });
  const results: Result[] = [];
  const server = await startServer({
    ...config,
    databaseSchema: config.databaseUrl ? `dealkit_bench_${process.pid}` : undefined,
    dropSchemaOnClose: true,
  });
  const adapter = await RestAdapter.connect({ baseUrl: server.url, timeoutMs: 120_000 });
  try {
    const storage = server.db.description.replace(/ \(schema .*\)$/, '');
    console.log(`rest bench: ${COUNT.toLocaleString('en')} deals on ${storage}, RestAdapter over loopback HTTP`);
    const deals = generateDeals(COUNT, { seed: 1, now: NOW, currencies: ['USD', 'EUR', 'GBP'] });
    const data = { stages: defaultStages(), lostReasons: defaultLostReasons(), deals, history: [] };
    results.push({
      page: 'rest',
      name: 'import 100k deals (setup)',
      value: await once(() => server.db.transaction((tx) => server.repository.importData(tx, { data, replace: true }))),
      unit: 'ms',
      note: `one run, informational; ${storage}`,
    });

    results.push(
      await measure('list the first page (200 deals, column order)', () => adapter.listDeals({}, DEFAULT_SORT, { limit: 200 }), { budget: 300 }),
    );
    const open = { statuses: ['open' as const] };
    const byAmount = { field: 'amount' as const, direction: 'desc' as const };
    const firstPage = await adapter.listDeals(open, byAmount, { limit: 200 });
    results.push(
      await measure('list page 2 of open deals by amount (cursor)', () => adapter.listDeals(open, byAmount, { limit: 200, cursor: firstPage.nextCursor }), {
        budget: 300,
      }),
    );
    results.push(await measure('search text, first page', () => adapter.listDeals({ text: 'northwind' }, DEFAULT_SORT, { limit: 200 }), { budget: 500 }));

    const forecastOptions = { period: 'month', from: '2026-06-01', periods: 12, groupBy: 'stage', currency: 'USD', rates: { EUR: 1.08, GBP: 1.27 } } as const;
    results.push(
      await measure('forecast of 100k deals on the server (12 months by stage)', () => adapter.forecast({}, forecastOptions), {
        runs: 9,
        budget: 1500,
        note: 'SQL narrows and packs; the kit\'s forecast() sums',
      }),
    );
    results.push(
      await measure('lost analysis of 100k deals on the server (by reason)', () => adapter.lostAnalysis({}, { groupBy: 'reason', currency: 'USD', rates: { EUR: 1.08, GBP: 1.27 } }), {
        runs: 9,
        budget: 1500,
      }),
    );

    // Moves between two columns of about 35,000 deals each, to the top and back.
    const stages = (await adapter.listStages()).filter((s) => !s.won);
    const [from, to] = [stages[0]!, stages[1]!];
    const movable = (await adapter.listDeals({ statuses: ['open'], stageIds: [from.id] }, DEFAULT_SORT, { limit: 50 })).items;
    let turn = 0;
    const current = new Map<string, Deal>(movable.map((d) => [d.id, d]));
    results.push(
      await measure(
        'move a deal round trip (If-Match, into a column of ~35k)',
        async () => {
          const deal = movable[turn++ % movable.length]!;
          const now = current.get(deal.id)!;
          const target = now.stageId === from.id ? to : from;
          current.set(deal.id, await adapter.moveDeal(deal.id, { stageId: target.id, index: 3 }, { expectedVersion: now.version }));
        },
        { runs: 25, budget: 250 },
      ),
    );

    let pages = 0;
    const loadAll = await once(async () => {
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof adapter.listDeals>> = await adapter.listDeals({}, DEFAULT_SORT, { limit: 1000, cursor });
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
    });
    results.push({ page: 'rest', name: 'page through all 100k deals (1000 per page)', value: loadAll, unit: 'ms', note: `one run, ${pages} pages: what a store load costs` });
  } finally {
    adapter.close();
    await server.close();
  }
  printTable(results);
  const over = results.filter((r) => statusOf(r) === 'OVER').length;
  const within = results.filter((r) => statusOf(r) === 'ok').length;
  console.log(`rest bench: ${results.length} results, ${within} within budget, ${over} over budget`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ results }, null, 2)}\n`);
  process.exitCode = over > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
