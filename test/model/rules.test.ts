import { expect } from '@open-wc/testing';
import { rankAt, matchesQuery, dealComparator, encodeCursor, decodeCursor, isAfterCursor } from '../../src/model/rules.js';
import type { Deal } from '../../src/model/schemas.js';

const deal = (over: Partial<Deal>): Deal => ({
  id: 'd1', title: 'Acme renewal', company: 'Acme', contact: 'Ann', amount: 100, currency: 'USD',
  stageId: 'new', probability: 10, probabilityManual: false, expectedClose: '2026-12-01', owner: 'Mia',
  priority: 0, tags: [], status: 'open', rank: 1024, lostReasonId: null, closingNote: '',
  probabilityBeforeClose: null, closedAt: null, createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z', version: '1', ...over,
});

describe('rules', () => {
  it('places ranks between neighbours and asks for renumbering when they touch', () => {
    expect(rankAt([], 0)).to.equal(1024);
    expect(rankAt([{ rank: 1024 }, { rank: 2048 }], 1)).to.equal(1536);
    expect(rankAt([{ rank: 1024 }], 0)).to.equal(0);
    expect(rankAt([{ rank: 1024 }], 5)).to.equal(2048);
    expect(rankAt([{ rank: 1 }, { rank: 1 + Number.EPSILON }], 1)).to.equal(null);
  });

  it('matches queries field by field', () => {
    const d = deal({});
    expect(matchesQuery(d, {})).to.equal(true);
    expect(matchesQuery(d, { statuses: ['lost'] })).to.equal(false);
    expect(matchesQuery(d, { text: 'ACME' })).to.equal(true);
    expect(matchesQuery(d, { closeDate: { from: '2026-12-02' } })).to.equal(false);
    expect(matchesQuery(deal({ expectedClose: null }), { closeDate: { to: '2027-01-01' } })).to.equal(false);
  });

  it('round-trips cursors and orders nulls last', () => {
    const sort = { field: 'expectedClose', direction: 'asc' } as const;
    const a = deal({ id: 'a', expectedClose: '2026-01-01' });
    const b = deal({ id: 'b', expectedClose: null });
    expect([b, a].sort(dealComparator(sort)).map((d) => d.id)).to.deep.equal(['a', 'b']);
    const key = decodeCursor(encodeCursor(a, sort), sort);
    expect(isAfterCursor(b, key, sort)).to.equal(true);
    expect(isAfterCursor(a, key, sort)).to.equal(false);
  });
});
