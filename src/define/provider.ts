import { DealProvider } from '../elements/provider/deal-provider.js';
import { defineElement } from '../internal/define.js';

defineElement('deal-provider', DealProvider);

export { DealProvider };
