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
 * 3. Deals get one `[field, id]` index per sort field but `title` (see
 *    {@link SORT_INDEXES}), so every other order pages straight from an index.
 *    `expectedCloseOrder` replaces the `expectedClose` index, and `stageRank`
 *    the `stageId` index, for narrowing too: every index makes each write
 *    slower. Rows are unchanged, but written again (see `upgradeToVersion3`).
 */
import { unwrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import * as z from 'zod/mini';
import { CurrencyCode, Id, IsoDate, IsoDateTime, LIMITS, type Deal, type LostReason, type SortField, type Stage } from '../model/schemas.js';

/** The database used when no name is given. */
export const DEFAULT_DATABASE_NAME = 'dealkit';

/** The layout version this code reads and writes. */
export const SCHEMA_VERSION = 3;

export interface DealkitSchema extends DBSchema {
  deals: {
    key: string;
    value: unknown;
    indexes: {
      status: string;
      lostReasonId: string;
      stageRank: [string, number];
      rankOrder: [number, string];
      amountOrder: [number, string];
      expectedCloseOrder: [string, string];
      createdAtOrder: [string, string];
      updatedAtOrder: [string, string];
      closedAtOrder: [string, string];
      probabilityOrder: [number, string];
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
/** A field deals can be sorted by through an index. */
export type IndexedSortField = Exclude<SortField, 'title'>;

/**
 * The `[field, id]` index of each sort field: IndexedDB orders such keys as
 * `dealComparator` orders deals (numbers by value, ISO dates and instants as
 * strings by UTF-16 code units, ties by id). `title` has none: it sorts
 * case-insensitively with `toLocaleLowerCase`, which depends on the runtime,
 * so no stored key can give its order.
 */
export const SORT_INDEXES = {
  rank: 'rankOrder',
  amount: 'amountOrder',
  expectedClose: 'expectedCloseOrder',
  createdAt: 'createdAtOrder',
  updatedAt: 'updatedAtOrder',
  closedAt: 'closedAtOrder',
  probability: 'probabilityOrder',
} as const satisfies Record<IndexedSortField, keyof DealkitSchema['deals']['indexes']>;
export type SortIndexName = (typeof SORT_INDEXES)[IndexedSortField];

/**
 * The sort fields a valid deal may leave null. Such deals are not in the
 * field's index (null is no key), and null sorts last in both directions.
 */
export const NULLABLE_SORT_FIELDS: ReadonlySet<IndexedSortField> = new Set(['expectedClose', 'closedAt']);
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
  if (oldVersion < 3) await upgradeToVersion3(tx);
  if (oldVersion === 0) await seedDatabase(tx, seed);
}

/**
 * The plain IndexedDB store behind an `idb` one. The typing describes the
 * current layout, so the steps of older versions create and delete the
 * indexes that layout no longer has through this.
 */
function untyped(store: IDBPObjectStore<DealkitSchema, StoreName[], 'deals', 'versionchange'>): IDBObjectStore {
  return unwrap(store);
}

function createVersion1(db: IDBPDatabase<DealkitSchema>): void {
  const deals = db.createObjectStore('deals', { keyPath: 'id' });
  deals.createIndex('status', 'status');
  untyped(deals).createIndex('stageId', 'stageId');
  db.createObjectStore('stages', { keyPath: 'id' });
  db.createObjectStore('reasons', { keyPath: 'id' });
  const history = db.createObjectStore('history', { keyPath: 'seq', autoIncrement: true });
  history.createIndex('dealId', 'dealId');
  db.createObjectStore('meta', { keyPath: 'key' });
}

async function upgradeToVersion2(tx: UpgradeTransaction): Promise<void> {
  const deals = tx.objectStore('deals');
  deals.createIndex('lostReasonId', 'lostReasonId');
  untyped(deals).createIndex('expectedClose', 'expectedClose');
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
 * Chromium fills a new index on a full store about seven times slower than it
 * keeps one up to date while rows are written (for 50,000 deals: about 6 s
 * against 0.8 s per index), so the deal rows are written again into the
 * emptied store, the new indexes in place, rather than indexed where they are.
 */
async function upgradeToVersion3(tx: UpgradeTransaction): Promise<void> {
  const deals = tx.objectStore('deals');
  untyped(deals).deleteIndex('expectedClose');
  untyped(deals).deleteIndex('stageId');
  const rows = await deals.getAll();
  await deals.clear();
  for (const [field, name] of Object.entries(SORT_INDEXES)) {
    if (!deals.indexNames.contains(name)) deals.createIndex(name, [field, 'id']);
  }
  // Issued together: one round trip per row would add seconds.
  await Promise.all(rows.map((row) => deals.put(row)));
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

/**
 * The row itself when it certainly is a valid {@link Deal}, else null (then
 * the zod schema decides, and says what is wrong). Reading 50,000 deals
 * through the zod object schema costs about half a second; these plain checks
 * cost a small part of that. They are as strict as the schema or stricter:
 * a row with a field they do not know, or any doubt, goes to the schema, so
 * a change of the schema can make reading slower, never let a bad row in.
 * The formats (dates, currency, ids) are checked by the schema's own parts.
 */
export function fastDeal(row: unknown): Deal | null {
  if (!isRecord(row)) return null;
  let fields = 0;
  for (const key in row) {
    if (!Object.hasOwn(row, key) || !DEAL_FIELDS.has(key)) return null;
    fields += 1;
  }
  if (fields !== DEAL_FIELDS.size) return null;
  const r = row as Record<keyof Deal, unknown>;
  const ok =
    isText(r.title, LIMITS.title) &&
    (r.title as string).length > 0 &&
    isText(r.company, LIMITS.company) &&
    isText(r.contact, LIMITS.contact) &&
    isText(r.owner, LIMITS.owner) &&
    isText(r.closingNote, LIMITS.note) &&
    isAmount(r.amount) &&
    isProbability(r.probability) &&
    (r.probabilityBeforeClose === null || isProbability(r.probabilityBeforeClose)) &&
    typeof r.probabilityManual === 'boolean' &&
    Number.isInteger(r.priority) &&
    (r.priority as number) >= 0 &&
    (r.priority as number) <= 3 &&
    (r.status === 'open' || r.status === 'won' || r.status === 'lost') &&
    typeof r.rank === 'number' &&
    Number.isFinite(r.rank) &&
    typeof r.version === 'string' &&
    r.version.length > 0 &&
    isTags(r.tags) &&
    passes(Id, r.id) &&
    passes(Id, r.stageId) &&
    (r.lostReasonId === null || passes(Id, r.lostReasonId)) &&
    passes(CurrencyCode, r.currency) &&
    (r.expectedClose === null || passes(IsoDate, r.expectedClose)) &&
    (r.closedAt === null || passes(IsoDateTime, r.closedAt)) &&
    passes(IsoDateTime, r.createdAt) &&
    passes(IsoDateTime, r.updatedAt);
  return ok ? (row as Deal) : null;
}

/** The fields of a deal row: every one is required (nullable ones hold null). */
const DEAL_FIELDS: ReadonlySet<string> = new Set<keyof Deal>([
  'id', 'title', 'company', 'contact', 'amount', 'currency', 'stageId', 'probability', 'probabilityManual',
  'expectedClose', 'owner', 'priority', 'tags', 'status', 'rank', 'lostReasonId', 'closingNote',
  'probabilityBeforeClose', 'closedAt', 'createdAt', 'updatedAt', 'version',
]);

const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length <= max;
const isAmount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isProbability = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value <= 100;
const passes = (schema: z.core.$ZodType, value: unknown): boolean => typeof value === 'string' && z.safeParse(schema, value).success;

function isTags(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > LIMITS.tags) return false;
  for (let i = 0; i < value.length; i++) {
    const tag: unknown = value[i];
    if (typeof tag !== 'string' || tag.length === 0 || tag.length > LIMITS.tag) return false;
  }
  return true;
}
