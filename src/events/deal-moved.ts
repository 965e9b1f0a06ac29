import type { Deal } from '../model/schemas.js';

export interface DealMovedDetail {
  /** The deal as saved, in its new stage and position. */
  deal: Deal;
  fromStageId: string;
  toStageId: string;
  /** Position in the target column among the deals shown there, counted without the moved deal. */
  index: number;
}

/** A move was saved by the storage. */
export class DealMovedEvent extends Event {
  static readonly type = 'deal-moved';
  readonly detail: DealMovedDetail;

  constructor(detail: DealMovedDetail) {
    super(DealMovedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-moved': DealMovedEvent;
  }
}
