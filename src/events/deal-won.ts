import type { Deal } from '../model/schemas.js';

export interface DealWonDetail {
  /** The deal as saved: status `won`, in the won stage. */
  deal: Deal;
}

/** A deal was marked won and the storage saved it. */
export class DealWonEvent extends Event {
  static readonly type = 'deal-won';
  readonly detail: DealWonDetail;

  constructor(detail: DealWonDetail) {
    super(DealWonEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-won': DealWonEvent;
  }
}
