export interface DealLostSubmitDetail {
  /** The deals about to be marked lost. */
  dealIds: readonly string[];
  /** The chosen lost reason, or null when none was chosen. */
  reasonId: string | null;
  /** The closing note, exactly as typed (may be empty). */
  note: string;
}

/**
 * The user confirmed the lost dialog; nothing is saved yet. Cancelable:
 * `preventDefault()` keeps the dialog open and saves nothing.
 */
export class DealLostSubmitEvent extends Event {
  static readonly type = 'deal-lost-submit';
  readonly detail: DealLostSubmitDetail;

  constructor(detail: DealLostSubmitDetail) {
    super(DealLostSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-lost-submit': DealLostSubmitEvent;
  }
}
