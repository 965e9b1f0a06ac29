import type { Deal } from '../model/schemas.js';

export interface DealOpenDetail {
  deal: Deal;
}

/** The user asked to open a deal (clicked its card, or its Open action): the host shows its own form. */
export class DealOpenEvent extends Event {
  static readonly type = 'deal-open';
  readonly detail: DealOpenDetail;

  constructor(detail: DealOpenDetail) {
    super(DealOpenEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-open': DealOpenEvent;
  }
}
