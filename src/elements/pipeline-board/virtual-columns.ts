/**
 * The board's own small virtualizer. Cards have one fixed height (set in
 * CSS, measured on one rendered card), so a card's place in its column is
 * simply `index x pitch` and the cards in view follow from the scroll offset
 * alone: no per-card measuring, and a column's scroll height is exact.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A half-open range of positions `[start, end)`. */
export interface IndexRange {
  start: number;
  end: number;
}

export interface WindowInput {
  /** Items in the column. */
  count: number;
  /** Distance from one item's top to the next one's: height plus gap, in px. */
  pitch: number;
  scrollTop: number;
  /** Visible height of the column, in px. */
  viewport: number;
  /** Extra items rendered on each side, so fast scrolling shows no holes. */
  overscan: number;
}

/** The positions to render for a scroll offset: those in view plus `overscan` on each side. */
export function visibleRange({ count, pitch, scrollTop, viewport, overscan }: WindowInput): IndexRange {
  if (count <= 0 || pitch <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / pitch);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / pitch);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}

/** The insertion position for a point `offset` px below the top of a column's content: the slot it is over. */
export function slotAt(offset: number, pitch: number, count: number): number {
  if (pitch <= 0) return 0;
  return Math.max(0, Math.min(count, Math.floor(offset / pitch)));
}

interface ColumnScroll {
  scrollTop: number;
  viewport: number;
  /** Cards in the column at the last render. */
  count: number;
  range: IndexRange;
}

export interface VirtualColumnsOptions {
  /** Card height plus gap used until a card is measured, in px. */
  estimatedPitch: number;
  /** Gap between cards used until a card is measured, in px. */
  estimatedGap: number;
  overscan: number;
  /** Selector of the scrolling body of each column; it carries `data-stage-id`. */
  bodySelector: string;
  /** Selector of a rendered card, measured for the pitch. */
  cardSelector: string;
}

/**
 * Tracks the scroll offset and visible height of every column body of its
 * host and asks the host to render again only when a column's range of
 * visible cards changes (about once per card scrolled, not per scroll event).
 *
 * Sizes are read when a ResizeObserver reports them, never while the host
 * updates: reading there would force a layout in the middle of the update,
 * and asking for a render from there starts a second update right after the
 * first (Lit's development build warns of that).
 */
