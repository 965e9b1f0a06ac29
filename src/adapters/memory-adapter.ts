/**
 * A DealAdapter that keeps everything in memory: for tests, demos without
 * persistence, and as the reference implementation of the adapter contract.
 *
 * All domain semantics come from the pure rules in `model/rules.ts`; this file
 * only validates input, finds records, places ranks and stores the results.
 */
import * as z from 'zod/mini';
import {
  DataSet,
  Deal,
  DealPatch,
  DealQuery,
  DealSort,
  HistoryEvent,
  LostInput,
  LostReason,
  LostReasonPatch,
  MoveInput,
  NewDeal,
  PageRequest,
  Stage,
  StagePatch,
} from '../model/schemas.js';
import { defaultLostReasons, defaultStages } from '../model/defaults.js';
import {
  applyLost,
  applyMove,
  applyPatch,
  applyRestore,
  applyWon,
  checkVersion,
  createDealRecord,
  matchesQuery,
  rankAt,
  sortStages,
  stageById,
  wonStage,
  type RuleContext,
  type RuleResult,
} from '../model/rules.js';
import {
  DEFAULT_SORT,
  type AdapterCapabilities,
  type AdapterChange,
  type ChangeListener,
  type DealAdapter,
  type Page,
  type WriteOptions,
} from './adapter.js';
import { parseOrThrow } from './validate.js';
import {
  REMEMBERED_KEYS,
  byRank,
  checkConsistency,
  checkUniqueReasonName,
  chronological,
  currentInstant,
  definedFields,
  newSubscription,
  notFound,
  notifyListeners,
  pageOfMatches,
  parseId,
  parsePageArguments,
  parseReasonName,
  parseWriteOptions,
  positionIn,
  randomId,
  rememberedKey,
  renumberedPlacement,
  sameJson,
  type RenumberedPlacement,
} from './local-adapter-helpers.js';

/** Records to start from; every field is optional and validated. */
export interface MemoryData {
  /** Defaults to `defaultStages()`. */
  stages?: Stage[];
  /** Defaults to none. */
  deals?: Deal[];
  /** Defaults to `defaultLostReasons()`. */
  lostReasons?: LostReason[];
  /** Defaults to none. */
  history?: HistoryEvent[];
}

/** The clock and the id source, replaceable for deterministic tests and sample data. */
export interface MemoryAdapterOptions {
  /** The current instant as an ISO string. Default: `new Date().toISOString()`. */
  now?: () => string;
  /** A fresh unique id. Default: a random UUID. */
  newId?: () => string;
}

interface MemoryState {
  /** In column order. */
  stages: Stage[];
  /** In creation order. */
  lostReasons: LostReason[];
  deals: Map<string, Deal>;
  /** Per deal, oldest first. Kept when the deal is deleted. */
  history: Map<string, HistoryEvent[]>;
  now: () => string;
  newId: () => string;
  /** Listeners of every adapter on this state. */
  listeners: Set<ChangeListener>;
  /** Results of commands by idempotency key, oldest first. */
  remembered: Map<string, unknown>;
}

const InitialData = z.object({
  stages: z.optional(z.array(Stage)),
  deals: z.optional(z.array(Deal)),
  lostReasons: z.optional(z.array(LostReason)),
  history: z.optional(z.array(HistoryEvent)),
});

/**
 * The data behind one or more MemoryAdapters. Give the same database to
 * several adapters to get the equivalent of browser tabs on one storage: each
 * adapter's subscribers see the changes made through the others.
 */
export class MemoryDatabase {
  constructor(initial: MemoryData = {}, options: MemoryAdapterOptions = {}) {
    statesOf.set(this, createState(initial, options));
  }
}

/** Kept outside the class so a MemoryDatabase has no public surface but its constructor. */
const statesOf = new WeakMap<MemoryDatabase, MemoryState>();

/**
 * An in-memory DealAdapter.
 *
 * - New deals go on top of their column (rank below the smallest), as in Odoo,
 *   so a fresh deal is seen first.
 * - Won deals go last in the won column.
 * - Subscribers are called synchronously after each successful write; a
 *   listener that throws is reported on the console and does not affect the
 *   write or the other listeners.
 *
 * ```ts
 * const adapter = new MemoryAdapter();                 // default stages and reasons, no deals
 * const db = new MemoryDatabase();                     // shared by two adapters,
 * const tabA = new MemoryAdapter(db), tabB = new MemoryAdapter(db); // which then declare realtime
 * ```
 */
