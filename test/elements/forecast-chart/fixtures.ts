/**
 * A small fixed pipeline whose forecast is worked out by hand in the tests
 * (default stages New 10 %, Qualified 30 %, Proposition 70 %, Won; horizon
 * January to March 2027; EUR at 1.1 USD; no rate for GBP):
 *
 * | bucket   | New (w / u)  | Qualified (w / u) | Proposition (w / u) | Won  |
 * | overdue  | 300 / 3000   |                   |                     |      |
 * | Jan 2027 | 100 / 1000   | 600 / 2000        |                     |      |
 * | Feb 2027 |              |                   | 3500 / 5000         | 4000 |
 * | Mar 2027 |              | 330 / 1100 (EUR)  |                     |      |
 *
 * Not in the buckets: one GBP deal (no rate), one undated, one beyond the
 * horizon (May 2027), one lost.
 */
import type { Deal } from '../../../src/model/schemas.js';

export const deal = (over: Partial<Deal> & Pick<Deal, 'id'>): Deal => ({
  title: `Deal ${over.id}`,
  company: 'Acme',
  contact: 'Ann',
  amount: 100,
  currency: 'USD',
  stageId: 'new',
  probability: 10,
  probabilityManual: false,
  expectedClose: null,
  owner: '',
  priority: 0,
  tags: [],
  status: 'open',
  rank: 1024,
  lostReasonId: null,
  closingNote: '',
  probabilityBeforeClose: null,
  closedAt: null,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  version: '1',
  ...over,
});

export const RATES = { EUR: 1.1 };

export function pipelineDeals(): Deal[] {
  return [
    deal({ id: 'a', amount: 1000, stageId: 'new', probability: 10, expectedClose: '2027-01-15', owner: 'Ann', rank: 1 }),
    deal({ id: 'b', amount: 2000, stageId: 'qualified', probability: 30, expectedClose: '2027-01-20', owner: 'Bo', rank: 2 }),
    deal({ id: 'c', amount: 5000, stageId: 'proposition', probability: 70, expectedClose: '2027-02-10', owner: 'Ann', rank: 3 }),
    deal({ id: 'd', amount: 3000, stageId: 'new', probability: 10, expectedClose: '2026-12-01', owner: 'Bo', rank: 4 }),
    deal({
      id: 'e', amount: 4000, stageId: 'won', probability: 100, expectedClose: '2027-02-01', owner: 'Ann', rank: 5,
      status: 'won', probabilityBeforeClose: 70, closedAt: '2027-02-03T10:00:00.000Z',
    }),
    deal({ id: 'f', amount: 1000, currency: 'EUR', stageId: 'qualified', probability: 30, expectedClose: '2027-03-05', owner: 'Bo', rank: 6 }),
    deal({ id: 'g', amount: 500, currency: 'GBP', stageId: 'new', probability: 10, expectedClose: '2027-01-10', owner: 'Ann', rank: 7 }),
    deal({ id: 'h', amount: 800, stageId: 'new', probability: 10, expectedClose: null, owner: 'Ann', rank: 8 }),
    deal({ id: 'i', amount: 900, stageId: 'proposition', probability: 70, expectedClose: '2027-05-01', owner: 'Bo', rank: 9 }),
    deal({
      id: 'j', amount: 7000, stageId: 'new', probability: 0, expectedClose: '2027-01-05', owner: 'Bo', rank: 10,
      status: 'lost', lostReasonId: 'too-expensive', probabilityBeforeClose: 10, closedAt: '2026-11-20T10:00:00.000Z',
    }),
  ];
}
