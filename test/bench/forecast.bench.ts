/**
 * The forecast over 100,000 deals: a board with a large pipeline recomputes
 * it whenever the filter or a deal changes, so it must fit in a frame or two.
 */
import { forecast, type ForecastOptions } from '../../src/analytics/index.js';
import { defaultStages } from '../../src/model/defaults.js';
import { generateDeals } from '../../src/model/sample-data.js';
import { measure, runBenchmarks } from './harness.js';

const NOW = '2026-06-15T12:00:00.000Z';
const COUNT = 100_000;

void runBenchmarks(async () => {
  const stages = defaultStages();
  const generateStart = performance.now();
  const deals = generateDeals(COUNT, { seed: 1, now: NOW, currencies: ['USD', 'EUR', 'GBP'] });
  const generateMs = performance.now() - generateStart;

  const byStage: ForecastOptions = {
    period: 'month',
    from: '2026-06-01',
    periods: 12,
    groupBy: 'stage',
    currency: 'USD',
    rates: { EUR: 1.08, GBP: 1.27 },
  };
  const byOwner: ForecastOptions = { ...byStage, period: 'week', periods: 52, groupBy: 'owner' };

  // V8 takes about five runs of the forecast to optimise it fully, hence the longer warm-up.
  return [
    { name: 'generateDeals 100k (setup)', value: Number(generateMs.toFixed(1)), unit: 'ms', note: 'one run, informational' },
    await measure('forecast 100k deals, 12 months by stage', () => forecast(deals, stages, byStage), { warmup: 6, budget: 20 }),
    await measure('forecast 100k deals, 52 weeks by owner', () => forecast(deals, stages, byOwner), { warmup: 6 }),
  ];
});
