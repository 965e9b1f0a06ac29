import { expect } from '@open-wc/testing';
import { convert, MissingRateTally, rateFor, rateLookup } from '../../src/analytics/index.js';

describe('analytics/currency', () => {
  it('converts with a rate into the display currency, and needs none for the same currency', () => {
    expect(convert(100, 'EUR', 'USD', { EUR: 1.1 })).to.be.closeTo(110, 1e-9);
    expect(convert(100, 'USD', 'USD')).to.equal(100);
    expect(convert(100, 'USD', 'USD', {})).to.equal(100);
  });

  it('treats a missing, zero, negative, infinite or non-numeric rate as no rate', () => {
    expect(convert(100, 'GBP', 'USD', { EUR: 1.1 })).to.equal(null);
    expect(convert(100, 'GBP', 'USD')).to.equal(null);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1.2' as unknown as number]) {
      expect(convert(100, 'GBP', 'USD', { GBP: bad }), String(bad)).to.equal(null);
    }
  });

  it('looks only at own entries of the rates', () => {
    expect(rateFor('constructor', 'USD', {})).to.equal(null);
    expect(rateFor('toString', 'USD', { EUR: 2 })).to.equal(null);
  });

  it('memoizes lookups per currency', () => {
    const rates: Record<string, number> = { EUR: 2 };
    const lookup = rateLookup('USD', rates);
    expect(lookup('EUR')).to.equal(2);
    rates.EUR = 3; // a later change is not seen: the lookup belongs to one computation
    expect(lookup('EUR')).to.equal(2);
    expect(lookup('USD')).to.equal(1);
    expect(lookup('JPY')).to.equal(null);
  });

  it('tallies missing rates per currency, sorted by code', () => {
    const tally = new MissingRateTally();
    expect(tally.empty).to.equal(true);
    tally.add('JPY', 1000);
    tally.add('GBP', 50);
    tally.add('JPY', 500);
    expect(tally.empty).to.equal(false);
    expect(tally.list()).to.deep.equal([
      { currency: 'GBP', count: 1, amount: 50 },
      { currency: 'JPY', count: 2, amount: 1500 },
    ]);
  });
});
