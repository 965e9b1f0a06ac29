import { expect } from '@open-wc/testing';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import { forecast } from '../../../src/analytics/forecast.js';
import type { ForecastOptions } from '../../../src/analytics/types.js';
import {
  closeDateRange,
  dayBefore,
  dealsMatching,
  horizonFrames,
  parseForecastResponse,
  ratesInto,
  selectedFrame,
  today,
  withoutCloseDate,
} from '../../../src/elements/forecast-chart/forecast-source.js';
import { defaultStages } from '../../../src/model/defaults.js';
import { RATES, pipelineDeals } from './fixtures.js';

const OPTIONS: ForecastOptions = { period: 'month', from: '2027-01-15', periods: 2, groupBy: 'stage', currency: 'USD', rates: RATES };

describe('forecast chart source', () => {
  it('lays out the overdue bucket and the periods like the forecast does', () => {
    expect(horizonFrames(OPTIONS)).to.deep.equal(
      forecast([], defaultStages(), OPTIONS).buckets.map(({ key, start, end, overdue }) => ({ key, start, end, overdue })),
    );
  });

  it('turns a bucket into an inclusive close-date range', () => {
    const [overdue, jan, feb] = horizonFrames(OPTIONS);
    expect(closeDateRange(jan!)).to.deep.equal({ from: '2027-01-01', to: '2027-01-31' });
    expect(closeDateRange(feb!)).to.deep.equal({ from: '2027-02-01', to: '2027-02-28' });
    expect(closeDateRange(overdue!)).to.deep.equal({ to: '2026-12-31' });
    expect(dayBefore('2028-03-01')).to.equal('2028-02-29');
    expect(dayBefore('2027-01-01')).to.equal('2026-12-31');
  });

  it('finds the bucket a filter selects, whoever set it', () => {
    const frames = horizonFrames(OPTIONS);
    expect(selectedFrame(frames, { closeDate: { from: '2027-02-01', to: '2027-02-28' } })?.key).to.equal('2027-02-01');
    expect(selectedFrame(frames, { closeDate: { to: '2026-12-31' } })?.key).to.equal('overdue');
    expect(selectedFrame(frames, { closeDate: { from: '2027-02-01', to: '2027-02-27' } })).to.equal(null);
    expect(selectedFrame(frames, { statuses: ['open'] })).to.equal(null);
    expect(withoutCloseDate({ statuses: ['open'], closeDate: { to: '2026-12-31' } })).to.deep.equal({ statuses: ['open'] });
  });

  it('keeps the deals a filter admits, and skips testing each deal when only statuses the forecast ignores are narrowed', () => {
    const deals = pipelineDeals();
    const ids = (list: readonly { id: string }[]) => list.map((d) => d.id).join('');
    expect(ids(dealsMatching(deals, {}))).to.equal('abcdefghij');
    expect(ids(dealsMatching(deals, { statuses: ['open', 'won'] }))).to.equal('abcdefghij');
    expect(ids(dealsMatching(deals, { statuses: ['open'] }))).to.equal('abcdfghi');
    expect(ids(dealsMatching(deals, { statuses: ['open', 'won'], owners: ['Bo'] }))).to.equal('bdfi');
    expect(ids(dealsMatching(deals, { closeDate: { to: '2026-12-31' } }))).to.equal('d');
  });

  it('derives cross rates when the chart shows another currency than the store', () => {
    expect(ratesInto('USD', 'USD', RATES)).to.equal(RATES);
    const intoEur = ratesInto('EUR', 'USD', { EUR: 1.1, GBP: 1.32 });
    expect(intoEur.USD).to.be.closeTo(1 / 1.1, 1e-12);
    expect(intoEur.GBP).to.be.closeTo(1.2, 1e-12);
    expect(intoEur).to.not.have.property('EUR');
    // No rate for the chart's own currency: nothing can be converted.
    expect(ratesInto('JPY', 'USD', RATES)).to.deep.equal({});
  });

  it("gives today's date in the viewer's calendar", () => {
    expect(today(new Date(2027, 0, 5, 23, 30))).to.equal('2027-01-05');
  });

  it('accepts a well-formed server forecast of the asked horizon', () => {
    const computed = forecast(pipelineDeals(), defaultStages(), OPTIONS);
    const parsed = parseForecastResponse(JSON.parse(JSON.stringify(computed)), OPTIONS);
    expect(parsed.buckets).to.deep.equal(computed.buckets);
    expect(parsed.options).to.equal(OPTIONS);
  });

  it('rejects a malformed or mismatched server forecast with invalid_response', () => {
    const computed = forecast(pipelineDeals(), defaultStages(), OPTIONS);
    const bad = [
      null,
      { ...computed, buckets: 'none' },
      { ...computed, totals: { weighted: -1, unweighted: 0, won: 0 } },
      { ...computed, buckets: computed.buckets.slice(1) },
      { ...computed, buckets: computed.buckets.map((b, i) => (i === 1 ? { ...b, key: '2027-03-01' } : b)) },
    ];
    for (const value of bad) {
      let error: unknown;
      try {
        parseForecastResponse(value, OPTIONS);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(value)?.slice(0, 60)).to.be.instanceOf(DealAdapterError);
      expect((error as DealAdapterError).code).to.equal('invalid_response');
    }
  });
});
