import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DealAdapter } from '../../adapters/adapter.js';
import type { Rates } from '../../analytics/types.js';
import type { StagePreset } from '../../model/defaults.js';
import { connect, type StorageKind } from '../../store/connect.js';
import { dealStoreContext, ensureContextRoot } from '../../store/context.js';
import { DealStore } from '../../store/deal-store.js';
import { StoreErrorEvent } from '../../store/events.js';
import { DealErrorEvent } from '../../events/deal-error.js';
import { commonMessages, errorText } from '../../i18n/common.js';
import { LocalizeController } from '../../i18n/localize-controller.js';

/**
 * Provides one shared store (data, shared filter, settings) to every dealkit
 * element inside it. Without an `adapter` property it stores deals in the
 * browser (IndexedDB, falling back to memory where IndexedDB is unavailable).
 *
 * @tag deal-provider
 * @slot - The elements that share this provider's store.
 * @fires deal-error - A command was refused by the storage; the change was rolled back. Bubbles from the provider.
 */
export class DealProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Where deals are kept when no `adapter` is given: `indexeddb` (default) or `memory`. */
  @property() storage: StorageKind = 'indexeddb';

  /** The IndexedDB database name. */
  @property() database = 'dealkit';

  /** `demo` fills an empty store with sample deals. */
  @property() seed: 'demo' | '' = '';

  /** Stage preset of a new store: `default` (New, Qualified, Proposition, Won) or `suitecrm`. */
  @property() stages: StagePreset = 'default';

  /** Locale of the elements inside (`en`, `zh-Hans`, `zh-Hant`, `fa`); default: the page's `lang`. */
  @property() locale = '';

  /** Display currency of totals and charts (ISO 4217). */
  @property() currency = 'USD';

  /**
   * Exchange rates into `currency`: `{ EUR: 1.08 }` means one euro is worth
   * 1.08 of the display currency. As an attribute, JSON:
   * `rates='{"EUR": 1.08, "GBP": 1.27}'`. Amounts in a currency without a
   * usable rate are left out of totals and reported, never summed raw.
   */
  @property({ converter: { fromAttribute: ratesFromAttribute } }) rates: Rates = {};

  /**
   * The base URL of a server that follows dealkit's REST contract, e.g.
   * `http://127.0.0.1:8787/api`: the deals live there (RestAdapter), and
   * `storage`, `database`, `seed` and `stages` are ignored.
   */
  @property() endpoint = '';

  /** Any DealAdapter (REST, your ERP...). When set, it replaces `storage` and `database`. */
  @property({ attribute: false }) adapter: DealAdapter | null = null;

  #provider = new ContextProvider(this, { context: dealStoreContext });
  #l10n = new LocalizeController(this, commonMessages);
  #store: DealStore | null = null;
  #ownsAdapter = false;

  /** The store this provider shares; null before the element is connected. */
  get store(): DealStore | null {
    return this.#store;
  }

  override connectedCallback(): void {
    ensureContextRoot();
    // Create the store before the children ask for it (they connect after us).
    if (!this.#store) this.#createStore();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A provider moved in the DOM is disconnected and reconnected at once: keep the store then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#disposeStore();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connection = ['storage', 'database', 'seed', 'stages', 'endpoint', 'adapter'] as const;
    if (this.#store && this.hasUpdated && connection.some((name) => changed.has(name))) {
      this.#disposeStore();
      this.#createStore();
    }
    if (this.#store && (changed.has('locale') || changed.has('currency') || changed.has('rates'))) {
      this.#store.setSettings({ locale: this.locale || null, currency: this.currency, rates: this.rates });
    }
    if (changed.has('locale')) this.#l10n.locale = this.locale || null;
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #createStore(): void {
    const adapter = this.adapter;
    this.#ownsAdapter = !adapter;
    const store = new DealStore({
      adapter:
        adapter ??
        (() =>
          connect({
            storage: this.storage,
            database: this.database,
            seed: this.seed === 'demo' ? 'demo' : null,
            stages: this.stages,
            endpoint: this.endpoint || null,
          })),
      currency: this.currency,
      rates: this.rates,
      locale: this.locale || null,
    });
    store.addEventListener(StoreErrorEvent.type, this.#onStoreError);
    this.#store = store;
    this.#provider.setValue(store);
  }

  #disposeStore(): void {
    const store = this.#store;
    if (!store) return;
    store.removeEventListener(StoreErrorEvent.type, this.#onStoreError);
    store.dispose({ closeAdapter: this.#ownsAdapter });
    this.#store = null;
  }

  /** Refusals of commands no element ran (loading, scripts); an element's own are fired by that element. */
  #onStoreError = (event: Event): void => {
    const { error, command, dealId, origin } = event as StoreErrorEvent;
    if (origin) return;
    this.dispatchEvent(new DealErrorEvent({ error, command, dealId, message: errorText(this.#l10n.msg, error) }));
  };
}

/**
 * The `rates` attribute: a JSON object of currency codes to positive
 * numbers. Anything else is reported in the console and gives no rates, so
 * the elements show which currencies lack one instead of summing raw amounts.
 */
export function ratesFromAttribute(value: string | null): Rates {
  if (value === null || value.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    console.error(`<deal-provider>: the rates attribute is not JSON, so no rates are used: ${value}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    console.error(`<deal-provider>: the rates attribute must be a JSON object such as {"EUR": 1.08}; got ${value}`);
    return {};
  }
  const rates: Record<string, number> = {};
  for (const [currency, rate] of Object.entries(parsed)) {
    if (typeof rate === 'number' && Number.isFinite(rate) && rate > 0) rates[currency] = rate;
    else console.error(`<deal-provider>: the rate for ${currency} must be a positive number; got ${JSON.stringify(rate)}`);
  }
  return rates;
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-provider': DealProvider;
  }
}
