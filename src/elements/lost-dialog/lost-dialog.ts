import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DealAdapterError, toDealAdapterError } from '../../adapters/errors.js';
import { DealErrorEvent } from '../../events/deal-error.js';
import { DealLostCancelEvent } from '../../events/deal-lost-cancel.js';
import { DealLostSubmitEvent } from '../../events/deal-lost-submit.js';
import { DealLostEvent } from '../../events/deal-lost.js';
import { lostReasonName, stageName } from '../../i18n/common.js';
import { DealElement, hostStyles } from '../../internal/deal-element.js';
import { controlStyles } from '../../internal/shared-styles.js';
import { LIMITS, type Deal, type LostReason } from '../../model/schemas.js';
import type { DealStore } from '../../store/deal-store.js';
import type { StoreChange, StoreCommand } from '../../store/events.js';
import { ComboboxController } from './combobox-controller.js';
import { lostDialogStyles } from './lost-dialog.styles.js';
import { lostDialogCatalogue, type LostDialogCatalogueMessages } from './messages.js';
import { exactReason, reasonOptions, type ReasonOption } from './reason-options.js';

/** What the user confirmed: the reason (null for none) and the closing note as typed. */
export interface LostOutcome {
  reasonId: string | null;
  note: string;
}

/** How many deal titles the dialog lists when several deals are marked lost at once. */
const LISTED_DEALS = 5;

/** How long typing must pause before the note's length is announced. */
const COUNTER_ANNOUNCE_DELAY = 1000;

/** The focused element, looking inside shadow roots (an opener may live in another element's shadow root). */
function deepestActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * A modal dialog that marks one or several deals lost, with a lost reason
 * (chosen, or created by typing a new name) and a closing note. Call
 * `show(dealIdOrIds)`: it resolves once the storage saved the loss, or with
 * null when the user cancels. If the storage refuses, the dialog stays open
 * with the error shown and everything typed kept; confirming again retries.
 *
 * The reason field is an ARIA 1.2 combobox: typing filters the active
 * reasons, ArrowDown/ArrowUp move, Enter chooses, Escape closes the list (a
 * second Escape closes the dialog). When no reason is named exactly as
 * typed, the list ends with `Create "<text>"`.
 *
 * @tag deal-lost-dialog
 * @summary Marks deals lost with a reason and a closing note.
 *
 * @fires {DealLostSubmitEvent} deal-lost-submit - The user confirmed; nothing is saved yet. Cancelable: `preventDefault()` keeps the dialog open and saves nothing.
 * @fires {DealLostEvent} deal-lost - The deals were marked lost and saved; `detail` has the saved deals, the reason id and the note.
 * @fires {DealLostCancelEvent} deal-lost-cancel - The dialog was closed without saving (Cancel or Escape).
 * @fires {DealErrorEvent} deal-error - The storage refused to save the loss or to create a reason; the dialog shows the error and stays open.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart heading - The title ("Mark as lost", or "Mark 3 deals as lost").
 * @csspart summary - The deal shown (title, company, stage, amount), or the count and total of several deals.
 * @csspart deal-list - The titles of the deals, when several are marked lost.
 * @csspart reason-label - The label of the reason field.
 * @csspart reason-input - The reason combobox input.
 * @csspart listbox - The list of reasons under the combobox.
 * @csspart option - One reason in the list (also the create option).
 * @csspart create-option - The `Create "<text>"` option.
 * @csspart hint - Help under the reason field (why a reason is required, an unknown reason).
 * @csspart note-label - The label of the closing note.
 * @csspart note - The closing note `<textarea>`.
 * @csspart counter - The character counter of the note ("12 / 2,000").
 * @csspart error - The error shown when saving was refused.
 * @csspart status - The progress text ("Saving…").
 * @csspart actions - The row of buttons.
 * @csspart confirm-button - The "Mark as lost" button.
 * @csspart cancel-button - The "Cancel" button.
 *
 * @cssprop --deal-dialog-width - Preferred width of the dialog (default 32rem, never wider than the viewport).
 * @cssprop --deal-dialog-padding - Inner spacing of the dialog (default 1.25rem).
 * @cssprop --deal-dialog-backdrop - Background behind the modal dialog.
 * @cssprop --deal-dialog-shadow - Shadow of the dialog.
 * @cssprop --deal-color-surface - Background of the dialog and fields.
 * @cssprop --deal-color-surface-muted - Background of the deal summary.
 * @cssprop --deal-color-border - Borders of the dialog, fields and list.
 * @cssprop --deal-color-text - Text colour.
 * @cssprop --deal-color-muted - Secondary text (hints, counter).
 * @cssprop --deal-color-accent - The highlighted option and the focus ring.
 * @cssprop --deal-color-lost - The confirm button and the error border.
 * @cssprop --deal-color-on-lost - Text on the confirm button.
 * @cssprop --deal-color-warning - A hint that needs attention, a full counter.
 * @cssprop --deal-radius - Corner radius.
 * @cssprop --deal-font-family - Font family.
 * @cssprop --deal-font-size - Base font size.
 * @cssprop --deal-focus-ring - Outline of focused controls.
 */
