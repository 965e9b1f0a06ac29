/**
 * A small windowed list: rows of one fixed height, of which only those in
 * (or near) the scroller's viewport are rendered. Thousands of rows cost the
 * DOM a few dozen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows `[start, end)` to render. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The rows to render for a scroll position: those visible in a viewport of
 * `viewportHeight` pixels, plus `overscan` rows on each side so fast scrolling
 * does not show gaps.
 */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 6): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - 1) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * Follows a scroller's position and size and asks the host to re-render
 * when another set of rows comes into view.
 */
export class VirtualWindowController implements ReactiveController {
  readonly rowHeight: number;
  #host: ReactiveControllerHost;
  #scroller: HTMLElement | null = null;
  #scrollTop = 0;
  // Before the first measure, assume a tall viewport: better a few rows too many than an empty list.
  #viewportHeight = 800;
  #resizeObserver: ResizeObserver | null = null;
  #lastKey = '';

  constructor(host: ReactiveControllerHost, rowHeight: number) {
    this.#host = host;
    this.rowHeight = rowHeight;
    host.addController(this);
  }

  /** Starts following `scroller` (the element whose content scrolls), or stops with null. */
  observe(scroller: HTMLElement | null): void {
    if (scroller === this.#scroller) return;
    this.#detach();
    this.#scroller = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#resizeObserver = new ResizeObserver(() => this.#measure());
    this.#resizeObserver.observe(scroller);
    // Called from the host's update: record the size without asking for another update now;
    // the resize observer's first report follows and re-renders if the rows in view differ.
    this.#measure(false);
  }

  /** The rows to render now among `count`. */
  range(count: number): WindowRange {
    return visibleRange(this.#scrollTop, this.#viewportHeight, this.rowHeight, count);
  }

  /**
   * Scrolls just enough for row `index` to be fully visible. The rows follow
   * a sticky header row of the same height, which covers the top of the
   * viewport.
   */
  scrollToIndex(index: number): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const top = (index + 1) * this.rowHeight;
    const bottom = top + this.rowHeight;
    if (top < scroller.scrollTop + this.rowHeight) scroller.scrollTop = top - this.rowHeight;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    this.#measure();
  }

  hostConnected(): void {
    if (this.#scroller) {
      const scroller = this.#scroller;
      this.#scroller = null;
      this.observe(scroller);
    }
  }

  hostDisconnected(): void {
    const scroller = this.#scroller;
    this.#detach();
    // Remember it, so a host moved in the DOM follows the same scroller again.
    this.#scroller = scroller;
  }

  #detach(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#scroller = null;
  }

  #onScroll = (): void => this.#measure();

  #measure(notify = true): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    if (scroller.clientHeight > 0) this.#viewportHeight = scroller.clientHeight;
    // Re-render only when the first visible row or the viewport size changes.
    const key = `${Math.floor(this.#scrollTop / this.rowHeight)}:${this.#viewportHeight}`;
    if (key !== this.#lastKey) {
      this.#lastKey = key;
      if (notify) this.#host.requestUpdate();
    }
  }
}
