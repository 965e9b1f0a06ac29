import { createContext, ContextRoot } from '@lit/context';
import type { DealStore } from './deal-store.js';

/** The store shared by every dealkit element under a `<deal-provider>`. */
export const dealStoreContext = createContext<DealStore>(Symbol.for('dealkit.store'));

let root: ContextRoot | null = null;

/**
 * Attaches one ContextRoot to the document, so an element upgraded before its
 * provider still gets the store once the provider appears. Called on first
 * connect, never at import time.
 */
export function ensureContextRoot(): void {
  if (root || typeof document === 'undefined') return;
  root = new ContextRoot();
  root.attach(document.documentElement);
}