export class DealLostDialog extends DealElement<LostDialogCatalogueMessages> {
  static override styles = [hostStyles, controlStyles, lostDialogStyles];

  /**
   * When set, the confirm button stays disabled until a reason is chosen,
   * and the dialog says why. By default a reason is optional (as in Odoo).
   */
  @property({ type: Boolean, attribute: 'require-reason', reflect: true }) requireReason = false;

  /** The deals the dialog is open for (empty while closed). */
  @state() private dealIds: readonly string[] = [];
  /** The text of the reason combobox. */
  @state() private reasonText = '';
  /** The reason chosen from the list; its name is `reasonText`. */
  @state() private chosenReasonId: string | null = null;
  @state() private note = '';
  /** A reason is being created or the loss saved: controls are locked. */
  @state() private busy: 'creating' | 'saving' | null = null;
  /** Why saving was refused, in words for people. */
  @state() private errorText = '';
  /** The typed reason could not be used (it names no reason yet). */
  @state() private reasonProblem = '';
  /** Polite announcements: a created reason, the note's length. */
  @state() private announcement = '';

  @query('dialog') private dialogElement!: HTMLDialogElement;
  @query('#reason') private reasonInput!: HTMLInputElement;

  #resolve: ((outcome: LostOutcome | null) => void) | null = null;
  #opener: HTMLElement | null = null;
  #storeWaiters: ((store: DealStore) => void)[] = [];
  #counterTimer: ReturnType<typeof setTimeout> | undefined;
  #creatingName = '';

