import type {
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
import type { ForecastOptions, ForecastResult, LostAnalysis, LostAnalysisOptions } from '../analytics/types.js';

/** One page of results. Pages are keyset based: they never overlap or skip. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Number of matching items over all pages, when the adapter knows it cheaply. */
  total?: number;
}

/** Options of a write: the version the caller last saw. */
export interface WriteOptions {
  /** When given and the stored version differs, the write fails with `conflict`. */
  expectedVersion?: string;
  /** Makes a command safe to repeat (REST retries): the same key applies once. */
  idempotencyKey?: string;
}

/**
 * What an adapter can do beyond the required commands. The kit falls back to
 * its own code for anything not declared.
 */
export interface AdapterCapabilities {
  /** `forecast` and `lostAnalysis` are computed by the backend. */
  aggregation: boolean;
  /** `DealQuery.text` is searched by the backend (else the store filters). */
  textSearch: boolean;
  /** `subscribe` reports changes made elsewhere (other tabs, other users). */
  realtime: boolean;
}

/** A change the adapter reports to subscribers. */
export type AdapterChange =
  | { type: 'deal'; deal: Deal }
  | { type: 'deal-deleted'; id: string }
  | { type: 'stage'; stage: Stage }
  | { type: 'lost-reason'; reason: LostReason }
  /** Everything may have changed (database replaced, reconnect after a gap): reload. */
  | { type: 'reset' };

export type ChangeListener = (change: AdapterChange) => void;

/**
 * The one contract between the kit and any storage or backend. Every method
 * validates its input (`validation` errors carry `fieldErrors`), rejects with a
 * {@link DealAdapterError} and never with anything else, and resolves only once
 * the change is durable.
 */
export interface DealAdapter {
  readonly capabilities: AdapterCapabilities;

  listStages(): Promise<Stage[]>;
  updateStage(id: string, patch: StagePatch): Promise<Stage>;

  /** All reasons, archived ones included; callers filter. */
  listLostReasons(): Promise<LostReason[]>;
  /** Creates a reason; a case-insensitive duplicate name is a `validation` error. */
  createLostReason(name: string): Promise<LostReason>;
  /** Renames or (un)archives; a duplicate name is a `validation` error. */
  updateLostReason(id: string, patch: LostReasonPatch): Promise<LostReason>;

  listDeals(query?: DealQuery, sort?: DealSort, page?: PageRequest): Promise<Page<Deal>>;
  getDeal(id: string): Promise<Deal>;
  createDeal(input: NewDeal, options?: WriteOptions): Promise<Deal>;
  updateDeal(id: string, patch: DealPatch, options?: WriteOptions): Promise<Deal>;
  /** Deleting is discouraged (losing keeps the data); it exists for undoing a create. */
  deleteDeal(id: string, options?: WriteOptions): Promise<void>;

  /** Moves to a stage and position; probability follows the stage unless set by hand. */
  moveDeal(id: string, input: MoveInput, options?: WriteOptions): Promise<Deal>;
  /** Moves to the won stage, probability 100, closed now. */
  markWon(id: string, options?: WriteOptions): Promise<Deal>;
  /** Status lost, probability 0, stage unchanged, reason and note recorded. */
  markLost(id: string, input: LostInput, options?: WriteOptions): Promise<Deal>;
  /** Back to open in the same stage with the probability from before closing. */
  restore(id: string, options?: WriteOptions): Promise<Deal>;

  /** The deal's history, oldest first. */
  history(id: string): Promise<HistoryEvent[]>;

  /** Reports changes made through this adapter and, with `realtime`, elsewhere. Returns an unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;

  /** With `capabilities.aggregation`: the forecast computed by the backend. */
  forecast?(query: DealQuery, options: ForecastOptions): Promise<ForecastResult>;
  /** With `capabilities.aggregation`: lost analysis computed by the backend. */
  lostAnalysis?(query: DealQuery, options: LostAnalysisOptions): Promise<LostAnalysis>;

  /**
   * Optional: loads whole records as they are (ids, versions and history
   * kept), for demo data and migrations. With `replace`, everything stored is
   * removed first; without, it fills only a store that has no deals and
   * resolves false (changing nothing) otherwise. Subscribers get a `reset`.
   */
  importData?(data: DataSet, options?: { replace?: boolean }): Promise<boolean>;

  /** Releases connections and listeners. */
  close?(): void | Promise<void>;
}

/** The default sort: column order. */
export const DEFAULT_SORT: DealSort = { field: 'rank', direction: 'asc' };
export const DEFAULT_PAGE_SIZE = 200;
