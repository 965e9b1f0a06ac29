import type { DealAdapter } from '../adapters/adapter.js';
import { IndexedDbAdapter } from '../adapters/indexeddb-adapter.js';
import { MemoryAdapter } from '../adapters/memory-adapter.js';
import { isDealAdapterError } from '../adapters/errors.js';
import { defaultStages, type StagePreset } from '../model/defaults.js';
import type { Connection } from './deal-store.js';

export type StorageKind = 'indexeddb' | 'memory';

export interface ConnectOptions {
  storage: StorageKind;
  /** IndexedDB database name. */
  database: string;
  /** `demo` fills an empty store with sample deals. */
  seed: 'demo' | null;
  /** Stages of a new store. */
  stages: StagePreset;
  /**
   * A REST base URL: the deals live on that server (RestAdapter), and
   * `storage`, `database`, `seed` and `stages` are ignored (the server owns
   * its data).
   */
  endpoint?: string | null;
}

/**
 * Opens the browser storage a provider asked for. Where IndexedDB is not
 * available (some private modes) or cannot be opened, the deals are kept in
 * memory and the connection carries a notice, so the elements can say so.
 */
export async function connect(options: ConnectOptions): Promise<Connection> {
  if (options.endpoint) {
    // The REST adapter loads only for pages that use a server, so it stays out of everyone else's bundle.
    const { RestAdapter } = await import('../adapters/rest-adapter.js');
    return { adapter: await RestAdapter.connect({ baseUrl: options.endpoint }) };
  }
  const stages = defaultStages(options.stages);
  // Sample data only loads for demo pages, so it stays out of everyone else's bundle.
  const seed = options.seed === 'demo' ? (await import('../model/sample-data.js')).demoData({ stages }) : null;
  const inMemory = (): DealAdapter => new MemoryAdapter(seed ?? { stages });

  if (options.storage === 'memory') return { adapter: inMemory() };
  if (!IndexedDbAdapter.isAvailable()) return { adapter: inMemory(), notice: 'memory-fallback' };
  let adapter: IndexedDbAdapter;
  let blocked = false;
  try {
    adapter = await IndexedDbAdapter.open({ name: options.database, stages, onBlocked: () => (blocked = true) });
  } catch (error) {
    // Blocked by another tab: the user's data is there, so say so rather than show an empty memory store.
    if (!blocked && isDealAdapterError(error) && error.code === 'storage_unavailable') {
      return { adapter: inMemory(), notice: 'memory-fallback' };
    }
    throw error;
  }
  // Fills the database only when it has no deals yet: a user's data is never replaced.
  if (seed) await adapter.importData(seed);
  return { adapter };
}