export class MemoryAdapter implements DealAdapter {
  /**
   * Text search is done here. `realtime` is declared only by adapters on a
   * shared {@link MemoryDatabase}, the one case where changes can come from
   * elsewhere; either way every change to the data reaches the subscribers.
   */
  readonly capabilities: AdapterCapabilities;

  readonly #state: MemoryState;
  /** This adapter's subscriptions, removed by `close()`. */
  readonly #ownListeners = new Set<ChangeListener>();

  /** An adapter on its own data, from `initial` (validated: a bad record throws a `validation` error). */
  constructor(initial?: MemoryData, options?: MemoryAdapterOptions);
  /** An adapter on a shared database. */
  constructor(database: MemoryDatabase);
  constructor(source: MemoryData | MemoryDatabase = {}, options: MemoryAdapterOptions = {}) {
    const shared = source instanceof MemoryDatabase;
    this.#state = shared ? statesOf.get(source)! : createState(source, options);
    this.capabilities = { aggregation: false, textSearch: true, realtime: shared };
  }

  // ---- stages ---------------------------------------------------------------

  async listStages(): Promise<Stage[]> {
    return this.#state.stages.map(clone);
  }

  async updateStage(id: string, patch: StagePatch): Promise<Stage> {
    const stageId = parseId(id, 'stage id');
    const changes = parseOrThrow(StagePatch, patch, 'stage patch');
    const index = this.#state.stages.findIndex((s) => s.id === stageId);
    const stage = this.#state.stages[index];
    if (!stage) throw notFound('stage', stageId);
    const next: Stage = { ...stage, ...definedFields(changes) };
    if (!sameJson(next, stage)) {
      this.#state.stages[index] = next;
      this.#emit({ type: 'stage', stage: next });
    }
    return clone(next);
  }

  // ---- lost reasons -----------------------------------------------------------

  async listLostReasons(): Promise<LostReason[]> {
    return this.#state.lostReasons.map(clone);
  }

  async createLostReason(name: string): Promise<LostReason> {
    const trimmed = parseReasonName(name);
    checkUniqueReasonName(this.#state.lostReasons, trimmed, null);
    const state = this.#state;
    const reason: LostReason = { id: state.newId(), name: trimmed, archived: false, createdAt: state.now() };
    state.lostReasons.push(reason);
    this.#emit({ type: 'lost-reason', reason });
    return clone(reason);
  }

  async updateLostReason(id: string, patch: LostReasonPatch): Promise<LostReason> {
    const reasonId = parseId(id, 'lost reason id');
    const changes = parseOrThrow(LostReasonPatch, patch, 'lost reason patch');
    const index = this.#state.lostReasons.findIndex((r) => r.id === reasonId);
    const reason = this.#state.lostReasons[index];
    if (!reason) throw notFound('lost reason', reasonId);
    if (changes.name !== undefined) checkUniqueReasonName(this.#state.lostReasons, changes.name, reasonId);
    const next: LostReason = { ...reason, ...definedFields(changes) };
    if (!sameJson(next, reason)) {
      this.#state.lostReasons[index] = next;
      this.#emit({ type: 'lost-reason', reason: next });
    }
    return clone(next);
  }

  // ---- deals: reading ---------------------------------------------------------

  async listDeals(query: DealQuery = {}, sort: DealSort = DEFAULT_SORT, page: PageRequest = {}): Promise<Page<Deal>> {
    const request = parsePageArguments(query, sort, page);
    const matching = [...this.#state.deals.values()].filter((deal) => matchesQuery(deal, request.where));
    const found = pageOfMatches(matching, request);
    return { ...found, items: found.items.map(clone) };
  }

  async getDeal(id: string): Promise<Deal> {
    return clone(this.#deal(id));
  }

  async history(id: string): Promise<HistoryEvent[]> {
    const dealId = parseId(id, 'deal id');
    const events = this.#state.history.get(dealId);
    // A deleted deal's history is kept, so it stays readable.
    if (!events && !this.#state.deals.has(dealId)) throw notFound('deal', dealId);
    return (events ?? []).map(clone);
  }

  // ---- deals: commands ----------------------------------------------------------

  async createDeal(input: NewDeal, options?: WriteOptions): Promise<Deal> {
    return this.#write('createDeal', options, () => {
      const data = parseOrThrow(NewDeal, input, 'new deal');
      const created = createDealRecord(data, this.#state.stages, 0, this.#context());
      const place = this.#placement(created.deal.stageId, 0, created.deal.id);
      return this.#commit({ deal: { ...created.deal, rank: place.rank }, event: created.event }, place.reranked);
    });
  }

  async updateDeal(id: string, patch: DealPatch, options?: WriteOptions): Promise<Deal> {
    return this.#write('updateDeal', options, (expectedVersion) => {
      const changes = parseOrThrow(DealPatch, patch, 'deal patch');
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      return this.#commit(applyPatch(deal, changes, this.#state.stages, this.#context()));
    });
  }

  async deleteDeal(id: string, options?: WriteOptions): Promise<void> {
    return this.#write('deleteDeal', options, (expectedVersion) => {
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      this.#state.deals.delete(deal.id);
      this.#emit({ type: 'deal-deleted', id: deal.id });
    });
  }

