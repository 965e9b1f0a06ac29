/**
 * Shared pieces of the lost dialog and lost reasons tests: a memory adapter
 * that can be told to refuse or to wait, fixed deals, and a small accessible
 * name computation (Chromium exposes none to page scripts).
 */
import { DealAdapterError } from '../../../src/adapters/errors.js';
import type { WriteOptions } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { Deal, LostInput, LostReason, LostReasonPatch, NewDeal } from '../../../src/model/schemas.js';

/** A MemoryAdapter whose `markLost` and reason writes can be made to fail or to wait. */
export class ScriptedAdapter extends MemoryAdapter {
  /** When set, `markLost` rejects with it (for every deal, or only `failOnlyFor`). */
  markLostError: DealAdapterError | null = null;
  failOnlyFor: ReadonlySet<string> | null = null;
  /** When set, `markLost` waits for it before doing anything. */
  markLostGate: Promise<void> | null = null;
  markLostCalls = 0;
  /** When set, creating and updating reasons rejects with it. */
  reasonError: DealAdapterError | null = null;
  createReasonCalls = 0;

  override async markLost(id: string, input: LostInput, options?: WriteOptions): Promise<Deal> {
    this.markLostCalls += 1;
    if (this.markLostGate) await this.markLostGate;
    if (this.markLostError && (!this.failOnlyFor || this.failOnlyFor.has(id))) throw this.markLostError;
    return super.markLost(id, input, options);
  }

  override async createLostReason(name: string): Promise<LostReason> {
    this.createReasonCalls += 1;
    if (this.reasonError) throw this.reasonError;
    return super.createLostReason(name);
  }

  override async updateLostReason(id: string, patch: LostReasonPatch): Promise<LostReason> {
    if (this.reasonError) throw this.reasonError;
    return super.updateLostReason(id, patch);
  }
}

export const networkError = (): DealAdapterError => new DealAdapterError('network', 'The test server is offline.');

/** A promise and the function that settles it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

let counter = 0;

/** An adapter with the default stages and reasons and the given deals (ids returned in order). */
export async function adapterWithDeals(deals: NewDeal[]): Promise<{ adapter: ScriptedAdapter; ids: string[] }> {
  const adapter = new ScriptedAdapter({}, { newId: () => `test-${++counter}` });
  const ids: string[] = [];
  for (const deal of deals) ids.push((await adapter.createDeal(deal)).id);
  return { adapter, ids };
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The accessible name of an element, enough for these tests: from
 * `aria-labelledby`, `aria-label`, associated `<label>`s, else its text.
 */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return squash([...labels].map((l) => l.textContent).join(' '));
  return squash(element.textContent);
}

/** The text of the elements an element's `aria-describedby` points at. */
export function accessibleDescription(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return squash(ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
}
