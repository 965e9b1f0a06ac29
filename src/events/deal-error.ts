import type { DealAdapterError } from '../adapters/errors.js';
import type { StoreCommand } from '../store/events.js';

export interface DealErrorDetail {
  /** The refusal, with its `code` (`conflict`, `network`, `quota_exceeded`...). */
  error: DealAdapterError;
  /** The command that was refused; its change has been rolled back. */
  command: StoreCommand;
  /** The deal concerned, when there is one. */
  dealId: string | null;
  /** A sentence for people, in the element's language. */
  message: string;
}

/** A command was refused by the storage or the server; the change was rolled back. */
export class DealErrorEvent extends Event {
  static readonly type = 'deal-error';
  readonly detail: DealErrorDetail;

  constructor(detail: DealErrorDetail) {
    super(DealErrorEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-error': DealErrorEvent;
  }
}