export class VirtualColumns implements ReactiveController {
  /** Card height plus gap, in px. */
  pitch: number;
  /** Gap between cards, in px. */
  gap: number;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: VirtualColumnsOptions;
  readonly #columns = new Map<string, ColumnScroll>();
  #observer: ResizeObserver | null = null;
  #observed = new WeakSet<Element>();
  /** The card whose size stands for every card's: all have one height, so one observed card tells when it changes. */
  #sample: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualColumnsOptions) {
    this.#host = host;
    this.#options = options;
    this.pitch = options.estimatedPitch;
    this.gap = options.estimatedGap;
    host.addController(this);
  }

  /** Positions to render in a column of `count` cards. */
  range(stageId: string, count: number): IndexRange {
    const column = this.#column(stageId);
    column.count = count;
    column.range = this.#window(column);
    return column.range;
  }

  #window(column: ColumnScroll): IndexRange {
    return visibleRange({
      count: column.count,
      pitch: this.pitch,
      scrollTop: column.scrollTop,
      viewport: column.viewport,
      overscan: this.#options.overscan,
    });
  }

  /** Top of the card at `index`, in px from the top of the column's content. */
  offsetOf(index: number): number {
    return index * this.pitch;
  }

  /** Height of the content of a column of `count` cards: the scroll height, exact. */
  contentSize(count: number): number {
    return count > 0 ? count * this.pitch - this.gap : 0;
  }

  /** The scroll offset last seen for a column. */
  scrollTopOf(stageId: string): number {
    return this.#column(stageId).scrollTop;
  }

  /** How many whole cards a column shows at once (at least 1), for PageUp/PageDown. */
  pageSize(stageId: string): number {
    return Math.max(1, Math.floor(this.#column(stageId).viewport / this.pitch));
  }

  /**
   * Scrolls a column so the card at `index` is wholly in view, and the
   * column into view sideways. Works from where the card belongs, not from
   * its box, which may be sliding there in a transition.
   */
  reveal(stageId: string, index: number): void {
    const body = this.#host.shadowRoot?.querySelector<HTMLElement>(
      `${this.#options.bodySelector}[data-stage-id="${CSS.escape(stageId)}"]`,
    );
    const track = body?.firstElementChild;
    if (!body || !track) return;
    const trackTop = track.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    const top = trackTop + this.offsetOf(index);
    const bottom = top + this.pitch - this.gap;
    if (top < body.scrollTop + trackTop) body.scrollTop = top - trackTop;
    else if (bottom > body.scrollTop + body.clientHeight) body.scrollTop = bottom - body.clientHeight + trackTop;
    body.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Forgets a column's scroll offset (its body was removed, e.g. folded). */
  forget(stageId: string): void {
    this.#columns.delete(stageId);
  }

  /** Scroll listener for the column bodies (scroll events do not bubble). */
  readonly onScroll = (event: Event): void => {
    this.#sync(event.currentTarget as HTMLElement);
  };

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.#observer = new ResizeObserver((entries) => {
      let changed = this.#measure();
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target !== this.#sample && this.#sync(target, target.clientHeight)) changed = true;
      }
      if (changed) this.#host.requestUpdate();
    });
    // A new observer observes nothing yet: the next update observes the bodies and a card again.
    this.#observed = new WeakSet();
    this.#sample = null;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  hostUpdated(): void {
    this.#observeRendered();
  }

  /** Observes the column bodies, and a card, not observed yet; measuring waits for the observer's report. */
  #observeRendered(): void {
    const root = this.#host.shadowRoot;
    const observer = this.#observer;
    if (!root || !observer) return;
    for (const body of root.querySelectorAll<HTMLElement>(this.#options.bodySelector)) {
      if (this.#observed.has(body)) continue;
      this.#observed.add(body);
      observer.observe(body);
    }
    // The sample card left the DOM (scrolled away, folded, filtered out): observe another one.
    if (!this.#sample?.isConnected) {
      if (this.#sample) observer.unobserve(this.#sample);
      this.#sample = root.querySelector<HTMLElement>(this.#options.cardSelector);
      if (this.#sample) observer.observe(this.#sample);
    }
  }

  /** Reads the pitch from the sample card; true if it changed. */
  #measure(): boolean {
    const card = this.#sample;
    const height = card?.isConnected ? card.offsetHeight : 0;
    // Not laid out (hidden board): keep the estimate; the observer reports the card once it shows.
    if (!card || height === 0) return false;
    const body = card.closest<HTMLElement>(this.#options.bodySelector);
    const gap = body ? parseFloat(getComputedStyle(body).rowGap) || 0 : 0;
    const pitch = height + gap;
    if (pitch === this.pitch && gap === this.gap) return false;
    this.pitch = pitch;
    this.gap = gap;
    return true;
  }

  /** Records a body's scroll offset (and height); asks for a render if its range changed. */
  #sync(body: HTMLElement, viewport?: number): boolean {
    const stageId = body.dataset['stageId'];
    if (stageId === undefined) return false;
    const column = this.#column(stageId);
    column.scrollTop = body.scrollTop;
    if (viewport !== undefined) column.viewport = viewport;
    const next = this.#window(column);
    const changed = next.start !== column.range.start || next.end !== column.range.end;
    if (changed && viewport === undefined) this.#host.requestUpdate();
    return changed;
  }

  #column(stageId: string): ColumnScroll {
    let column = this.#columns.get(stageId);
    if (!column) {
      // Until the body is measured, assume it is as tall as the window: enough cards, never too few.
      const viewport = typeof window === 'undefined' ? 800 : window.innerHeight || 800;
      column = { scrollTop: 0, viewport, count: 0, range: { start: 0, end: 0 } };
      this.#columns.set(stageId, column);
    }
    return column;
  }
}