  #combobox = new ComboboxController(this, {
    optionCount: () => this.#options().length,
    choose: (index) => void this.#choose(index),
    enterWithoutHighlight: () => this.#enterWithoutHighlight(),
  });

  constructor() {
    super(lostDialogCatalogue);
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return this.#resolve !== null;
  }

  /**
   * Opens the dialog for one deal or several; resolves with the outcome once
   * saved, or null when cancelled.
   *
   * Rejects with a `DealAdapterError` when the dialog cannot be shown: no
   * deal id (`validation`), a deal the store does not have (`not_found`), a
   * deal that is not open (`validation`), a store that failed to load, the
   * element not being in the document (`unsupported`), or a save still in
   * progress (`validation`). Calling it again while open (and idle) switches
   * to the new deals; the earlier call then resolves null.
   */
  async show(dealIdOrIds: string | readonly string[]): Promise<LostOutcome | null> {
    const ids = [...new Set(typeof dealIdOrIds === 'string' ? [dealIdOrIds] : dealIdOrIds)];
    if (ids.length === 0) throw new DealAdapterError('validation', 'show() needs at least one deal id.');
    if (!this.isConnected) {
      throw new DealAdapterError('unsupported', '<deal-lost-dialog> must be in the document to be shown.');
    }
    if (this.busy) {
      throw new DealAdapterError('validation', 'The lost dialog is still saving; wait until it is done.');
    }
    // Taken before any await: by then focus may have moved.
    const opener = this.#resolve ? this.#opener : deepestActiveElement();
    const store = await this.#whenStore();
    await store.ready;
    if (!this.isConnected) {
      throw new DealAdapterError('unsupported', '<deal-lost-dialog> was removed from the document before it could show.');
    }
    if (store.status === 'error') {
      throw store.error ?? new DealAdapterError('storage_unavailable', 'The deals could not be loaded.');
    }
    for (const id of ids) {
      const deal = store.deal(id);
      if (!deal) throw new DealAdapterError('not_found', `No deal "${id}" in the store.`);
      if (deal.status !== 'open') {
        throw new DealAdapterError('validation', `Deal "${id}" is ${deal.status}; only open deals can be marked lost.`, {
          fieldErrors: { status: `The deal is ${deal.status}.` },
        });
      }
    }
    // A second show() while open replaces the first; that caller learns nothing was saved.
    this.#resolve?.(null);
    this.#opener = opener;
    this.dealIds = ids;
    this.reasonText = '';
    this.chosenReasonId = null;
    this.note = '';
    this.errorText = '';
    this.reasonProblem = '';
    this.announcement = '';
    this.#combobox.close();
    const outcome = new Promise<LostOutcome | null>((resolve) => {
      this.#resolve = resolve;
    });
    await this.updateComplete;
    if (!this.dialogElement.open) this.dialogElement.showModal();
    this.reasonInput.focus();
    return outcome;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#counterTimer);
    // Removed while open: nothing was saved, so the caller learns it now.
    // A save in progress still finishes and resolves by itself.
    if (this.#resolve && this.busy !== 'saving') {
      const resolve = this.#resolve;
      this.#resolve = null;
      this.#opener = null;
      this.dealIds = [];
      resolve(null);
    }
  }

  protected override storeChanged(change: StoreChange): void {
    super.storeChanged(change);
    const store = this.store;
    if (store && this.#storeWaiters.length > 0) {
      for (const resolve of this.#storeWaiters.splice(0)) resolve(store);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#combobox.expanded && this.#combobox.highlighted >= 0) {
      this.renderRoot.querySelector(`#reason-option-${this.#combobox.highlighted}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render() {
    const msg = this.l10n.msg;
    const options = this.#options();
    const listShown = this.#combobox.expanded && options.length > 0;
    const highlighted = listShown ? this.#combobox.highlighted : -1;
    const missingReason = this.requireReason && !this.#effectiveReason();
    const locked = this.busy !== null;
    const hint =
      this.reasonProblem ||
      (missingReason ? msg['lost.requiredHint'] : '') ||
      (this.dealIds.length > 0 && this.#activeReasons().length === 0 ? msg['lost.noReasons'] : '');
    const heading =
      this.dealIds.length > 1 ? this.l10n.t('lost.headingSeveral', { count: this.dealIds.length }) : msg['action.markLost'];

    return html`
      <dialog
        part="dialog"
        dir=${this.direction}
        lang=${this.l10n.locale}
        aria-labelledby="heading"
        aria-describedby="summary"
        @keydown=${this.#onDialogKeydown}
        @cancel=${this.#onDialogCancel}
        @close=${this.#onDialogClose}
      >
        <form method="dialog" novalidate aria-busy=${locked ? 'true' : 'false'} @submit=${this.#onSubmit}>
          <h2 id="heading" part="heading">${heading}</h2>
          ${this.#renderSummary()}

          <div class="field">
            <div>
              <label id="reason-label" for="reason" part="reason-label">${msg['field.lostReason']}</label>
              ${this.requireReason ? nothing : html` <span class="optional">(${msg['lost.optional']})</span>`}
            </div>
            <div class="combobox">
              <input
                id="reason"
                part="reason-input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded=${listShown ? 'true' : 'false'}
                aria-controls="reason-listbox"
                aria-activedescendant=${highlighted >= 0 ? `reason-option-${highlighted}` : nothing}
                aria-describedby="reason-hint"
                aria-required=${this.requireReason ? 'true' : nothing}
                aria-invalid=${this.reasonProblem ? 'true' : nothing}
                maxlength=${LIMITS.reason}
                placeholder=${msg['lost.placeholder']}
                ?readonly=${locked}
                .value=${live(this.reasonText)}
                @input=${this.#onReasonInput}
                @keydown=${this.#onReasonKeydown}
                @click=${this.#onReasonClick}
                @blur=${() => this.#combobox.close()}
              />
              <ul id="reason-listbox" role="listbox" part="listbox" aria-labelledby="reason-label" ?hidden=${!listShown}>
                ${options.map((option, index) => this.#renderOption(option, index, index === highlighted))}
              </ul>
            </div>
            <p id="reason-hint" part="hint" class="hint ${this.reasonProblem ? 'problem' : ''}">${hint}</p>
          </div>

          <div class="field">
            <label for="note" part="note-label">${msg['field.closingNote']}</label>
            <textarea
              id="note"
              part="note"
              name="note"
              rows="4"
              maxlength=${LIMITS.note}
              aria-describedby="note-counter"
              ?readonly=${locked}
              .value=${live(this.note)}
              @input=${this.#onNoteInput}
            ></textarea>
            <p id="note-counter" part="counter" class="counter ${this.note.length >= LIMITS.note ? 'full' : ''}">
              ${this.l10n.t('lost.counter', { count: this.note.length, max: LIMITS.note })}
            </p>
          </div>

          <p class="error" part="error" role="alert">${this.errorText}</p>
          <p class="visually-hidden" role="status">${this.announcement}</p>

          <div class="actions" part="actions">
            <span class="hint" part="status" role="status">${this.#busyText()}</span>
            <button
              type="button"
              class="cancel"
              part="cancel-button"
              aria-disabled=${locked ? 'true' : nothing}
              @click=${this.#onCancelClick}
            >
              ${msg['action.cancel']}
            </button>
            <button
              type="submit"
              class="confirm"
              part="confirm-button"
              ?disabled=${missingReason}
              aria-disabled=${locked ? 'true' : nothing}
              aria-busy=${this.busy === 'saving' ? 'true' : nothing}
              aria-describedby=${missingReason ? 'reason-hint' : nothing}
            >
              ${msg['action.markLost']}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  #renderSummary() {
    const store = this.store;
    const deals = this.#deals();
    if (!store || deals.length === 0) return html`<div id="summary" class="summary" part="summary" hidden></div>`;
    const format = this.l10n.format;
    if (deals.length === 1) {
      const deal = deals[0]!;
      const stage = store.stage(deal.stageId);
      const details = [deal.company, stage ? stageName(this.l10n.msg, stage) : '', format.currency(deal.amount, deal.currency)];
      return html`
        <div id="summary" class="summary" part="summary">
          <p class="deal-title">${deal.title}</p>
          <p class="meta">${details.filter((text) => text !== '').join(' · ')}</p>
        </div>
      `;
    }
    const summary = store.summary(deals);
    const missing = summary.missingRates.reduce((count, entry) => count + entry.count, 0);
    const hidden = deals.length - LISTED_DEALS;
    return html`
      <div id="summary" class="summary" part="summary">
        <p>${this.l10n.t('lost.total', { amount: format.currency(summary.amount, store.currency) })}</p>
        ${missing > 0
          ? html`<p class="meta">
              ${this.l10n.t('lost.missingRates', {
                count: missing,
                currencies: format.list(summary.missingRates.map((entry) => entry.currency)),
              })}
            </p>`
          : nothing}
        <ul class="deal-list" part="deal-list">
          ${deals.slice(0, LISTED_DEALS).map((deal) => html`<li>${deal.title}</li>`)}
        </ul>
        ${hidden > 0 ? html`<p class="more">${this.l10n.t('lost.more', { count: hidden })}</p>` : nothing}
      </div>
    `;
  }

  #renderOption(option: ReasonOption, index: number, highlighted: boolean) {
    const create = option.kind === 'create';
    const chosen = !create && option.reason.id === this.chosenReasonId;
    return html`
      <li
        id="reason-option-${index}"
        role="option"
        part=${create ? 'option create-option' : 'option'}
        class=${create ? 'create' : ''}
        aria-selected=${highlighted ? 'true' : 'false'}
        @mousedown=${(event: MouseEvent) => event.preventDefault()}
        @click=${() => void this.#choose(index)}
      >
        ${create
          ? this.l10n.t('lost.create', { name: option.name })
          : html`<span class="check" aria-hidden="true">${chosen ? '✓' : ''}</span>${option.label}`}
      </li>
    `;
  }

  #busyText(): string {
    if (this.busy === 'saving') return this.l10n.msg['lost.saving'];
    if (this.busy === 'creating') return this.l10n.t('lost.creating', { name: this.#creatingName });
    return '';
  }

  // ---- state derived from the store ------------------------------------------------

  #deals(): Deal[] {
    const store = this.store;
    if (!store) return [];
    return this.dealIds.map((id) => store.deal(id)).filter((deal): deal is Deal => deal !== undefined);
  }

  #activeReasons(): LostReason[] {
    return this.store?.activeLostReasons ?? [];
  }

  #reasonLabel = (reason: LostReason): string => lostReasonName(this.l10n.msg, reason);

  #options(): ReasonOption[] {
    return reasonOptions(this.#activeReasons(), this.reasonText, this.#reasonLabel);
  }

  /**
   * The reason the dialog would save: the one chosen from the list, or the
   * active reason named exactly as typed. Undefined for empty or unknown text.
   */
  #effectiveReason(): LostReason | undefined {
    const active = this.#activeReasons();
    const chosen = active.find((reason) => reason.id === this.chosenReasonId);
    return chosen ?? exactReason(active, this.reasonText, this.#reasonLabel);
  }

  #whenStore(): Promise<DealStore> {
    if (this.store) return Promise.resolve(this.store);
    return new Promise((resolve) => this.#storeWaiters.push(resolve));
  }

  // ---- the reason combobox ------------------------------------------------------------

  #onReasonInput = (event: Event): void => {
    this.reasonText = (event.target as HTMLInputElement).value;
    this.chosenReasonId = null;
    this.reasonProblem = '';
    this.#combobox.typed();
  };

  #onReasonKeydown = (event: KeyboardEvent): void => {
    if (this.busy) {
      // Nothing can be chosen while a reason is created or the loss saved.
      if (event.key === 'Enter') event.preventDefault();
      return;
    }
    this.#combobox.keydown(event);
  };

  #onReasonClick = (): void => {
    if (!this.busy && !this.#combobox.expanded) this.#combobox.open();
  };

  #enterWithoutHighlight(): boolean {
    const exact = exactReason(this.#activeReasons(), this.reasonText, this.#reasonLabel);
    if (exact) {
      this.#select(exact);
      return true;
    }
    if (this.reasonText.trim() === '') return false;
    // Unknown text: point at the create option rather than submitting without a reason.
    const createIndex = this.#options().findIndex((option) => option.kind === 'create');
    if (createIndex >= 0) this.#combobox.highlight(createIndex);
    return true;
  }

  async #choose(index: number): Promise<void> {
    const option = this.#options()[index];
    if (!option || this.busy) return;
    if (option.kind === 'reason') {
      this.#select(option.reason);
      return;
    }
    await this.#create(option.name);
  }

  #select(reason: LostReason): void {
    this.chosenReasonId = reason.id;
    this.reasonText = this.#reasonLabel(reason);
    this.reasonProblem = '';
    this.#combobox.close();
  }

  /** Creates the reason (or finds the existing one of that name) and chooses it. */
  async #create(name: string): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.busy = 'creating';
    this.#creatingName = name;
    this.errorText = '';
    this.#combobox.close();
    try {
      const reason = await store.ensureLostReason(name, { reportErrors: false, origin: this });
      this.#select(reason);
      this.announcement = this.l10n.t('lost.created', { name: this.#reasonLabel(reason) });
    } catch (error) {
      this.errorText = this.#reportError(error, 'createLostReason', null);
    } finally {
      this.busy = null;
    }
  }

  // ---- the note ------------------------------------------------------------------------

  #onNoteInput = (event: Event): void => {
    this.note = (event.target as HTMLTextAreaElement).value;
    // Announced once typing pauses, not on every key, so it does not drown the typing echo.
    clearTimeout(this.#counterTimer);
    this.#counterTimer = setTimeout(() => {
      this.announcement = this.l10n.t('lost.counterStatus', { count: this.note.length, max: LIMITS.note });
    }, COUNTER_ANNOUNCE_DELAY);
  };

  // ---- confirming, cancelling, closing --------------------------------------------------

  #onSubmit = (event: SubmitEvent): void => {
    // The dialog closes only once the loss is saved, not when the form submits.
    event.preventDefault();
    void this.#confirm();
  };

  async #confirm(): Promise<void> {
    const store = this.store;
    if (!store || this.busy || !this.#resolve) return;
    const reason = this.#effectiveReason();
    if (!reason && this.reasonText.trim() !== '') {
      this.reasonProblem = this.l10n.t('lost.unresolved', { name: this.reasonText.trim() });
      this.reasonInput.focus();
      this.#combobox.open();
      return;
    }
    if (!reason && this.requireReason) {
      this.reasonInput.focus();
      return;
    }
    const ids = this.dealIds;
    const outcome: LostOutcome = { reasonId: reason?.id ?? null, note: this.note };
    const submit = new DealLostSubmitEvent({ dealIds: ids, ...outcome });
    if (!this.dispatchEvent(submit)) return;

    this.busy = 'saving';
    this.errorText = '';
    try {
      await store.markLost(ids, outcome, { reportErrors: false, origin: this });
    } catch (error) {
      this.busy = null;
      const unsaved = ids.filter((id) => store.deal(id)?.status !== 'lost');
      const message = this.#reportError(error, 'markLost', unsaved[0] ?? ids[0] ?? null);
      const saved = ids.length - unsaved.length;
      this.errorText =
        saved > 0 ? `${this.l10n.t('lost.partlySaved', { saved, total: ids.length })} ${message}` : message;
      return;
    }
    this.busy = null;
    const deals = ids.map((id) => store.deal(id)).filter((deal): deal is Deal => deal?.status === 'lost');
    this.#finish(outcome, new DealLostEvent({ deals, ...outcome }));
  }

  #onCancelClick = (): void => {
    if (this.busy) return;
    this.#finish(null, new DealLostCancelEvent({ dealIds: this.dealIds }));
  };

  /**
   * Escape cancels, handled here rather than left to the browser's close
   * request, whose cancel event Chromium may skip without a recent user
   * activation; and Escape must not close the dialog halfway through a save.
   * (While the reason list is open, the combobox takes the Escape first.)
   */
  #onDialogKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    if (!this.busy) this.#finish(null, new DealLostCancelEvent({ dealIds: this.dealIds }));
  };

  #onDialogCancel = (event: Event): void => {
    if (this.busy) event.preventDefault();
  };

  /**
   * Closed by the browser (Escape): the same as Cancel. Our own closes have
   * already finished; and the `close` event of an earlier close may arrive
   * after `show()` opened the dialog again, so only a closed dialog counts.
   */
  #onDialogClose = (): void => {
    if (this.#resolve && !this.dialogElement.open) {
      this.#finish(null, new DealLostCancelEvent({ dealIds: this.dealIds }));
    }
  };

  /** Closes the dialog, gives focus back to the opener, fires `event` and settles `show()`. */
  #finish(outcome: LostOutcome | null, event: Event): void {
    const resolve = this.#resolve;
    const opener = this.#opener;
    this.#resolve = null;
    this.#opener = null;
    clearTimeout(this.#counterTimer);
    this.#combobox.close();
    if (this.dialogElement?.open) this.dialogElement.close();
    if (opener?.isConnected) opener.focus();
    this.dealIds = [];
    this.dispatchEvent(event);
    resolve?.(outcome);
  }

  /** Fires the DOM `deal-error` for a refusal this dialog shows itself, and returns the text it shows. */
  #reportError(error: unknown, command: StoreCommand, dealId: string | null): string {
    const refusal = toDealAdapterError(error);
    const message = this.errorMessage(refusal);
    const event = new DealErrorEvent({ error: refusal, command, dealId, message });
    this.dispatchEvent(event);
    return message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-lost-dialog': DealLostDialog;
  }
}
