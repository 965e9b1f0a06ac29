/**
 * `<deal-forecast-chart>` over 50,000 deals: 24 monthly periods stacked by
 * six open stages plus won. Timed from the call (mounting the chart, or
 * changing the shared filter) to the second animation frame after it, so
 * aggregating, rendering the SVG and the table, style, layout and paint are
 * all in the figure.
 */
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { DealForecastChart } from '../../src/elements/forecast-chart/forecast-chart.js';
import { DealProvider } from '../../src/elements/provider/deal-provider.js';
import { defineElement } from '../../src/internal/define.js';
import { generateDeals } from '../../src/model/sample-data.js';
import type { Stage } from '../../src/model/schemas.js';
import { forecast } from '../../src/analytics/forecast.js';
import { forecastRange } from '../../src/analytics/range.js';
import { dealsMatching } from '../../src/elements/forecast-chart/forecast-source.js';
import { measure, measureToSecondFrame, runBenchmarks } from './harness.js';

const NOW = '2026-06-15T12:00:00.000Z';
const COUNT = 50_000;
const BUDGET_MS = 35;

/** Six open stages and a won stage. */
const STAGES: Stage[] = [
  ...['Lead', 'Contacted', 'Qualified', 'Demo', 'Proposal', 'Negotiation'].map((name, i) => ({
    id: name.toLowerCase(),
    name,
    order: i + 1,
    probability: 10 + i * 15,
    won: false,
    folded: false,
  })),
  { id: 'won', name: 'Won', order: 7, probability: 100, won: true, folded: false },
];

// Defined here rather than by importing src/define/*: the bench build honours
// package.json "sideEffects", which has dropped those bare imports before.
defineElement('deal-provider', DealProvider);
defineElement('deal-forecast-chart', DealForecastChart);

function newChart(): DealForecastChart {
  const chart = document.createElement('deal-forecast-chart');
  chart.setAttribute('period', 'month');
  chart.setAttribute('periods', '24');
  // Twelve months back: the generated expected dates spread a year either side of NOW.
  chart.setAttribute('from', '2025-06-01');
  chart.style.width = '1200px';
  return chart;
}

void runBenchmarks(async () => {
  const deals = generateDeals(COUNT, { seed: 1, now: NOW, stages: STAGES, currencies: ['USD', 'EUR', 'GBP'] });
  const provider = document.createElement('deal-provider') as DealProvider;
  provider.adapter = new MemoryAdapter({ stages: STAGES, deals });
  provider.rates = { EUR: 1.08, GBP: 1.27 };
  document.body.append(provider);
  const store = provider.store!;
  await store.ready;
  // The board (or any element) has already built the visible deals by the time a chart mounts.
  store.matching();

  let chart: DealForecastChart | null = null;
  const mount = await measureToSecondFrame(
    'mount chart: 50k deals, 24 months x 6 stages + won',
    () => {
      chart = newChart();
      provider.append(chart);
    },
    {
      budget: BUDGET_MS,
      before: () => {
        chart?.remove();
        chart = null;
      },
    },
  );
  const bars = chart!.shadowRoot!.querySelectorAll('rect[part="bar"]').length;
  if (bars < 24 * 6) throw new Error(`The chart drew ${bars} bar parts; expected at least ${24 * 6}.`);

  // The aggregation alone, as the chart runs it: the deals the filter admits, then the forecast.
  const aggregation = await measure('aggregation alone: filter + forecast of 50k deals', () =>
    forecast(dealsMatching(store.deals.values(), store.filter), store.stages, {
      period: 'month',
      from: '2025-06-01',
      periods: 24,
      groupBy: 'stage',
      currency: 'USD',
      rates: store.rates,
    }),
  );

  // What show-range adds to it: the P10-P90 simulation, seeded as the chart seeds it.
  const rangeAlone = await measure('range alone: P10-P90 simulation of 50k deals', () =>
    forecastRange(
      dealsMatching(store.deals.values(), store.filter),
      { period: 'month', from: '2025-06-01', periods: 24, currency: 'USD', rates: store.rates },
      { seed: 1 },
    ),
  );

  // Alternately three of the twenty salespeople, and everyone.
  const someOwners = [...new Set(deals.map((deal) => deal.owner))].slice(0, 3);
  let narrowed = false;
  const filter = await measureToSecondFrame('shared filter change: recount 50k deals and redraw', () => {
    narrowed = !narrowed;
    store.updateFilter({ owners: narrowed ? someOwners : undefined });
  });

  chart!.remove();
  const range = await measureToSecondFrame(
    'mount chart with show-range (P10-P90 simulation)',
    () => {
      chart = newChart();
      chart.showRange = true;
      provider.append(chart);
    },
    {
      before: () => {
        chart?.remove();
        chart = null;
      },
    },
  );

  return [{ ...mount, note: `${mount.note}; ${bars} bar parts` }, aggregation, filter, range, rangeAlone];
});
