/**
 * Stage statistics from deal history: how deals that reached a stage ended,
 * and how long deals stay in each stage.
 */
import { sortStages } from '../model/rules.js';
import type { Deal, HistoryEvent, Stage } from '../model/schemas.js';
import type { StageTime, StageWinRate } from './types.js';
import { checkArray, invalid } from './validation.js';

const DAY_MS = 86_400_000;

function groupByDeal(history: readonly HistoryEvent[]): Map<string, HistoryEvent[]> {
  const byDeal = new Map<string, HistoryEvent[]>();
  for (const event of history) {
    const events = byDeal.get(event.dealId);
    if (events) events.push(event);
    else byDeal.set(event.dealId, [event]);
  }
  return byDeal;
}

/**
 * Per non-won stage, in stage order, how the closed deals that reached it
 * ended.
 *
 * - The population is the deals in `deals` that are closed now (won or lost);
 *   open deals have not ended yet and are left out. Filter `deals` first to
 *   narrow it (a period, an owner).
 * - A deal **reached** a stage when it was in it at some point: the stage of
 *   any of its history entries (`stageId`, or `fromStageId` of a move or a
 *   win), or its current stage. A deal created straight in a later stage did
 *   not reach the earlier ones.
 * - **won** counts the reached deals that are won; `winRate` is `won /
 *   reached`, null when no closed deal reached the stage.
 * - **lostAt** counts the lost deals lost in this stage: a lost deal stays in
 *   the stage where it was lost, which is also its loss entry's `stageId`.
 *
 * History entries of deals not in `deals` are ignored.
 */
export function stageWinRates(
  deals: readonly Deal[],
  history: readonly HistoryEvent[],
  stages: readonly Stage[],
): StageWinRate[] {
  checkArray(deals, 'deals');
  checkArray(history, 'history');
  checkArray(stages, 'stages');
  const rows = sortStages(stages)
    .filter((stage) => !stage.won)
    .map((stage): StageWinRate => ({ stageId: stage.id, reached: 0, won: 0, winRate: null, lostAt: 0 }));
  const rowByStage = new Map(rows.map((row) => [row.stageId, row]));
  const historyByDeal = groupByDeal(history);

  for (const deal of deals) {
    if (deal.status === 'open') continue;
    const won = deal.status === 'won';
    const reached = new Set<string>([deal.stageId]);
    for (const event of historyByDeal.get(deal.id) ?? []) {
      reached.add(event.stageId);
      if (event.fromStageId) reached.add(event.fromStageId);
    }
    for (const stageId of reached) {
      const row = rowByStage.get(stageId);
      if (!row) continue;
      row.reached += 1;
      if (won) row.won += 1;
    }
    if (!won) {
      const row = rowByStage.get(deal.stageId);
      if (row) row.lostAt += 1;
    }
  }
  for (const row of rows) row.winRate = row.reached === 0 ? null : row.won / row.reached;
  return rows;
}

function parseInstant(value: string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid(`"${String(value)}" is not an ISO date and time.`, field);
  return ms;
}

/**
 * Per non-won stage, in stage order, the average number of days a deal stays
 * in it, from the history alone.
 *
 * A **stay** starts when an open deal enters the stage (created in it, moved
 * to it, restored or reopened into it) and ends when the deal leaves it
 * (moved away, won or lost). A deal still open in a stage is measured until
 * `now` (an ISO instant). Each stay counts once, so a deal that comes back to
 * a stage contributes two stays. A stay whose start is not in the history (the
 * first entry is a move out of it) is not measured. Entries of one deal are
 * taken in time order; entries at the same time, in the order given.
 *
 * Throws a `validation` DealAdapterError when `now` or an entry's time is not
 * an ISO instant.
 */
export function timeInStage(history: readonly HistoryEvent[], stages: readonly Stage[], now: string): StageTime[] {
  checkArray(history, 'history');
  checkArray(stages, 'stages');
  const nowMs = parseInstant(now, 'now');
  const wonStageIds = new Set(stages.filter((stage) => stage.won).map((stage) => stage.id));
  const totals = new Map<string, { ms: number; stays: number }>();
  const addStay = (stageId: string, ms: number): void => {
    const total = totals.get(stageId);
    // A clock running behind gives a negative length; count the stay as instant rather than subtract.
    const length = Math.max(0, ms);
    if (total) {
      total.ms += length;
      total.stays += 1;
    } else {
      totals.set(stageId, { ms: length, stays: 1 });
    }
  };

  for (const events of groupByDeal(history).values()) {
    const timed = events.map((event, order) => ({ event, order, ms: parseInstant(event.at, 'at') }));
    timed.sort((a, b) => a.ms - b.ms || a.order - b.order);
    // The stay in progress: its stage and when it started; null while the deal is closed or unknown.
    let stay: { stageId: string; since: number } | null = null;
    const enter = (stageId: string, at: number): void => {
      if (stay) addStay(stay.stageId, at - stay.since);
      // Being in the won stage means being won: there is no open stay to measure.
      stay = wonStageIds.has(stageId) ? null : { stageId, since: at };
    };
    const leave = (at: number): void => {
      if (stay) addStay(stay.stageId, at - stay.since);
      stay = null;
    };
    for (const { event, ms } of timed) {
      switch (event.type) {
        case 'created':
        case 'stage_changed':
        case 'restored':
          enter(event.stageId, ms);
          break;
        case 'won':
        case 'lost':
          leave(ms);
          break;
        case 'updated':
          break;
      }
    }
    leave(nowMs);
  }

  return sortStages(stages)
    .filter((stage) => !stage.won)
    .map((stage) => {
      const total = totals.get(stage.id);
      return {
        stageId: stage.id,
        averageDays: total ? total.ms / total.stays / DAY_MS : null,
        stays: total?.stays ?? 0,
      };
    });
}
