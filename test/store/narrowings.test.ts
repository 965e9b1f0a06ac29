import { expect } from '@open-wc/testing';
import { defaultFilter, normalizeFilter, type DealFilter } from '../../src/store/filter.js';
import { narrowingsOf, withoutNarrowing } from '../../src/store/narrowings.js';

describe('filter narrowings (the chips of the board and the lost-deals filter)', () => {
  it('gives none for the default filter, whatever the order of its statuses', () => {
    expect(narrowingsOf(defaultFilter())).to.deep.equal([]);
    expect(narrowingsOf({ statuses: ['won', 'open'] })).to.deep.equal([]);
  });

  it('gives one narrowing per value of a list, in the filter’s field order, each with a unique key', () => {
    const chips = narrowingsOf({
      statuses: ['open', 'won', 'lost'],
      stageIds: ['new', 'won'],
      owners: ['Mia Chen'],
      lostReasonIds: ['too-expensive'],
      closeDate: { from: '2026-06-01', to: null },
      lostDate: { to: '2026-05-31' },
      text: '  acme ',
    });
    expect(chips.map((chip) => chip.field)).to.deep.equal([
      'statuses',
      'stageIds',
      'stageIds',
      'owners',
      'lostReasonIds',
      'closeDate',
      'lostDate',
      'text',
    ]);
    expect(new Set(chips.map((chip) => chip.key)).size).to.equal(chips.length);
    expect(chips[0]).to.deep.include({ statuses: ['open', 'won', 'lost'] });
    expect(chips[1]).to.include({ value: 'new' });
    expect(chips[3]).to.include({ value: 'Mia Chen' });
    // Ranges and text as the filter keeps them: empty ends dropped, text trimmed.
    expect(chips[5]).to.have.deep.property('range', { from: '2026-06-01' });
    expect(chips[6]).to.have.deep.property('range', { to: '2026-05-31' });
    expect(chips[7]).to.have.property('text', 'acme');
  });

  it('follows another order when given one (the lost-deals filter lists its panel’s order)', () => {
    const filter: DealFilter = {
      statuses: ['lost'],
      stageIds: ['proposition'],
      lostReasonIds: ['a', 'b'],
      owners: ['Ann'],
      closeDate: { to: '2026-12-31' },
      lostDate: { from: '2026-01-10' },
      text: 'acme',
    };
    const order = ['statuses', 'lostReasonIds', 'stageIds', 'owners', 'lostDate', 'closeDate', 'text'] as const;
    expect(narrowingsOf(filter, order).map((chip) => chip.key)).to.deep.equal([
      'statuses',
      'lostReasonIds:a',
      'lostReasonIds:b',
      'stageIds:proposition',
      'owners:Ann',
      'lostDate',
      'closeDate',
      'text',
    ]);
  });

  it('counts "every status" (no statuses) as a narrowing away from the default, statuses in their usual order', () => {
    expect(narrowingsOf({})).to.deep.equal([{ field: 'statuses', key: 'statuses', statuses: ['open', 'won', 'lost'] }]);
    expect(narrowingsOf({ statuses: [] })[0]).to.deep.include({ statuses: ['open', 'won', 'lost'] });
    expect(narrowingsOf({ statuses: ['lost', 'open'] })[0]).to.deep.include({ statuses: ['open', 'lost'] });
  });

  it('ignores empty fields: empty lists, ranges without ends, blank text', () => {
    const filter: DealFilter = { statuses: ['open', 'won'], owners: [], closeDate: { from: null, to: null }, lostDate: {}, text: '   ' };
    expect(narrowingsOf(filter)).to.deep.equal([]);
  });

  it('gives a value listed twice once, so chip keys stay unique', () => {
    const chips = narrowingsOf({ statuses: ['open', 'won'], owners: ['Ann', 'Ann', 'Bo'] });
    expect(chips.map((chip) => chip.key)).to.deep.equal(['owners:Ann', 'owners:Bo']);
    expect(withoutNarrowing({ owners: ['Ann', 'Ann', 'Bo'] }, chips[0]!).owners).to.deep.equal(['Bo']);
  });

  it('removes each narrowing alone; the statuses go back to the default, an emptied list goes away', () => {
    const filter: DealFilter = normalizeFilter({
      statuses: ['lost'],
      stageIds: ['new', 'won'],
      lostReasonIds: ['a', 'b'],
      owners: ['Ann'],
      closeDate: { to: '2026-12-31' },
      lostDate: { from: '2026-01-10' },
      text: ' acme ',
    });
    const [statuses, stageNew, , owner, reasonA, , closeDate, lostDate, text] = narrowingsOf(filter);
    expect(narrowingsOf(filter)).to.have.length(9);
    expect(withoutNarrowing(filter, statuses!)).to.deep.equal({ ...filter, statuses: ['open', 'won'] });
    expect(withoutNarrowing(filter, stageNew!).stageIds).to.deep.equal(['won']);
    expect(withoutNarrowing(filter, reasonA!).lostReasonIds).to.deep.equal(['b']);
    const withoutOwner = withoutNarrowing(filter, owner!);
    expect(withoutOwner).to.not.have.property('owners');
    expect(withoutOwner).to.deep.equal(normalizeFilter({ ...filter, owners: [] }));
    expect(withoutNarrowing(filter, closeDate!)).to.not.have.property('closeDate');
    expect(withoutNarrowing(filter, lostDate!)).to.not.have.property('lostDate');
    expect(withoutNarrowing(filter, text!)).to.not.have.property('text');
    expect(withoutNarrowing(filter, text!).lostReasonIds, 'the rest stays').to.deep.equal(['a', 'b']);
  });

  it('removes from the filter as it is now, not as it was when the narrowings were listed', () => {
    const before: DealFilter = { statuses: ['open', 'won'], owners: ['Ann', 'Bo'] };
    const [, bo] = narrowingsOf(before);
    const now: DealFilter = { statuses: ['open', 'won'], owners: ['Ann', 'Bo', 'Cy'] };
    expect(withoutNarrowing(now, bo!).owners).to.deep.equal(['Ann', 'Cy']);
  });
});
