import { DealLostFilter } from '../elements/lost-filter/lost-filter.js';
import { defineElement } from '../internal/define.js';
// The filter's bulk "Mark as lost" opens a <deal-lost-dialog> in its shadow root.
import './lost-dialog.js';

defineElement('deal-lost-filter', DealLostFilter);

export { DealLostFilter };
export type { LostFilterView } from '../elements/lost-filter/lost-filter.js';
export { DealFilterChangeEvent } from '../events/deal-filter-change.js';
