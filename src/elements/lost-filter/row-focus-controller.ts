/**
 * Keyboard focus in the windowed results list: one row checkbox is the tab
 * stop (roving tabindex); ArrowUp/ArrowDown, PageUp/PageDown, Home and End
 * move it, scrolling the row into view first so it is rendered. ArrowUp on
 * the first row goes to the select-all checkbox, ArrowDown from there to the
 * first row.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Deal } from '../../model/schemas.js';
import type { VirtualWindowController } from './virtual-window.js';

/** Rows one PageUp/PageDown moves. */
const PAGE_ROWS = 10;

export interface RowFocusOptions {
  window: VirtualWindowController;
  /** Where the rows' checkboxes are (`.rows input[data-index]`) and the select-all (`.select-all`). */
  root: () => ParentNode;
}

/** Needs no lifecycle callbacks: it acts only when the host calls it. */
export class RowFocusController {
  #host: ReactiveControllerHost;
  #options: RowFocusOptions;
  /** The deal whose row is the tab stop. */
  #activeId: string | null = null;
  #positions: { list: readonly Deal[]; index: Map<string, number> } | null = null;

  constructor(host: ReactiveControllerHost, options: RowFocusOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Position of each deal of a list by id, built once per list (lists are replaced, never changed). */
  positions(deals: readonly Deal[]): Map<string, number> {
    if (this.#positions?.list !== deals) this.#positions = { list: deals, index: new Map(deals.map((d, i) => [d.id, i])) };
    return this.#positions.index;
  }

  /** The row that is the tab stop: the focused deal's, or the first. */
  activeIndex(deals: readonly Deal[]): number {
    return (this.#activeId === null ? undefined : this.positions(deals).get(this.#activeId)) ?? 0;
  }

  /** A row checkbox got focus (by click or Tab): it becomes the tab stop. */
  focused(dealId: string): void {
    if (this.#activeId === dealId) return;
    this.#activeId = dealId;
    this.#host.requestUpdate();
  }

  /** Moves focus for the navigation keys; other keys are left alone. */
  keydown(event: KeyboardEvent, deals: readonly Deal[]): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || deals.length === 0) return;
    const current = target.classList.contains('select-all') ? -1 : Number(target.dataset['index']);
    const last = deals.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(last, current + 1);
        break;
      case 'ArrowUp':
        if (current <= 0) {
          event.preventDefault();
          this.#options.root().querySelector<HTMLInputElement>('.select-all')?.focus();
          return;
        }
        next = current - 1;
        break;
      case 'PageDown':
        next = Math.min(last, Math.max(0, current) + PAGE_ROWS);
        break;
      case 'PageUp':
        next = Math.max(0, current - PAGE_ROWS);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    void this.#focusRow(deals, next);
  }

  async #focusRow(deals: readonly Deal[], index: number): Promise<void> {
    const deal = deals[index];
    if (!deal) return;
    this.#activeId = deal.id;
    this.#options.window.scrollToIndex(index);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.root().querySelector<HTMLInputElement>(`.rows input[data-index="${index}"]`)?.focus();
  }
}
