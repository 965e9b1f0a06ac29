import type { Deal } from '../model/schemas.js';

export interface DealRestoredDetail {
  /** The deal as saved: open again, in the stage where it was lost. */
  deal: Deal;
}

/** A lost deal was restored and the storage saved it. */
export class DealRestoredEvent extends Event {
  static readonly type = 'deal-restored';
  readonly detail: DealRestoredDetail;

  constructor(detail: DealRestoredDetail) {
    super(DealRestoredEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-restored': DealRestoredEvent;
  }
}
