import type { ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** The items in reading order of the data (first period first). */
  items: () => readonly HTMLElement[];
  /** In `rtl` the items run right to left, so the arrow keys swap. */
  direction: () => 'ltr' | 'rtl';
}

/**
 * One tab stop for a row of items (roving tabindex): the active item has
 * `tabindex="0"`, the others `-1`; ArrowLeft and ArrowRight move to the
 * neighbour on that side of the screen (mirrored in RTL), Home and End to the
 * first and last item. It asks the host to re-render when the tab stop moves.
 */
export class RovingFocusController {
  /** Index of the item that takes the tab stop. */
  active = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: RovingFocusOptions;

  constructor(host: ReactiveControllerHost, options: RovingFocusOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The `tabindex` of item `index` among `count` items. */
  tabIndex(index: number, count: number): 0 | -1 {
    return index === Math.min(this.active, Math.max(0, count - 1)) ? 0 : -1;
  }

  /** Call when an item receives focus (by click or Tab), so it keeps the tab stop. */
  focused(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.#host.requestUpdate();
  }

  /** The keydown handler of the row. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const items = this.#options.items();
    if (items.length === 0) return;
    const current = Math.min(this.active, items.length - 1);
    const forward = this.#options.direction() === 'rtl' ? -1 : 1;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = current + forward;
        break;
      case 'ArrowLeft':
        next = current - forward;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(items.length - 1, next));
    this.active = next;
    this.#host.requestUpdate();
    items[next]!.focus();
  };
}
