import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { forecast, horizon, type ForecastOptions, type ForecastResult } from '../../src/analytics/index.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { DEFAULT_STAGES } from '../../src/model/defaults.js';
import type { Deal } from '../../src/model/schemas.js';
import { deal, generateDeals } from './fixtures.js';

const STAGES = DEFAULT_STAGES;
const RATES = { EUR: 2 };

/**
 * A small data set computed by hand. Horizon: March to May 2026 by month,
 * in USD, 1 EUR = 2 USD, no rate for GBP or JPY.
 */
const DEALS: Deal[] = [
  deal({ id: 'a', stageId: 'new', amount: 1000, probability: 10, expectedClose: '2026-03-10', owner: 'Mia' }),
  deal({ id: 'b', stageId: 'proposition', amount: 500, currency: 'EUR', probability: 70, expectedClose: '2026-03-31', owner: 'Ann' }),
  deal({ id: 'c', stageId: 'qualified', amount: 2000, probability: 30, expectedClose: '2026-04-01', owner: 'Mia' }),
  deal({ id: 'd', stageId: 'new', amount: 300, probability: 50, expectedClose: '2026-02-28', owner: '' }),
  deal({ id: 'e', stageId: 'qualified', amount: 400, probability: 30, expectedClose: null, owner: 'Zed' }),
  deal({ id: 'f', stageId: 'proposition', amount: 1000, probability: 70, expectedClose: '2026-06-01', owner: 'Zed' }),
  deal({ id: 'g', stageId: 'won', status: 'won', amount: 800, probability: 100, closedAt: '2026-04-15T12:00:00.000Z', expectedClose: '2026-01-01' }),
  deal({ id: 'h', stageId: 'won', status: 'won', amount: 900, probability: 100, closedAt: '2026-02-20T12:00:00.000Z' }),
  deal({ id: 'i', stageId: 'proposition', status: 'lost', amount: 5000, probability: 0, expectedClose: '2026-03-05', closedAt: '2026-03-02T12:00:00.000Z' }),
  deal({ id: 'j', stageId: 'new', amount: 100, currency: 'GBP', probability: 10, expectedClose: '2026-03-20', owner: 'Xi' }),
  deal({ id: 'k', stageId: 'qualified', amount: 50, currency: 'GBP', probability: 30, expectedClose: null }),
  deal({ id: 'l', stageId: 'won', status: 'won', amount: 10, currency: 'JPY', probability: 100, closedAt: '2026-05-02T08:00:00.000Z' }),
  // 2026-02-28 23:30 UTC: before the horizon, though its written date is March 1st.
  deal({ id: 'm', stageId: 'won', status: 'won', amount: 250, currency: 'EUR', probability: 100, closedAt: '2026-03-01T00:30:00+01:00' }),
  // 2026-03-01 00:30 UTC: in March, though its written date is February 28th.
  deal({ id: 'n', stageId: 'won', status: 'won', amount: 100, probability: 100, closedAt: '2026-02-28T23:30:00-01:00' }),
];

const MONTHLY: ForecastOptions = { period: 'month', from: '2026-03-15', periods: 3, groupBy: 'stage', currency: 'USD', rates: RATES };
const zeros = { new: 0, qualified: 0, proposition: 0 };

