/**
 * The domain rules as pure functions: what each command does to a deal and
 * which history entry it writes. Every adapter that stores deals itself
 * (memory, IndexedDB, the reference server) and the store's optimistic
 * updates use these, so the semantics live in one place.
 */
import { DealAdapterError } from '../adapters/errors.js';
import type {
  Deal,
  DealPatch,
  DealQuery,
  DealSort,
  HistoryEvent,
  LostInput,
  LostReason,
  NewDeal,
  Stage,
} from './schemas.js';
import { DEFAULT_CURRENCY } from './defaults.js';

/** What a rule needs from its caller: the time and fresh ids. */
export interface RuleContext {
  /** ISO instant of the change. */
  now: string;
  /** Returns a fresh unique id (for history entries and new records). */
  newId: () => string;
}

/** A deal after a command, and the history entry the command wrote (if any). */
export interface RuleResult {
  deal: Deal;
  event: HistoryEvent | null;
}

const invalid = (message: string, field = '(root)'): DealAdapterError =>
  new DealAdapterError('validation', message, { fieldErrors: { [field]: message } });

export function stageById(stages: readonly Stage[], id: string): Stage {
  const stage = stages.find((s) => s.id === id);
  if (!stage) throw invalid(`Unknown stage "${id}".`, 'stageId');
  return stage;
}

