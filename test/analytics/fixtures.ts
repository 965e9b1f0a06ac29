/**
 * Deal builders for the analytics tests: a readable one-off builder and a
 * deterministic generator of large data sets.
 */
import { seededRandom, pick, randomInt } from '../../src/model/random.js';
import type { Deal, DealStatus } from '../../src/model/schemas.js';

/** A valid open deal in USD; `over` replaces any field. */
export const deal = (over: Partial<Deal>): Deal => ({
  id: 'd1', title: 'Deal', company: 'Acme', contact: 'Ann', amount: 100, currency: 'USD',
  stageId: 'new', probability: 10, probabilityManual: false, expectedClose: null, owner: '',
  priority: 0, tags: [], status: 'open', rank: 1024, lostReasonId: null, closingNote: '',
  probabilityBeforeClose: null, closedAt: null, createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z', version: '1', ...over,
});

const DAY_MS = 86_400_000;
const dayAfter = (start: string, days: number): string =>
  new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * `count` deals spread over 2025-2027 in USD, EUR and (rarely) GBP, across
 * the default stages, six owners and three lost reasons. Same seed, same deals.
 */
export function generateDeals(count: number, seed = 7): Deal[] {
  const random = seededRandom(seed);
  const owners = ['', 'Ann', 'Bo', 'Chen', 'Dara', 'Mia'];
  const openStages = ['new', 'qualified', 'proposition'];
  const reasons = [null, 'too-expensive', 'not-enough-stock', 'no-skills'];
  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const status: DealStatus = roll < 0.7 ? 'open' : roll < 0.85 ? 'won' : 'lost';
    const currencyRoll = random();
    const closedDay = dayAfter('2025-01-01', randomInt(random, 0, 3 * 365));
    deals.push(deal({
      id: `g${i}`,
      amount: randomInt(random, 0, 500_000) / 100,
      currency: currencyRoll < 0.8 ? 'USD' : currencyRoll < 0.99 ? 'EUR' : 'GBP',
      stageId: status === 'won' ? 'won' : pick(random, openStages),
      probability: status === 'won' ? 100 : status === 'lost' ? 0 : randomInt(random, 0, 100),
      expectedClose: random() < 0.1 ? null : dayAfter('2025-01-01', randomInt(random, 0, 3 * 365)),
      owner: pick(random, owners),
      status,
      lostReasonId: status === 'lost' ? pick(random, reasons) : null,
      closedAt: status === 'open' ? null : `${closedDay}T${String(randomInt(random, 0, 23)).padStart(2, '0')}:00:00.000Z`,
    }));
  }
  return deals;
}
