import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { DealAdapterError } from '../../adapters/errors.js';
import { DealMoveEvent } from '../../events/deal-move.js';
import { DealMovedEvent } from '../../events/deal-moved.js';
import { DealOpenEvent } from '../../events/deal-open.js';
import { DealRestoredEvent } from '../../events/deal-restored.js';
import { DealWonEvent } from '../../events/deal-won.js';
import { commonMessages, lostReasonName, priorityName, stageName, statusName, type CommonMessages } from '../../i18n/common.js';
import { mergeCatalogues, type MergedMessages } from '../../i18n/messages.js';
import { DealElement, hostStyles } from '../../internal/deal-element.js';
import { controlStyles } from '../../internal/shared-styles.js';
import type { DateRange, Deal, Stage } from '../../model/schemas.js';
import type { DealStore } from '../../store/deal-store.js';
import { narrowingsOf, withoutNarrowing, type Narrowing } from '../../store/narrowings.js';
import type { StoreChange, StoreErrorEvent } from '../../store/events.js';
import type { DealSummary } from '../../store/summary.js';
import type { DealLostDialog } from '../lost-dialog/lost-dialog.js';
import { ownerInitials, parseAmount } from './card-text.js';
import { columnView, type BoardMove, type ColumnView } from './column-view.js';
import { PointerDragController, type DragTarget } from './drag-controller.js';
import { HEALTH_PARTS, HealthCache, healthRange, localIsoDate, type CloseDateHealth, type HealthPart } from './health.js';
import { BoardKeyboardController, type KeyboardColumn } from './keyboard-controller.js';
import { boardMessages, type BoardMessages, type MovePlace } from './messages.js';
import { boardStyles } from './pipeline-board.styles.js';
import { slotAt, VirtualColumns } from './virtual-columns.js';

type Messages = MergedMessages<CommonMessages, BoardMessages>;
const catalogue = mergeCatalogues(commonMessages, boardMessages);

/**
 * The default card gap (0.5rem at 16px) and card height (8rem) plus gap,
 * used until a rendered card is measured. With the default styles the
 * measurement agrees, and the board does not render a second time.
 */
const ESTIMATED_GAP = 8;
const ESTIMATED_PITCH = 128 + ESTIMATED_GAP;
/** Cards rendered above and below those in view. */
const OVERSCAN = 4;

/** One column: the stage and the deals it shows. */
interface BoardColumn {
  stage: Stage;
  /** The deals of the stage the filter admits, in column order. */
  deals: readonly Deal[];
}

/** A column as rendered, with the deals its header counts. */
interface RenderedColumn extends BoardColumn {
  /** What the header totals and health go over: `deals`, or for one frame after a small change, the deals before it. */
  counted: readonly Deal[];
}

/** A refused command, shown in the alert until retried or dismissed. */
interface BoardAlert {
  error: unknown;
  message: string;
  /** Runs the refused command again; null when it cannot be repeated. */
  retry: (() => Promise<unknown>) | null;
  /** What to do once a retry succeeded (events, announcements). */
  onSaved: ((result: unknown) => void) | null;
}

/** A chip of the filter summary. */
interface Chip {
  key: string;
  label: string;
  remove: () => void;
}

/**
 * The pipeline board: one column per stage, one card per deal, for the deals
 * the provider's shared filter admits. Deals are moved by drag and drop
 * (mouse, pen, touch) or with the keyboard, won and lost from their cards,
 * and created from the top of a column. Columns are virtualized, so boards
 * of tens of thousands of deals stay fast.
 *
 * **Keyboard.** The cards form one tab stop; the arrow keys move focus
 * between cards (left/right between columns, mirrored in right-to-left
 * layouts), Home/End to the first/last card of the column (with Ctrl: of
 * the board), PageUp/PageDown by a screenful. **Space or Enter picks the
 * focused card up**; the arrow keys then move it across positions and
 * columns, Space or Enter drops it, Escape cancels. Every step is announced
 * in a polite live region ("Moved “Acme renewal” to Qualified, position 3 of
 * 12"). Tab from a card reaches its own buttons (priority stars, Open, Mark
 * as won, Mark as lost or Restore).
 *
 * **Opening a deal.** Because Space and Enter pick a card up, a card is
 * opened by clicking (or tapping) it anywhere outside its buttons, by its
 * "Open" button, or by a screen reader's activation of the card; each fires
 * `deal-open`, and the host shows its own form.
 *
 * **Moving with the pointer.** A press becomes a drag after the pointer
 * moved 5 px (mouse, pen) or after a 400 ms long press (touch; a swipe still
 * scrolls). A placeholder shows where the card will land; columns and the
 * board scroll by themselves near their edges; Escape cancels. While an open
 * deal is dragged, "Won" and "Lost" drop zones appear: Won marks it won,
 * Lost opens the lost-reason dialog and saves nothing until it is confirmed.
 * A lost deal can be reordered in its stage but not moved out of it.
 *
 * **Saving.** Every change shows at once. If the storage refuses it, the
 * card goes back to where it was and an alert says why, with Retry.
 *
 * The header of each column shows the stage's number of deals, total and
 * weighted amounts in the display currency (over every deal the filter
 * admits, not only those on screen) and a bar of close-date health; its
 * parts (overdue, due within 7 days, later, no date) narrow the board.
 *
 * @tag deal-pipeline-board
 * @summary The pipeline kanban: stages as columns, deals as cards, fast at 50,000 deals.
 *
 * @fires {DealMoveEvent} deal-move - A deal is about to be moved; nothing is saved yet. Cancelable: `preventDefault()` keeps it where it is. `detail`: deal, fromStageId, toStageId, index.
 * @fires {DealMovedEvent} deal-moved - A move was saved. `detail`: the saved deal, fromStageId, toStageId, index.
 * @fires {DealOpenEvent} deal-open - The user opened a card (click, tap or its Open button). `detail.deal`.
 * @fires {DealWonEvent} deal-won - A deal was marked won (button, Won drop zone, or moved into the won stage) and saved.
 * @fires {DealLostEvent} deal-lost - Deals were marked lost and saved; fired by the board's lost-reason dialog and bubbling out of the board.
 * @fires {DealRestoredEvent} deal-restored - A lost deal was restored and saved.
 * @fires {DealErrorEvent} deal-error - The storage refused a change made on the board; it was rolled back and the alert shows why.
 *
 * @csspart board - The whole board.
 * @csspart summary - The "N deals, total" line.
 * @csspart chip - A chip of the active filter; its button removes that narrowing.
 * @csspart alert - The alert shown when a change was refused (with Retry).
 * @csspart columns - The row of columns (it scrolls sideways).
 * @csspart column - A column (also a folded one).
 * @csspart column-folded - A folded column: a narrow strip.
 * @csspart column-header - The header of a column: name, count, totals, health bar.
 * @csspart health - The close-date health bar of a column.
 * @csspart health-part - One part of the health bar (a button that narrows the board).
 * @csspart column-body - The scrolling list of cards of a column.
 * @csspart quick-create - The form that creates a deal at the top of a column.
 * @csspart card - A card.
 * @csspart card-title - The focusable title of a card.
 * @csspart ribbon - The WON or LOST ribbon of a card.
 * @csspart actions - The buttons of a card (Open, Mark as won, Mark as lost, Restore).
 * @csspart drop-placeholder - Where a dragged card will land.
 * @csspart drop-zone - The Won and Lost drop zones shown while dragging.
 * @csspart drag-ghost - The copy of the card that follows the pointer.
 *
 * @cssprop --deal-board-height - Height of the board when the page sets none (default 40rem). Columns scroll inside it.
 * @cssprop --deal-column-width - Width of a column (default 18rem).
 * @cssprop --deal-column-gap - Space between columns (default 0.75rem).
 * @cssprop --deal-folded-width - Width of a folded column (default 2.75rem).
 * @cssprop --deal-card-height - Height of every card (default 8rem); cards are virtualized at this fixed height.
 * @cssprop --deal-card-gap - Space between cards (default 0.5rem).
 * @cssprop --deal-card-shadow - Shadow of a card.
 * @cssprop --deal-color-overdue - Overdue dates and the overdue part of the health bar (default: the lost colour).
 * @cssprop --deal-color-due-soon - The "due within 7 days" part of the health bar (default: the warning colour).
 * @cssprop --deal-color-due-later - The "later" part of the health bar (default: the accent colour).
 * @cssprop --deal-color-no-date - The "no date" part of the health bar (default: the border colour).
 * @cssprop --deal-color-star - Filled priority stars.
 * @cssprop --deal-color-surface - Background of cards.
 * @cssprop --deal-color-surface-muted - Background of columns.
 * @cssprop --deal-color-border - Borders.
 * @cssprop --deal-color-text - Text colour.
 * @cssprop --deal-color-muted - Secondary text (company, totals).
 * @cssprop --deal-color-accent - Focus ring, drop placeholder, buttons.
 * @cssprop --deal-color-won - The WON ribbon and the Won drop zone.
 * @cssprop --deal-color-lost - The LOST ribbon, the Lost drop zone, overdue dates.
 * @cssprop --deal-color-warning - Missing exchange rates.
 * @cssprop --deal-color-on-accent - Text on the quick-create form's primary button.
 * @cssprop --deal-color-on-won - Text on the WON ribbon.
 * @cssprop --deal-color-on-lost - Text on the LOST ribbon and the overdue mark.
 * @cssprop --deal-radius - Corner radius.
 * @cssprop --deal-font-family - Font family.
 * @cssprop --deal-font-size - Base font size.
 * @cssprop --deal-focus-ring - Outline of focused controls.
 */