/** Stages in column order. */
export function sortStages(stages: readonly Stage[]): Stage[] {
  return [...stages].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function wonStage(stages: readonly Stage[]): Stage {
  const stage = sortStages(stages).find((s) => s.won);
  if (!stage) throw invalid('The pipeline has no won stage.', 'stageId');
  return stage;
}

/** Next local version: versions of the local adapters are counters. */
export function nextVersion(version: string): string {
  const n = Number(version);
  return Number.isFinite(n) ? String(n + 1) : `${version}.1`;
}

function event(ctx: RuleContext, deal: Deal, type: HistoryEvent['type'], extra: Partial<HistoryEvent>): HistoryEvent {
  return { id: ctx.newId(), dealId: deal.id, type, at: ctx.now, stageId: deal.stageId, ...extra };
}

function touched(deal: Deal, ctx: RuleContext, changes: Partial<Deal>): Deal {
  return { ...deal, ...changes, updatedAt: ctx.now, version: nextVersion(deal.version) };
}

/** A new deal from validated input. `rank` places it in its column. */
export function createDealRecord(input: NewDeal, stages: readonly Stage[], rank: number, ctx: RuleContext): RuleResult {
  const ordered = sortStages(stages);
  const stage = input.stageId ? stageById(stages, input.stageId) : ordered.find((s) => !s.won) ?? ordered[0];
  if (!stage) throw invalid('The pipeline has no stages.', 'stageId');
  const won = stage.won;
  const deal: Deal = {
    id: ctx.newId(),
    title: input.title,
    company: input.company ?? '',
    contact: input.contact ?? '',
    amount: input.amount ?? 0,
    currency: input.currency ?? DEFAULT_CURRENCY,
    stageId: stage.id,
    probability: won ? 100 : input.probability ?? stage.probability,
    probabilityManual: !won && input.probability !== undefined,
    expectedClose: input.expectedClose ?? null,
    owner: input.owner ?? '',
    priority: input.priority ?? 0,
    tags: input.tags ?? [],
    status: won ? 'won' : 'open',
    rank,
    lostReasonId: null,
    closingNote: '',
    probabilityBeforeClose: null,
    closedAt: won ? ctx.now : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: '1',
  };
  return { deal, event: event(ctx, deal, 'created', { probabilityAfter: deal.probability }) };
}

/** Applies an edit of the deal's own fields. */
export function applyPatch(deal: Deal, patch: DealPatch, stages: readonly Stage[], ctx: RuleContext): RuleResult {
  const changes: Partial<Deal> = {};
  for (const [key, value] of Object.entries(patch) as [keyof DealPatch, unknown][]) {
    if (value === undefined || key === 'probabilityManual') continue;
    (changes as Record<string, unknown>)[key] = value;
  }
  if (patch.probability !== undefined || patch.probabilityManual !== undefined) {
    if (deal.status !== 'open') throw invalid('The probability of a won or lost deal is fixed.', 'probability');
    if (patch.probability !== undefined) {
      changes.probabilityManual = patch.probabilityManual ?? true;
    } else if (patch.probabilityManual === false) {
      changes.probabilityManual = false;
      changes.probability = stageById(stages, deal.stageId).probability;
    } else {
      changes.probabilityManual = true;
    }
  }
  const fields = Object.keys(changes).filter(
    (key) => JSON.stringify(changes[key as keyof Deal]) !== JSON.stringify(deal[key as keyof Deal]),
  );
  if (fields.length === 0) return { deal, event: null };
  const next = touched(deal, ctx, changes);
  const extra: Partial<HistoryEvent> = { fields };
  if (fields.includes('probability')) {
    extra.probabilityBefore = deal.probability;
    extra.probabilityAfter = next.probability;
  }
  return { deal: next, event: event(ctx, next, 'updated', extra) };
}

/**
 * Moves a deal to a stage at a rank. Entering the won stage wins an open deal;
 * leaving it reopens a won deal. A lost deal may be reordered in its stage but
 * not moved out of it: it stays where it was lost until restored.
 */
export function applyMove(deal: Deal, target: Stage, rank: number, stages: readonly Stage[], ctx: RuleContext): RuleResult {
  if (target.id === deal.stageId) {
    if (rank === deal.rank) return { deal, event: null };
    return { deal: touched(deal, ctx, { rank }), event: null };
  }
  if (deal.status === 'lost') throw invalid('A lost deal stays in the stage where it was lost; restore it first.', 'stageId');
  if (target.won && deal.status === 'open') return applyWon(deal, target, rank, ctx);
  const from = stageById(stages, deal.stageId);
  const reopening = deal.status === 'won';
  const probability = deal.probabilityManual && !reopening ? deal.probability : target.probability;
  const next = touched(deal, ctx, {
    stageId: target.id,
    rank,
    probability,
    probabilityManual: reopening ? false : deal.probabilityManual,
    status: 'open',
    closedAt: null,
    probabilityBeforeClose: reopening ? null : deal.probabilityBeforeClose,
  });
  return {
    deal: next,
    event: event(ctx, next, reopening ? 'restored' : 'stage_changed', {
      fromStageId: from.id,
      probabilityBefore: deal.probability,
      probabilityAfter: probability,
    }),
  };
}

/** Marks an open deal won: won stage, probability 100, closed now. */
export function applyWon(deal: Deal, target: Stage, rank: number, ctx: RuleContext): RuleResult {
  if (deal.status === 'won') throw invalid('The deal is already won.', 'status');
  if (deal.status === 'lost') throw invalid('A lost deal must be restored before it can be won.', 'status');
  const next = touched(deal, ctx, {
    stageId: target.id,
    rank,
    status: 'won',
    probability: 100,
    probabilityBeforeClose: deal.probability,
    closedAt: ctx.now,
  });
  return {
    deal: next,
    event: event(ctx, next, 'won', { fromStageId: deal.stageId, probabilityBefore: deal.probability, probabilityAfter: 100 }),
  };
}

/** Marks an open deal lost: stage unchanged, probability 0, reason and note kept. */
export function applyLost(deal: Deal, input: LostInput, reasons: readonly LostReason[], ctx: RuleContext): RuleResult {
  if (deal.status === 'lost') throw invalid('The deal is already lost.', 'status');
  if (deal.status === 'won') throw invalid('A won deal cannot be marked lost; reopen it first.', 'status');
  const reasonId = input.reasonId ?? null;
  if (reasonId !== null) {
    const reason = reasons.find((r) => r.id === reasonId);
    if (!reason) throw invalid(`Unknown lost reason "${reasonId}".`, 'reasonId');
    if (reason.archived) throw invalid(`The lost reason "${reason.name}" is archived.`, 'reasonId');
  }
  const note = input.note ?? '';
  const next = touched(deal, ctx, {
    status: 'lost',
    probability: 0,
    probabilityBeforeClose: deal.probability,
    lostReasonId: reasonId,
    closingNote: note,
    closedAt: ctx.now,
  });
  return {
    deal: next,
    event: event(ctx, next, 'lost', {
      lostReasonId: reasonId,
      note,
      probabilityBefore: deal.probability,
      probabilityAfter: 0,
    }),
  };
}

/**
 * Reopens a lost deal in the same stage with the probability it had before it
 * was lost. The reason and note leave the deal but stay in history (the
 * restore entry repeats them). A won deal is reopened by moving it instead.
 */
export function applyRestore(deal: Deal, stages: readonly Stage[], ctx: RuleContext): RuleResult {
  if (deal.status === 'open') throw invalid('The deal is already open.', 'status');
  if (deal.status === 'won') throw invalid('A won deal is reopened by moving it to another stage.', 'status');
  const probability = deal.probabilityBeforeClose ?? stageById(stages, deal.stageId).probability;
  const next = touched(deal, ctx, {
    status: 'open',
    probability,
    probabilityBeforeClose: null,
    lostReasonId: null,
    closingNote: '',
    closedAt: null,
  });
  return {
    deal: next,
    event: event(ctx, next, 'restored', {
      lostReasonId: deal.lostReasonId,
      note: deal.closingNote,
      probabilityBefore: deal.probability,
      probabilityAfter: probability,
    }),
  };
}

/** Throws `conflict` carrying the current record when the versions differ. */
export function checkVersion(deal: Deal, expectedVersion: string | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== deal.version) {
    throw new DealAdapterError(
      'conflict',
      `The deal "${deal.title}" was changed elsewhere (version ${deal.version}, expected ${expectedVersion}).`,
      { current: deal },
    );
  }
}

// ---- ranks (manual order inside a column) ---------------------------------

export const RANK_STEP = 1024;

/**
 * The rank that puts a deal at `index` among `column` (the target column's
 * other deals, sorted by rank). Returns null when the neighbours are too close
 * for a number between them: the caller renumbers the column first.
 */
