import { expect } from '@open-wc/testing';
import { DEMO_CUSTOM_REASON_NAME, DEMO_RATES_TO_USD, demoData, generateDeals } from '../../src/model/sample-data.js';
import { DEFAULT_LOST_REASONS, defaultStages } from '../../src/model/defaults.js';
import { Deal, HistoryEvent, LostReason, Stage } from '../../src/model/schemas.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import type * as z from 'zod/mini';

const NOW = '2026-06-15T12:00:00.000Z';
const TODAY = NOW.slice(0, 10);

/** Parses every record, naming the first bad one so a failure says which. */
function expectAllValid<T>(schema: z.ZodMiniType<T>, records: readonly unknown[], label: string): void {
  for (const [i, record] of records.entries()) {
    const result = schema.safeParse(record);
    if (!result.success) expect.fail(`${label}[${i}] is invalid: ${JSON.stringify(result.error.issues)}`);
  }
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe('demoData', () => {
  const data = demoData({ now: NOW, seed: 7 });
  const eventsOf = (dealId: string) => data.history.filter((e) => e.dealId === dealId);

  it('is deterministic for the same seed and now, and varies with the seed', () => {
    expect(demoData({ now: NOW, seed: 7 })).to.deep.equal(data);
    expect(demoData({ now: NOW, seed: 8 }).deals).not.to.deep.equal(data.deals);
  });

  it('produces records that all validate against the schemas', () => {
    expectAllValid(Stage, data.stages, 'stages');
    expectAllValid(LostReason, data.lostReasons, 'lostReasons');
    expectAllValid(Deal, data.deals, 'deals');
    expectAllValid(HistoryEvent, data.history, 'history');
  });

  it('uses deterministic, unique ids', () => {
    expect(data.deals[0]!.id).to.equal('deal-001');
    expect(new Set(data.deals.map((d) => d.id)).size).to.equal(data.deals.length);
    expect(data.history[0]!.id).to.equal('evt-0001');
    expect(new Set(data.history.map((e) => e.id)).size).to.equal(data.history.length);
  });

  it('has about 60 deals, roughly 60% open, 20% won and 20% lost', () => {
    expect(data.deals.length).to.be.within(50, 70);
    const byStatus = countBy(data.deals, (d) => d.status);
    const share = (status: string) => (byStatus[status] ?? 0) / data.deals.length;
    expect(share('open')).to.be.within(0.5, 0.7);
    expect(share('won')).to.be.within(0.15, 0.25);
    expect(share('lost')).to.be.within(0.15, 0.25);
  });

  it('spreads open deals over every stage that is not won, and won deals into the won stage', () => {
    const openStages = new Set(data.deals.filter((d) => d.status === 'open').map((d) => d.stageId));
    expect([...openStages].sort()).to.deep.equal(['new', 'proposition', 'qualified']);
    for (const deal of data.deals.filter((d) => d.status === 'won')) {
      expect(deal.stageId).to.equal('won');
      expect(deal.probability).to.equal(100);
    }
  });

  it('uses every default lost reason and adds "Chose a competitor"', () => {
    const custom = data.lostReasons.find((r) => r.name === DEMO_CUSTOM_REASON_NAME);
    expect(custom, 'custom reason').to.exist;
    const used = new Set(data.deals.filter((d) => d.status === 'lost').map((d) => d.lostReasonId));
    for (const reason of [...DEFAULT_LOST_REASONS, custom!]) expect(used.has(reason.id), reason.name).to.equal(true);
    expect(data.deals.some((d) => d.status === 'lost' && d.closingNote.length > 0)).to.equal(true);
  });

  it('mixes currencies, owners, priorities and scripts', () => {
    const currencies = countBy(data.deals, (d) => d.currency);
    expect(Object.keys(currencies).sort()).to.deep.equal(['CNY', 'EUR', 'GBP', 'IRR', 'USD']);
    expect(currencies.USD! / data.deals.length).to.be.greaterThan(0.5);
    for (const code of Object.keys(currencies)) if (code !== 'USD') expect(DEMO_RATES_TO_USD[code], code).to.be.a('number');
    expect(new Set(data.deals.map((d) => d.owner)).size).to.be.within(5, 6);
    expect(new Set(data.deals.map((d) => d.priority))).to.deep.equal(new Set([0, 1, 2, 3]));
    expect(data.deals.some((d) => /[\u4e00-\u9fff]/.test(d.title))).to.equal(true);
    expect(data.deals.some((d) => /[\u0600-\u06ff]/.test(d.title))).to.equal(true);
    expect(data.deals.some((d) => d.title.includes('<img src=x onerror=alert(1)>'))).to.equal(true);
  });

  it('spreads expected close dates, with overdue and undated open deals', () => {
    const open = data.deals.filter((d) => d.status === 'open');
    expect(open.some((d) => d.expectedClose !== null && d.expectedClose < TODAY)).to.equal(true);
    expect(open.filter((d) => d.expectedClose === null).length).to.be.within(1, 3);
    const dates = data.deals.flatMap((d) => (d.expectedClose ? [d.expectedClose] : [])).sort();
    expect(dates[0]! >= '2026-01-01').to.equal(true);
    expect(dates.at(-1)! <= '2027-03-31').to.equal(true);
    expect(dates.filter((d) => d > '2026-12-31').length).to.be.greaterThan(0);
  });

  it('keeps manual probabilities on a few open deals, recorded as edits', () => {
    const manual = data.deals.filter((d) => d.probabilityManual);
    expect(manual.length).to.be.within(2, 8);
    for (const deal of manual) {
      const edit = eventsOf(deal.id).find((e) => e.type === 'updated');
      expect(edit?.fields).to.include('probability');
      expect(edit?.probabilityAfter).to.equal(deal.probability);
    }
  });

  it('writes history consistent with each deal, in time order, before now', () => {
    for (let i = 1; i < data.history.length; i++) expect(data.history[i]!.at >= data.history[i - 1]!.at).to.equal(true);
    expect(data.history.at(-1)!.at < NOW).to.equal(true);
    for (const deal of data.deals) {
      const events = eventsOf(deal.id);
      expect(events[0]!.type, deal.id).to.equal('created');
      expect(events[0]!.at).to.equal(deal.createdAt);
      const last = events.at(-1)!;
      expect(last.stageId, deal.id).to.equal(deal.stageId);
      expect(last.at).to.equal(deal.updatedAt);
      if (deal.status === 'lost') {
        expect(last.type).to.equal('lost');
        expect(last.lostReasonId).to.equal(deal.lostReasonId);
        expect(last.note).to.equal(deal.closingNote);
        expect(deal.closedAt).to.equal(last.at);
      }
      if (deal.status === 'won') {
        expect(last.type).to.equal('won');
        expect(deal.closedAt).to.equal(last.at);
      }
    }
  });

  it('includes a deal that was lost and then restored, its reason kept in history', () => {
    const restore = data.history.find((e) => e.type === 'restored');
    expect(restore, 'restored event').to.exist;
    const deal = data.deals.find((d) => d.id === restore!.dealId)!;
    expect(deal.status).to.equal('open');
    expect(deal.lostReasonId).to.equal(null);
    const types = eventsOf(deal.id).map((e) => e.type);
    expect(types.indexOf('lost')).to.be.lessThan(types.indexOf('restored'));
    expect(restore!.lostReasonId).to.be.a('string');
  });

  it('follows a given pipeline and reason list', () => {
    const stages = defaultStages('suitecrm');
    const reasons = [{ id: 'timing', name: 'Bad timing', archived: false, createdAt: '2024-01-01T00:00:00.000Z' }];
    const custom = demoData({ now: NOW, seed: 3, stages, lostReasons: reasons });
    expect(custom.lostReasons).to.deep.equal(reasons);
    expectAllValid(Deal, custom.deals, 'deals');
    expect(new Set(custom.deals.map((d) => d.stageId)).size).to.equal(stages.length);
    expect(custom.deals.filter((d) => d.status === 'lost').every((d) => d.lostReasonId === 'timing')).to.equal(true);
  });

  it('refuses a bad now or a pipeline without a won stage with a validation error', () => {
    expect(() => demoData({ now: 'yesterday' })).to.throw(DealAdapterError).with.property('code', 'validation');
    const noWon = defaultStages().filter((s) => !s.won);
    expect(() => demoData({ now: NOW, stages: noWon })).to.throw(DealAdapterError).with.property('code', 'validation');
  });
});

describe('generateDeals', () => {
  const deals = generateDeals(5000, { seed: 3, now: NOW, currencies: ['USD', 'EUR', 'GBP'] });

  it('is deterministic for the same seed and now', () => {
    expect(generateDeals(5000, { seed: 3, now: NOW, currencies: ['USD', 'EUR', 'GBP'] })).to.deep.equal(deals);
    expect(generateDeals(50, { seed: 4, now: NOW })).not.to.deep.equal(generateDeals(50, { seed: 3, now: NOW }));
  });

  it('produces valid deals with unique ids', () => {
    expect(deals.length).to.equal(5000);
    expectAllValid(Deal, deals, 'deals');
    expect(new Set(deals.map((d) => d.id)).size).to.equal(5000);
    expect(generateDeals(0)).to.deep.equal([]);
  });

  it('spreads statuses, stages, owners, currencies and dates', () => {
    const byStatus = countBy(deals, (d) => d.status);
    expect(byStatus.open! / 5000).to.be.within(0.66, 0.74);
    expect(byStatus.won! / 5000).to.be.within(0.12, 0.18);
    expect(byStatus.lost! / 5000).to.be.within(0.12, 0.18);
    expect(new Set(deals.filter((d) => d.status === 'open').map((d) => d.stageId))).to.deep.equal(new Set(['new', 'qualified', 'proposition']));
    expect(deals.filter((d) => d.status === 'won').every((d) => d.stageId === 'won' && d.probability === 100)).to.equal(true);
    expect(deals.filter((d) => d.status === 'lost').every((d) => d.lostReasonId !== null && d.probability === 0)).to.equal(true);
    expect(new Set(deals.map((d) => d.owner)).size).to.equal(20);
    const currencies = countBy(deals, (d) => d.currency);
    expect(currencies.USD! / 5000).to.be.within(0.6, 0.8);
    expect(currencies.EUR).to.be.greaterThan(0);
    const dates = deals.map((d) => d.expectedClose!).sort();
    expect(dates[0]! < '2025-07-15' && dates.at(-1)! > '2027-05-15').to.equal(true);
    expect(dates[0]! >= '2025-06-15' && dates.at(-1)! <= '2027-06-15').to.equal(true);
  });

  it('gives log-normal-ish amounts and increasing ranks in each stage', () => {
    const amounts = deals.map((d) => d.amount).sort((a, b) => a - b);
    const median = amounts[2500]!;
    expect(median).to.be.within(10_000, 40_000);
    expect(amounts.at(-1)! / median).to.be.greaterThan(5);
    const lastRank = new Map<string, number>();
    for (const deal of deals) {
      expect(deal.rank).to.be.greaterThan(lastRank.get(deal.stageId) ?? -Infinity);
      lastRank.set(deal.stageId, deal.rank);
    }
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateDeals(-1)).to.throw(DealAdapterError).with.property('code', 'validation');
    expect(() => generateDeals(1.5)).to.throw(DealAdapterError);
  });
});