  async moveDeal(id: string, input: MoveInput, options?: WriteOptions): Promise<Deal> {
    return this.#write('moveDeal', options, (expectedVersion) => {
      const move = parseOrThrow(MoveInput, input, 'move');
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      const target = stageById(this.#state.stages, move.stageId);
      const column = this.#column(target.id, deal.id);
      const index = Math.min(move.index ?? column.length, column.length);
      if (target.id === deal.stageId && index === positionIn(column, deal)) return clone(deal);
      const place = this.#placement(target.id, index, deal.id, column);
      // The rule may refuse (a lost deal leaving its stage): nothing is stored before it agrees.
      const moved = applyMove(deal, target, place.rank, this.#state.stages, this.#context());
      return this.#commit(moved, place.reranked);
    });
  }

  async markWon(id: string, options?: WriteOptions): Promise<Deal> {
    return this.#write('markWon', options, (expectedVersion) => {
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      const target = wonStage(this.#state.stages);
      const place = this.#placement(target.id, Number.POSITIVE_INFINITY, deal.id);
      return this.#commit(applyWon(deal, target, place.rank, this.#context()), place.reranked);
    });
  }

  async markLost(id: string, input: LostInput, options?: WriteOptions): Promise<Deal> {
    return this.#write('markLost', options, (expectedVersion) => {
      const lost = parseOrThrow(LostInput, input, 'lost input');
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      return this.#commit(applyLost(deal, lost, this.#state.lostReasons, this.#context()));
    });
  }

  async restore(id: string, options?: WriteOptions): Promise<Deal> {
    return this.#write('restore', options, (expectedVersion) => {
      const deal = this.#deal(id);
      checkVersion(deal, expectedVersion);
      return this.#commit(applyRestore(deal, this.#state.stages, this.#context()));
    });
  }

  // ---- bulk load, subscriptions -------------------------------------------------

  /**
   * Loads whole records as they are (ids, versions and history kept). With
   * `replace`, everything is replaced; without, only a store with no deals is
   * filled, and otherwise nothing changes and it resolves false.
   */
  async importData(data: DataSet, options: { replace?: boolean } = {}): Promise<boolean> {
    const records = parseOrThrow(DataSet, data, 'data set');
    if (!options.replace && this.#state.deals.size > 0) return false;
    const loaded = loadRecords(records);
    Object.assign(this.#state, loaded);
    // Remembered results describe records that are gone.
    this.#state.remembered.clear();
    this.#emit({ type: 'reset' });
    return true;
  }

  subscribe(listener: ChangeListener): () => void {
    const subscription = newSubscription(listener);
    this.#state.listeners.add(subscription);
    this.#ownListeners.add(subscription);
    return () => {
      this.#state.listeners.delete(subscription);
      this.#ownListeners.delete(subscription);
    };
  }

  /** Removes this adapter's subscriptions; the data stays (other adapters may share it). */
  close(): void {
    for (const listener of this.#ownListeners) this.#state.listeners.delete(listener);
    this.#ownListeners.clear();
  }

  // ---- internals ------------------------------------------------------------------

  #context(): RuleContext {
    return { now: this.#state.now(), newId: this.#state.newId };
  }

  #deal(id: string): Deal {
    const dealId = parseId(id, 'deal id');
    const deal = this.#state.deals.get(dealId);
    if (!deal) throw notFound('deal', dealId);
    return deal;
  }

  /** A stage's deals (all statuses) in rank order, without `exceptId`. */
  #column(stageId: string, exceptId: string): Deal[] {
    const column: Deal[] = [];
    for (const deal of this.#state.deals.values()) {
      if (deal.stageId === stageId && deal.id !== exceptId) column.push(deal);
    }
    return column.sort(byRank);
  }

  /**
   * The rank that puts a deal at `index` of a stage's column, and the
   * column's other deals with new ranks when there was no room and the column
   * had to be renumbered first (not stored yet: the caller commits).
   */
  #placement(
    stageId: string,
    index: number,
    movingId: string,
    column: Deal[] = this.#column(stageId, movingId),
  ): RenumberedPlacement {
    const rank = rankAt(column, index);
    return rank === null ? renumberedPlacement(column, index) : { rank, reranked: [] };
  }

  /**
   * Stores the result of a rule (and the deals a column renumbering moved),
   * then tells the subscribers.
   */
  #commit(result: RuleResult, reranked: readonly Deal[] = []): Deal {
    const state = this.#state;
    for (const deal of reranked) state.deals.set(deal.id, deal);
    const unchanged = state.deals.get(result.deal.id) === result.deal;
    state.deals.set(result.deal.id, result.deal);
    if (result.event) appendHistory(state.history, result.event);
    for (const deal of reranked) this.#emit({ type: 'deal', deal });
    if (!unchanged) this.#emit({ type: 'deal', deal: result.deal });
    return clone(result.deal);
  }

  /**
   * Runs a write: checks its options, and with an idempotency key returns the
   * remembered result of an earlier run instead of applying it again. Only
   * successful runs are remembered, so a refused command can be retried.
   */
  async #write<T>(command: string, options: WriteOptions | undefined, run: (expectedVersion: string | undefined) => T): Promise<T> {
    const { expectedVersion, idempotencyKey } = parseWriteOptions(options);
    const remembered = this.#state.remembered;
    const key = rememberedKey(command, idempotencyKey);
    if (key !== null && remembered.has(key)) return clone(remembered.get(key) as T);
    const result = run(expectedVersion);
    if (key !== null) {
      remembered.set(key, clone(result));
      if (remembered.size > REMEMBERED_KEYS) remembered.delete(remembered.keys().next().value!);
    }
    return result;
  }

  #emit(change: AdapterChange): void {
    notifyListeners(this.#state.listeners, change);
  }
}