export function rankAt(column: readonly Pick<Deal, 'rank'>[], index: number): number | null {
  if (column.length === 0) return RANK_STEP;
  const at = Math.max(0, Math.min(index, column.length));
  if (at === 0) return column[0]!.rank - RANK_STEP;
  if (at === column.length) return column[column.length - 1]!.rank + RANK_STEP;
  const before = column[at - 1]!.rank;
  const after = column[at]!.rank;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : null;
}

/** Evenly spaced ranks for a column, in its current order. */
export function renumbered(column: readonly Deal[]): Map<string, number> {
  return new Map(column.map((deal, i) => [deal.id, (i + 1) * RANK_STEP]));
}

// ---- queries, sorting, cursors --------------------------------------------

/** The day (UTC) of an ISO instant, `YYYY-MM-DD`; instants with an offset are converted first. */
export const dayOf = (instant: string): string =>
  instant.endsWith('Z') ? instant.slice(0, 10) : new Date(instant).toISOString().slice(0, 10);

function inRange(day: string | null, range: { from?: string | null; to?: string | null } | undefined): boolean {
  if (!range || (!range.from && !range.to)) return true;
  if (!day) return false;
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

/** Lower-cased text a query's `text` is searched in. */
export const searchText = (deal: Pick<Deal, 'title' | 'company' | 'contact'>): string =>
  `${deal.title}\u0000${deal.company}\u0000${deal.contact}`.toLocaleLowerCase();

const has = <T>(list: readonly T[] | undefined, value: T): boolean => !list || list.length === 0 || list.includes(value);

/** Whether a deal matches a query. Absent or empty fields do not narrow. */
export function matchesQuery(deal: Deal, query: DealQuery = {}): boolean {
  if (!has(query.statuses, deal.status)) return false;
  if (!has(query.stageIds, deal.stageId)) return false;
  if (!has(query.owners, deal.owner)) return false;
  if (query.lostReasonIds && query.lostReasonIds.length > 0) {
    if (deal.lostReasonId === null || !query.lostReasonIds.includes(deal.lostReasonId)) return false;
  }
  if (!inRange(deal.expectedClose, query.closeDate)) return false;
  if (query.lostDate && (query.lostDate.from || query.lostDate.to)) {
    if (deal.status !== 'lost' || !deal.closedAt || !inRange(dayOf(deal.closedAt), query.lostDate)) return false;
  }
  const text = query.text?.trim().toLocaleLowerCase();
  if (text && !searchText(deal).includes(text)) return false;
  return true;
}

type SortValue = string | number | null;

export function sortValue(deal: Deal, field: DealSort['field']): SortValue {
  const value = deal[field];
  return field === 'title' ? (value as string).toLocaleLowerCase() : (value as SortValue);
}

/** Compares two sort keys; null sorts after every value in both directions, ties break on id. */
function compareKeys(a: SortValue, aId: string, b: SortValue, bId: string, direction: DealSort['direction']): number {
  let order: number;
  if (a === b) order = 0;
  else if (a === null) order = 1;
  else if (b === null) order = -1;
  else order = (a < b ? -1 : 1) * (direction === 'desc' ? -1 : 1);
  return order || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

/** A total order on deals for `sort` (ties broken by id, so paging is stable). */
export function dealComparator(sort: DealSort): (a: Deal, b: Deal) => number {
  return (a, b) => compareKeys(sortValue(a, sort.field), a.id, sortValue(b, sort.field), b.id, sort.direction);
}

interface CursorKey {
  f: DealSort['field'];
  d: DealSort['direction'];
  v: SortValue;
  id: string;
}

/** An opaque cursor: the sort key of the last item of a page. */
export function encodeCursor(deal: Deal, sort: DealSort): string {
  const key: CursorKey = { f: sort.field, d: sort.direction, v: sortValue(deal, sort.field), id: deal.id };
  return btoa(unescape(encodeURIComponent(JSON.stringify(key))));
}

export function decodeCursor(cursor: string, sort: DealSort): CursorKey {
  let key: CursorKey;
  try {
    key = JSON.parse(decodeURIComponent(escape(atob(cursor)))) as CursorKey;
  } catch {
    throw invalid('The page cursor is not valid.', 'cursor');
  }
  if (typeof key !== 'object' || key === null) throw invalid('The page cursor is not valid.', 'cursor');
  if (!(key.v === null || typeof key.v === 'string' || typeof key.v === 'number')) {
    throw invalid('The page cursor is not valid.', 'cursor');
  }
  if (key.f !== sort.field || key.d !== sort.direction || typeof key.id !== 'string') {
    throw invalid('The page cursor belongs to another sort order.', 'cursor');
  }
  return key;
}

/** Whether `deal` comes strictly after the cursor's key in `sort` order. */
export function isAfterCursor(deal: Deal, key: CursorKey, sort: DealSort): boolean {
  return compareKeys(sortValue(deal, sort.field), deal.id, key.v, key.id, sort.direction) > 0;
}
