/**
 * Drag and drop of cards with Pointer Events, for mouse, pen and touch.
 *
 * - A press becomes a drag only after the pointer moved a few pixels (mouse,
 *   pen) or after a long press (touch), so clicks still open cards and
 *   swiping still scrolls on touch screens.
 * - Once dragging, the pointer is captured by the board's scroller, which
 *   stays in the DOM whatever the virtual columns render.
 * - Near the top or bottom of a column, and near the start or end of the
 *   board, the view scrolls by itself.
 * - Escape cancels; so does the browser taking the pointer away.
 *
 * The controller only finds out what is under the pointer; the host decides
 * what that means (position in a column, a drop zone) and renders it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DropZone } from './column-view.js';

/** What the pointer is over while dragging. */
export type DragTarget =
  | { kind: 'zone'; zone: DropZone }
  /** `offset`: px from the top of the column's content, or null for a folded column. */
  | { kind: 'column'; stageId: string; offset: number | null }
  | { kind: 'none' };

export interface PointerDragOptions {
  /** Whether a drag may start on this card now. */
  canStart(dealId: string): boolean;
  start(dealId: string): void;
  over(target: DragTarget): void;
  drop(): void;
  cancel(): void;
  /** The element that scrolls the columns sideways; it also captures the pointer. */
  scroller(): HTMLElement | null;
  /** The floating copy of the card that follows the pointer, once rendered. */
  ghost(): HTMLElement | null;
}

/** Pixels a mouse or pen must move before a press becomes a drag. */
export const DRAG_THRESHOLD = 5;
/** A touch held this long without moving starts a drag. */
export const LONG_PRESS_MS = 400;
/** A touch that moves more than this before the long press is a scroll. */
const TOUCH_SLOP = 8;
/** Distance from an edge where auto-scroll starts, and its top speed per frame. */
const EDGE = 48;
const MAX_SPEED = 18;

const CONTROLS = 'button, input, select, textarea, a[href], [contenteditable]';

interface Press {
  pointerId: number;
  pointerType: string;
  dealId: string;
  startX: number;
  startY: number;
  /** Where in the card it was grabbed, so the ghost keeps that point under the pointer. */
  grabX: number;
  grabY: number;
  width: number;
  longPress: ReturnType<typeof setTimeout> | null;
}

