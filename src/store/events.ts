import type { DealAdapterError } from '../adapters/errors.js';

/** What changed in the store, so elements redo only the work that depends on it. */
export interface StoreChange {
  /** Ids of deals added, changed or removed. */
  deals: ReadonlySet<string>;
  /** Everything was (re)loaded: recompute all. */
  reloaded: boolean;
  stages: boolean;
  reasons: boolean;
  filter: boolean;
  /** Status, error, notice or what undo would revert. */
  state: boolean;
  /** Locale, display currency or exchange rates. */
  settings: boolean;
}

export const noChange = (): StoreChange => ({
  deals: new Set(),
  reloaded: false,
  stages: false,
  reasons: false,
  filter: false,
  state: false,
  settings: false,
});

/** Fired by the store (not a DOM element) after every change of its state. */
export class StoreChangeEvent extends Event {
  static readonly type = 'change';
  constructor(readonly change: StoreChange) {
    super(StoreChangeEvent.type);
  }
}

/** The store commands, as named in errors and undo labels. */
export type StoreCommand =
  | 'load'
  | 'createDeal'
  | 'updateDeal'
  | 'moveDeal'
  | 'markWon'
  | 'markLost'
  | 'restore'
  | 'createLostReason'
  | 'updateLostReason'
  | 'updateStage'
  | 'undo'
  | 'importData';

/**
 * Fired by the store when the adapter refuses a command. The change was
 * rolled back before this event; `retry()` runs the same command again
 * (for a command on several deals, again for the deals that failed). It is
 * null where running again makes no sense (a refused undo).
 */
export class StoreErrorEvent extends Event {
  static readonly type = 'deal-error';
  constructor(
    readonly error: DealAdapterError,
    readonly command: StoreCommand,
    readonly dealId: string | null,
    readonly retry: (() => Promise<unknown>) | null,
    /** The element whose user action ran the command; it fires the DOM `deal-error`. */
    readonly origin: EventTarget | null = null,
  ) {
    super(StoreErrorEvent.type);
  }
}
