/**
 * A DealAdapter on the browser's IndexedDB, through the `idb` library: the
 * default storage of the kit, persistent, shared by the tabs of one origin.
 *
 * All domain semantics come from the pure rules in `model/rules.ts` and match
 * the MemoryAdapter; this file stores their results, one readwrite transaction
 * per command, and tells the subscribers of this and every other tab.
 */
import * as z from 'zod/mini';
import type { IDBPIndex, IDBPObjectStore } from 'idb';
import {
  DataSet,
  Deal,
  DealPatch,
  DealQuery,
  DealSort,
  HistoryEvent,
  Id,
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
  encodeCursor,
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
import { DealAdapterError } from './errors.js';
import { fieldErrorsOf, parseOrThrow } from './validate.js';
import {
  DEFAULT_DATABASE_NAME,
  NULLABLE_SORT_FIELDS,
  SCHEMA_VERSION,
  SORT_INDEXES,
  fastDeal,
  isRecord,
  reasonRow,
  type DealkitSchema,
  type IndexedSortField,
  type Seed,
  type SortIndexName,
  type StoreName,
} from './indexeddb-schema.js';
import { failed, openDatabase, storageError, type Database, type Transaction } from './indexeddb-connection.js';
import {
  REMEMBERED_KEYS,
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
  type CursorKey,
  type PageArguments,
  type RenumberedPlacement,
} from './local-adapter-helpers.js';

export { DEFAULT_DATABASE_NAME, SCHEMA_VERSION } from './indexeddb-schema.js';

/** Options of {@link IndexedDbAdapter.open}. */
export interface IndexedDbAdapterOptions {
  /**
   * The database name (default `dealkit`). Adapters on the same name share
   * their data and see each other's changes, in one tab or several.
   */
  name?: string;
  /** The pipeline of a new database (default `defaultStages()`); ignored when the database exists. */
  stages?: Stage[];
  /** The lost reasons of a new database (default `defaultLostReasons()`); ignored when it exists. */
  lostReasons?: LostReason[];
  /** The current instant as an ISO string. Default: `new Date().toISOString()`. */
  now?: () => string;
  /** A fresh unique id for deals, reasons and history. Default: a random UUID. */
  newId?: () => string;
  /**
   * Called when another tab keeps an older version of the database open, so
   * this one cannot upgrade it. `open` then rejects with `storage_unavailable`
   * and the same message, rather than wait.
   */
  onBlocked?: (message: string) => void;
  /**
   * Called when this adapter lost its connection: another tab upgraded or
   * deleted the database, or the browser closed it. Every later call rejects
   * with `storage_unavailable`; the page should ask the user to reload.
   */
  onVersionChange?: (message: string) => void;
  /** Called once for each stored row that failed validation and is skipped. */
  onCorruptRow?: (row: CorruptRow) => void;
}

/** A stored row that failed validation. It is skipped: never shown, never counted. */
export interface CorruptRow {
  /** The object store it is in. */
  store: 'deals' | 'stages' | 'reasons' | 'history' | 'meta';
  /** The row's key, as text. */
  key: string;
  /** What is wrong, for a developer. */
  message: string;
  fieldErrors: Record<string, string>;
}

/** The `meta` row holding the remembered results of idempotent commands. */
const IDEMPOTENCY_RECORD = 'idempotency';

const OpenOptions = z.object({ name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))) });

const RememberedResults = z.object({
  key: z.literal(IDEMPOTENCY_RECORD),
  // Results are validated when used, not on every read of the list.
  entries: z.array(z.object({ key: z.string(), result: z.unknown() })),
});
type RememberedResults = z.infer<typeof RememberedResults>;

const ChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deal'), deal: Deal }),
  z.object({ type: z.literal('deal-deleted'), id: Id }),
  z.object({ type: z.literal('stage'), stage: Stage }),
  z.object({ type: z.literal('lost-reason'), reason: LostReason }),
  z.object({ type: z.literal('reset') }),
]);
const CHANNEL_SOURCE = 'dealkit-indexeddb';
const ChannelMessage = z.object({
  source: z.literal(CHANNEL_SOURCE),
  schemaVersion: z.number(),
  changes: z.array(z.unknown()),
});

type DealStore<Mode extends IDBTransactionMode> = IDBPObjectStore<DealkitSchema, StoreName[], 'deals', Mode>;
type SortIndex = IDBPIndex<DealkitSchema, StoreName[], 'deals', SortIndexName, 'readonly'>;

/**
 * Takes rows in page order: validates each, keeps the matching deals, and
 * says whether it wants more (false once the page, plus one to tell whether
 * another follows, is full).
 */
type Take = (rows: readonly unknown[]) => boolean;

/** What a command's body hands back: its result and the changes to announce. */
interface Outcome<T> {
  value: T;
  changes: AdapterChange[];
}

/**
 * A DealAdapter on IndexedDB.
 *
 * - Each command runs in one readwrite transaction over the stores it touches
 *   and resolves only after that transaction committed; a refused or failed
 *   command writes nothing.
 * - Subscribers of this adapter are called synchronously after the commit;
 *   other adapters on the same database, in this tab or others, hear about it
 *   through a `BroadcastChannel` named after the database.
 * - Rows are validated when read; a damaged row is reported once (see
 *   {@link IndexedDbAdapter.corruptRows}) and skipped.
 * - Placement follows the MemoryAdapter: new deals go on top of their column,
 *   won deals last in the won column.
 *
 * ```ts
 * if (!IndexedDbAdapter.isAvailable()) useMemoryInstead();
 * const adapter = await IndexedDbAdapter.open({ name: 'crm', onVersionChange: askToReload });
 * ```
 */