export class PointerDragController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PointerDragOptions;
  #press: Press | null = null;
  #dragging = false;
  #x = 0;
  #y = 0;
  /** The column body under the pointer, for auto-scroll. */
  #body: HTMLElement | null = null;
  #frame = 0;
  #swallowClick = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PointerDragOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether a card is being dragged. */
  get dragging(): boolean {
    return this.#dragging;
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onPointerDown);
    // Not passive: after a long press, scrolling must be stopped for the drag.
    this.#host.addEventListener('touchmove', this.#onTouchMove, { passive: false });
    this.#host.addEventListener('contextmenu', this.#onContextMenu);
    this.#host.addEventListener('click', this.#onClick, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onPointerDown);
    this.#host.removeEventListener('touchmove', this.#onTouchMove);
    this.#host.removeEventListener('contextmenu', this.#onContextMenu);
    this.#host.removeEventListener('click', this.#onClick, true);
    if (this.#dragging) this.#options.cancel();
    this.#end();
  }

  hostUpdated(): void {
    if (this.#dragging) this.#placeGhost();
  }

  /** Stops a drag from outside (the host cancelled the move). */
  abort(): void {
    this.#end();
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (this.#press || !event.isPrimary || event.button !== 0) return;
    const path = event.composedPath();
    const card = path.find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-card'));
    const dealId = card?.dataset['dealId'];
    if (!card || dealId === undefined) return;
    // A press on a control inside the card (stars, actions) is a click on that control.
    const inside = path.slice(0, path.indexOf(card));
    if (inside.some((node) => node instanceof HTMLElement && node.matches(CONTROLS))) return;
    if (!this.#options.canStart(dealId)) return;
    const rect = card.getBoundingClientRect();
    this.#press = {
      pointerId: event.pointerId,
      pointerType: event.pointerType,
      dealId,
      startX: event.clientX,
      startY: event.clientY,
      grabX: event.clientX - rect.left,
      grabY: event.clientY - rect.top,
      width: rect.width,
      longPress: null,
    };
    this.#x = event.clientX;
    this.#y = event.clientY;
    if (event.pointerType === 'touch') {
      this.#press.longPress = setTimeout(() => this.#begin(), LONG_PRESS_MS);
    }
    window.addEventListener('pointermove', this.#onPointerMove, true);
    window.addEventListener('pointerup', this.#onPointerUp, true);
    window.addEventListener('pointercancel', this.#onPointerCancel, true);
  };

  #onPointerMove = (event: PointerEvent): void => {
    const press = this.#press;
    if (!press || event.pointerId !== press.pointerId) return;
    this.#x = event.clientX;
    this.#y = event.clientY;
    const moved = Math.hypot(event.clientX - press.startX, event.clientY - press.startY);
    if (!this.#dragging) {
      if (press.pointerType === 'touch') {
        // Moving before the long press means the user is scrolling.
        if (moved > TOUCH_SLOP) this.#end();
      } else if (moved > DRAG_THRESHOLD) {
        this.#begin();
      }
      return;
    }
    event.preventDefault();
    this.#placeGhost();
    this.#locate();
  };

  #onPointerUp = (event: PointerEvent): void => {
    if (!this.#press || event.pointerId !== this.#press.pointerId) return;
    if (this.#dragging) {
      this.#x = event.clientX;
      this.#y = event.clientY;
      this.#locate();
      // The click that follows the release is part of the drag, not a click on a card.
      this.#swallowClick = true;
      setTimeout(() => (this.#swallowClick = false), 0);
      this.#end();
      this.#options.drop();
    } else {
      this.#end();
    }
  };

  #onPointerCancel = (event: PointerEvent): void => {
    if (!this.#press || event.pointerId !== this.#press.pointerId) return;
    const wasDragging = this.#dragging;
    this.#end();
    if (wasDragging) this.#options.cancel();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#dragging) return;
    event.preventDefault();
    event.stopPropagation();
    this.#end();
    this.#options.cancel();
  };

  #onTouchMove = (event: TouchEvent): void => {
    if (this.#dragging && event.cancelable) event.preventDefault();
  };

  #onContextMenu = (event: Event): void => {
    // A long press on touch screens opens the context menu; here it starts a drag.
    if (this.#press?.pointerType === 'touch' || this.#dragging) event.preventDefault();
  };

  #onClick = (event: MouseEvent): void => {
    if (!this.#swallowClick) return;
    this.#swallowClick = false;
    event.preventDefault();
    event.stopPropagation();
  };

  #begin(): void {
    const press = this.#press;
    if (!press || this.#dragging) return;
    if (press.longPress) clearTimeout(press.longPress);
    press.longPress = null;
    this.#dragging = true;
    try {
      this.#options.scroller()?.setPointerCapture(press.pointerId);
    } catch {
      // The pointer is already gone (released during the long press): the up/cancel handlers end the drag.
    }
    window.addEventListener('keydown', this.#onKeyDown, true);
    this.#options.start(press.dealId);
    this.#locate();
    this.#frame = requestAnimationFrame(this.#autoScroll);
  }

  #end(): void {
    const press = this.#press;
    if (press?.longPress) clearTimeout(press.longPress);
    if (press && this.#dragging) {
      try {
        this.#options.scroller()?.releasePointerCapture(press.pointerId);
      } catch {
        // Already released.
      }
    }
    this.#press = null;
    this.#dragging = false;
    this.#body = null;
    cancelAnimationFrame(this.#frame);
    window.removeEventListener('pointermove', this.#onPointerMove, true);
    window.removeEventListener('pointerup', this.#onPointerUp, true);
    window.removeEventListener('pointercancel', this.#onPointerCancel, true);
    window.removeEventListener('keydown', this.#onKeyDown, true);
  }

  #placeGhost(): void {
    const ghost = this.#options.ghost();
    const press = this.#press;
    if (!ghost || !press) return;
    ghost.style.inlineSize = `${press.width}px`;
    // Pointer coordinates are physical (left/top) in every writing direction.
    ghost.style.transform = `translate(${this.#x - press.grabX}px, ${this.#y - press.grabY}px)`;
  }

  /** Tells the host what is under the pointer. */
  #locate(): void {
    const root = this.#host.shadowRoot;
    const hit = root?.elementFromPoint(this.#x, this.#y) ?? null;
    const zone = hit?.closest<HTMLElement>('[data-drop-zone]')?.dataset['dropZone'];
    if (zone === 'won' || zone === 'lost') {
      this.#body = null;
      this.#options.over({ kind: 'zone', zone });
      return;
    }
    const column = hit?.closest<HTMLElement>('[data-column]');
    const stageId = column?.dataset['stageId'];
    if (!column || stageId === undefined) {
      this.#body = null;
      this.#options.over({ kind: 'none' });
      return;
    }
    const body = column.querySelector<HTMLElement>('[data-column-body]');
    const track = body?.querySelector<HTMLElement>('[data-track]');
    this.#body = body ?? null;
    if (!body || !track) {
      this.#options.over({ kind: 'column', stageId, offset: null });
      return;
    }
    this.#options.over({ kind: 'column', stageId, offset: this.#y - track.getBoundingClientRect().top });
  }

  /** Scrolls the column under the pointer, or the board, while the pointer is near their edges. */
  #autoScroll = (): void => {
    if (!this.#dragging) return;
    let scrolled = false;
    const body = this.#body;
    if (body) {
      const rect = body.getBoundingClientRect();
      const speed = edgeSpeed(this.#y - rect.top, rect.bottom - this.#y);
      if (speed !== 0 && canScroll(body.scrollTop, body.scrollHeight - body.clientHeight, speed)) {
        body.scrollTop += speed;
        scrolled = true;
      }
    }
    const scroller = this.#options.scroller();
    if (scroller) {
      const rect = scroller.getBoundingClientRect();
      const speed = edgeSpeed(this.#x - rect.left, rect.right - this.#x);
      // scrollBy takes physical directions, so this works the same in RTL.
      if (speed !== 0 && scroller.scrollWidth > scroller.clientWidth) {
        const before = scroller.scrollLeft;
        scroller.scrollBy({ left: speed, behavior: 'instant' });
        if (scroller.scrollLeft !== before) scrolled = true;
      }
    }
    if (scrolled) this.#locate();
    this.#frame = requestAnimationFrame(this.#autoScroll);
  };
}

/** Scroll speed for a pointer `before` px from the start edge and `after` px from the end edge: negative near the start. */
export function edgeSpeed(before: number, after: number): number {
  if (before < 0 || after < 0) return 0;
  if (before < EDGE) return -Math.ceil(MAX_SPEED * (1 - before / EDGE));
  if (after < EDGE) return Math.ceil(MAX_SPEED * (1 - after / EDGE));
  return 0;
}

const canScroll = (position: number, max: number, speed: number): boolean => (speed < 0 ? position > 0 : position < max);
