/**
 * The deals, stages, lost reasons and history of the reference server, in
 * SQL. Every domain decision comes from the kit's own pure rules
 * (`src/model/rules.ts`) and analytics (`src/analytics/`): this file only
 * validates input with the kit's schemas, reads and writes rows, and places
 * ranks, in the same order of checks as the in-memory reference adapter, so
 * the server passes the same conformance suite.
 *
 * Every statement is parameterized; the only SQL built from pieces are
 * column names taken from fixed tables below.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { AdapterChange, Page } from '../../src/adapters/adapter.js';
import { DEFAULT_PAGE_SIZE } from '../../src/adapters/adapter.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { ImportRequest, NewLostReason } from '../../src/adapters/rest/wire.js';
import { parseOrThrow } from '../../src/adapters/validate.js';
import { forecast } from '../../src/analytics/forecast.js';
import { lostAnalysis } from '../../src/analytics/lost.js';
import type { ForecastOptions, ForecastResult, LostAnalysis, LostAnalysisOptions } from '../../src/analytics/types.js';
import {
  applyLost,
  applyMove,
  applyPatch,
  applyRestore,
  applyWon,
  checkVersion,
  createDealRecord,
  dayOf,
  decodeCursor,
  encodeCursor,
  rankAt,
  renumbered,
  sortStages,
  sortValue,
  stageById,
  wonStage,
  type RuleContext,
  type RuleResult,
} from '../../src/model/rules.js';
import {
  DealPatch,
  DealQuery,
  DealSort,
  Id,
  LostInput,
  LostReasonPatch,
  MoveInput,
  NewDeal,
  PageRequest,
  StagePatch,
  type DataSet,
  type Deal,
  type HistoryEvent,
  type LostReason,
  type Stage,
} from '../../src/model/schemas.js';
import type { Queryable, Row } from './database.js';

/** The answer of a write and the changes to tell the subscribers once it is committed. */
export interface WriteResult<T> {
  value: T;
  changes: AdapterChange[];
}

/** Above this many deals renumbered at once, subscribers get one `reset` instead of a change per deal. */
const MAX_CHANGES_PER_WRITE = 200;
/** Rows per INSERT statement when loading many records. */
const INSERT_BATCH = 2000;

// ---- rows ------------------------------------------------------------------------------

const DEAL_COLUMNS = [
  'id', 'title', 'company', 'contact', 'amount', 'currency', 'stage_id', 'probability', 'probability_manual',
  'expected_close', 'owner', 'priority', 'tags', 'status', 'rank', 'lost_reason_id', 'closing_note',
  'probability_before_close', 'closed_at', 'created_at', 'updated_at', 'version',
  'title_key', 'company_key', 'contact_key', 'closed_day',
] as const;

/** A deal as a row of the deals table, derived columns computed with the kit's rules. */
function dealRow(deal: Deal): Record<(typeof DEAL_COLUMNS)[number], unknown> {
  return {
    id: deal.id,
    title: deal.title,
    company: deal.company,
    contact: deal.contact,
    amount: deal.amount,
    currency: deal.currency,
    stage_id: deal.stageId,
    probability: deal.probability,
    probability_manual: deal.probabilityManual,
    expected_close: deal.expectedClose,
    owner: deal.owner,
    priority: deal.priority,
    tags: deal.tags,
    status: deal.status,
    rank: deal.rank,
    lost_reason_id: deal.lostReasonId,
    closing_note: deal.closingNote,
    probability_before_close: deal.probabilityBeforeClose,
    closed_at: deal.closedAt,
    created_at: deal.createdAt,
    updated_at: deal.updatedAt,
    version: deal.version,
    title_key: sortValue(deal, 'title'),
    company_key: deal.company.toLocaleLowerCase(),
    contact_key: deal.contact.toLocaleLowerCase(),
    closed_day: deal.closedAt === null ? null : dayOf(deal.closedAt),
  };
}

const DEAL_SELECT = `SELECT ${DEAL_COLUMNS.slice(0, 22).join(', ')} FROM deals`;

