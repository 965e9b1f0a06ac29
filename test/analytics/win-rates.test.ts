import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { stageWinRates, timeInStage } from '../../src/analytics/index.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { DEFAULT_STAGES } from '../../src/model/defaults.js';
import type { HistoryEvent } from '../../src/model/schemas.js';
import { deal } from './fixtures.js';

const STAGES = DEFAULT_STAGES;
const at = (day: number): string => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
let nextId = 0;
const ev = (dealId: string, type: HistoryEvent['type'], day: number, stageId: string, fromStageId?: string): HistoryEvent => ({
  id: `e${nextId++}`, dealId, type, at: at(day), stageId, ...(fromStageId ? { fromStageId } : {}),
});

/**
 * A: new -> qualified -> proposition, won on day 10.
 * B: new -> qualified, lost there on day 4.
 * C: created in qualified, lost there, restored, moved to proposition, lost there.
 * D: new -> qualified, still open.
 * E: won, no history.
 * F: open; its history starts with a move out of new (day 8).
 * G: created in proposition, won on day 1, reopened into qualified on day 2, open.
 */
const HISTORY: HistoryEvent[] = [
  ev('A', 'created', 0, 'new'), ev('A', 'stage_changed', 2, 'qualified', 'new'),
  ev('A', 'updated', 3, 'qualified'),
  ev('A', 'stage_changed', 5, 'proposition', 'qualified'), ev('A', 'won', 10, 'won', 'proposition'),
  ev('B', 'created', 0, 'new'), ev('B', 'stage_changed', 1, 'qualified', 'new'), ev('B', 'lost', 4, 'qualified'),
  ev('C', 'created', 0, 'qualified'), ev('C', 'lost', 3, 'qualified'), ev('C', 'restored', 5, 'qualified'),
  ev('C', 'stage_changed', 6, 'proposition', 'qualified'), ev('C', 'lost', 8, 'proposition'),
  ev('D', 'created', 0, 'new'), ev('D', 'stage_changed', 3, 'qualified', 'new'),
  ev('F', 'stage_changed', 8, 'qualified', 'new'),
  ev('G', 'created', 0, 'proposition'), ev('G', 'won', 1, 'won', 'proposition'), ev('G', 'restored', 2, 'qualified', 'won'),
  ev('Z', 'created', 0, 'new'), ev('Z', 'lost', 1, 'new'), // not among DEALS: no win rate, but a stay
];
const DEALS = [
  deal({ id: 'A', status: 'won', stageId: 'won' }),
  deal({ id: 'B', status: 'lost', stageId: 'qualified' }),
  deal({ id: 'C', status: 'lost', stageId: 'proposition' }),
  deal({ id: 'D', status: 'open', stageId: 'qualified' }),
  deal({ id: 'E', status: 'won', stageId: 'won' }),
  deal({ id: 'F', status: 'open', stageId: 'qualified' }),
  deal({ id: 'G', status: 'open', stageId: 'qualified' }),
];
const NOW = at(10);

describe('analytics/win-rates', () => {
  it('counts, per stage, the closed deals that reached it, the won ones and the losses there', () => {
    expect(stageWinRates(DEALS, HISTORY, STAGES)).to.deep.equal([
      { stageId: 'new', reached: 2, won: 1, winRate: 0.5, lostAt: 0 },
      { stageId: 'qualified', reached: 3, won: 1, winRate: 1 / 3, lostAt: 1 },
      { stageId: 'proposition', reached: 2, won: 1, winRate: 0.5, lostAt: 1 },
    ]);
  });

  it('has no win rate for a stage no closed deal reached', () => {
    const rows = stageWinRates([deal({ id: 'o' })], [], STAGES);
    expect(rows.map((r) => r.winRate)).to.deep.equal([null, null, null]);
    // Without history a lost deal still reached the stage it stays in.
    expect(stageWinRates([deal({ id: 'x', status: 'lost', stageId: 'qualified' })], [], STAGES)[1])
      .to.deep.equal({ stageId: 'qualified', reached: 1, won: 0, winRate: 0, lostAt: 1 });
  });

  it('averages the days of each stay, open stays until now, in any input order', () => {
    const expected = [
      // A 2, B 1, D 3, Z 1 (F's stay in new has no start); the history alone decides
      { stageId: 'new', averageDays: 7 / 4, stays: 4 },
      // A 3, B 3, C 3 and 1, D 7, F 2, G 8
      { stageId: 'qualified', averageDays: 27 / 7, stays: 7 },
      // A 5, C 2, G 1
      { stageId: 'proposition', averageDays: 8 / 3, stays: 3 },
    ];
    expect(timeInStage(HISTORY, STAGES, NOW)).to.deep.equal(expected);
    expect(timeInStage([...HISTORY].reverse(), STAGES, NOW)).to.deep.equal(expected);
  });

  it('has no average for a stage without stays', () => {
    expect(timeInStage([], STAGES, NOW)[0]).to.deep.equal({ stageId: 'new', averageDays: null, stays: 0 });
  });

  it('refuses times that are not instants', () => {
    expect(() => timeInStage(HISTORY, STAGES, 'now')).to.throw(DealAdapterError);
    expect(() => timeInStage([{ ...HISTORY[0]!, at: 'yesterday' }], STAGES, NOW)).to.throw(DealAdapterError);
  });

  it('keeps won plus lost-there within reached, and rates between 0 and 1', () => {
    const stageIds = ['new', 'qualified', 'proposition'];
    const anyDeal = fc.record({
      status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
      stageId: fc.constantFrom(...stageIds),
      path: fc.array(fc.constantFrom(...stageIds), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(anyDeal, { maxLength: 30 }), (specs) => {
        const deals = specs.map((s, i) => deal({ id: `d${i}`, status: s.status, stageId: s.status === 'won' ? 'won' : s.stageId }));
        const history = specs.flatMap((s, i) => s.path.map((stageId, step) => ev(`d${i}`, step === 0 ? 'created' : 'stage_changed', step, stageId)));
        const closed = deals.filter((d) => d.status !== 'open').length;
        const rows = stageWinRates(deals, history, STAGES);
        for (const row of rows) {
          expect(row.won + row.lostAt).to.be.at.most(row.reached);
          expect(row.reached).to.be.at.most(closed);
          if (row.winRate !== null) expect(row.winRate).to.be.within(0, 1);
        }
        const lost = deals.filter((d) => d.status === 'lost').length;
        expect(rows.reduce((sum, r) => sum + r.lostAt, 0)).to.equal(lost);
        for (const row of timeInStage(history, STAGES, at(10))) {
          if (row.averageDays !== null) expect(row.averageDays).to.be.within(0, 10);
        }
      }),
    );
  });
});