export class IndexedDbAdapter implements DealAdapter {
  /** Text search is done here; `realtime` whenever the browser has `BroadcastChannel`. */
  readonly capabilities: AdapterCapabilities;
  /** The database name. */
  readonly name: string;

  #db: Database | null;
  /** Why the connection is gone, once it is. */
  #lostBecause: string | null = null;
  readonly #channel: BroadcastChannel | null;
  readonly #listeners = new Set<ChangeListener>();
  readonly #corrupt = new Map<string, CorruptRow>();
  /** The sort indexes checked (or being checked) for deals missing from them. */
  readonly #checkedIndexes = new Set<SortIndexName>();
  readonly #now: () => string;
  readonly #newId: () => string;
  readonly #onVersionChange: ((message: string) => void) | undefined;
  readonly #onCorruptRow: ((row: CorruptRow) => void) | undefined;

  /** Whether this browser context has IndexedDB at all (it may still refuse to open it). */
  static isAvailable(): boolean {
    try {
      return typeof indexedDB !== 'undefined' && indexedDB !== null;
    } catch {
      // Some sandboxed contexts throw on the mere access.
      return false;
    }
  }

  /**
   * Opens (creating or upgrading as needed) the database. Rejects with a
   * `storage_unavailable` DealAdapterError when IndexedDB is missing or
   * refused, when another tab blocks the upgrade, or when the database was
   * written by a newer version; with `validation` for bad options.
   */
  static async open(options: IndexedDbAdapterOptions = {}): Promise<IndexedDbAdapter> {
    const name = parseOrThrow(OpenOptions, { name: options.name }, 'open options').name ?? DEFAULT_DATABASE_NAME;
    const seed = checkedSeed(options);
    if (!IndexedDbAdapter.isAvailable()) {
      throw new DealAdapterError('storage_unavailable', 'IndexedDB is not available in this browser or context.');
    }
    let adapter: IndexedDbAdapter | null = null;
    const db = await openDatabase(name, seed, {
      onBlocked: options.onBlocked,
      onLost: (message) => {
        if (adapter) adapter.#lose(message);
      },
    });
    adapter = new IndexedDbAdapter(db, name, options);
    return adapter;
  }

