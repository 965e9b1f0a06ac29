import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { toDealAdapterError } from '../../adapters/errors.js';
import { DealErrorEvent } from '../../events/deal-error.js';
import { lostReasonName } from '../../i18n/common.js';
import { DealElement, hostStyles } from '../../internal/deal-element.js';
import { controlStyles } from '../../internal/shared-styles.js';
import { LIMITS, type LostReason } from '../../model/schemas.js';
import type { StoreChange, StoreCommand } from '../../store/events.js';
import { exactReason } from '../lost-dialog/reason-options.js';
import { lostReasonsStyles } from './lost-reasons.styles.js';
import { lostReasonsCatalogue, type LostReasonsCatalogueMessages } from './messages.js';
import { lostDealCounts } from './reason-usage.js';

/**
 * Manages the list of lost reasons, as Odoo's Configuration > Lost Reasons:
 * add a reason, rename it inline, archive and unarchive it, and see how many
 * lost deals name each one. Reasons are never deleted (the adapter contract
 * has no delete): archiving hides a reason from `<deal-lost-dialog>` while
 * the deals lost with it keep its name.
 *
 * @tag deal-lost-reasons
 * @summary Add, rename, archive and unarchive lost reasons.
 *
 * @fires {DealErrorEvent} deal-error - The storage refused to add, rename or (un)archive a reason; the element shows the error too.
 *
 * @csspart base - The section around everything.
 * @csspart heading - The title ("Lost reasons").
 * @csspart hint - The note that reasons are archived, never deleted.
 * @csspart add-form - The form that adds a reason.
 * @csspart add-label - The label of the new reason field.
 * @csspart add-input - The new reason field.
 * @csspart add-button - The "Add reason" button.
 * @csspart add-problem - Why a new name was not accepted (empty, duplicate, refused).
 * @csspart show-archived - The "Show archived" checkbox.
 * @csspart list - The list of reasons.
 * @csspart item - One reason.
 * @csspart name - The reason's name.
 * @csspart badge - The "Archived" badge.
 * @csspart count - How many lost deals name the reason.
 * @csspart rename-button - The "Rename" button.
 * @csspart name-input - The field that renames a reason inline.
 * @csspart save-button - Saves a new name.
 * @csspart cancel-button - Abandons a rename.
 * @csspart rename-problem - Why a new name was not accepted.
 * @csspart archive-button - The "Archive" or "Unarchive" button.
 * @csspart empty - Shown when there is no reason to list.
 * @csspart error - An error the storage reported.
 *
 * @cssprop --deal-lost-reasons-padding - Inner spacing (default 1rem).
 * @cssprop --deal-color-surface - Background.
 * @cssprop --deal-color-border - Borders and separators.
 * @cssprop --deal-color-text - Text colour.
 * @cssprop --deal-color-muted - Secondary text (counts, hint, archived names).
 * @cssprop --deal-color-accent - The add and save buttons, the focus ring.
 * @cssprop --deal-color-on-accent - Text on the add and save buttons.
 * @cssprop --deal-color-lost - Problems and errors.
 * @cssprop --deal-radius - Corner radius.
 * @cssprop --deal-font-family - Font family.
 * @cssprop --deal-font-size - Base font size.
 * @cssprop --deal-focus-ring - Outline of focused controls.
 */
export class DealLostReasons extends DealElement<LostReasonsCatalogueMessages> {
  static override styles = [hostStyles, controlStyles, lostReasonsStyles];

  /** Lists archived reasons too (they can be unarchived there). */
  @property({ type: Boolean, attribute: 'show-archived', reflect: true }) showArchived = false;

  @state() private newName = '';
  /** Why the new name was not added. */
  @state() private addProblem = '';
  /** The reason being renamed, and the name typed for it. */
  @state() private editingId: string | null = null;
  @state() private editText = '';
  @state() private renameProblem = '';
  /** A command is running: actions wait. */
  @state() private busy = false;
  /** A refusal of an archive toggle, in words for people. */
  @state() private errorText = '';
  @state() private announcement = '';

  /** Lost deals per reason id; rebuilt only when deals changed. */
  #counts: Map<string, number> | null = null;

  constructor() {
    super(lostReasonsCatalogue);
  }

  protected override storeChanged(change: StoreChange): void {
    if (change.reloaded || change.deals.size > 0) this.#counts = null;
    super.storeChanged(change);
  }