function dealFromRow(row: Row): Deal {
  return {
    id: row['id'] as string,
    title: row['title'] as string,
    company: row['company'] as string,
    contact: row['contact'] as string,
    amount: row['amount'] as number,
    currency: row['currency'] as string,
    stageId: row['stage_id'] as string,
    probability: row['probability'] as number,
    probabilityManual: row['probability_manual'] as boolean,
    expectedClose: row['expected_close'] as string | null,
    owner: row['owner'] as string,
    priority: row['priority'] as number,
    tags: row['tags'] as string[],
    status: row['status'] as Deal['status'],
    rank: row['rank'] as number,
    lostReasonId: row['lost_reason_id'] as string | null,
    closingNote: row['closing_note'] as string,
    probabilityBeforeClose: row['probability_before_close'] as number | null,
    closedAt: row['closed_at'] as string | null,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
    version: row['version'] as string,
  };
}

const stageFromRow = (row: Row): Stage => ({
  id: row['id'] as string,
  name: row['name'] as string,
  order: row['sort_order'] as number,
  probability: row['probability'] as number,
  won: row['won'] as boolean,
  folded: row['folded'] as boolean,
});

const reasonFromRow = (row: Row): LostReason => ({
  id: row['id'] as string,
  name: row['name'] as string,
  archived: row['archived'] as boolean,
  createdAt: row['created_at'] as string,
});

/** Numbered placeholders for parameters, collected in order. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Sort fields and their columns; `nullable` ones sort missing values last. */
const SORT_COLUMNS: Record<DealSort['field'], { column: string; numeric: boolean; nullable: boolean }> = {
  rank: { column: 'rank', numeric: true, nullable: false },
  amount: { column: 'amount', numeric: true, nullable: false },
  probability: { column: 'probability', numeric: true, nullable: false },
  expectedClose: { column: 'expected_close', numeric: false, nullable: true },
  createdAt: { column: 'created_at', numeric: false, nullable: false },
  updatedAt: { column: 'updated_at', numeric: false, nullable: false },
  closedAt: { column: 'closed_at', numeric: false, nullable: true },
  title: { column: 'title_key', numeric: false, nullable: false },
};

/** The SQL conditions of a query, equal to the kit's `matchesQuery`. */
function filterConditions(query: DealQuery, params: Params): string[] {
  const conditions: string[] = [];
  const anyOf = (column: string, list: readonly string[] | undefined) => {
    if (list && list.length > 0) conditions.push(`${column} = ANY(${params.add(list)}::text[])`);
  };
  anyOf('status', query.statuses);
  anyOf('stage_id', query.stageIds);
  anyOf('owner', query.owners);
  anyOf('lost_reason_id', query.lostReasonIds);
  const range = (column: string, from: string | null | undefined, to: string | null | undefined) => {
    if (!from && !to) return false;
    conditions.push(`${column} IS NOT NULL`);
    if (from) conditions.push(`${column} >= ${params.add(from)}`);
    if (to) conditions.push(`${column} <= ${params.add(to)}`);
    return true;
  };
  range('expected_close', query.closeDate?.from, query.closeDate?.to);
  if (range('closed_day', query.lostDate?.from, query.lostDate?.to)) conditions.push(`status = 'lost'`);
  const text = query.text?.trim().toLocaleLowerCase();
  if (text) {
    const needle = params.add(text);
    conditions.push(`(strpos(title_key, ${needle}) > 0 OR strpos(company_key, ${needle}) > 0 OR strpos(contact_key, ${needle}) > 0)`);
  }
  return conditions;
}

/** The deal fields the analytics read, and their columns. */
const ANALYTICS_COLUMNS = {
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  probability: 'probability',
  expectedClose: 'expected_close',
  closedAt: 'closed_at',
  stageId: 'stage_id',
  owner: 'owner',
  lostReasonId: 'lost_reason_id',
} as const;
type AnalyticsField = keyof typeof ANALYTICS_COLUMNS;

const whereClause = (conditions: readonly string[]): string => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

const IdArgument = z.object({ id: Id });

function parseId(id: unknown, what: string): string {
  return parseOrThrow(IdArgument, { id }, what).id;
}

