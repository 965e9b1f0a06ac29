/**
 * The IndexedDB layout of dealkit and the upgrades between its versions.
 *
 * Rows are typed `unknown` on purpose: what comes out of the database may have
 * been written by an older version, another program or a broken extension, so
 * the adapter validates every row it reads with the zod schemas.
 *
 * Layout versions:
 * 1. Stores `deals` (key `id`; indexes `status`, `stageId`), `stages` (key
 *    `id`), `reasons` (key `id`), `history` (auto-increment key `seq`, which
 *    keeps insertion order; index `dealId`) and `meta` (key `key`). Deal rows
 *    had no `probabilityManual`, `tags`, `closingNote`,
 *    `probabilityBeforeClose`, `closedAt` or `version`; reason rows had no
 *    `position`.
 * 2. Deals get the indexes `lostReasonId` and `expectedClose` (query
 *    narrowing), `stageRank` (`[stageId, rank]`: one column in order) and
 *    `rankOrder` (`[rank, id]`: keyset paging in the default sort order).
 *    Existing deal rows get the new fields with neutral values and reasons a
 *    `position` in creation order, so nothing is lost in the upgrade.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LostReason, Stage } from '../model/schemas.js';

/** The database used when no name is given. */
export const DEFAULT_DATABASE_NAME = 'dealkit';

/** The layout version this code reads and writes. */
export const SCHEMA_VERSION = 2;

export interface DealkitSchema extends DBSchema {
  deals: {
    key: string;
    value: unknown;
    indexes: {
      status: string;
      stageId: string;
      lostReasonId: string;
      expectedClose: string;
      stageRank: [string, number];
      rankOrder: [number, string];
    };
  };
  stages: { key: string; value: unknown };
  /** Lost reasons, with a `position` that keeps their creation order. */
  reasons: { key: string; value: unknown };
  /** History entries; the auto-increment `seq` keeps each deal's entries in order. */
  history: { key: number; value: unknown; indexes: { dealId: string } };
  /** Small records of the adapter itself, such as remembered idempotency keys. */
  meta: { key: string; value: unknown };
}

export type StoreName = StoreNames<DealkitSchema>;
export type UpgradeTransaction = IDBPTransaction<DealkitSchema, StoreName[], 'versionchange'>;

/** What a brand-new database starts with. */
export interface Seed {
  stages: readonly Stage[];
  lostReasons: readonly LostReason[];
}

/**
 * Brings a database from `oldVersion` to {@link SCHEMA_VERSION}, step by step,
 * inside the upgrade transaction (so a failed step leaves the old version
 * intact). A new database (version 0) goes through the same steps and is then
 * seeded.
 */
export async function upgradeDatabase(
  db: IDBPDatabase<DealkitSchema>,
  oldVersion: number,
  tx: UpgradeTransaction,
  seed: Seed,
): Promise<void> {
  if (oldVersion < 1) createVersion1(db);
  if (oldVersion < 2) await upgradeToVersion2(tx);
  if (oldVersion === 0) await seedDatabase(tx, seed);
}

function createVersion1(db: IDBPDatabase<DealkitSchema>): void {
  const deals = db.createObjectStore('deals', { keyPath: 'id' });
  deals.createIndex('status', 'status');
  deals.createIndex('stageId', 'stageId');
  db.createObjectStore('stages', { keyPath: 'id' });
  db.createObjectStore('reasons', { keyPath: 'id' });
  const history = db.createObjectStore('history', { keyPath: 'seq', autoIncrement: true });
  history.createIndex('dealId', 'dealId');
  db.createObjectStore('meta', { keyPath: 'key' });
}

async function upgradeToVersion2(tx: UpgradeTransaction): Promise<void> {
  const deals = tx.objectStore('deals');
  deals.createIndex('lostReasonId', 'lostReasonId');
  deals.createIndex('expectedClose', 'expectedClose');
  deals.createIndex('stageRank', ['stageId', 'rank']);
  deals.createIndex('rankOrder', ['rank', 'id']);

  for (let cursor = await deals.openCursor(); cursor; cursor = await cursor.continue()) {
    const migrated = dealRowFromVersion1(cursor.value);
    if (migrated !== cursor.value) await cursor.update(migrated);
  }

  const reasons = tx.objectStore('reasons');
  const rows = (await reasons.getAll()).filter(isRecord);
  rows.sort((a, b) => String(a['createdAt']).localeCompare(String(b['createdAt'])));
  for (const [position, row] of rows.entries()) await reasons.put({ ...row, position });
}

/**
 * A version 1 deal row with the fields version 2 added. Values already present
 * win; a row that is not even an object is left as it is, to be reported as
 * damaged when read.
 */
export function dealRowFromVersion1(row: unknown): unknown {
  if (!isRecord(row)) return row;
  const closed = row['status'] === 'won' || row['status'] === 'lost';
  return {
    probabilityManual: false,
    tags: [],
    closingNote: '',
    probabilityBeforeClose: null,
    // Version 1 did not record the closing time; the last change is the best guess.
    closedAt: closed ? (row['updatedAt'] ?? null) : null,
    version: '1',
    ...row,
  };
}

async function seedDatabase(tx: UpgradeTransaction, seed: Seed): Promise<void> {
  for (const stage of seed.stages) await tx.objectStore('stages').put(stage);
  for (const [position, reason] of seed.lostReasons.entries()) {
    await tx.objectStore('reasons').put(reasonRow(reason, position));
  }
}

/** A lost reason as stored: with its place in the list. */
export function reasonRow(reason: LostReason, position: number): LostReason & { position: number } {
  return { ...reason, position };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
