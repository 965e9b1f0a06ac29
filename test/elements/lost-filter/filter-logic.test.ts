import { expect } from '@open-wc/testing';
import { NO_VALUE_KEY } from '../../../src/analytics/lost.js';
import { CLOSE_DATE_PRESETS, LOST_DATE_PRESETS, monthRange, presetOf, presetRange } from '../../../src/elements/lost-filter/date-ranges.js';
import {
  analysedLostDeals,
  facetCounts,
  isChoosableGroup,
  isNarrowedToGroup,
  withFacetValue,
  withGroupChosen,
  withRange,
  withStatusToggled,
} from '../../../src/elements/lost-filter/facets.js';
import { filterFromSearch, searchWithFilter } from '../../../src/elements/lost-filter/url-filter.js';
import { visibleRange } from '../../../src/elements/lost-filter/virtual-window.js';
import { demoData } from '../../../src/model/sample-data.js';
import type { Deal } from '../../../src/model/schemas.js';
import { defaultFilter, normalizeFilter, type DealFilter } from '../../../src/store/filter.js';

const NOW = '2026-03-15T12:00:00.000Z';
const deals = demoData({ now: NOW }).deals;

/** Counts by a key, written out plainly so it does not share code with the element. */
function tally(list: readonly Deal[], key: (deal: Deal) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const deal of list) {
    const k = key(deal);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

describe('lost filter: facet counts', () => {
  it('counts the default view: open and won deals per stage and owner, lost deals per reason', () => {
    const counts = facetCounts(deals, defaultFilter());
    const shown = deals.filter((d) => d.status !== 'lost');
    const lost = deals.filter((d) => d.status === 'lost');
    expect(counts.stages).to.deep.equal(tally(shown, (d) => d.stageId));
    expect(counts.owners).to.deep.equal(tally(shown, (d) => d.owner));
    expect(counts.reasons).to.deep.equal(tally(lost, (d) => d.lostReasonId));
    expect(counts.statuses).to.deep.equal(tally(deals, (d) => d.status));
    expect(lost.length).to.be.greaterThan(5);
  });

  it('counts each facet with every other narrowing applied, but not its own', () => {
    const owner = deals[0]!.owner;
    const filter: DealFilter = { statuses: ['lost'], owners: [owner], stageIds: ['new', 'qualified'] };
    const counts = facetCounts(deals, filter);
    const lostOf = (d: Deal) => d.status === 'lost';
    const inStages = (d: Deal) => d.stageId === 'new' || d.stageId === 'qualified';
    expect(counts.owners).to.deep.equal(tally(deals.filter((d) => lostOf(d) && inStages(d)), (d) => d.owner));
    expect(counts.stages).to.deep.equal(tally(deals.filter((d) => lostOf(d) && d.owner === owner), (d) => d.stageId));
    expect(counts.statuses).to.deep.equal(tally(deals.filter((d) => d.owner === owner && inStages(d)), (d) => d.status));
    expect(counts.reasons).to.deep.equal(
      tally(deals.filter((d) => lostOf(d) && d.owner === owner && inStages(d)), (d) => d.lostReasonId),
    );
  });

  it('applies the text search and date ranges to every facet', () => {
    const counts = facetCounts(deals, { statuses: ['open', 'won', 'lost'], text: 'LTD' });
    const matching = deals.filter((d) => `${d.title} ${d.company} ${d.contact}`.toLowerCase().includes('ltd'));
    expect(matching.length).to.be.greaterThan(0);
    expect(counts.stages).to.deep.equal(tally(matching, (d) => d.stageId));
    const lostOnly = facetCounts(deals, { lostDate: { from: '2000-01-01' } });
    expect(lostOnly.statuses.get('open') ?? 0).to.equal(0);
    expect(lostOnly.statuses.get('lost')).to.equal(deals.filter((d) => d.status === 'lost').length);
  });

  it('analyses the lost deals matching the other narrowings, whatever the statuses', () => {
    const owner = deals.find((d) => d.status === 'lost')!.owner;
    const analysed = analysedLostDeals(deals, { statuses: ['open'], owners: [owner] });
    expect(analysed.map((d) => d.id)).to.deep.equal(deals.filter((d) => d.status === 'lost' && d.owner === owner).map((d) => d.id));
  });
});

describe('lost filter: filter edits', () => {
  it('toggles statuses but never leaves none shown', () => {
    expect(withStatusToggled(defaultFilter(), 'lost').statuses).to.deep.equal(['open', 'won', 'lost']);
    expect(withStatusToggled(defaultFilter(), 'won').statuses).to.deep.equal(['open']);
    const onlyOpen: DealFilter = { statuses: ['open'] };
    expect(withStatusToggled(onlyOpen, 'open')).to.equal(onlyOpen);
    // No statuses means all three shown.
    expect(withStatusToggled({}, 'won').statuses).to.deep.equal(['open', 'lost']);
  });

  it('ticks facet values; a lost reason turns Lost on', () => {
    const withReason = withFacetValue(defaultFilter(), 'lostReasonIds', 'too-expensive', true);
    expect(withReason).to.deep.equal({ statuses: ['open', 'won', 'lost'], lostReasonIds: ['too-expensive'] });
    expect(withFacetValue(withReason, 'lostReasonIds', 'too-expensive', false).lostReasonIds).to.equal(undefined);
    expect(withFacetValue(defaultFilter(), 'owners', 'Mia Chen', true)).to.deep.equal({ statuses: ['open', 'won'], owners: ['Mia Chen'] });
  });

  it('sets and removes ranges; a lost-date range turns Lost on', () => {
    expect(withRange(defaultFilter(), 'lostDate', { from: '2026-01-01', to: null })).to.deep.equal({
      statuses: ['open', 'won', 'lost'],
      lostDate: { from: '2026-01-01' },
    });
    expect(withRange({ closeDate: { to: '2026-01-01' } }, 'closeDate', null)).to.deep.equal({});
  });

  it('chooses a lost-analysis group, and choosing it again removes it', () => {
    const byReason = withGroupChosen(defaultFilter(), 'reason', 'no-skills');
    expect(byReason).to.deep.equal({ statuses: ['open', 'won', 'lost'], lostReasonIds: ['no-skills'] });
    expect(isNarrowedToGroup(byReason, 'reason', 'no-skills')).to.equal(true);
    expect(withGroupChosen(byReason, 'reason', 'no-skills')).to.deep.equal({ statuses: ['open', 'won', 'lost'] });
    expect(withGroupChosen(defaultFilter(), 'stage', 'qualified').stageIds).to.deep.equal(['qualified']);
    expect(withGroupChosen(defaultFilter(), 'owner', 'Sam Okafor').owners).to.deep.equal(['Sam Okafor']);
    expect(withGroupChosen(defaultFilter(), 'month', '2024-02').lostDate).to.deep.equal({ from: '2024-02-01', to: '2024-02-29' });
    // Losses without a reason or an owner can't be picked by any filter; an owner called "none" can.
    expect(isChoosableGroup('reason', NO_VALUE_KEY)).to.equal(false);
    expect(withGroupChosen(defaultFilter(), 'owner', NO_VALUE_KEY)).to.deep.equal(defaultFilter());
    expect(withGroupChosen(defaultFilter(), 'owner', 'none').owners).to.deep.equal(['none']);
  });
});

describe('lost filter: date ranges', () => {
  it('names months, quarters and years from a given day', () => {
    expect(presetRange('this-month', '2026-02-10')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', '2026-01-31')).to.deep.equal({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('next-month', '2025-12-31')).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetRange('this-quarter', '2026-08-19')).to.deep.equal({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('this-year', '2028-02-29')).to.deep.equal({ from: '2028-01-01', to: '2028-12-31' });
    expect(presetRange('this-month', 'soon')).to.equal(null);
  });

  it('recognises a range that a preset names', () => {
    expect(presetOf({ from: '2026-01-01', to: '2026-03-31' }, LOST_DATE_PRESETS, '2026-02-02')).to.equal('this-quarter');
    expect(presetOf({ from: '2026-01-01', to: '2026-03-30' }, LOST_DATE_PRESETS, '2026-02-02')).to.equal(null);
    expect(presetOf({ from: '2026-03-01', to: '2026-03-31' }, CLOSE_DATE_PRESETS, '2026-02-02')).to.equal('next-month');
    expect(monthRange('2026-13')).to.equal(null);
  });
});

describe('lost filter: address', () => {
  it('round-trips a filter through the query string, keeping other parameters', () => {
    const filter: DealFilter = normalizeFilter({
      statuses: ['won', 'lost'],
      lostReasonIds: ['too-expensive', 'chose-a-competitor'],
      stageIds: ['proposition'],
      owners: ['Smith, John', 'Zoë & Co'],
      lostDate: { from: '2026-01-01', to: '2026-01-31' },
      closeDate: { to: '2026-06-30' },
      text: 'acme 50%',
    });
    const search = searchWithFilter('?lang=fa&status=open', filter);
    expect(search).to.equal(
      '?lang=fa&status=won,lost&reason=too-expensive,chose-a-competitor&stage=proposition' +
        '&owner=Smith%5C,%20John,Zo%C3%AB%20%26%20Co&lost=2026-01-01..2026-01-31&close=..2026-06-30&q=acme%2050%25',
    );
    expect(filterFromSearch(search)).to.deep.equal(filter);
    // Other code often rewrites the address with URLSearchParams, which encodes every comma.
    const rewritten = new URLSearchParams(search);
    rewritten.set('lang', 'zh-Hant');
    expect(rewritten.toString()).to.contain('status=won%2Clost');
    expect(filterFromSearch(`?${rewritten}`)).to.deep.equal(filter);
  });

  it('writes nothing for the default filter and reads no filter from an unrelated address', () => {
    expect(searchWithFilter('?q=old&x=1', defaultFilter())).to.equal('?x=1');
    expect(searchWithFilter('', defaultFilter())).to.equal('');
    expect(filterFromSearch('?x=1')).to.equal(null);
    expect(filterFromSearch('?q=acme')).to.deep.equal({ statuses: ['open', 'won'], text: 'acme' });
  });

  it('ignores values that make no sense instead of failing', () => {
    expect(filterFromSearch('?status=closed,lost&lost=2026-02-30..nope&close=a..b..c&reason=%E0%A4%A&q=' + 'x'.repeat(300))).to.deep.equal({
      statuses: ['lost'],
      text: 'x'.repeat(200),
    });
  });
});

describe('lost filter: windowed rows', () => {
  it('renders the visible rows and a few around them', () => {
    expect(visibleRange(0, 400, 40, 10_000, 5)).to.deep.equal({ start: 0, end: 16 });
    expect(visibleRange(4000, 400, 40, 10_000, 5)).to.deep.equal({ start: 95, end: 116 });
    expect(visibleRange(400_000, 400, 40, 10_000, 5)).to.deep.equal({ start: 9994, end: 10_000 });
    expect(visibleRange(0, 400, 40, 0)).to.deep.equal({ start: 0, end: 0 });
  });
});