export class DealPipelineBoard extends DealElement<Messages> {
  static override styles = [hostStyles, controlStyles, boardStyles];

  /**
   * The day overdue and "due within 7 days" count from, `YYYY-MM-DD`.
   * Default: the user's current local date. Set it for reproducible demos.
   */
  @property() today = '';

  /** The card being moved, by keyboard or pointer. */
  @state() private move: BoardMove | null = null;
  /** Board-only narrowing to deals without an expected close date (a DealQuery cannot express it). */
  @state() private noDateOnly = false;
  /** The stage whose quick-create form is open. */
  @state() private creatingIn: string | null = null;
  @state() private createError = '';
  @state() private alert: BoardAlert | null = null;
  @state() private announcement = '';
  /** The lost-reason dialog is rendered once first needed, not with every board. */
  @state() private lostDialogWanted = false;

  readonly #virtual = new VirtualColumns(this, {
    estimatedPitch: ESTIMATED_PITCH,
    estimatedGap: ESTIMATED_GAP,
    overscan: OVERSCAN,
    bodySelector: '[data-column-body]',
    cardSelector: '[data-card]',
  });

  readonly #keyboard = new BoardKeyboardController(this, {
    columns: () => this.#navigableColumns(),
    deal: (id) => this.store?.deal(id),
    direction: () => this.direction,
    move: () => this.move,
    pickUp: (id) => this.#pickUp(id),
    retarget: (stageId, index) => this.#retarget(stageId, index),
    drop: () => void this.#drop(),
    cancel: () => this.#cancelMove(),
    pageSize: (stageId) => this.#virtual.pageSize(stageId),
    reveal: (id) => this.#revealCard(id),
  });

  readonly #drag = new PointerDragController(this, {
    canStart: (id) => this.move === null && this.store?.deal(id) !== undefined,
    start: (id) => this.#startPointerMove(id),
    over: (target) => this.#pointerOver(target),
    drop: () => void this.#drop(),
    cancel: () => this.#cancelMove(),
    scroller: () => this.renderRoot.querySelector<HTMLElement>('[data-columns]'),
    ghost: () => this.renderRoot.querySelector<HTMLElement>('[data-ghost]'),
  });

  readonly #health = new HealthCache();
  /** The no-date narrowing of each column array, kept while the array is the same. */
  readonly #undated = new WeakMap<readonly Deal[], readonly Deal[]>();
  /** Per stage, the column array its header last counted (see #counted). */
  readonly #headerDeals = new Map<string, readonly Deal[]>();
  /** Only deals changed since the last render: headers may show the previous counts for a frame. */
  #headersMayLag = false;
  #recountScheduled = false;
  #recountDue = false;
  /** The filter, the stages or all data changed since the last render: count at once. */
  #structuralChange = false;
  /** Short DOM ids for deal ids (which may hold any character). */
  readonly #domIds = new Map<string, string>();
  #announceToggle = false;

  constructor() {
    super(catalogue);
  }

  /**
   * Renders one task later than Lit would (a microtask later). A store
   * command changes the data several times in a row (the optimistic record,
   * the adapter's event, the saved record), each time replacing the column
   * arrays and so their totals; rendering once for all of them halves the
   * work of a move on a large board.
   */
  protected override async scheduleUpdate(): Promise<void> {
    await nextTask();
    super.scheduleUpdate();
  }

  // ---- store -------------------------------------------------------------------

  protected override storeChanged(change: StoreChange): void {
    // The card being moved was removed elsewhere: there is nothing left to move.
    if (this.move && !this.store?.deal(this.move.deal.id)) this.#cancelMove(false);
    // Column arrays replaced wholesale (filter, reload, stages) are counted at once; a few changed deals may lag a frame.
    if (change.reloaded || change.filter || change.stages) this.#structuralChange = true;
    else if (change.deals.size > 0) this.#headersMayLag = true;
    super.storeChanged(change);
  }

  protected override storeError(event: StoreErrorEvent): void {
    if (event.origin !== this) return;
    this.alert = { error: event.error, message: this.errorMessage(event.error), retry: event.retry, onSaved: null };
  }

  // ---- rendering ---------------------------------------------------------------

  protected override render(): TemplateResult {
    const store = this.store;
    const msg = this.l10n.msg;
    if (!store || (store.status === 'loading' && store.stages.length === 0)) {
      return html`<div class="root" part="board" dir=${this.direction}>
        <p class="state" role="status">${msg['state.loading']}</p>
      </div>`;
    }
    if (store.status === 'error') {
      return html`<div class="root" part="board" dir=${this.direction}>
        <div class="alert" role="alert" part="alert">
          <span class="alert-text">${this.errorMessage(store.error)}</span>
          <button type="button" @click=${() => void store.load()}>${msg['action.retry']}</button>
        </div>
      </div>`;
    }
    const today = this.today || localIsoDate();
    const columns = this.#renderedColumns(store);
    const tabStop = this.#keyboard.tabStop();
    const move = this.move;
    return html`
      <div
        class=${move ? 'root moving' : 'root'}
        part="board"
        dir=${this.direction}
        aria-label=${msg['board.label']}
        role="region"
        @click=${this.#onClick}
      >
        ${this.#renderToolbar(store, columns)} ${this.#renderAlert()}
        ${store.notice === 'memory-fallback' ? html`<p class="notice">${msg['notice.memoryFallback']}</p>` : nothing}
        <div class="columns" part="columns" data-columns>
          ${columns.map((column, index) => this.#renderColumn(store, column, index, tabStop, today))}
        </div>
        ${move?.mode === 'pointer' ? this.#renderDragLayer(move) : nothing}
        <p id="card-instructions" hidden>${msg['board.instructions']}</p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live>${this.announcement}</div>
        ${this.lostDialogWanted ? html`<deal-lost-dialog></deal-lost-dialog>` : nothing}
      </div>
    `;
  }

  #renderToolbar(store: DealStore, columns: readonly RenderedColumn[]): TemplateResult {
    const msg = this.l10n.msg;
    const format = this.l10n.format;
    const total = sumSummaries(columns.map((column) => store.summary(column.counted)));
    const chips = this.#chips(store);
    return html`
      <div class="toolbar">
        <p class="summary" part="summary">
          ${this.l10n.t('board.summary', {
            deals: this.l10n.t('count.deals', { count: total.count }),
            amount: format.currency(total.amount, store.currency),
          })}
          ${this.#renderMissingRates(total)}
        </p>
        ${chips.length > 0
          ? html`<ul class="chips" aria-label=${msg['filter.label']}>
              ${repeat(
                chips,
                (chip) => chip.key,
                (chip, index) => html`<li class="chip" part="chip">
                  <span>${chip.label}</span>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label=${this.l10n.t('filter.remove', { label: chip.label })}
                    @click=${() => void this.#removeChip(chip, index)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`,
              )}
              <li>
                <button type="button" class="text-button" @click=${this.#clearFilters}>${msg['filter.clearAll']}</button>
              </li>
            </ul>`
          : nothing}
      </div>
    `;
  }

  #renderMissingRates(summary: DealSummary): TemplateResult | typeof nothing {
    if (summary.missingRates.length === 0) return nothing;
    const text = this.l10n.t('board.missingRates', {
      currencies: this.l10n.format.list(summary.missingRates.map((missing) => missing.currency)),
    });
    return html`<span class="missing-rates" role="img" aria-label=${text} title=${text}>⚠</span>`;
  }

  #renderAlert(): TemplateResult | typeof nothing {
    const alert = this.alert;
    if (!alert) return nothing;
    const msg = this.l10n.msg;
    return html`<div class="alert" role="alert" part="alert">
      <span class="alert-text">${alert.message}</span>
      ${alert.retry ? html`<button type="button" data-retry @click=${this.#retryAlert}>${msg['action.retry']}</button>` : nothing}
      <button type="button" class="icon-button" aria-label=${msg['alert.dismiss']} @click=${this.#dismissAlert}>
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  #renderColumn(store: DealStore, column: RenderedColumn, index: number, tabStop: string | null, today: string): TemplateResult {
    const { stage, deals, counted } = column;
    const msg = this.l10n.msg;
    const name = stageName(msg, stage);
    const summary = store.summary(counted);
    if (stage.folded) {
      const count = this.l10n.t('count.deals', { count: summary.count });
      return html`<section class="column folded" part="column column-folded" data-column data-stage-id=${stage.id}>
        <button
          type="button"
          class="unfold"
          data-fold=${stage.id}
          aria-expanded="false"
          aria-label=${this.l10n.t('column.unfold', { stage: name, deals: count })}
          @click=${() => this.#toggleFold(stage)}
        >
          <span class="folded-name">${name}</span>
          <span class="folded-count">${this.l10n.format.number(summary.count)}</span>
        </button>
      </section>`;
    }
    const nameId = `stage-name-${index}`;
    const view = columnView(deals, stage.id, this.move);
    const health = this.#health.get(counted, today);
    const creating = this.creatingIn === stage.id;
    return html`<section class="column" part="column" data-column data-stage-id=${stage.id}>
      ${guard([stage, summary, health, msg, creating, store.currency, nameId], () =>
        this.#renderColumnHeader(store, stage, summary, health, nameId, today),
      )}
      ${creating ? this.#renderQuickCreate(stage, name) : nothing}
      <div class="column-body" part="column-body" data-column-body data-stage-id=${stage.id} @scroll=${this.#virtual.onScroll}>
        <div class="track" role="list" aria-labelledby=${nameId} data-track style="block-size: ${this.#virtual.contentSize(view.length)}px">
          ${repeat(
            this.#renderedItems(stage.id, view, tabStop),
            (item) => item.deal.id,
            (item) => this.#renderCard(item.deal, item.index, view.length, tabStop, today),
          )}
        </div>
        ${view.length === 0 ? html`<p class="empty">${msg['empty.stage']}</p>` : nothing}
      </div>
    </section>`;
  }

  /** The header of an open column; re-rendered only when its deals, totals or texts change. */
  #renderColumnHeader(store: DealStore, stage: Stage, summary: DealSummary, health: CloseDateHealth, nameId: string, today: string): TemplateResult {
    const msg = this.l10n.msg;
    const format = this.l10n.format;
    const name = stageName(msg, stage);
    const count = this.l10n.t('count.deals', { count: summary.count });
    return html`<header class="column-header" part="column-header">
      <div class="column-title">
        <span class="column-name" id=${nameId}>${name}</span>
        <span class="column-count" title=${count}>
          <span aria-hidden="true">${format.number(summary.count)}</span>
          <span class="visually-hidden">${count}</span>
        </span>
        <span class="spacer"></span>
        <button
          type="button"
          class="icon-button"
          data-create=${stage.id}
          aria-expanded=${this.creatingIn === stage.id ? 'true' : 'false'}
          aria-label=${this.l10n.t('column.add', { stage: name })}
          title=${this.l10n.t('column.add', { stage: name })}
          @click=${() => this.#toggleCreate(stage.id)}
        >
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          class="icon-button"
          data-fold=${stage.id}
          aria-expanded="true"
          aria-label=${this.l10n.t('column.fold', { stage: name })}
          title=${this.l10n.t('column.fold', { stage: name })}
          @click=${() => this.#toggleFold(stage)}
        >
          <span class="fold-icon" aria-hidden="true">‹</span>
        </button>
      </div>
      <div class="column-totals">
        <span>${msg['column.total']} <strong>${format.currency(summary.amount, store.currency)}</strong></span>
        <span>${msg['column.weighted']} <strong>${format.currency(summary.weighted, store.currency)}</strong></span>
        ${this.#renderMissingRates(summary)}
      </div>
      ${this.#renderHealth(health, today)}
    </header>`;
  }

  #renderHealth(health: CloseDateHealth, today: string): TemplateResult {
    const msg = this.l10n.msg;
    const names: Record<HealthPart, string> = {
      overdue: msg['date.overdue'],
      soon: msg['health.soon'],
      later: msg['health.later'],
      none: msg['date.none'],
    };
    return html`<div class="health" part="health" role="group" aria-label=${msg['health.label']}>
      ${HEALTH_PARTS.filter((part) => health[part] > 0).map((part) => {
        const label = this.l10n.t('health.part', { part: names[part], deals: this.l10n.t('count.deals', { count: health[part] }) });
        return html`<button
          type="button"
          class="health-part ${part}"
          part="health-part"
          data-health=${part}
          style="flex-grow: ${health[part]}"
          aria-label=${label}
          title=${label}
          @click=${() => this.#narrowToHealth(part, today)}
        ></button>`;
      })}
    </div>`;
  }

  #renderQuickCreate(stage: Stage, name: string): TemplateResult {
    const msg = this.l10n.msg;
    const error = this.createError;
    return html`<form
      class="quick-create"
      part="quick-create"
      aria-label=${this.l10n.t('create.label', { stage: name })}
      novalidate
      @submit=${(event: SubmitEvent) => void this.#submitCreate(event, stage)}
      @keydown=${this.#onCreateKeydown}
    >
      <label>
        <span>${msg['field.title']}</span>
        <input
          name="title"
          autocomplete="off"
          maxlength="200"
          required
          aria-invalid=${error === msg['create.titleRequired'] ? 'true' : 'false'}
          aria-describedby="create-error"
        />
      </label>
      <label>
        <span>${msg['field.company']}</span>
        <input name="company" autocomplete="off" maxlength="200" />
      </label>
      <label>
        <span>${msg['field.amount']} (${this.store?.currency ?? ''})</span>
        <input
          name="amount"
          inputmode="decimal"
          autocomplete="off"
          aria-invalid=${error === msg['create.amountInvalid'] ? 'true' : 'false'}
          aria-describedby="create-error"
        />
      </label>
      <p id="create-error" class="field-error" role="alert">${error}</p>
      <div class="form-buttons">
        <button type="submit" class="primary">${msg['create.submit']}</button>
        <button type="button" @click=${() => this.#closeCreate()}>${msg['action.cancel']}</button>
      </div>
    </form>`;
  }

  /**
   * A card: its place (cheap, updated whenever it moves) and its content,
   * which is rendered again only when the deal record, its tab stop, the
   * language or the day changes. The store replaces a deal's record on every
   * change, so comparing records is exact.
   */
  #renderCard(deal: Deal, index: number, count: number, tabStop: string | null, today: string): TemplateResult {
    const move = this.move;
    const moving = move !== null && move.deal.id === deal.id;
    const tabindex = deal.id === tabStop ? '0' : '-1';
    const classes = {
      card: true,
      [deal.status]: true,
      ribboned: deal.status !== 'open',
      lifted: moving && move.mode === 'keyboard',
      placeholder: moving && move.mode === 'pointer',
    };
    return html`<div
      role="listitem"
      class=${classMap(classes)}
      part=${moving && move.mode === 'pointer' ? 'card drop-placeholder' : 'card'}
      data-card
      data-deal-id=${deal.id}
      aria-setsize=${count}
      aria-posinset=${index + 1}
      style="transform: translateY(${this.#virtual.offsetOf(index)}px)"
    >
      ${guard([deal, tabindex, this.l10n.msg, today], () => this.#renderCardContent(deal, tabindex, today))}
    </div>`;
  }

  #renderCardContent(deal: Deal, tabindex: string, today: string): TemplateResult {
    const msg = this.l10n.msg;
    const format = this.l10n.format;
    const id = this.#domId(deal.id);
    const overdue = deal.status === 'open' && deal.expectedClose !== null && deal.expectedClose < today;
    return html`
      <div
        class="card-title"
        part="card-title"
        id="${id}-title"
        role="button"
        tabindex=${tabindex}
        data-deal-id=${deal.id}
        data-card-focus
        aria-describedby="${id}-details card-instructions"
      >${deal.title}</div>
      <div class="card-details" id="${id}-details">
        ${deal.status !== 'open'
          ? html`<span class="ribbon ${deal.status}" part="ribbon">${msg[`ribbon.${deal.status}`]}</span>`
          : nothing}
        <div class="company">${deal.company}</div>
        <div class="meta">
          <span class="amount">${format.currency(deal.amount, deal.currency)}</span>
          ${deal.expectedClose
            ? html`<span class="close-date ${overdue ? 'overdue' : ''}" title=${overdue ? msg['date.overdue'] : msg['field.expectedClose']}>
                ${overdue ? html`<span class="overdue-mark" aria-hidden="true">!</span>` : nothing}
                <span aria-hidden="true">${format.date(deal.expectedClose)}</span>
                <span class="visually-hidden"
                  >${this.l10n.t(overdue ? 'card.overdue' : 'card.closeDate', { date: format.date(deal.expectedClose) })}</span
                >
              </span>`
            : nothing}
        </div>
        <div class="footer">
          <span class="tags">
            ${deal.tags.length > 0 ? html`<span class="visually-hidden">${msg['field.tags']}:</span>` : nothing}
            ${deal.tags.map((tag) => html`<span class="tag">${tag}</span>`)}
          </span>
          ${deal.owner
            ? html`<span class="owner" title=${deal.owner}>
                <span aria-hidden="true">${ownerInitials(deal.owner)}</span>
                <span class="visually-hidden">${this.l10n.t('card.owner', { owner: deal.owner })}</span>
              </span>`
            : nothing}
        </div>
      </div>
      <div class="stars" role="group" aria-label=${this.l10n.t('card.priority', { level: priorityName(msg, deal.priority) })}>
        ${[1, 2, 3].map(
          (level) => html`<button
            type="button"
            class="star"
            data-action="priority"
            data-level=${level}
            tabindex=${tabindex}
            aria-pressed=${deal.priority >= level ? 'true' : 'false'}
            aria-label=${priorityName(msg, level)}
            title=${priorityName(msg, level)}
          >
            <span aria-hidden="true">${deal.priority >= level ? '★' : '☆'}</span>
          </button>`,
        )}
      </div>
      <div class="actions" part="actions">
        <button type="button" data-action="open" tabindex=${tabindex} aria-describedby="${id}-title">${msg['card.open']}</button>
        ${deal.status === 'open'
          ? html`<button type="button" data-action="won" class="won" tabindex=${tabindex} aria-describedby="${id}-title">
                ${msg['action.markWon']}
              </button>
              <button type="button" data-action="lost" class="lost" tabindex=${tabindex} aria-describedby="${id}-title">
                ${msg['action.markLost']}
              </button>`
          : nothing}
        ${deal.status === 'lost'
          ? html`<button type="button" data-action="restore" tabindex=${tabindex} aria-describedby="${id}-title">
              ${msg['action.restore']}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderDragLayer(move: BoardMove): TemplateResult {
    const msg = this.l10n.msg;
    const deal = move.deal;
    return html`
      ${deal.status === 'open'
        ? html`<div class="zones">
            <div class="zone won ${move.zone === 'won' ? 'over' : ''}" part="drop-zone" data-drop-zone="won">
              <strong>${statusName(msg, 'won')}</strong><span>${msg['zone.won']}</span>
            </div>
            <div class="zone lost ${move.zone === 'lost' ? 'over' : ''}" part="drop-zone" data-drop-zone="lost">
              <strong>${statusName(msg, 'lost')}</strong><span>${msg['zone.lost']}</span>
            </div>
          </div>`
        : nothing}
      <div class="ghost" part="drag-ghost" data-ghost aria-hidden="true">
        <div class="ghost-title">${deal.title}</div>
        <div class="company">${deal.company}</div>
        <div class="amount">${this.l10n.format.currency(deal.amount, deal.currency)}</div>
      </div>
    `;
  }

  /**
   * The cards of a column to put in the DOM: those in view (plus overscan),
   * and also the card holding the tab stop and the card being moved when
   * they are out of view, so that focus is never lost to virtualization.
   * Kept in column order, so rendering never reorders existing elements.
   */
  #renderedItems(stageId: string, view: ColumnView, tabStop: string | null): { deal: Deal; index: number }[] {
    const { start, end } = this.#virtual.range(stageId, view.length);
    const pinned = new Set<number>();
    const move = this.move;
    if (move && move.toStageId === stageId) pinned.add(Math.max(0, Math.min(move.toIndex, view.length - 1)));
    if (tabStop !== null) {
      const deal = this.store?.deal(tabStop);
      if (deal && (deal.stageId === stageId || move?.deal.id === tabStop)) {
        // Without a move the keyboard controller knows the index already; during one, ask the view.
        const index = move ? view.indexOf(move.deal.id === tabStop ? move.deal : deal) : this.#keyboard.indexOf(tabStop);
        if (index >= 0) pinned.add(index);
      }
    }
    const items: { deal: Deal; index: number }[] = [];
    const add = (index: number): void => {
      const deal = view.at(index);
      if (deal) items.push({ deal, index });
    };
    const outside = [...pinned].filter((index) => index < start || index >= end).sort((a, b) => a - b);
    for (const index of outside) if (index < start) add(index);
    for (let index = start; index < end; index++) add(index);
    for (const index of outside) if (index >= end) add(index);
    return items;
  }

  // ---- columns -------------------------------------------------------------------

  #boardColumns(store: DealStore): BoardColumn[] {
    return store.stages.map((stage) => ({ stage, deals: this.#narrowed(store.column(stage.id)) }));
  }

  /** The columns with what each header counts; called once per render, as it consumes the lag flags. */
  #renderedColumns(store: DealStore): RenderedColumn[] {
    const lag = this.#headersMayLag && !this.#recountDue && !this.#structuralChange;
    this.#headersMayLag = false;
    this.#recountDue = false;
    this.#structuralChange = false;
    return this.#boardColumns(store).map((column) => ({ ...column, counted: this.#counted(column, lag) }));
  }

  /**
   * The deals a column's header counts. Totals and health go over the whole
   * column (20,000 deals at 50,000), so after a change of a few deals (a
   * move, an edit) the cards are rendered first and the headers recounted
   * in a task after the next frame: the move shows without waiting for the
   * sums, and the two pieces of work do not share one long task. Any other
   * change (filter, reload, stages, settings) is counted at once.
   */
  #counted({ stage, deals }: BoardColumn, lag: boolean): readonly Deal[] {
    const counted = this.#headerDeals.get(stage.id);
    if (counted === deals) return deals;
    if (counted && lag) {
      this.#scheduleHeaderRecount();
      return counted;
    }
    this.#headerDeals.set(stage.id, deals);
    return deals;
  }

  #scheduleHeaderRecount(): void {
    if (this.#recountScheduled) return;
    this.#recountScheduled = true;
    afterNextFrame(() => {
      this.#recountScheduled = false;
      // The next render counts whatever changed since, even if more small changes came in.
      this.#recountDue = true;
      this.requestUpdate();
    });
  }

  #navigableColumns(): KeyboardColumn[] {
    const store = this.store;
    if (!store) return [];
    return this.#boardColumns(store)
      .filter((column) => !column.stage.folded)
      .map((column) => ({ stageId: column.stage.id, deals: column.deals }));
  }

  /** A column as the board shows it: with the board's own no-date narrowing, kept per array so summaries stay memoized. */
  #narrowed(deals: readonly Deal[]): readonly Deal[] {
    if (!this.noDateOnly) return deals;
    let undated = this.#undated.get(deals);
    if (!undated) {
      undated = deals.filter((deal) => deal.expectedClose === null);
      this.#undated.set(deals, undated);
    }
    return undated;
  }

  #domId(dealId: string): string {
    let id = this.#domIds.get(dealId);
    if (!id) {
      id = `card-${this.#domIds.size + 1}`;
      this.#domIds.set(dealId, id);
    }
    return id;
  }

  // ---- filter chips and health narrowing ------------------------------------------

  #chips(store: DealStore): Chip[] {
    const msg = this.l10n.msg;
    const chips: Chip[] = narrowingsOf(store.filter).map((narrowing) => ({
      key: narrowing.key,
      label: this.#chipLabel(store, narrowing),
      remove: () => this.#removeNarrowing(narrowing),
    }));
    if (this.noDateOnly) {
      chips.push({
        key: 'no-close-date',
        label: this.l10n.t('filter.field', { field: msg['field.expectedClose'], value: msg['filter.noCloseDate'] }),
        remove: () => this.#setNoDateOnly(false),
      });
    }
    return chips;
  }

  #chipLabel(store: DealStore, narrowing: Narrowing): string {
    const msg = this.l10n.msg;
    const field = (name: string, value: string): string => this.l10n.t('filter.field', { field: name, value });
    switch (narrowing.field) {
      case 'statuses':
        return field(
          msg['field.status'],
          narrowing.statuses.length === 3
            ? msg['filter.allStatuses']
            : this.l10n.format.list(narrowing.statuses.map((status) => statusName(msg, status))),
        );
      case 'stageIds': {
        const stage = store.stage(narrowing.value);
        return field(msg['field.stage'], stage ? stageName(msg, stage) : narrowing.value);
      }
      case 'owners':
        return field(msg['field.owner'], narrowing.value);
      case 'lostReasonIds': {
        const reason = store.lostReason(narrowing.value);
        return field(msg['field.lostReason'], reason ? lostReasonName(msg, reason) : narrowing.value);
      }
      case 'closeDate':
        return field(msg['field.expectedClose'], this.#rangeText(narrowing.range));
      case 'lostDate':
        return field(msg['filter.lostDate'], this.#rangeText(narrowing.range));
      case 'text':
        return field(msg['filter.text'], this.l10n.t('filter.quoted', { text: narrowing.text }));
    }
  }

  #rangeText(range: DateRange): string {
    const format = this.l10n.format;
    if (range.from && range.to) return this.l10n.t('filter.between', { from: format.date(range.from), to: format.date(range.to) });
    if (range.from) return this.l10n.t('filter.from', { date: format.date(range.from) });
    return this.l10n.t('filter.until', { date: format.date(range.to ?? '') });
  }

  #removeNarrowing(narrowing: Narrowing): void {
    const store = this.store;
    if (store) store.setFilter(withoutNarrowing(store.filter, narrowing));
  }

  /** Removes a chip's narrowing and moves focus to the chip that took its place (its button is gone). */
  async #removeChip(chip: Chip, index: number): Promise<void> {
    chip.remove();
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.chip-remove');
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else await this.#keepFocusOnBoard();
  }

  #clearFilters = (): void => {
    this.#setNoDateOnly(false);
    this.store?.resetFilter();
  };

  #narrowToHealth(part: HealthPart, today: string): void {
    const store = this.store;
    if (!store) return;
    const range = healthRange(part, today);
    // Deals without a date match no date range, so "no date" clears the range and narrows here.
    this.#setNoDateOnly(range === null);
    store.updateFilter({ closeDate: range ?? undefined });
  }

  #setNoDateOnly(on: boolean): void {
    if (this.noDateOnly === on) return;
    this.noDateOnly = on;
    this.#cancelMove(false);
  }

  // ---- card actions ----------------------------------------------------------------

  /** Clicks on cards: their buttons, or the card itself (opens it). */
  #onClick = (event: MouseEvent): void => {
    const store = this.store;
    if (!store || event.defaultPrevented) return;
    const path = event.composedPath();
    const card = path.find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-card'));
    const deal = card ? store.deal(card.dataset['dealId'] ?? '') : undefined;
    if (!card || !deal) return;
    const button = path
      .slice(0, path.indexOf(card))
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.matches('button, input, a[href]'));
    if (button) {
      this.#cardAction(button, deal);
      return;
    }
    // A card being moved is not opened by the click that ends a keyboard move.
    if (this.move) return;
    this.#fire(new DealOpenEvent({ deal }));
  };

  #cardAction(button: HTMLElement, deal: Deal): void {
    switch (button.dataset['action']) {
      case 'open':
        this.#fire(new DealOpenEvent({ deal }));
        break;
      case 'won':
        void this.#markWon(deal);
        break;
      case 'lost':
        void this.#markLost(deal);
        break;
      case 'restore':
        void this.#restore(deal);
        break;
      case 'priority': {
        const level = Number(button.dataset['level']);
        // Choosing the current level again clears the priority.
        const priority = deal.priority === level ? 0 : level;
        void this.#run(() => this.#requireStore().updateDeal(deal.id, { priority }, { origin: this }), () => undefined);
        break;
      }
    }
  }

  async #markWon(deal: Deal): Promise<void> {
    await this.#run(
      () => this.#requireStore().markWon(deal.id, { origin: this }),
      (saved) => {
        this.#fire(new DealWonEvent({ deal: saved }));
        this.#announce(this.l10n.t('done.won', { title: saved.title }));
      },
    );
  }

  /** Opens the lost-reason dialog; it saves the loss itself and fires `deal-lost`. */
  async #markLost(deal: Deal): Promise<void> {
    if (!this.lostDialogWanted) {
      this.lostDialogWanted = true;
      await this.updateComplete;
    }
    const dialog = this.renderRoot.querySelector<DealLostDialog>('deal-lost-dialog');
    if (!dialog || typeof dialog.show !== 'function') {
      this.alert = {
        error: null,
        message: this.errorMessage(new DealAdapterError('unsupported', '<deal-lost-dialog> is not defined.')),
        retry: null,
        onSaved: null,
      };
      return;
    }
    try {
      const outcome = await dialog.show(deal.id);
      if (!outcome) return;
      this.#announce(this.l10n.t('done.lost', { title: deal.title }));
      // The card may have left the board (lost deals are hidden by default): keep focus on the board.
      await this.#keepFocusOnBoard();
    } catch (error) {
      this.alert = { error, message: this.errorMessage(error), retry: null, onSaved: null };
    }
  }

  async #restore(deal: Deal): Promise<void> {
    await this.#run(
      () => this.#requireStore().restore(deal.id, { origin: this }),
      (saved) => {
        const restored = saved[0];
        if (!restored) return;
        this.#fire(new DealRestoredEvent({ deal: restored }));
        this.#announce(this.l10n.t('done.restored', { title: restored.title }));
      },
    );
  }

  /**
   * Runs a store command the user asked for. A refusal was already rolled
   * back by the store and shown in the alert (`storeError`); the alert's
   * Retry repeats the command and then does `onSaved`.
   */
  async #run<T>(command: () => Promise<T>, onSaved: (result: T) => void): Promise<void> {
    try {
      onSaved(await command());
    } catch (error) {
      const alert = this.alert;
      if (alert && alert.error === error) {
        this.alert = {
          ...alert,
          retry: alert.retry ?? command,
          onSaved: (result) => onSaved(result as T),
        };
      } else {
        // Refused before the store could report it (an unknown deal, no store yet).
        this.alert = { error, message: this.errorMessage(error), retry: command, onSaved: (result) => onSaved(result as T) };
      }
    }
  }

  #retryAlert = (): void => {
    const alert = this.alert;
    if (!alert?.retry) return;
    this.alert = null;
    const retry = alert.retry;
    void this.#run(retry, (result) => alert.onSaved?.(result));
  };

  #dismissAlert = (): void => {
    this.alert = null;
  };

  #requireStore(): DealStore {
    if (!this.store) throw new DealAdapterError('storage_unavailable', 'The board has no store yet.');
    return this.store;
  }

  // ---- folding and quick create ------------------------------------------------------

  async #toggleFold(stage: Stage): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.#virtual.forget(stage.id);
    if (this.creatingIn === stage.id) this.creatingIn = null;
    const done = this.#run(() => store.updateStage(stage.id, { folded: !stage.folded }, { origin: this }), () => undefined);
    // The stage shows folded at once: move focus to the button that replaced the one pressed.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-fold="${CSS.escape(stage.id)}"]`)?.focus();
    await done;
  }

  async #toggleCreate(stageId: string): Promise<void> {
    if (this.creatingIn === stageId) {
      this.#closeCreate();
      return;
    }
    this.creatingIn = stageId;
    this.createError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.quick-create input[name="title"]')?.focus();
  }

  #closeCreate(): void {
    const stageId = this.creatingIn;
    this.creatingIn = null;
    this.createError = '';
    if (stageId === null) return;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-create="${CSS.escape(stageId)}"]`)?.focus(),
    );
  }

  #onCreateKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeCreate();
  };

  async #submitCreate(event: SubmitEvent, stage: Stage): Promise<void> {
    event.preventDefault();
    const store = this.store;
    const form = event.currentTarget as HTMLFormElement;
    if (!store) return;
    const msg = this.l10n.msg;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const company = String(data.get('company') ?? '').trim();
    const amount = parseAmount(String(data.get('amount') ?? ''));
    const titleInput = form.querySelector<HTMLInputElement>('input[name="title"]');
    if (!title) {
      this.createError = msg['create.titleRequired'];
      titleInput?.focus();
      return;
    }
    if (amount === null) {
      this.createError = msg['create.amountInvalid'];
      form.querySelector<HTMLInputElement>('input[name="amount"]')?.focus();
      return;
    }
    this.createError = '';
    await this.#run(
      () => store.createDeal({ title, company, amount, currency: store.currency, stageId: stage.id }, { origin: this }),
      (saved) => {
        this.#announce(this.l10n.t('create.created', { title: saved.title, stage: stageName(msg, stage) }));
        // The form stays open for the next deal.
        form.reset();
        titleInput?.focus();
      },
    );
  }

  // ---- moving ----------------------------------------------------------------------------

  #pickUp(dealId: string): void {
    const deal = this.store?.deal(dealId);
    const index = this.#keyboard.indexOf(dealId);
    if (!deal || index < 0) return;
    this.move = {
      deal,
      mode: 'keyboard',
      fromStageId: deal.stageId,
      fromIndex: index,
      toStageId: deal.stageId,
      toIndex: index,
      zone: null,
    };
    this.#announce(this.l10n.t('move.pickedUp', this.#place(this.move)));
  }

  #retarget(stageId: string, index: number): void {
    const move = this.move;
    if (!move) return;
    if (stageId !== move.fromStageId && move.deal.status === 'lost') {
      this.#announce(this.l10n.t('move.lostStays', { title: move.deal.title }));
      return;
    }
    const toIndex = Math.max(0, Math.min(index, this.#targetCount(move, stageId)));
    this.move = { ...move, toStageId: stageId, toIndex };
    this.#announce(this.l10n.t('move.moved', this.#place(this.move)));
    // The card may now be out of view: bring it in once rendered.
    void this.updateComplete.then(() => this.#revealCard(move.deal.id));
  }

  /** Scrolls a card into view: where it would land during a move, else where it is. */
  #revealCard(dealId: string): void {
    const move = this.move;
    if (move?.deal.id === dealId) {
      this.#virtual.reveal(move.toStageId, move.toIndex);
      return;
    }
    const deal = this.store?.deal(dealId);
    const index = this.#keyboard.indexOf(dealId);
    if (deal && index >= 0) this.#virtual.reveal(deal.stageId, index);
  }

  #startPointerMove(dealId: string): void {
    const deal = this.store?.deal(dealId);
    const index = this.#keyboard.indexOf(dealId);
    if (!deal || index < 0) {
      this.#drag.abort();
      return;
    }
    this.move = {
      deal,
      mode: 'pointer',
      fromStageId: deal.stageId,
      fromIndex: index,
      toStageId: deal.stageId,
      toIndex: index,
      zone: null,
    };
  }

  #pointerOver(target: DragTarget): void {
    const move = this.move;
    if (!move || move.mode !== 'pointer') return;
    const home = { toStageId: move.fromStageId, toIndex: move.fromIndex, zone: null };
    let next: Pick<BoardMove, 'toStageId' | 'toIndex' | 'zone'> = home;
    if (target.kind === 'zone' && move.deal.status === 'open') {
      next = { ...home, zone: target.zone };
    } else if (target.kind === 'column' && (target.stageId === move.fromStageId || move.deal.status !== 'lost')) {
      const count = this.#targetCount(move, target.stageId);
      const index = target.offset === null ? count : slotAt(target.offset, this.#virtual.pitch, count);
      next = { toStageId: target.stageId, toIndex: index, zone: null };
    }
    if (next.toStageId !== move.toStageId || next.toIndex !== move.toIndex || next.zone !== move.zone) {
      this.move = { ...move, ...next };
    }
  }

  #cancelMove(announce = true): void {
    const move = this.move;
    if (!move) return;
    this.move = null;
    if (move.mode === 'pointer') this.#drag.abort();
    if (announce) {
      const home = { ...move, toStageId: move.fromStageId, toIndex: move.fromIndex };
      this.#announce(this.l10n.t('move.cancelled', this.#place(home)));
    }
  }

  /** Ends the move in progress: save the new place, or win/lose on a drop zone. */
  async #drop(): Promise<void> {
    const move = this.move;
    const store = this.store;
    if (!move || !store) return;
    this.move = null;
    const deal = store.deal(move.deal.id);
    if (!deal) return;
    if (move.zone === 'won') return this.#markWon(deal);
    if (move.zone === 'lost') return this.#markLost(deal);
    const place = this.#place(move);
    if (move.toStageId === move.fromStageId && move.toIndex === move.fromIndex) {
      if (move.mode === 'keyboard') this.#announce(this.l10n.t('move.dropped', place));
      return;
    }
    const detail = { deal, fromStageId: move.fromStageId, toStageId: move.toStageId, index: move.toIndex };
    if (!this.#fire(new DealMoveEvent(detail))) {
      this.#announce(this.l10n.t('move.notAllowed', { title: deal.title }));
      return;
    }
    this.#announce(this.l10n.t('move.dropped', place));
    const index = this.#storeIndex(store, move);
    await this.#run(
      () => store.moveDeal(deal.id, { stageId: move.toStageId, index }, { origin: this }),
      (saved) => {
        this.#fire(new DealMovedEvent({ ...detail, deal: saved }));
        if (saved.status === 'won' && deal.status !== 'won') this.#fire(new DealWonEvent({ deal: saved }));
      },
    );
  }

  /** Cards in a target column without the moving one: the largest position it can take. */
  #targetCount(move: BoardMove, stageId: string): number {
    const store = this.store;
    if (!store) return 0;
    const length = this.#narrowed(store.column(stageId)).length;
    return stageId === move.fromStageId ? length - 1 : length;
  }

  /**
   * The position to give the store. The store counts among the deals the
   * shared filter shows; with the board's no-date narrowing fewer are shown,
   * so the position is that of the shown deal the card lands before.
   */
  #storeIndex(store: DealStore, move: BoardMove): number {
    if (!this.noDateOnly) return move.toIndex;
    const all = store.column(move.toStageId).filter((deal) => deal.id !== move.deal.id);
    const shown = this.#narrowed(store.column(move.toStageId)).filter((deal) => deal.id !== move.deal.id);
    const before = shown[move.toIndex];
    if (before) return all.indexOf(before);
    const last = shown[shown.length - 1];
    return last ? all.indexOf(last) + 1 : 0;
  }

  /** The words of a move announcement for where the card is (or would land). */
  #place(move: BoardMove): MovePlace {
    const stage = this.store?.stage(move.toStageId);
    const format = this.l10n.format;
    return {
      title: move.deal.title,
      stage: stage ? stageName(this.l10n.msg, stage) : move.toStageId,
      position: format.number(move.toIndex + 1),
      total: format.number(this.#targetCount(move, move.toStageId) + 1),
    };
  }

  // ---- events, announcements and focus ------------------------------------------------------

  /**
   * Dispatches one of the board's events (documented with `@fires` on the
   * class). The manifest analyzer would read `dispatchEvent(new X({...}))`
   * as events named after the detail's fields; it does not look in here.
   */
  #fire(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** Says something in the polite live region; the same text twice is still read twice. */
  #announce(text: string): void {
    this.#announceToggle = !this.#announceToggle;
    this.announcement = this.#announceToggle ? text : `${text}\u00a0`;
  }

  /** When focus fell out of the board (the focused card left it), puts it on the tab stop card. */
  async #keepFocusOnBoard(): Promise<void> {
    await this.updateComplete;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const id = this.#keyboard.tabStop();
    if (id !== null) await this.#keyboard.focusCard(id);
  }
}

/**
 * Runs `callback` in a task after the next frame is painted; if no frame
 * comes (a page in a background tab), after 100 ms.
 */
function afterNextFrame(callback: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(() => void nextTask().then(run));
  setTimeout(run, 100);
}

let taskChannel: MessageChannel | null = null;
const waitingForTask: (() => void)[] = [];

/**
 * Resolves in the next task. A message channel rather than a timer: timers
 * are clamped and throttled (in background tabs to once a second), messages
 * are not.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (!taskChannel) {
      taskChannel = new MessageChannel();
      taskChannel.port1.onmessage = () => waitingForTask.shift()?.();
    }
    waitingForTask.push(resolve);
    taskChannel.port2.postMessage(null);
  });
}

/** Sums per-column summaries (each memoized by the store) into the board's total. */
function sumSummaries(summaries: readonly DealSummary[]): DealSummary {
  const missing = new Map<string, { currency: string; count: number; amount: number }>();
  let count = 0;
  let amount = 0;
  let weighted = 0;
  for (const summary of summaries) {
    count += summary.count;
    amount += summary.amount;
    weighted += summary.weighted;
    for (const rate of summary.missingRates) {
      const entry = missing.get(rate.currency) ?? { currency: rate.currency, count: 0, amount: 0 };
      entry.count += rate.count;
      entry.amount += rate.amount;
      missing.set(rate.currency, entry);
    }
  }
  return { count, amount, weighted, missingRates: [...missing.values()] };
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-pipeline-board': DealPipelineBoard;
  }
}