  protected override render() {
    const msg = this.l10n.msg;
    const reasons = this.store?.lostReasons ?? [];
    const shown = this.showArchived ? reasons : reasons.filter((reason) => !reason.archived);
    return html`
      <section part="base" dir=${this.direction} lang=${this.l10n.locale} aria-labelledby="title">
        <h2 id="title" part="heading">${msg['reasons.title']}</h2>
        <p id="hint" part="hint" class="hint">${msg['reasons.hint']}</p>

        <form part="add-form" class="add" novalidate @submit=${this.#onAdd}>
          <label for="new-reason" part="add-label">${msg['reasons.newLabel']}</label>
          <div class="row">
            <input
              id="new-reason"
              part="add-input"
              type="text"
              autocomplete="off"
              maxlength=${LIMITS.reason}
              aria-describedby="add-problem"
              aria-invalid=${this.addProblem ? 'true' : nothing}
              .value=${live(this.newName)}
              @input=${this.#onNewNameInput}
            />
            <button type="submit" class="primary" part="add-button" aria-disabled=${this.busy ? 'true' : nothing}>
              ${msg['reasons.add']}
            </button>
          </div>
          <p id="add-problem" part="add-problem" class="problem" role="alert">${this.addProblem}</p>
        </form>

        <label class="toggle">
          <input type="checkbox" part="show-archived" .checked=${this.showArchived} @change=${this.#onToggleArchived} />
          ${msg['reasons.showArchived']}
        </label>

        ${shown.length > 0
          ? html`<ul role="list" part="list" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
              ${shown.map((reason) => this.#renderItem(reason))}
            </ul>`
          : html`<p part="empty" class="hint">
              ${reasons.length === 0 ? msg['reasons.empty'] : msg['reasons.allArchived']}
            </p>`}

        <p part="error" class="error" role="alert">${this.errorText}</p>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  #renderItem(reason: LostReason) {
    const msg = this.l10n.msg;
    const name = this.#label(reason);
    const editing = reason.id === this.editingId;
    const locked = this.busy ? 'true' : nothing;
    return html`
      <li part="item" class=${reason.archived ? 'archived' : ''} data-id=${reason.id}>
        ${editing
          ? html`<div class="editor">
              <div class="row">
                <input
                  type="text"
                  part="name-input"
                  autocomplete="off"
                  maxlength=${LIMITS.reason}
                  aria-label=${this.l10n.t('reasons.nameInputLabel', { name })}
                  aria-describedby="rename-problem"
                  aria-invalid=${this.renameProblem ? 'true' : nothing}
                  .value=${live(this.editText)}
                  @input=${this.#onEditInput}
                  @keydown=${this.#onEditKeydown}
                />
                <button type="button" class="primary" part="save-button" aria-disabled=${locked} @click=${() => void this.#saveRename()}>
                  ${msg['reasons.save']}
                </button>
                <button type="button" part="cancel-button" @click=${() => this.#stopEditing()}>${msg['action.cancel']}</button>
              </div>
              <p id="rename-problem" part="rename-problem" class="problem" role="alert">${this.renameProblem}</p>
            </div>`
          : html`<span part="name" class="name">${name}</span>`}
        ${reason.archived ? html`<span part="badge" class="badge">${msg['reasons.archivedBadge']}</span>` : nothing}
        <span part="count" class="count">${this.l10n.t('reasons.usage', { count: this.#count(reason.id) })}</span>
        ${editing
          ? nothing
          : html`<button
              type="button"
              part="rename-button"
              aria-label=${this.l10n.t('reasons.renameLabel', { name })}
              aria-disabled=${locked}
              @click=${() => this.#startEditing(reason)}
            >
              ${msg['reasons.rename']}
            </button>`}
        <button
          type="button"
          part="archive-button"
          aria-label=${this.l10n.t(reason.archived ? 'reasons.unarchiveLabel' : 'reasons.archiveLabel', { name })}
          aria-disabled=${locked}
          @click=${() => void this.#toggleArchived(reason)}
        >
          ${reason.archived ? msg['reasons.unarchive'] : msg['reasons.archive']}
        </button>
      </li>
    `;
  }

  #label(reason: LostReason): string {
    return lostReasonName(this.l10n.msg, reason);
  }

  #count(reasonId: string): number {
    this.#counts ??= lostDealCounts(this.store?.deals.values() ?? []);
    return this.#counts.get(reasonId) ?? 0;
  }

  /** Another reason named `name` (stored or shown name, trimmed, case-insensitive). */
  #duplicateOf(name: string, exceptId: string | null): LostReason | undefined {
    const others = (this.store?.lostReasons ?? []).filter((reason) => reason.id !== exceptId);
    return exactReason(others, name, (reason) => this.#label(reason));
  }

  /** The button of a reason's item, found after a render. */
  #itemButton(reasonId: string, part: 'rename-button' | 'archive-button'): HTMLElement | null {
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-id]')].find((li) => li.dataset['id'] === reasonId);
    return item?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
  }

  // ---- adding ------------------------------------------------------------------------------

  #onNewNameInput = (event: Event): void => {
    this.newName = (event.target as HTMLInputElement).value;
    this.addProblem = '';
  };

  #onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const store = this.store;
    if (!store || this.busy) return;
    const name = this.newName.trim();
    if (!name) {
      this.addProblem = this.l10n.msg['reasons.nameMissing'];
      return;
    }
    const duplicate = this.#duplicateOf(name, null);
    if (duplicate) {
      const shown = this.#label(duplicate);
      this.addProblem = this.l10n.t(duplicate.archived ? 'reasons.duplicateArchived' : 'reasons.duplicate', { name: shown });
      return;
    }
    this.busy = true;
    try {
      const reason = await store.ensureLostReason(name, { reportErrors: false, origin: this });
      this.newName = '';
      this.addProblem = '';
      this.announcement = this.l10n.t('reasons.added', { name: this.#label(reason) });
    } catch (error) {
      this.addProblem = this.#reportError(error, 'createLostReason');
    } finally {
      this.busy = false;
    }
  };

  // ---- renaming ----------------------------------------------------------------------------

  async #startEditing(reason: LostReason): Promise<void> {
    if (this.busy) return;
    this.editingId = reason.id;
    this.editText = this.#label(reason);
    this.renameProblem = '';
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="name-input"]');
    input?.focus();
    input?.select();
  }

  async #stopEditing(): Promise<void> {
    const id = this.editingId;
    this.editingId = null;
    this.renameProblem = '';
    await this.updateComplete;
    if (id) this.#itemButton(id, 'rename-button')?.focus();
  }

  #onEditInput = (event: Event): void => {
    this.editText = (event.target as HTMLInputElement).value;
    this.renameProblem = '';
  };

  #onEditKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      void this.#saveRename();
    } else if (event.key === 'Escape') {
      // Only the rename is abandoned, not a dialog this element may sit in.
      event.preventDefault();
      event.stopPropagation();
      void this.#stopEditing();
    }
  };

  async #saveRename(): Promise<void> {
    const store = this.store;
    const reason = this.editingId ? store?.lostReason(this.editingId) : undefined;
    if (!store || !reason || this.busy) return;
    const name = this.editText.trim();
    const before = this.#label(reason);
    if (!name) {
      this.renameProblem = this.l10n.msg['reasons.nameMissing'];
      return;
    }
    if (name === before) return this.#stopEditing();
    const duplicate = this.#duplicateOf(name, reason.id);
    if (duplicate) {
      this.renameProblem = this.l10n.t(duplicate.archived ? 'reasons.duplicateArchived' : 'reasons.duplicate', {
        name: this.#label(duplicate),
      });
      return;
    }
    this.busy = true;
    try {
      const saved = await store.updateLostReason(reason.id, { name }, { reportErrors: false, origin: this });
      this.announcement = this.l10n.t('reasons.renamed', { from: before, to: this.#label(saved) });
      this.busy = false;
      await this.#stopEditing();
    } catch (error) {
      this.renameProblem = this.#reportError(error, 'updateLostReason');
      this.busy = false;
    }
  }

  // ---- archiving ---------------------------------------------------------------------------

  #onToggleArchived = (event: Event): void => {
    this.showArchived = (event.target as HTMLInputElement).checked;
  };

  async #toggleArchived(reason: LostReason): Promise<void> {
    const store = this.store;
    if (!store || this.busy) return;
    const archiving = !reason.archived;
    const name = this.#label(reason);
    // Where focus goes if the item disappears (archived while archived ones are hidden).
    const visible = store.lostReasons.filter((r) => this.showArchived || !r.archived).map((r) => r.id);
    const index = visible.indexOf(reason.id);
    const neighbour = visible[index + 1] ?? visible[index - 1] ?? null;

    this.busy = true;
    this.errorText = '';
    const saving = store.updateLostReason(reason.id, { archived: archiving }, { reportErrors: false, origin: this });
    // The store shows the change at once; keep focus on a button that is still there.
    await this.updateComplete;
    this.#keepFocus(reason.id, neighbour);
    try {
      await saving;
      this.announcement = this.l10n.t(archiving ? 'reasons.archivedNotice' : 'reasons.unarchivedNotice', { name });
    } catch (error) {
      this.errorText = this.#reportError(error, 'updateLostReason');
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.#keepFocus(reason.id, neighbour);
  }

  /**
   * When the focused button went away with its item, focuses the reason's
   * archive button, or its neighbour's, or the toggle, whichever exists.
   */
  #keepFocus(reasonId: string, neighbour: string | null): void {
    const focusLost = this.shadowRoot?.activeElement == null && (document.activeElement ?? document.body) === document.body;
    if (!focusLost) return;
    const own = this.#itemButton(reasonId, 'archive-button');
    if (own) {
      own.focus();
      return;
    }
    const next = (neighbour && this.#itemButton(neighbour, 'archive-button')) || this.renderRoot.querySelector<HTMLElement>('[part~="show-archived"]');
    next?.focus();
  }

  /** Fires the DOM `deal-error` for a refusal this element shows itself, and returns the text it shows. */
  #reportError(error: unknown, command: StoreCommand): string {
    const refusal = toDealAdapterError(error);
    const message = this.errorMessage(refusal);
    const event = new DealErrorEvent({ error: refusal, command, dealId: null, message });
    this.dispatchEvent(event);
    return message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-lost-reasons': DealLostReasons;
  }
}
