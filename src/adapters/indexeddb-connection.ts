/**
 * Opening the IndexedDB database and turning storage failures into
 * DealAdapterErrors: the parts of the IndexedDbAdapter that deal with the
 * connection rather than with deals.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type OpenDBCallbacks } from 'idb';
import { DealAdapterError, toDealAdapterError } from './errors.js';
import { SCHEMA_VERSION, isRecord, upgradeDatabase, type DealkitSchema, type Seed, type StoreName } from './indexeddb-schema.js';

export type Database = IDBPDatabase<DealkitSchema>;
export type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<DealkitSchema, StoreName[], Mode>;

export const BLOCKED_MESSAGE =
  'The deal database is open in another tab with an older version of this page. Close the other tabs of this site, then reload.';
export const UPGRADED_MESSAGE = 'The deal database was upgraded or deleted in another tab. Reload this page to continue.';
export const TERMINATED_MESSAGE = 'The browser closed the deal database. Reload this page to continue.';

export interface OpenCallbacks {
  onBlocked: ((message: string) => void) | undefined;
  onLost: (message: string) => void;
}

/**
 * Opens and upgrades the database. A `blocked` open (another tab holds an
 * older version and does not let go) rejects at once instead of waiting; if
 * the other tab closes later, the pending upgrade is aborted, so a rejected
 * open never changes the database behind the caller's back.
 */
export function openDatabase(name: string, seed: Seed, callbacks: OpenCallbacks): Promise<Database> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    let upgradeError: unknown = null;
    const handlers: OpenDBCallbacks<DealkitSchema> = {
      upgrade(db, oldVersion, _newVersion, tx) {
        // An aborted upgrade rejects the open, which reports it.
        tx.done.catch(() => undefined);
        if (blocked) {
          tx.abort();
          return;
        }
        upgradeDatabase(db, oldVersion, tx, seed).catch((error: unknown) => {
          upgradeError = error;
          try {
            tx.abort();
          } catch {
            // Already finished or aborted: the open fails either way.
          }
        });
      },
      blocked() {
        blocked = true;
        callbacks.onBlocked?.(BLOCKED_MESSAGE);
        reject(new DealAdapterError('storage_unavailable', BLOCKED_MESSAGE));
      },
      blocking: () => callbacks.onLost(UPGRADED_MESSAGE),
      terminated: () => callbacks.onLost(TERMINATED_MESSAGE),
    };
    let opening: Promise<Database>;
    try {
      opening = openDB<DealkitSchema>(name, SCHEMA_VERSION, handlers);
    } catch (error) {
      // `indexedDB.open` itself throws in some contexts (opaque origins, disabled storage).
      reject(openError(error));
      return;
    }
    opening.then(
      (db) => {
        if (blocked) db.close();
        else resolve(db);
      },
      (error: unknown) => reject(openError(upgradeError ?? error)),
    );
  });
}

function openError(error: unknown): DealAdapterError {
  if (error instanceof DealAdapterError) return error;
  if (isQuotaError(error)) return storageError(error);
  if (isNamed(error, 'VersionError')) {
    return new DealAdapterError(
      'storage_unavailable',
      'The deal database was written by a newer version of this page. Reload the page to get the newer version.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new DealAdapterError('storage_unavailable', `The deal database could not be opened${detail}.`, { cause: error });
}

/** Aborts a transaction that did not finish and turns the error into a DealAdapterError. */
export function failed(tx: Transaction<IDBTransactionMode>, error: unknown): DealAdapterError {
  // The transaction's own error explains an abort (a quota failure at commit, say).
  const reason = transactionError(tx);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
  // Once aborted, its pending promises reject too; nobody waits for them.
  tx.done.catch(() => undefined);
  return storageError(error, reason);
}

function transactionError(tx: Transaction<IDBTransactionMode>): unknown {
  try {
    return tx.error;
  } catch {
    return null;
  }
}

/** Maps storage failures to adapter codes; a quota failure anywhere in the chain wins. */
export function storageError(error: unknown, transactionFailure: unknown = null): DealAdapterError {
  if (error instanceof DealAdapterError) return error;
  const cause = isRecord(error) ? error['cause'] : null;
  const quota = [error, transactionFailure, cause].find(isQuotaError);
  if (quota) {
    return new DealAdapterError('quota_exceeded', 'The browser storage is full: nothing was saved. Free some space and try again.', {
      cause: quota,
    });
  }
  if (isNamed(error, 'AbortError')) {
    return new DealAdapterError('storage_unavailable', 'The storage transaction was aborted: nothing was saved.', {
      cause: transactionFailure ?? error,
    });
  }
  return toDealAdapterError(error, 'storage_unavailable');
}

function isQuotaError(error: unknown): boolean {
  return isNamed(error, 'QuotaExceededError');
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
