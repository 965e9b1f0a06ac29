import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { lostAnalysis, NO_VALUE_KEY, type LostGroupBy } from '../../src/analytics/index.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import type { Deal } from '../../src/model/schemas.js';
import { deal, generateDeals } from './fixtures.js';

const lost = (over: Partial<Deal>): Deal => deal({ status: 'lost', probability: 0, ...over });

/** Four losses (1 EUR = 2 USD, no GBP rate) and two deals that are not lost. */
const DEALS: Deal[] = [
  lost({ id: 'l1', lostReasonId: 'too-expensive', stageId: 'new', owner: 'Mia', amount: 100, closedAt: '2026-01-10T09:00:00.000Z' }),
  // 2026-01-31 23:30 UTC: a January loss, though written on February 1st.
  lost({ id: 'l2', lostReasonId: 'too-expensive', stageId: 'proposition', owner: 'Ann', amount: 300, closedAt: '2026-02-01T00:30:00+01:00' }),
  lost({ id: 'l3', lostReasonId: null, stageId: 'qualified', owner: '', amount: 200, currency: 'EUR', closedAt: '2026-02-05T09:00:00.000Z' }),
  lost({ id: 'l4', lostReasonId: 'not-enough-stock', stageId: 'qualified', owner: 'Mia', amount: 50, currency: 'GBP', closedAt: '2026-02-07T09:00:00.000Z' }),
  deal({ id: 'open', amount: 7000 }),
  deal({ id: 'won', status: 'won', stageId: 'won', amount: 9000, closedAt: '2026-02-07T09:00:00.000Z' }),
];
const RATES = { EUR: 2 };
const analyse = (groupBy: LostGroupBy) => lostAnalysis(DEALS, { groupBy, currency: 'USD', rates: RATES });
const rows = (groupBy: LostGroupBy) => analyse(groupBy).groups.map((g) => [g.key, g.count, g.amount, g.share]);

describe('analytics/lost', () => {
  it('groups lost deals by reason, ranked by count then amount', () => {
    expect(rows('reason')).to.deep.equal([
      ['too-expensive', 2, 400, 0.5],
      [NO_VALUE_KEY, 1, 400, 0.25],
      ['not-enough-stock', 1, 0, 0.25],
    ]);
  });

  it('counts deals without a rate but leaves their amount out, reported per currency', () => {
    const result = analyse('reason');
    expect(result.total).to.deep.equal({ count: 4, amount: 800 });
    expect(result.missingRates).to.deep.equal([{ currency: 'GBP', count: 1, amount: 50 }]);
    expect(result.options).to.deep.equal({ groupBy: 'reason', currency: 'USD', rates: RATES });
  });

  it('groups by the stage where deals were lost, and by owner', () => {
    expect(rows('stage')).to.deep.equal([
      ['qualified', 2, 400, 0.5],
      ['proposition', 1, 300, 0.25],
      ['new', 1, 100, 0.25],
    ]);
    expect(rows('owner')).to.deep.equal([
      ['Mia', 2, 100, 0.5],
      [NO_VALUE_KEY, 1, 400, 0.25],
      ['Ann', 1, 300, 0.25],
    ]);
  });

  it('groups by UTC month of loss, breaking ties by key', () => {
    expect(rows('month')).to.deep.equal([
      ['2026-01', 2, 400, 0.5],
      ['2026-02', 2, 400, 0.5],
    ]);
  });

  it('is empty without lost deals', () => {
    const result = lostAnalysis([deal({})], { groupBy: 'reason', currency: 'USD' });
    expect(result.groups).to.deep.equal([]);
    expect(result.total).to.deep.equal({ count: 0, amount: 0 });
  });

  it('refuses bad options and amounts with a validation error', () => {
    expect(() => lostAnalysis([], { groupBy: 'colour' as never, currency: 'USD' })).to.throw(DealAdapterError, /grouping/);
    expect(() => lostAnalysis([], { groupBy: 'reason', currency: 'dollars' })).to.throw(DealAdapterError, /currency/);
    expect(() => lostAnalysis([lost({ amount: -1 })], { groupBy: 'reason', currency: 'USD' })).to.throw(DealAdapterError, /amount/);
  });

  it('counts every lost deal once, shares add up to 1, ranked', () => {
    const anyLoss = fc.record({
      status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const, 'lost' as const),
      lostReasonId: fc.option(fc.constantFrom('a', 'b', 'c')),
      stageId: fc.constantFrom('new', 'qualified'),
      owner: fc.constantFrom('', 'Ann', 'Mia'),
      amount: fc.integer({ min: 0, max: 100_000 }),
      currency: fc.constantFrom('USD', 'EUR', 'GBP'),
      closedAt: fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString()),
    }).map((fields) => deal(fields));
    const groupBy = fc.constantFrom<LostGroupBy>('reason', 'stage', 'owner', 'month');
    fc.assert(
      fc.property(fc.array(anyLoss, { maxLength: 50 }), groupBy, (deals, by) => {
        const result = lostAnalysis(deals, { groupBy: by, currency: 'USD', rates: RATES });
        const lostCount = deals.filter((d) => d.status === 'lost').length;
        expect(result.total.count).to.equal(lostCount);
        expect(result.groups.reduce((sum, g) => sum + g.count, 0)).to.equal(lostCount);
        if (lostCount > 0) expect(result.groups.reduce((sum, g) => sum + g.share, 0)).to.be.closeTo(1, 1e-9);
        const gbp = deals.filter((d) => d.status === 'lost' && d.currency === 'GBP').length;
        expect(result.missingRates.reduce((sum, m) => sum + m.count, 0)).to.equal(gbp);
        expect(new Set(result.groups.map((g) => g.key)).size).to.equal(result.groups.length);
        for (let i = 1; i < result.groups.length; i++) {
          const [a, b] = [result.groups[i - 1]!, result.groups[i]!];
          expect(a.count > b.count || (a.count === b.count && (a.amount > b.amount || (a.amount === b.amount && a.key < b.key)))).to.equal(true);
        }
      }),
    );
  });

  it('keeps losses without an owner apart from an owner named "none"', () => {
    const deals = [lost({ id: 'a', owner: 'none', amount: 10 }), lost({ id: 'b', owner: '', amount: 20 })];
    const result = lostAnalysis(deals, { groupBy: 'owner', currency: 'USD' });
    expect(result.groups.map((g) => [g.key, g.count, g.amount])).to.deep.equal([
      [NO_VALUE_KEY, 1, 20],
      ['none', 1, 10],
    ]);
  });

  it('handles 100,000 deals', () => {
    const deals = generateDeals(100_000);
    const result = lostAnalysis(deals, { groupBy: 'reason', currency: 'USD', rates: { EUR: 1.1 } });
    expect(result.total.count).to.equal(deals.filter((d) => d.status === 'lost').length);
    expect(result.groups.map((g) => g.key).sort()).to.deep.equal([NO_VALUE_KEY, 'no-skills', 'not-enough-stock', 'too-expensive']);
  });
});