  private constructor(db: Database, name: string, options: IndexedDbAdapterOptions) {
    this.#db = db;
    this.name = name;
    this.#now = options.now ?? currentInstant;
    this.#newId = options.newId ?? randomId;
    this.#onVersionChange = options.onVersionChange;
    this.#onCorruptRow = options.onCorruptRow;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName(name)) : null;
    this.#channel?.addEventListener('message', this.#receive);
    this.capabilities = { aggregation: false, textSearch: true, realtime: this.#channel !== null };
  }

  /** The damaged rows met so far (each reported once), newest last. */
  get corruptRows(): CorruptRow[] {
    return [...this.#corrupt.values()].map((row) => ({ ...row }));
  }

  // ---- stages ---------------------------------------------------------------

  async listStages(): Promise<Stage[]> {
    return this.#read(['stages'], (tx) => this.#stages(tx));
  }

  async updateStage(id: string, patch: StagePatch): Promise<Stage> {
    const stageId = parseId(id, 'stage id');
    const changes = parseOrThrow(StagePatch, patch, 'stage patch');
    return this.#write('updateStage', undefined, ['stages'], async (tx) => {
      const stage = (await this.#stages(tx)).find((s) => s.id === stageId);
      if (!stage) throw notFound('stage', stageId);
      const next: Stage = { ...stage, ...definedFields(changes) };
      if (sameJson(next, stage)) return { value: next, changes: [] };
      await tx.objectStore('stages').put(next);
      return { value: next, changes: [{ type: 'stage', stage: next }] };
    });
  }

  // ---- lost reasons -----------------------------------------------------------

  async listLostReasons(): Promise<LostReason[]> {
    return this.#read(['reasons'], async (tx) => (await this.#reasons(tx)).map(({ reason }) => reason));
  }

  async createLostReason(name: string): Promise<LostReason> {
    const trimmed = parseReasonName(name);
    return this.#write('createLostReason', undefined, ['reasons'], async (tx, ctx) => {
      const reasons = await this.#reasons(tx);
      checkUniqueReasonName(reasons.map(({ reason }) => reason), trimmed, null);
      const reason: LostReason = { id: ctx.newId(), name: trimmed, archived: false, createdAt: ctx.now };
      const position = reasons.reduce((last, r) => Math.max(last, r.position), -1) + 1;
      await tx.objectStore('reasons').put(reasonRow(reason, position));
      return { value: reason, changes: [{ type: 'lost-reason', reason }] };
    });
  }

  async updateLostReason(id: string, patch: LostReasonPatch): Promise<LostReason> {
    const reasonId = parseId(id, 'lost reason id');
    const changes = parseOrThrow(LostReasonPatch, patch, 'lost reason patch');
    return this.#write('updateLostReason', undefined, ['reasons'], async (tx) => {
      const reasons = await this.#reasons(tx);
      const found = reasons.find(({ reason }) => reason.id === reasonId);
      if (!found) throw notFound('lost reason', reasonId);
      if (changes.name !== undefined) checkUniqueReasonName(reasons.map(({ reason }) => reason), changes.name, reasonId);
      const next: LostReason = { ...found.reason, ...definedFields(changes) };
      if (sameJson(next, found.reason)) return { value: next, changes: [] };
      await tx.objectStore('reasons').put(reasonRow(next, found.position));
      return { value: next, changes: [{ type: 'lost-reason', reason: next }] };
    });
  }

  // ---- deals: reading ---------------------------------------------------------

  /**
   * One page of matching deals.
   *
   * Every order but `title` is read straight from its `[field, id]` index,
   * from the cursor's place on, checking each deal against the query and
   * stopping when the page is full; deals without a value (no expected close
   * date, not closed) follow, by id. Paging through a large store so reads
   * each row about once, and a page costs about its own size when most deals
   * match. Such pages have no `total`: counting the matches would read them
   * all, the very cost the index saves.
   *
   * When an index narrows the query to a few deals (at most 2,000: a rare
   * lost reason, a small stage, a short close-date range) it is cheaper to
   * read just those and sort them, as `title` order always does: those pages
   * count `total`.
   */
  async listDeals(query: DealQuery = {}, sort: DealSort = DEFAULT_SORT, page: PageRequest = {}): Promise<Page<Deal>> {
    const request = parsePageArguments(query, sort, page);
    return this.#read(['deals'], async (tx) => {
      const deals = tx.objectStore('deals');
      const field = request.order.field;
      if (field === 'title' || (await sortingIsCheaper(deals, request))) return this.#pageBySorting(deals, request);
      return this.#pageFromIndex(deals, field, request);
    });
  }

  async getDeal(id: string): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    return this.#read(['deals'], (tx) => this.#deal(tx, dealId));
  }

  async history(id: string): Promise<HistoryEvent[]> {
    const dealId = parseId(id, 'deal id');
    return this.#read(['deals', 'history'], async (tx) => {
      const rows = await tx.objectStore('history').index('dealId').getAll(dealId);
      // A deleted deal's history is kept, so it stays readable.
      if (rows.length === 0 && (await tx.objectStore('deals').count(dealId)) === 0) throw notFound('deal', dealId);
      return this.#validRows('history', HistoryEvent, rows, 'seq');
    });
  }

  // ---- deals: commands ----------------------------------------------------------

  async createDeal(input: NewDeal, options?: WriteOptions): Promise<Deal> {
    return this.#write('createDeal', options, ['deals', 'history', 'stages'], async (tx, ctx) => {
      const data = parseOrThrow(NewDeal, input, 'new deal');
      const created = createDealRecord(data, await this.#stages(tx), 0, ctx);
      const place = await this.#place(tx, created.deal.stageId, 0, null);
      return this.#store(tx, null, { deal: { ...created.deal, rank: place.rank }, event: created.event }, place.reranked);
    });
  }

  async updateDeal(id: string, patch: DealPatch, options?: WriteOptions): Promise<Deal> {
    return this.#write('updateDeal', options, ['deals', 'history', 'stages'], async (tx, ctx, expectedVersion) => {
      const changes = parseOrThrow(DealPatch, patch, 'deal patch');
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      return this.#store(tx, deal, applyPatch(deal, changes, await this.#stages(tx), ctx));
    });
  }

  async deleteDeal(id: string, options?: WriteOptions): Promise<void> {
    return this.#write('deleteDeal', options, ['deals'], async (tx, _ctx, expectedVersion) => {
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      await tx.objectStore('deals').delete(deal.id);
      return { value: undefined, changes: [{ type: 'deal-deleted', id: deal.id }] };
    });
  }

  async moveDeal(id: string, input: MoveInput, options?: WriteOptions): Promise<Deal> {
    return this.#write('moveDeal', options, ['deals', 'history', 'stages'], async (tx, ctx, expectedVersion) => {
      const move = parseOrThrow(MoveInput, input, 'move');
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      const stages = await this.#stages(tx);
      const target = stageById(stages, move.stageId);
      const place = await this.#place(tx, target.id, move.index, deal);
      if (place.alreadyThere) return { value: deal, changes: [] };
      // The rule may refuse (a lost deal leaving its stage): the transaction is then aborted, renumbering included.
      return this.#store(tx, deal, applyMove(deal, target, place.rank, stages, ctx), place.reranked);
    });
  }

  async markWon(id: string, options?: WriteOptions): Promise<Deal> {
    return this.#write('markWon', options, ['deals', 'history', 'stages'], async (tx, ctx, expectedVersion) => {
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      const target = wonStage(await this.#stages(tx));
      const place = await this.#place(tx, target.id, undefined, deal);
      return this.#store(tx, deal, applyWon(deal, target, place.rank, ctx), place.reranked);
    });
  }

  async markLost(id: string, input: LostInput, options?: WriteOptions): Promise<Deal> {
    return this.#write('markLost', options, ['deals', 'history', 'reasons'], async (tx, ctx, expectedVersion) => {
      const lost = parseOrThrow(LostInput, input, 'lost input');
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      const reasons = (await this.#reasons(tx)).map(({ reason }) => reason);
      return this.#store(tx, deal, applyLost(deal, lost, reasons, ctx));
    });
  }

  async restore(id: string, options?: WriteOptions): Promise<Deal> {
    return this.#write('restore', options, ['deals', 'history', 'stages'], async (tx, ctx, expectedVersion) => {
      const deal = await this.#deal(tx, parseId(id, 'deal id'));
      checkVersion(deal, expectedVersion);
      return this.#store(tx, deal, applyRestore(deal, await this.#stages(tx), ctx));
    });
  }

  // ---- bulk load, subscriptions, lifecycle ----------------------------------------

  /**
   * Loads whole records as they are (ids, versions and history kept), in one
   * transaction. With `replace`, everything stored is replaced; without, only
   * a database with no deals is filled, and otherwise nothing changes and it
   * resolves false. Subscribers (in every tab) get a `reset`.
   */
  async importData(data: DataSet, options: { replace?: boolean } = {}): Promise<boolean> {
    const records = parseOrThrow(DataSet, data, 'data set');
    checkConsistency(records);
    return this.#write('importData', undefined, ['deals', 'stages', 'reasons', 'history'], async (tx) => {
      const deals = tx.objectStore('deals');
      if (!options.replace && (await deals.count()) > 0) return { value: false, changes: [] };
      // Requests of one transaction run in order, so the clears come first; issuing
      // them all before waiting keeps a large import from paying a round trip per row.
      const stores = ['deals', 'stages', 'reasons', 'history'] as const;
      // Stored in time order, so their `seq` keeps it.
      const events = chronological(records.history);
      await Promise.all([
        ...stores.map((name) => tx.objectStore(name).clear()),
        ...records.stages.map((stage) => tx.objectStore('stages').put(stage)),
        ...records.lostReasons.map((reason, position) => tx.objectStore('reasons').put(reasonRow(reason, position))),
        ...records.deals.map((deal) => deals.put(deal)),
        ...events.map((event) => tx.objectStore('history').put(event)),
      ]);
      return { value: true, changes: [{ type: 'reset' }] };
    });
  }

  subscribe(listener: ChangeListener): () => void {
    const subscription = newSubscription(listener);
    this.#listeners.add(subscription);
    return () => {
      this.#listeners.delete(subscription);
    };
  }

  /** Closes the database connection and the channel; later calls reject with `storage_unavailable`. */
  close(): void {
    this.#disconnect('The deal adapter is closed.');
    this.#listeners.clear();
  }

  // ---- transactions -------------------------------------------------------------

  #connection(): Database {
    if (!this.#db) throw new DealAdapterError('storage_unavailable', this.#lostBecause ?? 'The deal adapter is closed.');
    return this.#db;
  }

  #transaction<Mode extends IDBTransactionMode>(stores: StoreName[], mode: Mode): Transaction<Mode> {
    try {
      return this.#connection().transaction(stores, mode);
    } catch (error) {
      throw storageError(error);
    }
  }

  async #read<T>(stores: StoreName[], run: (tx: Transaction<'readonly'>) => Promise<T>): Promise<T> {
    const tx = this.#transaction(stores, 'readonly');
    try {
      const value = await run(tx);
      await tx.done;
      return value;
    } catch (error) {
      throw failed(tx, error);
    }
  }

  /**
   * Runs a command in one readwrite transaction and resolves after it
   * committed, then tells the subscribers. With an idempotency key the result
   * is remembered in the same transaction, and a repeated key returns the
   * remembered result without applying the command again. Only successful
   * runs are remembered, so a refused command can be retried.
   */
  async #write<T>(
    command: string,
    options: WriteOptions | undefined,
    stores: StoreName[],
    run: (tx: Transaction<'readwrite'>, ctx: RuleContext, expectedVersion: string | undefined) => Promise<Outcome<T>>,
  ): Promise<T> {
    const { expectedVersion, idempotencyKey } = parseWriteOptions(options);
    const key = rememberedKey(command, idempotencyKey);
    const tx = this.#transaction(key === null ? stores : [...stores, 'meta'], 'readwrite');
    const ctx: RuleContext = { now: this.#now(), newId: this.#newId };
    let outcome: Outcome<T>;
    try {
      const remembered = key === null ? null : await this.#remembered(tx);
      const earlier = remembered?.entries.find((entry) => entry.key === key);
      if (earlier) {
        outcome = { value: this.#rememberedResult(earlier.result, idempotencyKey!) as T, changes: [] };
      } else {
        outcome = await run(tx, ctx, expectedVersion);
        if (remembered && key !== null) await remember(tx, remembered, key, outcome.value);
      }
      await tx.done;
    } catch (error) {
      throw failed(tx, error);
    }
    this.#publish(outcome.changes);
    return outcome.value;
  }

  async #remembered(tx: Transaction<'readwrite'>): Promise<RememberedResults> {
    const row = await tx.objectStore('meta').get(IDEMPOTENCY_RECORD);
    const empty: RememberedResults = { key: IDEMPOTENCY_RECORD, entries: [] };
    if (row === undefined) return empty;
    return this.#valid('meta', RememberedResults, row, IDEMPOTENCY_RECORD) ?? empty;
  }

  /** A remembered result: a deal, or nothing (`deleteDeal`). */
  #rememberedResult(result: unknown, idempotencyKey: string): Deal | undefined {
    if (result === null || result === undefined) return undefined;
    const deal = this.#valid('meta', Deal, result, `${IDEMPOTENCY_RECORD}:${idempotencyKey}`);
    // Applying the command again could apply it twice: refuse instead.
    if (!deal) throw new DealAdapterError('invalid_response', `The remembered result of idempotency key "${idempotencyKey}" is damaged.`);
    return deal;
  }

  // ---- reading rows ----------------------------------------------------------------

  async #deal(tx: Transaction<IDBTransactionMode>, id: string): Promise<Deal> {
    const row = await tx.objectStore('deals').get(id);
    if (row === undefined) throw notFound('deal', id);
    const deal = this.#validDeal(row);
    if (!deal) throw new DealAdapterError('invalid_response', `The stored deal "${id}" is damaged and cannot be used.`);
    return deal;
  }

  async #stages(tx: Transaction<IDBTransactionMode>): Promise<Stage[]> {
    return sortStages(this.#validRows('stages', Stage, await tx.objectStore('stages').getAll(), 'id'));
  }

  /** The lost reasons in creation order, each with its stored position. */
  async #reasons(tx: Transaction<IDBTransactionMode>): Promise<{ reason: LostReason; position: number }[]> {
    const rows = (await tx.objectStore('reasons').getAll()).map((row) => ({ row, position: positionOf(row) }));
    rows.sort((a, b) => a.position - b.position);
    const reasons: { reason: LostReason; position: number }[] = [];
    for (const { row, position } of rows) {
      const reason = this.#valid('reasons', LostReason, row, keyOf(row, 'id'));
      if (reason) reasons.push({ reason, position });
    }
    return reasons;
  }

  /**
   * Where a deal goes in a stage's column: at `index` among the column's
   * other deals, or last when `index` is undefined (as in the MemoryAdapter,
   * an index past the end also means last). Columns can hold thousands of
   * deals, so only the rows up to the index (or the last ones) are read; the
   * whole column only when it must be renumbered.
   */
  async #place(tx: Transaction<IDBTransactionMode>, stageId: string, index: number | undefined, moving: Deal | null): Promise<Placement> {
    const exceptId = moving?.id ?? '';
    const sameStage = moving !== null && moving.stageId === stageId;
    if (index === undefined) {
      const { last, exceptIsLast } = await this.#lastOfColumn(tx, stageId, exceptId);
      const rank = last ? rankAt([last], 1) : rankAt([], 0);
      if (rank !== null) return { rank, reranked: [], alreadyThere: sameStage && exceptIsLast };
    } else {
      const head = await this.#headOfColumn(tx, stageId, index + 1, exceptId);
      // The head holds the deals at `index - 1` and `index`, or the whole (shorter) column.
      const at = Math.min(index, head.length);
      const alreadyThere = sameStage && positionIn(head, moving) === at;
      const rank = rankAt(head, at);
      if (rank !== null) return { rank, reranked: [], alreadyThere };
    }
    // No room between the neighbours: renumber the whole column.
    const column = await this.#column(tx, stageId, exceptId);
    const at = Math.min(index ?? column.length, column.length);
    const alreadyThere = sameStage && positionIn(column, moving) === at;
    return { ...renumberedPlacement(column, at), alreadyThere };
  }

  /** A stage's valid deals (all statuses) in rank order, without `exceptId`. */
  async #column(tx: Transaction<IDBTransactionMode>, stageId: string, exceptId: string): Promise<Deal[]> {
    // The index orders equal ranks by primary key (the id), as `dealComparator` does.
    const rows = await tx.objectStore('deals').index('stageRank').getAll(columnRange(stageId));
    return this.#validDeals(rows).filter((deal) => deal.id !== exceptId);
  }

  /** At least the first `length` deals of `#column` (all of it when it is shorter). */
  async #headOfColumn(tx: Transaction<IDBTransactionMode>, stageId: string, length: number, exceptId: string): Promise<Deal[]> {
    // One more for the excluded deal, and some room for damaged rows.
    const wanted = length + 1 + 8;
    const rows = await tx.objectStore('deals').index('stageRank').getAll(columnRange(stageId), wanted);
    const head = this.#validDeals(rows).filter((deal) => deal.id !== exceptId);
    if (head.length >= length || rows.length < wanted) return head;
    return this.#column(tx, stageId, exceptId);
  }

  /** The last deal of `#column`, and whether `exceptId` stands after it (is the very last). */
  async #lastOfColumn(
    tx: Transaction<IDBTransactionMode>,
    stageId: string,
    exceptId: string,
  ): Promise<{ last: Deal | null; exceptIsLast: boolean }> {
    let exceptIsLast = false;
    const index = tx.objectStore('deals').index('stageRank');
    for (let cursor = await index.openCursor(columnRange(stageId), 'prev'); cursor; cursor = await cursor.continue()) {
      const deal = this.#validDeal(cursor.value);
      if (!deal) continue;
      if (deal.id !== exceptId) return { last: deal, exceptIsLast };
      exceptIsLast = true;
    }
    return { last: null, exceptIsLast };
  }

  /**
   * A page read in order from the sort field's `[field, id]` index (see
   * `listDeals`), then, for a nullable field, from the deals without a value.
   */
  async #pageFromIndex(store: DealStore<'readonly'>, field: IndexedSortField, { where, order, after, limit }: PageArguments): Promise<Page<Deal>> {
    const nullable = NULLABLE_SORT_FIELDS.has(field);
    const indexName = SORT_INDEXES[field];
    const found: Deal[] = [];
    const take: Take = (rows) => {
      for (const row of rows) {
        if (found.length > limit) return false;
        const deal = this.#validDeal(row);
        if (deal && matchesQuery(deal, where)) found.push(deal);
      }
      return found.length <= limit;
    };
    const index = store.index(indexName);
    // A cursor with a null value stands among the deals without one: the index is behind it.
    const inIndex = after === null || after.v !== null;
    if (inIndex) {
      const walk = order.direction === 'asc' ? walkUp : walkDown;
      const reachedEnd = await walk(index, field, after, limit + 1, take);
      if (reachedEnd && !nullable) this.#reportUnindexedDealsSoon(indexName);
    }
    if (nullable && found.length <= limit) await takeUnindexed(store, field, inIndex ? null : after.id, limit + 1, take);
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: found.length > limit && last ? encodeCursor(last, order) : null };
  }

  /**
   * Rows whose sort value is not a valid key are missing from a sort index,
   * so paging by it skips them without a word. Once a walk reached the end
   * of an index (where such rows would come, had they a value), the counts
   * of the store and the index are compared in a transaction of their own,
   * and when they differ a full read finds and reports them (they are
   * skipped like any damaged row). Once per index and adapter: IndexedDB
   * counts by walking, about 0.8 s for 50,000 deals in a disk-backed
   * Chromium profile, and other requests wait meanwhile. Only for fields a
   * valid deal never leaves null: the others read the rows missing from
   * their index anyway, after the rest.
   */
  #reportUnindexedDealsSoon(indexName: SortIndexName): void {
    if (this.#checkedIndexes.has(indexName)) return;
    this.#checkedIndexes.add(indexName);
    this.#read(['deals'], async (tx) => {
      const store = tx.objectStore('deals');
      const [all, indexed] = await Promise.all([store.count(), store.index(indexName).count()]);
      if (all !== indexed) this.#validDeals(await store.getAll());
    })
      // Only a report: a closed connection or a failed read is told by the calls that need the data.
      .catch(() => undefined);
  }

  async #pageBySorting(store: DealStore<'readonly'>, request: PageArguments): Promise<Page<Deal>> {
    const rows = await candidateRows(store, request.where);
    const matching = this.#validDeals(rows).filter((deal) => matchesQuery(deal, request.where));
    return pageOfMatches(matching, request);
  }

  /** The valid deals among `rows`, each damaged one reported. */
  #validDeals(rows: readonly unknown[]): Deal[] {
    const valid: Deal[] = [];
    for (const row of rows) {
      const deal = this.#validDeal(row);
      if (deal) valid.push(deal);
    }
    return valid;
  }

  /** The row as a deal, or null after reporting it as damaged. */
  #validDeal(row: unknown): Deal | null {
    return fastDeal(row) ?? this.#valid('deals', Deal, row, keyOf(row, 'id'));
  }

  #validRows<S extends z.core.$ZodType>(store: StoreName, schema: S, rows: unknown[], keyPath: string): z.infer<S>[] {
    const valid: z.infer<S>[] = [];
    for (const row of rows) {
      const value = this.#valid(store, schema, row, keyOf(row, keyPath));
      if (value !== null) valid.push(value);
    }
    return valid;
  }

  /** The parsed row, or null after reporting it as damaged. */
  #valid<S extends z.core.$ZodType>(store: StoreName, schema: S, row: unknown, key: string): z.infer<S> | null {
    const result = z.safeParse(schema, row);
    if (result.success) return result.data;
    const id = `${store}\u0000${key}`;
    if (!this.#corrupt.has(id)) {
      const fieldErrors = fieldErrorsOf(result.error);
      const summary = Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`).join('; ');
      const corrupt: CorruptRow = { store, key, message: `Skipped a damaged row "${key}" of "${store}": ${summary}`, fieldErrors };
      this.#corrupt.set(id, corrupt);
      this.#onCorruptRow?.({ ...corrupt });
    }
    return null;
  }

  // ---- writing rows ------------------------------------------------------------------

  /**
   * Stores the result of a rule applied to `before` (null for a new deal), and
   * the deals a column renumbering moved, in the command's transaction.
   */
  async #store(tx: Transaction<'readwrite'>, before: Deal | null, result: RuleResult, reranked: readonly Deal[] = []): Promise<Outcome<Deal>> {
    const deals = tx.objectStore('deals');
    const changes: AdapterChange[] = [];
    for (const deal of reranked) {
      await deals.put(deal);
      changes.push({ type: 'deal', deal });
    }
    // The rules hand back the very same object when nothing changed.
    if (result.deal !== before) {
      await deals.put(result.deal);
      changes.push({ type: 'deal', deal: result.deal });
    }
    if (result.event) await tx.objectStore('history').put(result.event);
    return { value: result.deal, changes };
  }

  // ---- change notification --------------------------------------------------------

  /** Tells this adapter's subscribers, then the other adapters on the database. */
  #publish(changes: AdapterChange[]): void {
    if (changes.length === 0) return;
    for (const change of changes) this.#emit(change);
    try {
      this.#channel?.postMessage({ source: CHANNEL_SOURCE, schemaVersion: SCHEMA_VERSION, changes });
    } catch (error) {
      // The data is committed; a closed channel only means nobody else listens.
      console.warn('dealkit: could not tell other tabs about a change', error);
    }
  }

  #emit(change: AdapterChange): void {
    notifyListeners(this.#listeners, change);
  }

  /** A message from another adapter on this database. Anything unexpected becomes a `reset`. */
  readonly #receive = (event: MessageEvent): void => {
    const message = z.safeParse(ChannelMessage, event.data);
    if (!message.success) return;
    const changes = message.data.changes.map((change) => z.safeParse(ChangeSchema, change));
    const understood = message.data.schemaVersion === SCHEMA_VERSION && changes.every((change) => change.success);
    if (!understood) {
      this.#emit({ type: 'reset' });
      return;
    }
    for (const change of changes) if (change.success) this.#emit(change.data);
  };

  #lose(message: string): void {
    if (!this.#db) return;
    this.#disconnect(message);
    this.#onVersionChange?.(message);
  }

  #disconnect(reason: string): void {
    this.#db?.close();
    this.#db = null;
    this.#lostBecause = reason;
    this.#channel?.removeEventListener('message', this.#receive);
    this.#channel?.close();
  }
}

// ---- opening ----------------------------------------------------------------------------

/** Validates the pipeline a new database would start with, before opening anything. */
function checkedSeed(options: IndexedDbAdapterOptions): Seed {
  const stages = options.stages === undefined ? defaultStages() : parseOrThrow(z.array(Stage), options.stages, 'stages');
  const lostReasons =
    options.lostReasons === undefined ? defaultLostReasons() : parseOrThrow(z.array(LostReason), options.lostReasons, 'lost reasons');
  checkConsistency({ stages, lostReasons, deals: [], history: [] });
  return { stages, lostReasons };
}

const channelName = (database: string): string => `dealkit:${database}`;

// ---- pure helpers ------------------------------------------------------------------------

/** Where a deal goes in its column; `reranked` is empty unless the column was renumbered. */
interface Placement extends RenumberedPlacement {
  /** The moved deal already stands at that place: nothing to do. */
  alreadyThere: boolean;
}

/** A stage's whole range in the `stageRank` index (ranks are numbers). */
const columnRange = (stageId: string): IDBKeyRange => IDBKeyRange.bound([stageId, -Infinity], [stageId, Infinity]);

// ---- reading in index order ---------------------------------------------------------------

/** The most rows one request reads: enough to make round trips rare, few enough to waste little past a full page. */
const MAX_BATCH = 2000;
const grow = (batch: number): number => Math.max(batch, Math.min(batch * 2, MAX_BATCH));

/** A row's key in the `[field, id]` index of `field` (the row is in it). */
const indexKey = (row: unknown, field: IndexedSortField): IDBValidKey[] => {
  const record = row as Record<string, IDBValidKey>;
  return [record[field]!, record['id']!];
};

/** A key after every `[value, id]` key of `value` and before those of the next value (arrays sort after strings). */
const afterValue = (value: IDBValidKey): IDBValidKey[] => [value, []];

/**
 * Hands `take` the index's rows in ascending `[value, id]` order after the
 * cursor, in batches that grow while the query skips rows, until it is full.
 * Resolves whether it reached the end of the index.
 */
async function walkUp(index: SortIndex, field: IndexedSortField, after: CursorKey | null, wanted: number, take: Take): Promise<boolean> {
  let from = after ? IDBKeyRange.lowerBound([after.v!, after.id], true) : null;
  for (let batch = wanted; ; batch = grow(batch)) {
    const rows = await index.getAll(from, batch);
    const more = take(rows);
    if (rows.length < batch) return true;
    if (!more) return false;
    from = IDBKeyRange.lowerBound(indexKey(rows[rows.length - 1], field), true);
  }
}

/**
 * Hands `take` the index's rows in descending value order, ties by
 * ascending id as `dealComparator` wants, after the cursor. IndexedDB walks
 * an index backwards with descending ids too, and reads batches only
 * forwards, so each step finds where a batch of `batch` keys below the
 * current value begins (a key cursor skips there without reading rows),
 * reads the values above that point whole and in ascending order, and hands
 * them over value by value, highest first; the lowest value of the batch may
 * go on below it, so it is read by itself, by ascending id, in the next step.
 * Resolves whether it reached the end of the index.
 */
async function walkDown(index: SortIndex, field: IndexedSortField, after: CursorKey | null, wanted: number, take: Take): Promise<boolean> {
  // The value being read, and the last id of it already handed over (null: none yet).
  let at: { value: IDBValidKey; afterId: IDBValidKey | null } | null = after ? { value: after.v!, afterId: after.id } : null;
  for (let batch = wanted; ; batch = grow(batch)) {
    if (at) {
      const from = at.afterId === null ? [at.value] : [at.value, at.afterId];
      const rows = await index.getAll(IDBKeyRange.bound(from, afterValue(at.value), true, true), batch);
      if (!take(rows)) return false;
      if (rows.length === batch) {
        at = { value: at.value, afterId: indexKey(rows[rows.length - 1], field)[1]! };
        continue;
      }
    }
    const below = at ? IDBKeyRange.upperBound([at.value], true) : null;
    const top = await index.openKeyCursor(below, 'prev');
    if (!top) return true;
    const bottom = batch > 1 ? await top.advance(batch - 1) : top;
    if (!bottom) {
      // Fewer than a batch left: all of them, every value whole.
      takeValuesDescending(await index.getAll(below), field, take);
      return true;
    }
    const lowest = (bottom.key as IDBValidKey[])[0]!;
    const above = at ? IDBKeyRange.bound(afterValue(lowest), [at.value], true, true) : IDBKeyRange.lowerBound(afterValue(lowest), true);
    if (!takeValuesDescending(await index.getAll(above), field, take)) return false;
    at = { value: lowest, afterId: null };
  }
}

/** Hands over rows sorted by ascending `[value, id]` with the values in descending order, ids still ascending. */
function takeValuesDescending(rows: readonly unknown[], field: IndexedSortField, take: Take): boolean {
  let end = rows.length;
  while (end > 0) {
    const value = indexKey(rows[end - 1], field)[0]!;
    let start = end - 1;
    while (start > 0 && indexedDB.cmp(indexKey(rows[start - 1], field)[0]!, value) === 0) start -= 1;
    if (!take(rows.slice(start, end))) return false;
    end = start;
  }
  return true;
}

/**
 * Hands `take` the rows missing from the sort index, by ascending id after
 * `afterId`: the deals whose value is null, which sort last in both
 * directions, and damaged rows, which `take` reports. No index holds them,
 * so the store is read in id order, passing over the indexed rows: cheap
 * when many deals have no value (open deals are not closed), and when few
 * do, the page that reaches them reads the rest of the store once. (Counting
 * them first would cost about as much: IndexedDB counts by walking.)
 */
async function takeUnindexed(store: DealStore<'readonly'>, field: IndexedSortField, afterId: string | null, wanted: number, take: Take): Promise<void> {
  let from = afterId === null ? null : IDBKeyRange.lowerBound(afterId, true);
  for (let batch = wanted; ; batch = grow(batch)) {
    const rows = await store.getAll(from, batch);
    const unindexed = rows.filter((row) => !isKey((row as Record<string, unknown>)[field]));
    if (!take(unindexed) || rows.length < batch) return;
    from = IDBKeyRange.lowerBound((rows[rows.length - 1] as Record<string, IDBValidKey>)['id']!, true);
  }
}

/** Whether IndexedDB takes `value` as a key, that is, whether an index holds a row under it. */
function isKey(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value !== 'object' || value === null) return false;
  try {
    // Dates, arrays and binary data can be keys too.
    indexedDB.cmp(value, 0);
    return true;
  } catch {
    return false;
  }
}

// ---- reading through a narrowing index -------------------------------------------------

/** The index that narrows a query best, and its ranges (their union holds every match). */
interface IndexChoice {
  index: 'lostReasonId' | 'stageRank' | 'expectedCloseOrder' | 'status';
  ranges: IDBKeyRange[];
}

/** How an index narrows the query, or null when none does. */
function indexChoiceOf(where: DealQuery): IndexChoice | null {
  const keys = (list: readonly string[]) => [...new Set(list)];
  if (where.lostReasonIds?.length) return { index: 'lostReasonId', ranges: keys(where.lostReasonIds).map((id) => IDBKeyRange.only(id)) };
  if (where.stageIds?.length) return { index: 'stageRank', ranges: keys(where.stageIds).map(columnRange) };
  const closeDate = closeDateRange(where);
  if (closeDate !== undefined) return { index: 'expectedCloseOrder', ranges: closeDate ? [closeDate] : [] };
  if (where.statuses?.length && new Set(where.statuses).size < 3) {
    return { index: 'status', ranges: keys(where.statuses).map((status) => IDBKeyRange.only(status)) };
  }
  return null;
}

/**
 * The most candidates a narrowing index may give for them to be read and
 * sorted rather than the sort index walked. Sorting reads the C candidates;
 * a walk reads about (limit + 1) × N / C of the N stored rows to fill a
 * page, when the matches are spread through the order. For pages of 50 of
 * 50,000 deals they break even near 1,600 candidates; counting N would cost
 * as much as reading it (IndexedDB counts by walking), so this is fixed.
 */
const SORT_AT_MOST = 2000;

/**
 * Whether the query's narrowing index gives at most {@link SORT_AT_MOST}
 * candidates, found by reading at most one more key than that.
 */
async function sortingIsCheaper(store: DealStore<'readonly'>, { where }: PageArguments): Promise<boolean> {
  const choice = indexChoiceOf(where);
  if (!choice) return false;
  const index = store.index(choice.index);
  let candidates = 0;
  for (const range of choice.ranges) {
    candidates += (await index.getAllKeys(range, SORT_AT_MOST + 1 - candidates)).length;
    if (candidates > SORT_AT_MOST) return false;
  }
  return true;
}

/**
 * The rows that may match a query, read through the most selective index
 * that applies; every row is still checked with `matchesQuery`.
 */
async function candidateRows(store: DealStore<'readonly'>, where: DealQuery): Promise<unknown[]> {
  const choice = indexChoiceOf(where);
  if (!choice) return store.getAll();
  const index = store.index(choice.index);
  return (await Promise.all(choice.ranges.map((range) => index.getAll(range)))).flat();
}

/**
 * The query's close dates in the `[expectedClose, id]` index: undefined when
 * open, null when empty.
 */
function closeDateRange(where: DealQuery): IDBKeyRange | null | undefined {
  const from = where.closeDate?.from ?? null;
  const to = where.closeDate?.to ?? null;
  if (from !== null && to !== null) return from <= to ? IDBKeyRange.bound([from], afterValue(to)) : null;
  if (from !== null) return IDBKeyRange.lowerBound([from]);
  if (to !== null) return IDBKeyRange.upperBound(afterValue(to));
  return undefined;
}

/** Adds a result to the remembered ones, forgetting the oldest past the limit. */
async function remember(tx: Transaction<'readwrite'>, remembered: RememberedResults, key: string, value: unknown): Promise<void> {
  const result = value === undefined ? null : (value as Deal);
  const entries = [...remembered.entries, { key, result }].slice(-REMEMBERED_KEYS);
  await tx.objectStore('meta').put({ key: IDEMPOTENCY_RECORD, entries });
}

/** A row's key as text, for reports. */
function keyOf(row: unknown, keyPath: string): string {
  return isRecord(row) ? String(row[keyPath]) : '(unknown)';
}

/** A reason row's place in the list; rows without one go last. */
function positionOf(row: unknown): number {
  const position = isRecord(row) ? row['position'] : undefined;
  return typeof position === 'number' && Number.isFinite(position) ? position : Number.MAX_SAFE_INTEGER;
}
