/**
 * Keyboard operation of the board: roving focus over the cards (one tab
 * stop; arrows, Home/End, PageUp/PageDown move it) and the keyboard move
 * (Space or Enter picks a card up, arrows move it, Space or Enter drops it,
 * Escape cancels). In right-to-left layouts the horizontal arrows follow
 * what the user sees: ArrowLeft goes to the column on the left.
 *
 * The controller also keeps focus on the card it belongs to when a render
 * replaces or moves that card's element (a move to another column, the
 * virtual window sliding): browsers drop focus on removed elements.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deal } from '../../model/schemas.js';
import type { BoardMove } from './column-view.js';

/** An unfolded column as the keyboard walks it: the cards it shows, without any move preview. */
export interface KeyboardColumn {
  stageId: string;
  deals: readonly Deal[];
}

export interface BoardKeyboardOptions {
  /** Unfolded columns in visual order (inline start to end). */
  columns(): readonly KeyboardColumn[];
  /** The current record of a deal (the store's). */
  deal(dealId: string): Deal | undefined;
  direction(): 'ltr' | 'rtl';
  /** The move in progress, or null. */
  move(): BoardMove | null;
  /** Picks a card up for a keyboard move. */
  pickUp(dealId: string): void;
  /** Moves the picked-up card to a position of a column (clamped by the host). */
  retarget(stageId: string, index: number): void;
  drop(): void;
  cancel(): void;
  /** How many cards a column shows at once, for PageUp/PageDown. */
  pageSize(stageId: string): number;
  /** Scrolls a card (where it is now, or where it would land) into view. */
  reveal(dealId: string): void;
}

/** Where a card is among the navigable columns. */
interface Place {
  column: number;
  index: number;
}

/** Marks the element that takes focus for a card (carries `data-deal-id`). */
const CARD_FOCUS_ATTRIBUTE = 'data-card-focus';
const CARD_FOCUS = `[${CARD_FOCUS_ATTRIBUTE}]`;

