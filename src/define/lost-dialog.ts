import { DealLostDialog } from '../elements/lost-dialog/lost-dialog.js';
import { defineElement } from '../internal/define.js';

defineElement('deal-lost-dialog', DealLostDialog);

export { DealLostDialog };
export type { LostOutcome } from '../elements/lost-dialog/lost-dialog.js';
export { DealLostSubmitEvent, type DealLostSubmitDetail } from '../events/deal-lost-submit.js';
export { DealLostEvent, type DealLostDetail } from '../events/deal-lost.js';
export { DealLostCancelEvent, type DealLostCancelDetail } from '../events/deal-lost-cancel.js';
