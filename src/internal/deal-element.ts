import { ContextConsumer } from '@lit/context';
import { css, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { errorText, type CommonMessages } from '../i18n/common.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { Catalogue } from '../i18n/messages.js';
import { dealStoreContext, ensureContextRoot } from '../store/context.js';
import type { DealStore } from '../store/deal-store.js';
import { defaultStore } from '../store/default-store.js';
import { StoreChangeEvent, type StoreChange } from '../store/events.js';
import { DealErrorEvent } from '../events/deal-error.js';
import type { StoreErrorEvent } from '../store/events.js';

/** Styles every dealkit element starts from: box model, font, colours, focus ring, light and dark. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--deal-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Vazirmatn', sans-serif);
    font-size: var(--deal-font-size, 0.875rem);
    line-height: 1.4;
    color: var(--deal-color-text, light-dark(#1f2328, #e6edf3));
    --_surface: var(--deal-color-surface, light-dark(#ffffff, #161b22));
    --_surface-muted: var(--deal-color-surface-muted, light-dark(#f6f8fa, #0d1117));
    --_border: var(--deal-color-border, light-dark(#d0d7de, #30363d));
    --_muted: var(--deal-color-muted, light-dark(#59636e, #9198a1));
    --_accent: var(--deal-color-accent, light-dark(#0969da, #4493f8));
    --_won: var(--deal-color-won, light-dark(#1a7f37, #3fb950));
    --_lost: var(--deal-color-lost, light-dark(#cf222e, #f85149));
    --_warning: var(--deal-color-warning, light-dark(#9a6700, #d29922));
    /* Text on filled accent, won and lost backgrounds: white on the light
       theme's deep colours, near-black on the dark theme's bright ones, so
       both keep a contrast of at least 4.5:1. */
    --_on-accent: var(--deal-color-on-accent, light-dark(#ffffff, #0d1117));
    --_on-won: var(--deal-color-on-won, light-dark(#ffffff, #0d1117));
    --_on-lost: var(--deal-color-on-lost, light-dark(#ffffff, #0d1117));
    --_radius: var(--deal-radius, 6px);
    --_focus: var(--deal-focus-ring, 2px solid var(--_accent));
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * What every dealkit element shares, and nothing else: host styles, the
 * store from the nearest `<deal-provider>` (or the page's default store), and
 * the language and direction of its text.
 */
export abstract class DealElement<M extends CommonMessages = CommonMessages> extends LitElement {
  static override styles = [hostStyles];

  /** The shared store; null until a provider answers or the default store is chosen. */
  @state() protected store: DealStore | null = null;

  protected readonly l10n: LocalizeController<M>;

  #provided = false;

  constructor(catalogue: Catalogue<M>) {
    super();
    this.l10n = new LocalizeController(this, catalogue);
    new ContextConsumer(this, {
      context: dealStoreContext,
      subscribe: true,
      callback: (store) => {
        this.#provided = true;
        this.#setStore(store ?? null);
      },
    });
  }

  /**
   * Also waits for the messages of the element's locale: until they are
   * loaded the element shows English, and it renders again when they arrive.
   * So `await element.updateComplete` gives the text a person will read.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (!this.l10n.loaded) {
      await this.l10n.ready;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Text direction of the element's content, from its locale or the nearest `dir`. */
  protected get direction(): 'ltr' | 'rtl' {
    return this.l10n.dir;
  }

  override connectedCallback(): void {
    // Before the consumer asks: lets a provider upgraded later still answer.
    ensureContextRoot();
    super.connectedCallback();
    if (!this.#provided) void this.#fallBackToDefaultStore();
    if (this.store) this.store.addEventListener(StoreChangeEvent.type, this.#onStoreChange);
    if (this.store) this.store.addEventListener('deal-error', this.#onStoreError);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.removeEventListener(StoreChangeEvent.type, this.#onStoreChange);
    this.store?.removeEventListener('deal-error', this.#onStoreError);
  }

  /**
   * Called after every store change. By default re-renders; elements override
   * it to redo only the work the change concerns.
   */
  protected storeChanged(_change: StoreChange): void {
    this.requestUpdate();
  }

  /**
   * Called when the store reports a refused command (already rolled back).
   * Elements that show errors (the board's alert) override it.
   */
  protected storeError(_event: StoreErrorEvent): void {}

  /** A sentence for people about an error, in the element's language. */
  protected errorMessage(error: unknown): string {
    return errorText(this.l10n.msg, error);
  }

  /** Fires the DOM `deal-error` for a refusal of a command this element ran. */
  #dispatchError(event: StoreErrorEvent): void {
    this.dispatchEvent(
      new DealErrorEvent({
        error: event.error,
        command: event.command,
        dealId: event.dealId,
        message: this.errorMessage(event.error),
      }),
    );
  }

  async #fallBackToDefaultStore(): Promise<void> {
    // A provider above us that is not defined yet will answer once upgraded.
    const provider = this.#closestProvider();
    if (provider && !customElements.get('deal-provider')) {
      await customElements.whenDefined('deal-provider');
      await Promise.resolve();
    }
    if (!this.#provided && this.isConnected) this.#setStore(defaultStore());
  }

  #closestProvider(): Element | null {
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.localName === 'deal-provider') return node;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return null;
  }

  #setStore(store: DealStore | null): void {
    if (store === this.store) return;
    this.store?.removeEventListener(StoreChangeEvent.type, this.#onStoreChange);
    this.store?.removeEventListener('deal-error', this.#onStoreError);
    this.store = store;
    if (store && this.isConnected) {
      store.addEventListener(StoreChangeEvent.type, this.#onStoreChange);
      store.addEventListener('deal-error', this.#onStoreError);
    }
    this.l10n.locale = store?.locale ?? null;
    this.storeChanged({
      deals: new Set(),
      reloaded: true,
      stages: true,
      reasons: true,
      filter: true,
      state: true,
      settings: true,
    });
  }

  #onStoreChange = (event: Event): void => {
    const { change } = event as StoreChangeEvent;
    if (change.settings) this.l10n.locale = this.store?.locale ?? null;
    this.storeChanged(change);
  };

  #onStoreError = (event: Event): void => {
    const refusal = event as StoreErrorEvent;
    if (refusal.origin === this) this.#dispatchError(refusal);
    this.storeError(refusal);
  };
}