describe('analytics/forecast', () => {
  it('buckets open deals by month with weighted and unweighted values per stage', () => {
    const result = forecast(DEALS, STAGES, MONTHLY);
    expect(result.series).to.deep.equal([
      { key: 'new', label: 'New' },
      { key: 'qualified', label: 'Qualified' },
      { key: 'proposition', label: 'Proposition' },
    ]);
    expect(result.buckets).to.deep.equal([
      {
        key: 'overdue', start: null, end: '2026-03-01', overdue: true,
        weighted: { ...zeros, new: 150 }, unweighted: { ...zeros, new: 300 },
        won: 0, totalWeighted: 150, totalUnweighted: 300, count: 1,
      },
      {
        key: '2026-03-01', start: '2026-03-01', end: '2026-04-01', overdue: false,
        weighted: { new: 100, qualified: 0, proposition: 700 }, unweighted: { new: 1000, qualified: 0, proposition: 1000 },
        won: 100, totalWeighted: 900, totalUnweighted: 2100, count: 3,
      },
      {
        key: '2026-04-01', start: '2026-04-01', end: '2026-05-01', overdue: false,
        weighted: { ...zeros, qualified: 600 }, unweighted: { ...zeros, qualified: 2000 },
        won: 800, totalWeighted: 1400, totalUnweighted: 2800, count: 2,
      },
      {
        key: '2026-05-01', start: '2026-05-01', end: '2026-06-01', overdue: false,
        weighted: zeros, unweighted: zeros, won: 0, totalWeighted: 0, totalUnweighted: 0, count: 0,
      },
    ]);
    expect(result.undated).to.deep.equal({ count: 1, weighted: 120, unweighted: 400 });
    expect(result.beyond).to.deep.equal({ count: 1, weighted: 700, unweighted: 1000 });
    expect(result.totals).to.deep.equal({ weighted: 1550, unweighted: 4300, won: 900 });
  });

  it('reports deals without a rate per currency instead of summing them', () => {
    const result = forecast(DEALS, STAGES, MONTHLY);
    expect(result.missingRates).to.deep.equal([
      { currency: 'GBP', count: 2, amount: 150 },
      { currency: 'JPY', count: 1, amount: 10 },
    ]);
    const withoutRates = forecast(DEALS, STAGES, { ...MONTHLY, rates: {} });
    expect(withoutRates.missingRates.map((m) => [m.currency, m.count])).to.deep.equal([['EUR', 1], ['GBP', 2], ['JPY', 1]]);
    // b (EUR, March) is left out; m (EUR, won before the horizon) would not have counted anyway.
    expect(withoutRates.buckets[1]!.count).to.equal(2);
    expect(withoutRates.buckets[1]!.weighted.proposition).to.equal(0);
  });

  it('groups by owner: owners of the counted open deals, sorted, no owner first', () => {
    const result = forecast(DEALS, STAGES, { ...MONTHLY, groupBy: 'owner' });
    expect(result.series).to.deep.equal([
      { key: '', label: '' },
      { key: 'Ann', label: 'Ann' },
      { key: 'Mia', label: 'Mia' },
    ]);
    expect(result.buckets.map((b) => b.weighted)).to.deep.equal([
      { '': 150, Ann: 0, Mia: 0 },
      { '': 0, Ann: 700, Mia: 100 },
      { '': 0, Ann: 0, Mia: 600 },
      { '': 0, Ann: 0, Mia: 0 },
    ]);
    expect(result.totals).to.deep.equal({ weighted: 1550, unweighted: 4300, won: 900 });
  });

  it('buckets by ISO week from the Monday of the first week', () => {
    const result = forecast(DEALS, STAGES, { ...MONTHLY, period: 'week', periods: 2 });
    expect(result.buckets.map((b) => [b.key, b.end, b.totalWeighted, b.count])).to.deep.equal([
      ['overdue', '2026-03-09', 150, 1],
      ['2026-03-09', '2026-03-16', 100, 1],
      ['2026-03-16', '2026-03-23', 0, 0],
    ]);
    expect(result.beyond).to.deep.equal({ count: 3, weighted: 700 + 600 + 700, unweighted: 1000 + 2000 + 1000 });
    expect(result.totals.won).to.equal(0);
  });

  it('buckets by calendar quarter', () => {
    const result = forecast(DEALS, STAGES, { ...MONTHLY, period: 'quarter', from: '2026-05-20', periods: 2 });
    expect(result.buckets.map((b) => [b.key, b.totalWeighted, b.won, b.count])).to.deep.equal([
      ['overdue', 950, 0, 3],
      ['2026-04-01', 1300 + 800, 800, 3],
      ['2026-07-01', 0, 0, 0],
    ]);
  });

  it('keeps open deals of a stage it does not know, after the known stages', () => {
    const result = forecast(
      [deal({ id: 'x', stageId: 'ghost', amount: 10, probability: 50, expectedClose: '2026-03-02' })],
      STAGES,
      MONTHLY,
    );
    expect(result.series.map((s) => s.key)).to.deep.equal(['new', 'qualified', 'proposition', 'ghost']);
    expect(result.buckets[1]!.weighted.ghost).to.equal(5);
  });

  it('treats an owner named like an Object property as a plain key', () => {
    const result = forecast(
      [deal({ id: 'x', owner: '__proto__', amount: 10, probability: 50, expectedClose: '2026-03-02' })],
      STAGES,
      { ...MONTHLY, groupBy: 'owner' },
    );
    expect(Object.hasOwn(result.buckets[1]!.weighted, '__proto__')).to.equal(true);
    expect(result.buckets[1]!.weighted['__proto__']).to.equal(5);
  });

  it('refuses bad options and unusable deals with a validation error', () => {
    const refuses = (run: () => unknown, field: string): void => {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(DealAdapterError);
      expect((caught as DealAdapterError).fieldErrors).to.have.property(field);
    };
    refuses(() => forecast([], STAGES, { ...MONTHLY, groupBy: 'tag' as never }), 'groupBy');
    refuses(() => forecast([], STAGES, { ...MONTHLY, currency: 'usd' }), 'currency');
    refuses(() => forecast([], STAGES, { ...MONTHLY, periods: -1 }), 'periods');
    refuses(() => forecast(null as never, STAGES, MONTHLY), 'deals');
    refuses(() => forecast([], STAGES, null as never), '(root)');
    refuses(() => forecast([deal({ amount: Number.NaN })], STAGES, MONTHLY), 'amount');
    refuses(() => forecast([deal({ probability: 150 })], STAGES, MONTHLY), 'probability');
    refuses(() => forecast([deal({ expectedClose: 'next week' })], STAGES, MONTHLY), 'expectedClose');
  });

  describe('invariants', () => {
    const STAGE_IDS = ['new', 'qualified', 'proposition', 'won', 'ghost'];
    const DAY_MS = 86_400_000;
    const dayFrom = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);
    const anyDeal = fc.record({
      id: fc.uuid(),
      status: fc.constantFrom('open' as const, 'open' as const, 'won' as const, 'lost' as const),
      amount: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
      currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP'),
      stageId: fc.constantFrom(...STAGE_IDS),
      probability: fc.integer({ min: 0, max: 100 }),
      expectedClose: fc.option(fc.integer({ min: 0, max: 1000 }).map(dayFrom)),
      owner: fc.constantFrom('', 'Ann', 'Mia', 'Zed'),
      closedAt: fc.integer({ min: 0, max: 1000 * 24 }).map((h) => new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString()),
    }).map((fields) => deal({ ...fields, closedAt: fields.status === 'open' ? null : fields.closedAt }));
    const anyOptions = fc.record({
      period: fc.constantFrom('week' as const, 'month' as const, 'quarter' as const),
      from: fc.integer({ min: 0, max: 900 }).map(dayFrom),
      periods: fc.integer({ min: 1, max: 8 }),
      groupBy: fc.constantFrom('stage' as const, 'owner' as const),
      currency: fc.constant('USD'),
      rates: fc.constant({ EUR: 1.25 } as Record<string, number>),
    });

    /** Where a deal should land, computed independently with Date arithmetic. */
    function expectedPlace(d: Deal, options: ForecastOptions): { place: string; weighted: number } | null {
      const rate = d.currency === 'USD' ? 1 : options.rates?.[d.currency];
      if (rate === undefined || d.status === 'lost') return null;
      const ranges = horizon(options.from, options.period, options.periods);
      const start = Date.parse(ranges[0]!.start);
      const end = Date.parse(ranges[ranges.length - 1]!.end);
      const period = (ms: number): string =>
        ranges.find((r) => Date.parse(r.start) <= ms && ms < Date.parse(r.end))!.start;
      if (d.status === 'won') {
        const closed = Date.parse(d.closedAt!);
        return closed >= start && closed < end ? { place: period(closed), weighted: d.amount * rate } : null;
      }
      const weighted = (d.amount * rate * d.probability) / 100;
      if (d.expectedClose === null) return { place: 'undated', weighted };
      const close = Date.parse(d.expectedClose);
      if (close < start) return { place: 'overdue', weighted };
      if (close >= end) return { place: 'beyond', weighted };
      return { place: period(close), weighted };
    }

    const near = (actual: number, expected: number): void => {
      expect(Math.abs(actual - expected)).to.be.at.most(1e-6 * Math.max(1, Math.abs(expected)));
    };

    it('puts every countable deal in exactly one place and sums to the total', () => {
      fc.assert(
        fc.property(fc.array(anyDeal, { maxLength: 60 }), anyOptions, (deals, options) => {
          const result = forecast(deals, STAGES, options);
          const counts = new Map<string, number>();
          let expectedTotal = 0;
          for (const d of deals) {
            const place = expectedPlace(d, options);
            if (!place) continue;
            counts.set(place.place, (counts.get(place.place) ?? 0) + 1);
            expectedTotal += place.weighted;
          }
          for (const bucket of result.buckets) expect(bucket.count, bucket.key).to.equal(counts.get(bucket.key) ?? 0);
          expect(result.undated.count).to.equal(counts.get('undated') ?? 0);
          expect(result.beyond.count).to.equal(counts.get('beyond') ?? 0);

          const bucketSum = result.buckets.reduce((sum, b) => sum + b.totalWeighted, 0);
          near(bucketSum + result.undated.weighted + result.beyond.weighted, expectedTotal);
          near(result.totals.weighted + result.totals.won, bucketSum);
          for (const bucket of result.buckets) {
            const seriesSum = Object.values(bucket.weighted).reduce((sum, v) => sum + v, 0);
            near(bucket.totalWeighted, seriesSum + bucket.won);
            expect(Object.keys(bucket.weighted)).to.deep.equal(result.series.map((s) => s.key));
          }
          const missing = deals.filter((d) => d.currency === 'GBP' && expectedPlace({ ...d, currency: 'USD' }, options));
          expect(result.missingRates.reduce((sum, m) => sum + m.count, 0)).to.equal(missing.length);
        }),
      );
    });

    it('never lets deals without a rate change the sums', () => {
      fc.assert(
        fc.property(fc.array(anyDeal, { maxLength: 40 }), fc.array(anyDeal, { maxLength: 10 }), anyOptions, (deals, extra, options) => {
          const unconvertible = extra.map((d, i) => ({ ...d, id: `x${i}`, currency: 'JPY' }));
          const base = forecast(deals, STAGES, options);
          const withExtra = forecast([...unconvertible, ...deals], STAGES, options);
          const sums = (r: ForecastResult) => ({ buckets: r.buckets, undated: r.undated, beyond: r.beyond, totals: r.totals });
          // Owner series may only gain owners of counted deals, so compare by stage.
          if (options.groupBy === 'stage') expect(sums(withExtra)).to.deep.equal(sums(base));
          expect(withExtra.totals).to.deep.equal(base.totals);
        }),
      );
    });
  });

  it('handles 100,000 deals', () => {
    const deals = generateDeals(100_000);
    const options: ForecastOptions = { period: 'month', from: '2026-01-01', periods: 12, groupBy: 'owner', currency: 'USD', rates: { EUR: 1.1 } };
    const result = forecast(deals, STAGES, options);
    const open = deals.filter((d) => d.status === 'open');
    const gbpOpen = open.filter((d) => d.currency === 'GBP').length;
    const placed = result.buckets.reduce((sum, b) => sum + b.count, 0) + result.undated.count + result.beyond.count;
    const wonCounted = deals.filter((d) => d.status === 'won' && d.currency !== 'GBP' && d.closedAt! >= '2026-01-01' && d.closedAt! < '2027-01-01').length;
    expect(placed).to.equal(open.length - gbpOpen + wonCounted);
    expect(result.series.map((s) => s.key)).to.deep.equal(['', 'Ann', 'Bo', 'Chen', 'Dara', 'Mia']);
    expect(result.missingRates[0]!.currency).to.equal('GBP');
  });
});
