import { DealLostReasons } from '../elements/lost-reasons/lost-reasons.js';
import { defineElement } from '../internal/define.js';

defineElement('deal-lost-reasons', DealLostReasons);

export { DealLostReasons };