// ---- helpers ---------------------------------------------------------------------

function createState(initial: MemoryData, options: MemoryAdapterOptions): MemoryState {
  const data = parseOrThrow(InitialData, initial, 'initial data');
  const records = loadRecords({
    stages: data.stages ?? defaultStages(),
    lostReasons: data.lostReasons ?? defaultLostReasons(),
    deals: data.deals ?? [],
    history: data.history ?? [],
  });
  return {
    ...records,
    now: options.now ?? currentInstant,
    newId: options.newId ?? randomId,
    listeners: new Set(),
    remembered: new Map(),
  };
}

type Records = Pick<MemoryState, 'stages' | 'lostReasons' | 'deals' | 'history'>;

/** Checks that validated records fit together and indexes them. */
function loadRecords(data: DataSet): Records {
  checkConsistency(data);
  const deals = new Map(data.deals.map((deal) => [deal.id, deal]));
  const history = new Map<string, HistoryEvent[]>();
  for (const event of chronological(data.history)) appendHistory(history, event);
  return { stages: sortStages(data.stages), lostReasons: [...data.lostReasons], deals, history };
}

function appendHistory(history: Map<string, HistoryEvent[]>, event: HistoryEvent): void {
  const events = history.get(event.dealId);
  if (events) events.push(event);
  else history.set(event.dealId, [event]);
}

/** Callers get copies, so they cannot change the stored records by accident. */
function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
