import type { AdapterChange, DealAdapter } from '../adapters/adapter.js';
import { DealAdapterError, toDealAdapterError } from '../adapters/errors.js';
import type { Rates } from '../analytics/types.js';
import { DEFAULT_CURRENCY } from '../model/defaults.js';
import {
  applyLost,
  applyMove,
  applyPatch,
  applyRestore,
  applyWon,
  createDealRecord,
  matchesQuery,
  rankAt,
  RANK_STEP,
  sortStages,
  stageById,
  wonStage,
  type RuleContext,
} from '../model/rules.js';
import type {
  DataSet,
  Deal,
  DealPatch,
  HistoryEvent,
  LostInput,
  LostReason,
  LostReasonPatch,
  NewDeal,
  Stage,
  StagePatch,
} from '../model/schemas.js';
import { summarize, type DealSummary } from './summary.js';
import { defaultFilter, filtersEqual, normalizeFilter, type DealFilter } from './filter.js';
import { noChange, StoreChangeEvent, StoreErrorEvent, type StoreChange, type StoreCommand } from './events.js';

export type StoreStatus = 'loading' | 'ready' | 'error';

/** Something the user should know about the storage, shown by the elements. */
export type StoreNotice = 'memory-fallback';

/** An adapter that is being opened, and anything the user should know about it. */
export interface Connection {
  adapter: DealAdapter;
  notice?: StoreNotice | null;
}

export interface DealStoreOptions {
  /** The adapter, or a function that opens one (IndexedDB opens asynchronously). */
  adapter: DealAdapter | (() => Promise<Connection>);
  /** Display currency for totals (default USD). */
  currency?: string;
  /** Exchange rates into the display currency. */
  rates?: Rates;
  /** Locale override for the elements (default: the page's `lang`). */
  locale?: string | null;
  notice?: StoreNotice | null;
  filter?: DealFilter;
  /** Clock, for tests. */
  now?: () => string;
}

export interface CommandOptions {
  /**
   * Emit `deal-error` when the adapter refuses (default true). A caller that
   * shows the error itself (the lost dialog) turns it off.
   */
  reportErrors?: boolean;
  /**
   * The element whose user action runs the command. It fires the DOM
   * `deal-error` for a refusal; without one, the provider does.
   */
  origin?: EventTarget;
}

interface UndoEntry {
  command: StoreCommand;
  dealIds: string[];
  run: () => Promise<void>;
}

const PAGE_SIZE = 1000;