function notFound(what: string, id: string): DealAdapterError {
  return new DealAdapterError('not_found', `No ${what} with id "${id}".`);
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function context(): RuleContext {
  return { now: new Date().toISOString(), newId: randomUUID };
}

// ---- the repository --------------------------------------------------------------------

export class Repository {
  // ---- stages ---------------------------------------------------------------------------

  async listStages(db: Queryable): Promise<Stage[]> {
    const { rows } = await db.query('SELECT id, name, sort_order, probability, won, folded FROM stages');
    return sortStages(rows.map(stageFromRow));
  }

  async updateStage(tx: Queryable, id: unknown, patch: unknown): Promise<WriteResult<Stage>> {
    const stageId = parseId(id, 'stage id');
    const changes = parseOrThrow(StagePatch, patch, 'stage patch');
    const { rows } = await tx.query('SELECT id, name, sort_order, probability, won, folded FROM stages WHERE id = $1 FOR UPDATE', [stageId]);
    if (!rows[0]) throw notFound('stage', stageId);
    const stage = stageFromRow(rows[0]);
    const next: Stage = { ...stage, ...definedFields(changes) };
    if (sameJson(next, stage)) return { value: stage, changes: [] };
    await tx.query('UPDATE stages SET name = $2, probability = $3, folded = $4 WHERE id = $1', [
      next.id, next.name, next.probability, next.folded,
    ]);
    return { value: next, changes: [{ type: 'stage', stage: next }] };
  }

  // ---- lost reasons -------------------------------------------------------------------------

  async listLostReasons(db: Queryable): Promise<LostReason[]> {
    const { rows } = await db.query('SELECT id, name, archived, created_at FROM lost_reasons ORDER BY seq');
    return rows.map(reasonFromRow);
  }

  async createLostReason(tx: Queryable, body: unknown): Promise<WriteResult<LostReason>> {
    const { name } = parseOrThrow(NewLostReason, body, 'lost reason');
    await this.#checkUniqueReasonName(tx, name, null);
    const reason: LostReason = { id: randomUUID(), name, archived: false, createdAt: new Date().toISOString() };
    await tx.query('INSERT INTO lost_reasons (id, name, name_key, archived, created_at) VALUES ($1, $2, $3, $4, $5)', [
      reason.id, reason.name, reason.name.toLowerCase(), reason.archived, reason.createdAt,
    ]);
    return { value: reason, changes: [{ type: 'lost-reason', reason }] };
  }

  async updateLostReason(tx: Queryable, id: unknown, patch: unknown): Promise<WriteResult<LostReason>> {
    const reasonId = parseId(id, 'lost reason id');
    const changes = parseOrThrow(LostReasonPatch, patch, 'lost reason patch');
    const { rows } = await tx.query('SELECT id, name, archived, created_at FROM lost_reasons WHERE id = $1 FOR UPDATE', [reasonId]);
    if (!rows[0]) throw notFound('lost reason', reasonId);
    const reason = reasonFromRow(rows[0]);
    if (changes.name !== undefined) await this.#checkUniqueReasonName(tx, changes.name, reasonId);
    const next: LostReason = { ...reason, ...definedFields(changes) };
    if (sameJson(next, reason)) return { value: reason, changes: [] };
    await tx.query('UPDATE lost_reasons SET name = $2, name_key = $3, archived = $4 WHERE id = $1', [
      next.id, next.name, next.name.toLowerCase(), next.archived,
    ]);
    return { value: next, changes: [{ type: 'lost-reason', reason: next }] };
  }

  async #checkUniqueReasonName(tx: Queryable, name: string, exceptId: string | null): Promise<void> {
    const { rows } = await tx.query('SELECT name, archived FROM lost_reasons WHERE name_key = $1 AND id <> $2', [
      name.toLowerCase(),
      exceptId ?? '',
    ]);
    const taken = rows[0];
    if (taken) {
      const message = `A lost reason named "${String(taken['name'])}" already exists${taken['archived'] ? ' (archived)' : ''}.`;
      throw new DealAdapterError('validation', message, { fieldErrors: { name: message } });
    }
  }

  // ---- deals: reading -------------------------------------------------------------------------

  /** One page of deals; keyset paging on (sort value, id), like the kit's cursors. */
  async listDeals(db: Queryable, query: unknown, sort: unknown, page: unknown): Promise<Page<Deal>> {
    const where = parseOrThrow(DealQuery, query, 'query');
    const order = parseOrThrow(DealSort, sort, 'sort');
    const request = parseOrThrow(PageRequest, page, 'page request');
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    const { column, numeric, nullable } = SORT_COLUMNS[order.field];

    const params = new Params();
    const conditions = filterConditions(where, params);
    // Counting is a scan of every match: done for the first page only, where a caller shows it.
    const total = request.cursor
      ? undefined
      : (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deals ${whereClause(conditions)}`, params.values)).rows[0]!.n;

    if (request.cursor) {
      const key = decodeCursor(request.cursor, order);
      if (key.v === null ? !nullable : typeof key.v !== (numeric ? 'number' : 'string')) {
        throw new DealAdapterError('validation', 'The page cursor is not valid.', { fieldErrors: { cursor: 'The page cursor is not valid.' } });
      }
      const id = params.add(key.id);
      if (key.v === null) {
        conditions.push(`(${column} IS NULL AND id > ${id})`);
      } else if (order.direction === 'asc' && !nullable) {
        // A row comparison lets PostgreSQL start the index scan right after the cursor.
        conditions.push(`(${column}, id) > (${params.add(key.v)}, ${id})`);
      } else {
        const value = params.add(key.v);
        const after = order.direction === 'asc' ? '>' : '<';
        const orNull = nullable ? ` OR ${column} IS NULL` : '';
        conditions.push(`(${column} ${after} ${value} OR (${column} = ${value} AND id > ${id})${orNull})`);
      }
    }
    const direction = order.direction === 'asc' ? 'ASC' : 'DESC';
    const { rows } = await db.query(
      `${DEAL_SELECT} ${whereClause(conditions)} ORDER BY ${column} ${direction} NULLS LAST, id ASC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, limit).map(dealFromRow);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last, order) : null;
    return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
  }

  async getDeal(db: Queryable, id: unknown): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    const { rows } = await db.query(`${DEAL_SELECT} WHERE id = $1`, [dealId]);
    if (!rows[0]) throw notFound('deal', dealId);
    return dealFromRow(rows[0]);
  }

  async history(db: Queryable, id: unknown): Promise<HistoryEvent[]> {
    const dealId = parseId(id, 'deal id');
    const { rows } = await db.query<{ event: HistoryEvent }>('SELECT event FROM history WHERE deal_id = $1 ORDER BY seq', [dealId]);
    // A deleted deal's history is kept, so it stays readable.
    if (rows.length === 0) await this.getDeal(db, dealId);
    return rows.map((row) => row.event);
  }

  // ---- deals: commands ------------------------------------------------------------------------

  async createDeal(tx: Queryable, input: unknown): Promise<WriteResult<Deal>> {
    const data = parseOrThrow(NewDeal, input, 'new deal');
    const created = createDealRecord(data, await this.listStages(tx), 0, context());
    const place = await this.#placement(tx, created.deal.stageId, 0, created.deal.id);
    return this.#commit(tx, null, { deal: { ...created.deal, rank: place.rank }, event: created.event }, place.reranked);
  }

  async updateDeal(tx: Queryable, id: unknown, patch: unknown, expectedVersion: string | undefined): Promise<WriteResult<Deal>> {
    const changes = parseOrThrow(DealPatch, patch, 'deal patch');
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    return this.#commit(tx, deal, applyPatch(deal, changes, await this.listStages(tx), context()));
  }

  async deleteDeal(tx: Queryable, id: unknown, expectedVersion: string | undefined): Promise<WriteResult<null>> {
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    await tx.query('DELETE FROM deals WHERE id = $1', [deal.id]);
    return { value: null, changes: [{ type: 'deal-deleted', id: deal.id }] };
  }

  async moveDeal(tx: Queryable, id: unknown, input: unknown, expectedVersion: string | undefined): Promise<WriteResult<Deal>> {
    const move = parseOrThrow(MoveInput, input, 'move');
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    const stages = await this.listStages(tx);
    const target = stageById(stages, move.stageId);
    const size = await this.#columnSize(tx, target.id, deal.id);
    const index = Math.min(move.index ?? size, size);
    if (target.id === deal.stageId && index === (await this.#positionOf(tx, deal))) return { value: deal, changes: [] };
    const place = await this.#placement(tx, target.id, index, deal.id, size);
    // The rule may refuse (a lost deal leaving its stage): nothing is written before it agrees.
    return this.#commit(tx, deal, applyMove(deal, target, place.rank, stages, context()), place.reranked);
  }

  async markWon(tx: Queryable, id: unknown, expectedVersion: string | undefined): Promise<WriteResult<Deal>> {
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    const target = wonStage(await this.listStages(tx));
    const place = await this.#placement(tx, target.id, Number.POSITIVE_INFINITY, deal.id);
    return this.#commit(tx, deal, applyWon(deal, target, place.rank, context()), place.reranked);
  }

  async markLost(tx: Queryable, id: unknown, input: unknown, expectedVersion: string | undefined): Promise<WriteResult<Deal>> {
    const lost = parseOrThrow(LostInput, input, 'lost input');
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    return this.#commit(tx, deal, applyLost(deal, lost, await this.listLostReasons(tx), context()));
  }

  async restore(tx: Queryable, id: unknown, expectedVersion: string | undefined): Promise<WriteResult<Deal>> {
    const deal = await this.#lockDeal(tx, id);
    checkVersion(deal, expectedVersion);
    return this.#commit(tx, deal, applyRestore(deal, await this.listStages(tx), context()));
  }

  // ---- aggregates ----------------------------------------------------------------------------

  /**
   * The forecast of the deals matching `query`, computed by the kit's own
   * `forecast()` so it equals what the browser would compute. SQL narrows
   * and packs the rows (lost deals never count in a forecast) into one JSON
   * value: moving one value out of the database is far cheaper than
   * moving 100,000 rows.
   */
  async forecast(db: Queryable, query: DealQuery, options: ForecastOptions): Promise<ForecastResult> {
    const params = new Params();
    const conditions = [...filterConditions(parseOrThrow(DealQuery, query, 'query'), params), `status <> 'lost'`];
    const series = options.groupBy === 'owner' ? 'owner' : 'stageId';
    const fields = ['status', 'amount', 'currency', 'probability', 'expectedClose', 'closedAt', series] as const;
    return forecast(await this.#analyticsDeals(db, conditions, params, fields), await this.listStages(db), options);
  }

  /** Lost analysis of the deals matching `query`, by the kit's own `lostAnalysis()`. */
  async lostAnalysis(db: Queryable, query: DealQuery, options: LostAnalysisOptions): Promise<LostAnalysis> {
    const params = new Params();
    const conditions = [...filterConditions(parseOrThrow(DealQuery, query, 'query'), params), `status = 'lost'`];
    const key = ({ reason: 'lostReasonId', stage: 'stageId', owner: 'owner', month: 'closedAt' } as const)[options.groupBy] ?? 'lostReasonId';
    const fields = ['status', 'amount', 'currency', key] as const;
    return lostAnalysis(await this.#analyticsDeals(db, conditions, params, fields), options);
  }

  /**
   * The `fields` of the deals matching `conditions`, in id order (so sums
   * are added in the same order every time, to the last bit). The records
   * are partial on purpose: the analytics read only these fields, and
   * leaving the rest in the database keeps 100,000 deals quick.
   */
  async #analyticsDeals(db: Queryable, conditions: string[], params: Params, fields: readonly AnalyticsField[]): Promise<Deal[]> {
    const columns = fields.map((field) => ANALYTICS_COLUMNS[field]);
    const { rows } = await db.query<{ deals: unknown[][] }>(
      `SELECT coalesce(json_agg(json_build_array(${columns.join(', ')})), '[]') AS deals
       FROM (SELECT ${columns.join(', ')} FROM deals ${whereClause(conditions)} ORDER BY id) AS matching`,
      params.values,
    );
    return rows[0]!.deals.map((values) => Object.fromEntries(fields.map((field, i) => [field, values[i]])) as unknown as Deal);
  }

  // ---- import -----------------------------------------------------------------------------------

  /**
   * Loads whole records as they are. With `replace` everything is removed
   * first; without it only a server with no deals is filled.
   */
  async importData(tx: Queryable, body: unknown): Promise<WriteResult<boolean>> {
    const { data, replace } = parseOrThrow(ImportRequest, body, 'import');
    if (!replace) {
      const { rows } = await tx.query('SELECT EXISTS (SELECT 1 FROM deals) AS filled');
      if (rows[0]?.['filled']) return { value: false, changes: [] };
    }
    checkConsistency(data);
    await tx.exec('TRUNCATE history, deals, lost_reasons, stages, idempotency_keys');
    for (const stage of data.stages) {
      await tx.query('INSERT INTO stages (id, name, sort_order, probability, won, folded) VALUES ($1, $2, $3, $4, $5, $6)', [
        stage.id, stage.name, stage.order, stage.probability, stage.won, stage.folded,
      ]);
    }
    for (const reason of data.lostReasons) {
      await tx.query('INSERT INTO lost_reasons (id, name, name_key, archived, created_at) VALUES ($1, $2, $3, $4, $5)', [
        reason.id, reason.name, reason.name.toLowerCase(), reason.archived, reason.createdAt,
      ]);
    }
    await this.#saveDeals(tx, data.deals);
    // Stable sort: entries at the same instant keep the order they were given in.
    const history = [...data.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (let start = 0; start < history.length; start += INSERT_BATCH) {
      const rows = history.slice(start, start + INSERT_BATCH).map((event) => ({ id: event.id, deal_id: event.dealId, event }));
      await tx.query(
        'INSERT INTO history (id, deal_id, event) SELECT id, deal_id, event FROM json_populate_recordset(null::history, $1::json)',
        [JSON.stringify(rows)],
      );
    }
    return { value: true, changes: [{ type: 'reset' }] };
  }

  /** Whether the server holds no stages yet (a new database to seed). */
  async isEmpty(db: Queryable): Promise<boolean> {
    const { rows } = await db.query('SELECT EXISTS (SELECT 1 FROM stages) AS filled');
    return !rows[0]?.['filled'];
  }

  /** Forgets idempotency keys older than `hours`. */
  async forgetIdempotencyKeys(db: Queryable, hours: number): Promise<void> {
    await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [hours]);
  }

  // ---- internals --------------------------------------------------------------------------------

  /** Reads a deal for a write, locking its row until the transaction ends. */
  async #lockDeal(tx: Queryable, id: unknown): Promise<Deal> {
    const dealId = parseId(id, 'deal id');
    const { rows } = await tx.query(`${DEAL_SELECT} WHERE id = $1 FOR UPDATE`, [dealId]);
    if (!rows[0]) throw notFound('deal', dealId);
    return dealFromRow(rows[0]);
  }

  /** How many deals a stage's column holds (all statuses), without `exceptId`. */
  async #columnSize(tx: Queryable, stageId: string, exceptId: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM deals WHERE stage_id = $1 AND id <> $2', [stageId, exceptId]);
    return rows[0]!.n;
  }

  /** How many deals of its column come before `deal` in rank order. */
  async #positionOf(tx: Queryable, deal: Deal): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM deals WHERE stage_id = $1 AND id <> $2 AND (rank < $3 OR (rank = $3 AND id < $2))',
      [deal.stageId, deal.id, deal.rank],
    );
    return rows[0]!.n;
  }

  /**
   * The rank that puts a deal at `index` of a stage's column, found with the
   * kit's `rankAt`. Only the neighbours it looks at are read, so a move in a
   * column of 25,000 deals reads two rows. When there is no room between
   * them, the whole column is renumbered (rare), and the other deals with
   * their new ranks are returned for the caller to write.
   */
  async #placement(
    tx: Queryable,
    stageId: string,
    index: number,
    movingId: string,
    knownSize?: number,
  ): Promise<{ rank: number; reranked: Deal[] }> {
    const size = knownSize ?? (await this.#columnSize(tx, stageId, movingId));
    const at = Math.max(0, Math.min(index, size));
    // rankAt reads the first, the last, or the two deals around `at`: a sparse column with those is enough.
    const column: Pick<Deal, 'rank'>[] = new Array(size);
    if (size > 0) {
      const offset = at === 0 ? 0 : at - 1;
      const { rows } = await tx.query<{ rank: number }>(
        'SELECT rank FROM deals WHERE stage_id = $1 AND id <> $2 ORDER BY rank, id OFFSET $3 LIMIT 2',
        [stageId, movingId, offset],
      );
      rows.forEach((row, i) => (column[offset + i] = row));
    }
    const rank = rankAt(column, at);
    if (rank !== null) return { rank, reranked: [] };
    const { rows } = await tx.query(`${DEAL_SELECT} WHERE stage_id = $1 AND id <> $2 ORDER BY rank, id`, [stageId, movingId]);
    const full = rows.map(dealFromRow);
    const renumber = renumbered(full);
    const spaced = full.map((deal) => ({ ...deal, rank: renumber.get(deal.id) ?? deal.rank }));
    const spacedRank = rankAt(spaced, at);
    if (spacedRank === null) throw new Error('dealkit server: no rank found after renumbering a column.');
    return { rank: spacedRank, reranked: spaced.filter((deal, i) => deal.rank !== full[i]!.rank) };
  }

  /**
   * Writes the result of a rule (and a column renumbering) and its history
   * entry. Renumbered deals change rank only: their version stays, as nobody
   * edited them (as in the kit's adapters).
   */
  async #commit(
    tx: Queryable,
    before: Deal | null,
    result: RuleResult,
    reranked: readonly Deal[] = [],
  ): Promise<WriteResult<Deal>> {
    await this.#saveDeals(tx, reranked);
    const changes: AdapterChange[] = reranked.map((deal) => ({ type: 'deal', deal }));
    if (result.deal !== before) {
      await this.#saveDeals(tx, [result.deal]);
      changes.push({ type: 'deal', deal: result.deal });
    }
    if (result.event) {
      await tx.query('INSERT INTO history (id, deal_id, event) VALUES ($1, $2, $3)', [
        result.event.id, result.event.dealId, JSON.stringify(result.event),
      ]);
    }
    return { value: result.deal, changes: changes.length > MAX_CHANGES_PER_WRITE ? [{ type: 'reset' }] : changes };
  }

  /**
   * Inserts or replaces deals, many rows per statement: the rows travel as
   * one JSON parameter that PostgreSQL unpacks (json_populate_recordset),
   * which loads 100,000 deals about twice as fast as long VALUES lists.
   */
  async #saveDeals(tx: Queryable, deals: readonly Deal[]): Promise<void> {
    const columns = DEAL_COLUMNS.join(', ');
    const updates = DEAL_COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`).join(', ');
    for (let start = 0; start < deals.length; start += INSERT_BATCH) {
      const rows = deals.slice(start, start + INSERT_BATCH).map(dealRow);
      await tx.query(
        `INSERT INTO deals (${columns}) SELECT ${columns} FROM json_populate_recordset(null::deals, $1::json)
         ON CONFLICT (id) DO UPDATE SET ${updates}`,
        [JSON.stringify(rows)],
      );
    }
  }
}

/** Checks that imported records fit together (the same checks as the kit's in-memory adapter). */
function checkConsistency(data: DataSet): void {
  const errors: Record<string, string> = {};
  const stageIds = new Set<string>();
  data.stages.forEach((stage, i) => {
    if (stageIds.has(stage.id)) errors[`data.stages.${i}.id`] = `Duplicate stage id "${stage.id}".`;
    stageIds.add(stage.id);
  });
  if (data.stages.length === 0) errors['data.stages'] = 'The pipeline needs at least one stage.';
  else if (!data.stages.some((s) => s.won)) errors['data.stages'] = 'The pipeline needs a won stage.';

  const reasonIds = new Set<string>();
  const reasonNames = new Set<string>();
  data.lostReasons.forEach((reason, i) => {
    if (reasonIds.has(reason.id)) errors[`data.lostReasons.${i}.id`] = `Duplicate lost reason id "${reason.id}".`;
    if (reasonNames.has(reason.name.toLowerCase())) errors[`data.lostReasons.${i}.name`] = `Duplicate lost reason name "${reason.name}".`;
    reasonIds.add(reason.id);
    reasonNames.add(reason.name.toLowerCase());
  });

  const dealIds = new Set<string>();
  data.deals.forEach((deal, i) => {
    if (dealIds.has(deal.id)) errors[`data.deals.${i}.id`] = `Duplicate deal id "${deal.id}".`;
    if (!stageIds.has(deal.stageId)) errors[`data.deals.${i}.stageId`] = `Unknown stage "${deal.stageId}".`;
    if (deal.lostReasonId !== null && !reasonIds.has(deal.lostReasonId)) {
      errors[`data.deals.${i}.lostReasonId`] = `Unknown lost reason "${deal.lostReasonId}".`;
    }
    dealIds.add(deal.id);
  });

  const historyIds = new Set<string>();
  data.history.forEach((event, i) => {
    if (historyIds.has(event.id)) errors[`data.history.${i}.id`] = `Duplicate history entry id "${event.id}".`;
    historyIds.add(event.id);
  });

  const summary = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  if (summary.length > 0) {
    throw new DealAdapterError('validation', `Inconsistent data: ${summary.join('; ')}`, { fieldErrors: errors });
  }
}
