import type { Deal } from '../model/schemas.js';

export interface DealMoveDetail {
  /** The deal as it is before the move. */
  deal: Deal;
  fromStageId: string;
  toStageId: string;
  /** Position in the target column among the deals shown there, counted without the moved deal. */
  index: number;
}

/**
 * A deal is about to be moved (drag and drop or keyboard), before anything is
 * saved. Cancel it (`event.preventDefault()`) to keep the deal where it is.
 */
export class DealMoveEvent extends Event {
  static readonly type = 'deal-move';
  readonly detail: DealMoveDetail;

  constructor(detail: DealMoveDetail) {
    super(DealMoveEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-move': DealMoveEvent;
  }
}
