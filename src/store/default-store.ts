import { connect } from './connect.js';
import { DealStore } from './deal-store.js';

let pageStore: DealStore | null = null;

/**
 * The store of elements that have no `<deal-provider>` above them: one per
 * page, on IndexedDB (database `dealkit`), created on first use.
 */
export function defaultStore(): DealStore {
  pageStore ??= new DealStore({
    adapter: () => connect({ storage: 'indexeddb', database: 'dealkit', seed: null, stages: 'default' }),
  });
  return pageStore;
}
