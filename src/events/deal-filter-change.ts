import type { DealFilter } from '../store/filter.js';

/**
 * The user changed the shared filter through `<deal-lost-filter>` (a toggle,
 * a facet, a range, a chip, a lost-analysis group, or the search text once
 * typing pauses). Fired after the filter is set, so the board and the chart
 * already follow it; `detail` is the new filter (a copy). Changes made by
 * code (`value`, `store.setFilter`) and by other elements do not fire it.
 */
export class DealFilterChangeEvent extends Event {
  static readonly type = 'deal-filter-change';
  /** The shared filter as it is now. */
  readonly detail: DealFilter;

  constructor(filter: DealFilter) {
    super(DealFilterChangeEvent.type, { bubbles: true, composed: true });
    this.detail = filter;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-filter-change': DealFilterChangeEvent;
  }
}