export class BoardKeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: BoardKeyboardOptions;
  /** The card holding the one tab stop; it is always rendered, even out of view. */
  #activeId: string | null = null;
  /** Where the active card was last seen, to pick a neighbour when it disappears. */
  #lastPlace: Place | null = null;
  /** The card that had focus when an update started. */
  #focusedBeforeUpdate: string | null = null;
  #placeCache: { deal: Deal; deals: readonly Deal[]; index: number } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BoardKeyboardOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The card that should carry `tabindex="0"` now: the active one while it is
   * on the board, else a neighbour of where it was, else the first card.
   */
  tabStop(): string | null {
    const columns = this.#options.columns();
    if (this.#activeId !== null) {
      const place = this.#placeOf(this.#activeId, columns);
      if (place) {
        this.#lastPlace = place;
        return this.#activeId;
      }
    }
    const fallback = this.#neighbourOf(this.#lastPlace, columns);
    this.#activeId = fallback;
    return fallback;
  }

  /** Makes a card the active one and focuses it once rendered, scrolling it into view. */
  async focusCard(dealId: string): Promise<void> {
    this.#activeId = dealId;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.cardFocusElement(dealId)?.focus({ preventScroll: true });
    this.#options.reveal(dealId);
  }

  /** The focusable part of a card, if rendered. */
  cardFocusElement(dealId: string): HTMLElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLElement>(`${CARD_FOCUS}[data-deal-id="${CSS.escape(dealId)}"]`) ?? null;
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    this.#host.addEventListener('focusin', this.#onFocusin);
    this.#host.addEventListener('focusout', this.#onFocusout);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.#host.removeEventListener('focusin', this.#onFocusin);
    this.#host.removeEventListener('focusout', this.#onFocusout);
  }

  hostUpdate(): void {
    const focused = this.#host.shadowRoot?.activeElement;
    this.#focusedBeforeUpdate =
      focused instanceof HTMLElement ? (focused.closest<HTMLElement>('[data-deal-id]')?.dataset['dealId'] ?? null) : null;
  }

  hostUpdated(): void {
    if (this.#focusedBeforeUpdate === null) return;
    // Focus is still on an element of the board: the render did not take it away.
    if (this.#host.shadowRoot?.activeElement) return;
    const id = this.#activeId ?? this.#focusedBeforeUpdate;
    this.cardFocusElement(id)?.focus({ preventScroll: true });
  }

  #onFocusin = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement)) return;
    const card = target.closest<HTMLElement>('[data-deal-id]');
    const id = card?.dataset['dealId'];
    if (id !== undefined && id !== this.#activeId) {
      this.#activeId = id;
      this.#host.requestUpdate();
    }
  };

  #onFocusout = (event: FocusEvent): void => {
    // A keyboard move ends when the user takes focus elsewhere; a card element
    // removed by a render (no relatedTarget) is refocused instead, in hostUpdated.
    const move = this.#options.move();
    if (move?.mode === 'keyboard' && event.relatedTarget) this.#options.cancel();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || !target.hasAttribute(CARD_FOCUS_ATTRIBUTE)) return;
    const dealId = target.dataset['dealId'];
    if (dealId === undefined) return;
    const move = this.#options.move();
    if (move) {
      if (move.mode === 'keyboard' && move.deal.id === dealId) this.#moveKey(event, move);
      return;
    }
    this.#navigationKey(event, dealId);
  };

  /** Keys while a card is picked up. */
  #moveKey(event: KeyboardEvent, move: BoardMove): void {
    const columns = this.#options.columns();
    const column = columns.findIndex((c) => c.stageId === move.toStageId);
    const horizontal = this.#horizontalStep(event.key);
    let handled = true;
    if (event.key === ' ' || event.key === 'Enter') this.#options.drop();
    else if (event.key === 'Escape') this.#options.cancel();
    else if (event.key === 'ArrowDown') this.#options.retarget(move.toStageId, move.toIndex + 1);
    else if (event.key === 'ArrowUp') this.#options.retarget(move.toStageId, Math.max(0, move.toIndex - 1));
    else if (event.key === 'Home') this.#options.retarget(move.toStageId, 0);
    else if (event.key === 'End') this.#options.retarget(move.toStageId, Number.MAX_SAFE_INTEGER);
    else if (horizontal !== 0) {
      const next = columns[column + horizontal];
      // At the first or last column the card stays; the host still says where it is.
      this.#options.retarget(next?.stageId ?? move.toStageId, move.toIndex);
    } else if (event.key === 'Tab') {
      this.#options.cancel();
      handled = false;
    } else handled = false;
    if (handled) event.preventDefault();
  }

  /** Keys that move focus between cards, and pick one up. */
  #navigationKey(event: KeyboardEvent, dealId: string): void {
    const columns = this.#options.columns();
    const place = this.#placeOf(dealId, columns);
    if (!place) return;
    const column = columns[place.column]!;
    const horizontal = this.#horizontalStep(event.key);
    let target: Place | null = null;
    switch (event.key) {
      case ' ':
      case 'Enter':
        event.preventDefault();
        this.#options.pickUp(dealId);
        return;
      case 'ArrowDown':
        target = { column: place.column, index: Math.min(place.index + 1, column.deals.length - 1) };
        break;
      case 'ArrowUp':
        target = { column: place.column, index: Math.max(place.index - 1, 0) };
        break;
      case 'PageDown':
        target = { column: place.column, index: Math.min(place.index + this.#options.pageSize(column.stageId), column.deals.length - 1) };
        break;
      case 'PageUp':
        target = { column: place.column, index: Math.max(place.index - this.#options.pageSize(column.stageId), 0) };
        break;
      case 'Home':
        target = event.ctrlKey ? this.#firstCardPlace(columns) : { column: place.column, index: 0 };
        break;
      case 'End':
        target = event.ctrlKey ? this.#lastCardPlace(columns) : { column: place.column, index: column.deals.length - 1 };
        break;
      default:
        if (horizontal !== 0) target = this.#besideColumn(columns, place, horizontal);
    }
    if (!target) return;
    event.preventDefault();
    const deal = columns[target.column]?.deals[target.index];
    if (deal) void this.focusCard(deal.id);
  }

  /** +1 for the next column in reading order, -1 for the previous one, 0 for other keys. */
  #horizontalStep(key: string): number {
    const rtl = this.#options.direction() === 'rtl';
    if (key === 'ArrowRight') return rtl ? -1 : 1;
    if (key === 'ArrowLeft') return rtl ? 1 : -1;
    return 0;
  }

  /** The nearest column beside `place` that has cards, at the same row or its last card. */
  #besideColumn(columns: readonly KeyboardColumn[], place: Place, step: number): Place | null {
    for (let c = place.column + step; c >= 0 && c < columns.length; c += step) {
      const length = columns[c]!.deals.length;
      if (length > 0) return { column: c, index: Math.min(place.index, length - 1) };
    }
    return null;
  }

  #firstCardPlace(columns: readonly KeyboardColumn[]): Place | null {
    const column = columns.findIndex((c) => c.deals.length > 0);
    return column < 0 ? null : { column, index: 0 };
  }

  #lastCardPlace(columns: readonly KeyboardColumn[]): Place | null {
    const column = columns.findLastIndex((c) => c.deals.length > 0);
    return column < 0 ? null : { column, index: columns[column]!.deals.length - 1 };
  }

  /**
   * Where a card is now. Only its own column is searched, and the answer is
   * kept until that column's array is replaced (the store replaces it on any
   * change), so asking on every render costs nothing.
   */
  #placeOf(dealId: string, columns: readonly KeyboardColumn[]): Place | null {
    const deal = this.#options.deal(dealId);
    if (!deal) return null;
    const column = columns.findIndex((c) => c.stageId === deal.stageId);
    if (column < 0) return null;
    const { deals } = columns[column]!;
    const cached = this.#placeCache;
    let index: number;
    if (cached && cached.deal === deal && cached.deals === deals) index = cached.index;
    else {
      index = deals.indexOf(deal);
      this.#placeCache = { deal, deals, index };
    }
    return index < 0 ? null : { column, index };
  }

  /** The position of a card in its column (as shown, without a move preview), or -1. */
  indexOf(dealId: string): number {
    return this.#placeOf(dealId, this.#options.columns())?.index ?? -1;
  }

  /** The card now at (or nearest to) a place that emptied, else the first card of the board. */
  #neighbourOf(place: Place | null, columns: readonly KeyboardColumn[]): string | null {
    const column = place ? columns[place.column] : undefined;
    if (place && column && column.deals.length > 0) {
      return column.deals[Math.min(place.index, column.deals.length - 1)]!.id;
    }
    const first = this.#firstCardPlace(columns);
    return first ? columns[first.column]!.deals[first.index]!.id : null;
  }
}
