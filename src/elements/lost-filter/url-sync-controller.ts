/**
 * Keeps the shared filter and the page's query string in step, so a filtered
 * view can be bookmarked, shared and reloaded. The address is rewritten with
 * `history.replaceState` (no new history entry per click); going back or
 * forward to an address with another filter applies that filter.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DealStore } from '../../store/deal-store.js';
import { defaultFilter } from '../../store/filter.js';
import { filterFromSearch, searchWithFilter } from './url-filter.js';

export interface UrlSyncOptions {
  /** Whether syncing is on (the `sync-url` attribute). */
  enabled: () => boolean;
  /** The store whose filter is synced. */
  store: () => DealStore | null;
}

export class UrlSyncController implements ReactiveController {
  #options: UrlSyncOptions;

  constructor(host: ReactiveControllerHost, options: UrlSyncOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /**
   * Called when syncing starts (a store arrived, or `sync-url` was turned
   * on): a filter in the address wins, as when a bookmark is opened;
   * otherwise the current filter is written to the address.
   */
  start(): void {
    const store = this.#active();
    if (!store) return;
    const fromAddress = filterFromSearch(location.search);
    if (fromAddress) store.setFilter(fromAddress);
    else this.write();
  }

  /** Writes the store's filter into the address (other parameters are kept). */
  write(): void {
    const store = this.#active();
    if (!store) return;
    const search = searchWithFilter(location.search, store.filter);
    if (search === location.search) return;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  #active(): DealStore | null {
    return this.#options.enabled() ? this.#options.store() : null;
  }

  #onPopState = (): void => {
    const store = this.#active();
    if (!store) return;
    // An address without filter parameters is the default view.
    store.setFilter(filterFromSearch(location.search) ?? defaultFilter());
  };
}
