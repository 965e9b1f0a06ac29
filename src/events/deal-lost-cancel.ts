export interface DealLostCancelDetail {
  /** The deals the dialog was opened for; none of them changed. */
  dealIds: readonly string[];
}

/** The lost dialog was closed without saving (Cancel button or Escape). */
export class DealLostCancelEvent extends Event {
  static readonly type = 'deal-lost-cancel';
  readonly detail: DealLostCancelDetail;

  constructor(detail: DealLostCancelDetail) {
    super(DealLostCancelEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-lost-cancel': DealLostCancelEvent;
  }
}