/** Column order of deals: rank, then id. */
const compareRank = (a: Deal, b: Deal): number => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Index of the first deal in `column` that does not sort before `deal`. */
function lowerBound(column: readonly Deal[], deal: Deal): number {
  let low = 0;
  let high = column.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareRank(column[mid]!, deal) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The state every element under one provider shares: stages, lost reasons,
 * the loaded deals and the shared filter. Commands apply at once
 * (optimistically), then call the adapter; when it refuses, exactly that
 * change is rolled back and a `deal-error` event says why.
 *
 * Events: `change` ({@link StoreChangeEvent}) after every change,
 * `deal-error` ({@link StoreErrorEvent}) when a command is refused.
 */
export class DealStore extends EventTarget {
  status: StoreStatus = 'loading';
  /** Why loading failed, when `status` is `error`. */
  error: DealAdapterError | null = null;
  notice: StoreNotice | null;
  currency: string;
  rates: Rates;
  locale: string | null;
  /** Stages in column order. */
  stages: readonly Stage[] = [];
  /** All lost reasons, archived ones included. */
  lostReasons: readonly LostReason[] = [];
  /** Resolves when the first load has finished (successfully or not). */
  readonly ready: Promise<void>;

  #filter: DealFilter;
  #deals = new Map<string, Deal>();
  /** Visible deals per stage, in rank order; null when it must be rebuilt. */
  #columns: Map<string, Deal[]> | null = null;
  #matching: Deal[] | null = null;
  #summaries = new WeakMap<readonly Deal[], DealSummary>();
  #undo: UndoEntry | null = null;
  #unsubscribe: (() => void) | null = null;
  #loading: Promise<void> | null = null;
  /** Deals changed by adapter events while a load is running: the load must not overwrite them. */
  #changedDuringLoad: Set<string> | null = null;
  #pendingId = 0;
  /** Deals shown while their creation is being saved. */
  #placeholders = new Set<Deal>();
  #now: () => string;
  #adapter: DealAdapter | null = null;
  #disposed = false;
  #open: () => Promise<DealAdapter>;
  #connecting: Promise<DealAdapter>;
  /** A reload was asked for while a load was running: run one more after it. */
  #reloadQueued = false;
  #connectFailed = false;

  constructor(options: DealStoreOptions) {
    super();
    this.currency = options.currency ?? DEFAULT_CURRENCY;
    this.rates = options.rates ?? {};
    this.locale = options.locale ?? null;
    this.notice = options.notice ?? null;
    this.#filter = normalizeFilter(options.filter ?? defaultFilter());
    this.#now = options.now ?? (() => new Date().toISOString());
    const open = options.adapter;
    this.#open =
      typeof open === 'function'
        ? () =>
            open().then((connection) => {
              if (connection.notice) this.notice = connection.notice;
              return this.#connected(connection.adapter);
            })
        : () => Promise.resolve(this.#connected(open));
    this.#connecting = this.#open();
    this.ready = this.load();
  }

  #connected(adapter: DealAdapter): DealAdapter {
    this.#adapter = adapter;
    if (this.#disposed) return adapter;
    this.#unsubscribe = adapter.subscribe((change) => this.#onAdapterChange(change));
    return adapter;
  }

  /** The adapter behind the store; throws `storage_unavailable` while it is still opening. */
  get adapter(): DealAdapter {
    if (!this.#adapter) throw new DealAdapterError('storage_unavailable', 'The storage is still opening.');
    return this.#adapter;
  }

  // ---- reading ---------------------------------------------------------------

  /** Every loaded deal by id, whatever the filter. */
  get deals(): ReadonlyMap<string, Deal> {
    return this.#deals;
  }

  get filter(): DealFilter {
    return this.#filter;
  }

  deal(id: string): Deal | undefined {
    return this.#deals.get(id);
  }

  stage(id: string): Stage | undefined {
    return this.stages.find((s) => s.id === id);
  }

  lostReason(id: string | null): LostReason | undefined {
    return id === null ? undefined : this.lostReasons.find((r) => r.id === id);
  }

  /** Reasons offered for new losses. */
  get activeLostReasons(): LostReason[] {
    return this.lostReasons.filter((r) => !r.archived);
  }

  /** The deals of a stage that the shared filter admits, in column order. The array is replaced, never mutated. */
  column(stageId: string): readonly Deal[] {
    return this.#visibleColumns().get(stageId) ?? [];
  }

  /** Every deal the shared filter admits, in stage then rank order. */
  matching(): readonly Deal[] {
    if (!this.#matching) {
      const columns = this.#visibleColumns();
      this.#matching = this.stages.flatMap((stage) => columns.get(stage.id) ?? []);
    }
    return this.#matching;
  }

  /** Count, amount and weighted amount of a list of deals in the display currency. */
  summary(deals: readonly Deal[]): DealSummary {
    let summary = this.#summaries.get(deals);
    if (!summary) {
      summary = summarize(deals, this.currency, this.rates);
      this.#summaries.set(deals, summary);
    }
    return summary;
  }

  /** The deal's history, oldest first. */
  history(id: string): Promise<HistoryEvent[]> {
    return this.adapter.history(id);
  }

  get canUndo(): boolean {
    return this.#undo !== null;
  }

  /** The command that `undo()` would revert, for labels. */
  get undoCommand(): StoreCommand | null {
    return this.#undo?.command ?? null;
  }

  // ---- filter and settings ---------------------------------------------------

  setFilter(filter: DealFilter): void {
    const next = normalizeFilter(filter);
    if (filtersEqual(next, this.#filter)) return;
    this.#filter = next;
    this.#columns = null;
    this.#matching = null;
    this.#emit({ filter: true });
  }

  /** Changes some fields of the filter; `undefined` removes a field. */
  updateFilter(changes: Partial<DealFilter>): void {
    const next: DealFilter = { ...this.#filter };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete next[key as keyof DealFilter];
      else (next as Record<string, unknown>)[key] = value;
    }
    this.setFilter(next);
  }

  resetFilter(): void {
    this.setFilter(defaultFilter());
  }

  setSettings(settings: { currency?: string; rates?: Rates; locale?: string | null }): void {
    if (settings.currency !== undefined) this.currency = settings.currency;
    if (settings.rates !== undefined) this.rates = settings.rates;
    if (settings.locale !== undefined) this.locale = settings.locale;
    this.#summaries = new WeakMap();
    this.#emit({ settings: true });
  }

  // ---- loading -----------------------------------------------------------------

  /** (Re)loads stages, reasons and every deal from the adapter. */
  load(): Promise<void> {
    if (this.#loading) {
      // What changed may already have been read by the running load: read again after it.
      this.#reloadQueued = true;
      return this.#loading;
    }
    this.#loading = this.#load().finally(() => {
      this.#loading = null;
      if (this.#reloadQueued) {
        this.#reloadQueued = false;
        void this.load();
      }
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    this.#emit({ state: true });
    this.#changedDuringLoad = new Set();
    try {
      // A connection that failed (server down, storage blocked) is tried again on every load.
      if (this.#connectFailed) {
        this.#connectFailed = false;
        this.#connecting = this.#open();
      }
      await this.#connecting.catch((error: unknown) => {
        this.#connectFailed = true;
        throw error;
      });
      const [stages, reasons] = await Promise.all([this.adapter.listStages(), this.adapter.listLostReasons()]);
      const deals = new Map<string, Deal>();
      let cursor: string | null = null;
      do {
        const page = await this.adapter.listDeals({}, { field: 'rank', direction: 'asc' }, { cursor, limit: PAGE_SIZE });
        for (const deal of page.items) deals.set(deal.id, deal);
        cursor = page.nextCursor;
      } while (cursor);
      for (const id of this.#changedDuringLoad) {
        const current = this.#deals.get(id);
        if (current) deals.set(id, current);
        else deals.delete(id);
      }
      this.stages = sortStages(stages);
      this.lostReasons = reasons;
      this.#deals = deals;
      this.status = 'ready';
      this.error = null;
    } catch (error) {
      this.status = 'error';
      this.error = toDealAdapterError(error);
      this.dispatchEvent(new StoreErrorEvent(this.error, 'load', null, () => this.load()));
    } finally {
      this.#changedDuringLoad = null;
    }
    this.#columns = null;
    this.#matching = null;
    this.#emit({ reloaded: true, stages: true, reasons: true, state: true });
  }

  /** Replaces or fills the stored data (demo data, reset), then reloads. */
  async importData(data: DataSet, options: { replace?: boolean } = {}): Promise<boolean> {
    if (!this.adapter.importData) {
      throw new DealAdapterError('unsupported', 'This adapter cannot import data.');
    }
    const imported = await this.adapter.importData(data, options);
    if (imported) {
      this.#undo = null;
      await this.load();
    }
    return imported;
  }

  /** Stops following the adapter, and closes it when the store opened it. */
  dispose(options: { closeAdapter?: boolean } = {}): void {
    this.#disposed = true;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (options.closeAdapter) {
      void this.#connecting.then((adapter) => adapter.close?.()).catch(() => undefined);
    }
  }

  // ---- commands ----------------------------------------------------------------

  /** Creates a deal; it shows at once at the top of its column. */
  async createDeal(input: NewDeal, options: CommandOptions = {}): Promise<Deal> {
    const stageId = input.stageId ?? sortStages(this.stages).find((s) => !s.won)?.id;
    const rank = stageId ? this.#topRank(stageId) : RANK_STEP;
    let placeholder: Deal;
    try {
      placeholder = createDealRecord(input, this.stages, rank, this.#context(`pending-${++this.#pendingId}`)).deal;
    } catch (error) {
      throw this.#refused(error, 'createDeal', null, () => this.createDeal(input, options), options);
    }
    this.#put(placeholder);
    this.#placeholders.add(placeholder);
    try {
      const saved = await this.adapter.createDeal(input);
      this.#placeholders.delete(placeholder);
      this.#remove(placeholder.id);
      this.#put(saved);
      this.#setUndo('createDeal', [saved.id], async () => {
        const current = this.#deals.get(saved.id);
        await this.adapter.deleteDeal(saved.id, { expectedVersion: current?.version ?? saved.version });
        this.#remove(saved.id);
      });
      return saved;
    } catch (error) {
      this.#placeholders.delete(placeholder);
      this.#remove(placeholder.id);
      throw this.#refused(error, 'createDeal', null, () => this.createDeal(input, options), options);
    }
  }

  async updateDeal(id: string, patch: DealPatch, options: CommandOptions = {}): Promise<Deal> {
    const before = this.#require(id);
    return this.#write(
      'updateDeal',
      id,
      () => applyPatch(before, patch, this.stages, this.#context()).deal,
      () => this.adapter.updateDeal(id, patch, { expectedVersion: before.version }),
      () => this.updateDeal(id, patch, options),
      options,
      (saved) => {
        const revert: DealPatch = {};
        for (const key of Object.keys(patch) as (keyof DealPatch)[]) {
          if (key === 'probabilityManual') continue;
          (revert as Record<string, unknown>)[key] = before[key];
        }
        if ('probability' in patch || 'probabilityManual' in patch) revert.probabilityManual = before.probabilityManual;
        return () => this.adapter.updateDeal(id, revert, { expectedVersion: saved.version });
      },
    );
  }

  /**
   * Moves a deal to `stageId` at `index`, counted among the deals the shared
   * filter shows in that column (what the user sees), without the moved deal.
   */
  async moveDeal(id: string, target: { stageId: string; index?: number }, options: CommandOptions = {}): Promise<Deal> {
    const before = this.#require(id);
    const { index, rank } = this.#placement(id, target.stageId, target.index);
    return this.#write(
      'moveDeal',
      id,
      () => applyMove(before, stageById(this.stages, target.stageId), rank, this.stages, this.#context()).deal,
      () => this.adapter.moveDeal(id, { stageId: target.stageId, index }, { expectedVersion: before.version }),
      () => this.moveDeal(id, target, options),
      options,
      (saved) => this.#revertMove(before, saved),
    );
  }

  async markWon(id: string, options: CommandOptions = {}): Promise<Deal> {
    const before = this.#require(id);
    return this.#write(
      'markWon',
      id,
      () => {
        const stage = wonStage(this.stages);
        return applyWon(before, stage, this.#slot(id, stage.id, null).rank, this.#context()).deal;
      },
      () => this.adapter.markWon(id, { expectedVersion: before.version }),
      () => this.markWon(id, options),
      options,
      (saved) => this.#revertMove(before, saved),
    );
  }

  /**
   * Marks one or several deals lost with the same reason and note. Deals
   * already lost are left as they are. With several deals, each is saved on
   * its own; the promise rejects with the first refusal after all were tried.
   */
  async markLost(ids: string | readonly string[], input: LostInput, options: CommandOptions = {}): Promise<Deal[]> {
    const list = (typeof ids === 'string' ? [ids] : [...ids]).filter((id) => this.#require(id).status !== 'lost');
    return this.#each('markLost', list, options, (failed) => this.markLost(failed, input, options), (id) => {
      const before = this.#require(id);
      return this.#write(
        'markLost',
        id,
        () => applyLost(before, input, this.lostReasons, this.#context()).deal,
        () => this.adapter.markLost(id, input, { expectedVersion: before.version }),
        () => this.markLost(id, input, options),
        { ...options, reportErrors: false },
        (saved) => () => this.adapter.restore(id, { expectedVersion: saved.version }),
      );
    });
  }

  /** Restores one or several lost deals to open, each in its stage with its earlier probability. */
  async restore(ids: string | readonly string[], options: CommandOptions = {}): Promise<Deal[]> {
    const list = (typeof ids === 'string' ? [ids] : [...ids]).filter((id) => this.#require(id).status === 'lost');
    return this.#each('restore', list, options, (failed) => this.restore(failed, options), (id) => {
      const before = this.#require(id);
      return this.#write(
        'restore',
        id,
        () => applyRestore(before, this.stages, this.#context()).deal,
        () => this.adapter.restore(id, { expectedVersion: before.version }),
        () => this.restore(id, options),
        { ...options, reportErrors: false },
        (saved) => () =>
          this.adapter.markLost(id, { reasonId: before.lostReasonId, note: before.closingNote }, { expectedVersion: saved.version }),
      );
    });
  }

  /**
   * Returns the active or archived reason with this name (trimmed,
   * case-insensitive), or creates it. An archived match is unarchived.
   */
  async ensureLostReason(name: string, options: CommandOptions = {}): Promise<LostReason> {
    const wanted = name.trim().toLocaleLowerCase();
    const existing = this.lostReasons.find((r) => r.name.trim().toLocaleLowerCase() === wanted);
    if (existing && !existing.archived) return existing;
    if (existing) return this.updateLostReason(existing.id, { archived: false }, options);
    try {
      const reason = await this.adapter.createLostReason(name);
      this.#putReason(reason);
      this.#setUndo('createLostReason', [], async () => {
        this.#putReason(await this.adapter.updateLostReason(reason.id, { archived: true }));
      });
      return reason;
    } catch (error) {
      throw this.#refused(error, 'createLostReason', null, () => this.ensureLostReason(name, options), options);
    }
  }

  /** Renames or (un)archives a reason; shows at once, rolls back if refused. */
  async updateLostReason(id: string, patch: LostReasonPatch, options: CommandOptions = {}): Promise<LostReason> {
    const before = this.lostReasons.find((r) => r.id === id);
    if (!before) throw new DealAdapterError('not_found', `No lost reason "${id}".`);
    this.#putReason({ ...before, ...patch, name: patch.name?.trim() ?? before.name });
    try {
      const saved = await this.adapter.updateLostReason(id, patch);
      this.#putReason(saved);
      this.#setUndo('updateLostReason', [], async () => {
        this.#putReason(await this.adapter.updateLostReason(id, { name: before.name, archived: before.archived }));
      });
      return saved;
    } catch (error) {
      this.#putReason(before);
      throw this.#refused(error, 'updateLostReason', null, () => this.updateLostReason(id, patch, options), options);
    }
  }

  /** Folds, renames or changes the default probability of a stage. */
  async updateStage(id: string, patch: StagePatch, options: CommandOptions = {}): Promise<Stage> {
    const before = this.stage(id);
    if (!before) throw new DealAdapterError('not_found', `No stage "${id}".`);
    this.#putStage({ ...before, ...patch });
    try {
      const saved = await this.adapter.updateStage(id, patch);
      this.#putStage(saved);
      return saved;
    } catch (error) {
      this.#putStage(before);
      throw this.#refused(error, 'updateStage', null, () => this.updateStage(id, patch, options), options);
    }
  }

  /** Reverts the last command (once). Resolves false when there is nothing to undo. */
  async undo(): Promise<boolean> {
    const entry = this.#undo;
    if (!entry) return false;
    this.#undo = null;
    this.#emit({ state: true });
    try {
      await entry.run();
      return true;
    } catch (error) {
      throw this.#refused(error, 'undo', entry.dealIds[0] ?? null, null, {});
    }
  }

  // ---- internals ----------------------------------------------------------------

  #context(id = 'pending'): RuleContext {
    return { now: this.#now(), newId: () => id };
  }

  #require(id: string): Deal {
    const deal = this.#deals.get(id);
    if (!deal) throw new DealAdapterError('not_found', `No deal "${id}" in the store.`);
    return deal;
  }

  /**
   * One optimistic write of one deal: show `predict()` at once, save with
   * `save()`, keep the saved record, or put the deal back as it was.
   */
  async #write(
    command: StoreCommand,
    id: string,
    predict: () => Deal,
    save: () => Promise<Deal>,
    retry: () => Promise<unknown>,
    options: CommandOptions,
    inverse: (saved: Deal) => () => Promise<unknown>,
  ): Promise<Deal> {
    const before = this.#require(id);
    let optimistic: Deal;
    try {
      optimistic = predict();
    } catch (error) {
      throw this.#refused(error, command, id, retry, options);
    }
    this.#put(optimistic);
    try {
      const saved = await save();
      this.#put(saved);
      const revert = inverse(saved);
      this.#setUndo(command, [id], async () => {
        await revert();
      });
      return saved;
    } catch (error) {
      // Roll back only if nothing newer (an adapter event) replaced our change.
      if (this.#deals.get(id) === optimistic) this.#put(before);
      const refused = toDealAdapterError(error);
      if (refused.code === 'conflict' && refused.current) this.#put(refused.current);
      throw this.#refused(refused, command, id, retry, options);
    }
  }

  /**
   * Runs a per-deal command over several deals; one undo entry reverts them
   * all. A refusal is reported once, with a retry that runs the command
   * again for the deals that failed, and only those.
   */
  async #each(
    command: StoreCommand,
    ids: string[],
    options: CommandOptions,
    rerun: (failed: string[]) => Promise<unknown>,
    one: (id: string) => Promise<Deal>,
  ): Promise<Deal[]> {
    const undos: UndoEntry[] = [];
    const saved: Deal[] = [];
    let firstError: DealAdapterError | null = null;
    const failed: string[] = [];
    for (const id of ids) {
      try {
        saved.push(await one(id));
        if (this.#undo) undos.push(this.#undo);
      } catch (error) {
        firstError ??= toDealAdapterError(error);
        failed.push(id);
      }
    }
    if (undos.length > 0) {
      this.#setUndo(command, saved.map((d) => d.id), async () => {
        for (const entry of undos) await entry.run();
      });
    }
    if (firstError) {
      const firstRun = undos.length > 0 ? this.#undo : null;
      throw this.#refused(firstError, command, failed[0] ?? null, () => this.#retryFailed(firstRun, failed, rerun), options);
    }
    return saved;
  }

  /**
   * Runs a bulk command again for the deals that failed, skipping any that
   * were deleted meanwhile. If nothing else ran since the first attempt, one
   * undo then reverts both attempts, as if the command had succeeded at once.
   */
  async #retryFailed(
    firstRun: UndoEntry | null,
    failed: readonly string[],
    rerun: (failed: string[]) => Promise<unknown>,
  ): Promise<unknown> {
    const stillLast = firstRun !== null && this.#undo === firstRun;
    try {
      return await rerun(failed.filter((id) => this.#deals.has(id)));
    } finally {
      const retried = this.#undo;
      if (stillLast && retried && retried !== firstRun) {
        this.#setUndo(retried.command, [...firstRun.dealIds, ...retried.dealIds], async () => {
          await retried.run();
          await firstRun.run();
        });
      }
    }
  }

  #revertMove(before: Deal, saved: Deal): () => Promise<unknown> {
    return async () => {
      let current = saved;
      if (current.stageId !== before.stageId || current.rank !== before.rank) {
        const { index } = this.#slot(before.id, before.stageId, before);
        current = await this.adapter.moveDeal(before.id, { stageId: before.stageId, index }, { expectedVersion: current.version });
      }
      if (current.probability !== before.probability || current.probabilityManual !== before.probabilityManual) {
        current = await this.adapter.updateDeal(
          before.id,
          { probability: before.probability, probabilityManual: before.probabilityManual },
          { expectedVersion: current.version },
        );
      }
      this.#put(current);
    };
  }

  /** A rank above every deal of the stage: new deals show on top, as the adapters place them. */
  #topRank(stageId: string): number {
    let top: number | null = null;
    for (const deal of this.#deals.values()) {
      if (deal.stageId === stageId && (top === null || deal.rank < top)) top = deal.rank;
    }
    return top === null ? RANK_STEP : top - RANK_STEP;
  }

  /**
   * Where a deal lands in a stage's whole column (any status, filter
   * ignored, without the deal itself) when placed just before `next`, or at
   * the end when `next` is null: the adapter's index, and the rank to show
   * meanwhile. One pass over the deals, no sorting: moves stay cheap at
   * tens of thousands of deals.
   */
  #slot(id: string, stageId: string, next: Deal | null): { index: number; rank: number } {
    let index = 0;
    let below: Deal | null = null;
    for (const deal of this.#deals.values()) {
      if (deal.stageId !== stageId || deal.id === id) continue;
      if (next && compareRank(deal, next) >= 0) continue;
      index += 1;
      if (!below || compareRank(deal, below) > 0) below = deal;
    }
    const neighbours = [below, next].filter((deal): deal is Deal => deal !== null);
    const rank = rankAt(neighbours, below ? 1 : 0) ?? below!.rank;
    return { index, rank };
  }

  /**
   * Translates a position among the visible deals of a column into the
   * adapter's position among all its deals, and the rank to show meanwhile.
   */
  #placement(id: string, stageId: string, visibleIndex: number | undefined): { index: number; rank: number } {
    const visible = this.column(stageId).filter((d) => d.id !== id);
    const at = Math.max(0, Math.min(visibleIndex ?? visible.length, visible.length));
    const next = visible[at];
    if (next) return this.#slot(id, stageId, next);
    // After the last visible deal: before the first hidden deal that follows it, if any.
    const last = visible[visible.length - 1];
    let following: Deal | null = null;
    if (last) {
      for (const deal of this.#deals.values()) {
        if (deal.stageId !== stageId || deal.id === id || compareRank(deal, last) <= 0) continue;
        if (!following || compareRank(deal, following) < 0) following = deal;
      }
    }
    return this.#slot(id, stageId, following);
  }

  #refused(
    error: unknown,
    command: StoreCommand,
    dealId: string | null,
    retry: (() => Promise<unknown>) | null,
    options: CommandOptions,
  ): DealAdapterError {
    const refused = toDealAdapterError(error);
    if (options.reportErrors !== false) {
      this.dispatchEvent(new StoreErrorEvent(refused, command, dealId, retry, options.origin ?? null));
    }
    return refused;
  }

  #setUndo(command: StoreCommand, dealIds: string[], run: () => Promise<void>): void {
    this.#undo = { command, dealIds, run };
    this.#emit({ state: true });
  }

  #onAdapterChange(change: AdapterChange): void {
    switch (change.type) {
      case 'deal':
        this.#changedDuringLoad?.add(change.deal.id);
        if (!this.#deals.has(change.deal.id)) this.#dropPlaceholderFor(change.deal);
        this.#put(change.deal);
        break;
      case 'deal-deleted':
        this.#changedDuringLoad?.add(change.id);
        this.#remove(change.id);
        break;
      case 'stage':
        this.#putStage(change.stage);
        break;
      case 'lost-reason':
        this.#putReason(change.reason);
        break;
      case 'reset':
        this.#undo = null;
        void this.load();
        break;
    }
  }

  /**
   * The adapter may report a created deal before `createDeal` resolves: then
   * the placeholder shown meanwhile goes, so the deal never shows twice.
   */
  #dropPlaceholderFor(created: Deal): void {
    for (const placeholder of this.#placeholders) {
      if (placeholder.title === created.title && placeholder.stageId === created.stageId) {
        this.#placeholders.delete(placeholder);
        this.#remove(placeholder.id);
        return;
      }
    }
  }

  #put(deal: Deal): void {
    const previous = this.#deals.get(deal.id);
    if (previous === deal) return;
    this.#deals.set(deal.id, deal);
    this.#updateColumns(previous, deal);
    this.#emit({ deals: new Set([deal.id]) });
  }

  #remove(id: string): void {
    const previous = this.#deals.get(id);
    if (!previous) return;
    this.#deals.delete(id);
    this.#updateColumns(previous, undefined);
    this.#emit({ deals: new Set([id]) });
  }

  #putStage(stage: Stage): void {
    this.stages = sortStages([...this.stages.filter((s) => s.id !== stage.id), stage]);
    this.#matching = null;
    this.#emit({ stages: true });
  }

  #putReason(reason: LostReason): void {
    const index = this.lostReasons.findIndex((r) => r.id === reason.id);
    this.lostReasons =
      index < 0 ? [...this.lostReasons, reason] : this.lostReasons.map((r, i) => (i === index ? reason : r));
    this.#emit({ reasons: true });
  }

  #visibleColumns(): Map<string, Deal[]> {
    if (!this.#columns) {
      const columns = new Map<string, Deal[]>();
      for (const stage of this.stages) columns.set(stage.id, []);
      for (const deal of this.#deals.values()) {
        if (!matchesQuery(deal, this.#filter)) continue;
        let column = columns.get(deal.stageId);
        if (!column) columns.set(deal.stageId, (column = []));
        column.push(deal);
      }
      for (const column of columns.values()) column.sort(compareRank);
      this.#columns = columns;
    }
    return this.#columns;
  }

  /**
   * Keeps the visible columns current after one deal changed, touching only
   * the columns it left and entered; those arrays are replaced, not mutated,
   * so renderers can compare them by identity.
   */
  #updateColumns(previous: Deal | undefined, next: Deal | undefined): void {
    this.#matching = null;
    const columns = this.#columns;
    if (!columns) return;
    if (previous && matchesQuery(previous, this.#filter)) {
      const column = columns.get(previous.stageId);
      if (column) {
        const at = lowerBound(column, previous);
        if (column[at]?.id === previous.id) {
          const copy = column.slice();
          copy.splice(at, 1);
          columns.set(previous.stageId, copy);
        }
      }
    }
    if (next && matchesQuery(next, this.#filter)) {
      const column = columns.get(next.stageId) ?? [];
      const copy = column.slice();
      copy.splice(lowerBound(column, next), 0, next);
      columns.set(next.stageId, copy);
    }
  }

  #emit(parts: Partial<StoreChange>): void {
    this.dispatchEvent(new StoreChangeEvent({ ...noChange(), ...parts }));
  }
}
