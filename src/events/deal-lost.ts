import type { Deal } from '../model/schemas.js';

export interface DealLostDetail {
  /** The deals as saved: status `lost`, each still in its stage. */
  deals: readonly Deal[];
  /** The lost reason recorded, or null when none was chosen. */
  reasonId: string | null;
  /** The closing note recorded, exactly as typed (may be empty). */
  note: string;
}

/** One or several deals were marked lost and the storage saved it. */
export class DealLostEvent extends Event {
  static readonly type = 'deal-lost';
  readonly detail: DealLostDetail;

  constructor(detail: DealLostDetail) {
    super(DealLostEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-lost': DealLostEvent;
  }
}
