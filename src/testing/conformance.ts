/**
 * The adapter conformance suite: one set of behaviour tests that every
 * DealAdapter runs (memory, IndexedDB, REST, and any adapter an ERP vendor
 * writes for their backend). It only uses the public adapter contract, and
 * runs under mocha, jasmine, jest or vitest.
 *
 * ```ts
 * import { runAdapterConformance } from 'dealkit/testing';
 * runAdapterConformance({ name: 'MyErpAdapter', createAdapter: () => new MyErpAdapter(freshTenant()) });
 * ```
 */
import type { AdapterCapabilities, AdapterChange, DealAdapter } from '../adapters/adapter.js';
import { DEFAULT_LOST_REASONS, DEFAULT_STAGES } from '../model/defaults.js';
import type { DataSet, Deal, DealQuery, DealSort, HistoryEvent, LostReason, NewDeal, Stage } from '../model/schemas.js';
import { AssertionError, deepEqual, equal, ok, rejectsWith } from './assert.js';

/** A test body as the frameworks call it (mocha passes its context as `this`, vitest as an argument). */
export type TestBody = (this: unknown, ...args: unknown[]) => unknown;
export type SuiteFunction = (name: string, body: () => void) => unknown;
export interface TestFunction {
  (name: string, body: TestBody): unknown;
  skip?: (name: string, body: TestBody) => unknown;
}
export type HookFunction = (body: TestBody) => unknown;

export interface ConformanceOptions {
  /** Names the suite in the report, e.g. `"IndexedDbAdapter"`. */
  name: string;
  /** Returns a fresh, empty adapter (default stages and lost reasons, no deals). Called before each test. */
  createAdapter: () => Promise<DealAdapter> | DealAdapter;
  /**
   * Optional: a second adapter on the same store as `adapter` (another tab,
   * another client), for the test that changes made elsewhere reach a
   * subscriber. Without it that test is reported as skipped.
   */
  createPeer?: (adapter: DealAdapter) => Promise<DealAdapter> | DealAdapter;
  /**
   * Releases an adapter after each test (e.g. closes and deletes its
   * database). Default: `adapter.close()`. Peers are closed with `close()`
   * before it runs.
   */
  destroyAdapter?: (adapter: DealAdapter) => Promise<void> | void;
  /**
   * The capabilities the adapter declares, when known up front. Tests needing
   * a capability declared false are then registered as skipped; without this,
   * they skip themselves at run time, which jest cannot do.
   */
  capabilities?: Partial<AdapterCapabilities>;
  /** Test-framework functions; default to the globals (mocha, jasmine, vitest with globals, jest). */
  describe?: SuiteFunction;
  it?: TestFunction;
  beforeEach?: HookFunction;
  afterEach?: HookFunction;
  /** Milliseconds to wait for a change to reach a listener (default 2000). */
  eventTimeout?: number;
}

/** What a test needs; without it, the test is reported as skipped. */
interface Requirement {
  capability?: keyof AdapterCapabilities;
  /** An optional method of the contract. */
  method?: 'importData' | 'forecast' | 'lostAnalysis';
  peer?: boolean;
}

/** The state of the running test. */
interface TestContext {
  adapter: DealAdapter;
  /** Peers opened by the test, closed after it. */
  peers: DealAdapter[];
  /** Unsubscribe functions, called after the test. */
  cleanups: (() => void)[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RANK_ORDER: DealSort = { field: 'rank', direction: 'asc' };

/**
 * Registers the conformance tests for an adapter with the test framework.
 * Call it at the top level of a test file (or inside a `describe`).
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  const framework = resolveFramework(options);
  const { describe, it, beforeEach, afterEach } = framework;
  const eventTimeout = options.eventTimeout ?? 2000;
  let current: TestContext | null = null;

  const context = (): TestContext => {
    if (!current) throw new Error('dealkit conformance: no adapter (did createAdapter fail?)');
    return current;
  };

  /** Registers one test, skipped (never silently dropped) when its requirement is not met. */
  const test = (name: string, run: (ctx: TestContext) => Promise<void>, needs: Requirement = {}): void => {
    const declaredOff = needs.capability !== undefined && options.capabilities?.[needs.capability] === false;
    if ((needs.peer && !options.createPeer) || declaredOff) {
      framework.skip(name);
      return;
    }
    // No declared parameters: mocha and jest would take one as a `done` callback.
    it(name, function (this: unknown, ...args: unknown[]) {
      const ctx = context();
      const missing = unmetRequirement(ctx.adapter, needs);
      if (missing) return skipRunningTest(this, args[0], missing);
      return run(ctx);
    });
  };

  describe(`${options.name}: DealAdapter conformance`, () => {
    beforeEach(async () => {
      current = { adapter: await options.createAdapter(), peers: [], cleanups: [] };
    });

    afterEach(async () => {
      const ctx = current;
      current = null;
      if (!ctx) return;
      for (const cleanup of ctx.cleanups) cleanup();
      for (const peer of ctx.peers) await peer.close?.();
      if (options.destroyAdapter) await options.destroyAdapter(ctx.adapter);
      else await ctx.adapter.close?.();
    });

    // ---- stages -------------------------------------------------------------------

    describe('stages', () => {
      test('lists the default stages in column order, with their probabilities and one won stage', async ({ adapter }) => {
        const stages = await adapter.listStages();
        deepEqual(
          stages.map((s) => [s.name, s.probability, s.won, s.folded]),
          DEFAULT_STAGES.map((s) => [s.name, s.probability, s.won, false]),
          'stages (name, probability, won, folded)',
        );
        for (let i = 1; i < stages.length; i++) ok(stages[i - 1]!.order < stages[i]!.order, 'stage orders ascend');
        equal(stages.filter((s) => s.won).length, 1, 'number of won stages');
      });

      test('folds a stage and keeps it folded', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const folded = await adapter.updateStage(first.id, { folded: true });
        equal(folded.folded, true, 'returned stage folded');
        const listed = await adapter.listStages();
        equal(listed.find((s) => s.id === first.id)?.folded, true, 'listed stage folded');
        equal(listed.find((s) => s.id === second.id)?.folded, false, 'other stage untouched');
        await adapter.updateStage(first.id, { folded: false });
        equal((await adapter.listStages()).find((s) => s.id === first.id)?.folded, false, 'unfolded again');
      });

      test('refuses an invalid stage patch or an unknown stage and changes nothing', async ({ adapter }) => {
        const before = await adapter.listStages();
        const [first] = await openStages(adapter);
        const tooLikely = await rejectsWith(adapter.updateStage(first.id, { probability: 101 }), 'validation', 'probability 101');
        ok(tooLikely.fieldErrors?.['probability'], 'fieldErrors.probability is set');
        await rejectsWith(adapter.updateStage(first.id, { name: '  ' }), 'validation', 'blank name');
        await rejectsWith(adapter.updateStage('no-such-stage', { folded: true }), 'not_found', 'unknown stage');
        deepEqual(await adapter.listStages(), before, 'stages after the refused patches');
      });
    });

    // ---- deals: create, read, update, delete -------------------------------------------

    describe('deals', () => {
      test('starts with no deals', async ({ adapter }) => {
        const page = await adapter.listDeals();
        equal(page.items.length, 0, 'deals in a fresh adapter');
        equal(page.nextCursor, null, 'nextCursor');
      });

      test('creates, reads and updates a deal', async ({ adapter }) => {
        const [, second] = await openStages(adapter);
        const input: NewDeal = {
          title: 'Acme renewal',
          company: 'Acme',
          contact: 'Ann Lee',
          amount: 12000,
          currency: 'EUR',
          stageId: second.id,
          expectedClose: '2026-12-15',
          owner: 'mia',
          priority: 2,
          tags: ['renewal'],
        };
        const created = await adapter.createDeal(input);
        deepEqual(pick(created, Object.keys(input) as (keyof Deal)[]), input, 'created deal fields');
        equal(created.probability, second.probability, 'probability from the stage');
        deepEqual(await adapter.getDeal(created.id), created, 'getDeal after create');

        const updated = await adapter.updateDeal(created.id, { title: 'Acme renewal 2027', amount: 15000, tags: [] });
        equal(updated.title, 'Acme renewal 2027', 'updated title');
        equal(updated.amount, 15000, 'updated amount');
        deepEqual(updated.tags, [], 'updated tags');
        equal(updated.company, 'Acme', 'untouched company');
        ok(updated.version !== created.version, 'the version changes on update');
        deepEqual(await adapter.getDeal(created.id), updated, 'getDeal after update');
      });

      test('gives a deal a new version on every write', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const [reason] = await activeReasons(adapter);
        const deal = await adapter.createDeal({ title: 'Versioned', stageId: first.id });
        const versions = [deal.version];
        versions.push((await adapter.updateDeal(deal.id, { amount: 10 })).version);
        versions.push((await adapter.moveDeal(deal.id, { stageId: second.id })).version);
        versions.push((await adapter.markLost(deal.id, { reasonId: reason.id })).version);
        versions.push((await adapter.restore(deal.id)).version);
        versions.push((await adapter.markWon(deal.id)).version);
        equal(new Set(versions).size, versions.length, `versions ${versions.join(', ')} are all different`);
        equal((await adapter.getDeal(deal.id)).version, versions[versions.length - 1], 'stored version');
      });

      test('fills in the defaults of a new deal', async ({ adapter }) => {
        const [first] = await openStages(adapter);
        const deal = await adapter.createDeal({ title: '  Bare deal  ' });
        equal(deal.title, 'Bare deal', 'title is trimmed');
        equal(deal.stageId, first.id, 'first stage that is not won');
        equal(deal.probability, first.probability, 'probability of that stage');
        equal(deal.status, 'open', 'status');
        equal(deal.amount, 0, 'amount');
        ok(/^[A-Z]{3}$/.test(deal.currency), `currency "${deal.currency}" is an ISO code`);
        deepEqual(
          pick(deal, ['company', 'contact', 'owner', 'priority', 'tags', 'expectedClose', 'lostReasonId', 'closedAt']),
          { company: '', contact: '', owner: '', priority: 0, tags: [], expectedClose: null, lostReasonId: null, closedAt: null },
          'empty fields',
        );
        ok(ISO_INSTANT.test(deal.createdAt), `createdAt "${deal.createdAt}" is an ISO instant`);
        ok(typeof deal.version === 'string' && deal.version.length > 0, 'has a version');
        const history = await adapter.history(deal.id);
        deepEqual(history.map((e) => e.type), ['created'], 'history of a new deal');
        equal(history[0]?.dealId, deal.id, 'history entry names the deal');
      });

      test('refuses invalid new deals with field errors and stores nothing', async ({ adapter }) => {
        const cases: [string, unknown, string][] = [
          ['empty title', { title: '' }, 'title'],
          ['blank title', { title: '   ' }, 'title'],
          ['negative amount', { title: 'x', amount: -1 }, 'amount'],
          ['bad currency', { title: 'x', currency: 'euro' }, 'currency'],
          ['probability 101', { title: 'x', probability: 101 }, 'probability'],
          ['unknown stage', { title: 'x', stageId: 'no-such-stage' }, 'stageId'],
        ];
        for (const [label, input, field] of cases) {
          const error = await rejectsWith(adapter.createDeal(input as NewDeal), 'validation', label);
          ok(error.fieldErrors?.[field], `${label}: fieldErrors.${field} is set (got ${JSON.stringify(error.fieldErrors)})`);
        }
        equal((await adapter.listDeals()).items.length, 0, 'deals stored after refused creates');
      });

      test('refuses an invalid patch and leaves the deal unchanged', async ({ adapter }) => {
        const deal = await adapter.createDeal({ title: 'Stable', amount: 100 });
        const cases: [string, unknown, string][] = [
          ['empty title', { title: '' }, 'title'],
          ['negative amount', { amount: -5 }, 'amount'],
          ['bad currency', { currency: 'usd' }, 'currency'],
          ['probability 101', { probability: 101 }, 'probability'],
          ['priority 4', { priority: 4 }, 'priority'],
        ];
        for (const [label, patch, field] of cases) {
          const error = await rejectsWith(adapter.updateDeal(deal.id, patch as never), 'validation', label);
          ok(error.fieldErrors?.[field], `${label}: fieldErrors.${field} is set (got ${JSON.stringify(error.fieldErrors)})`);
        }
        deepEqual(await adapter.getDeal(deal.id), deal, 'deal after refused patches');
      });

      test('reports an unknown deal as not_found', async ({ adapter }) => {
        const [first] = await openStages(adapter);
        const missing = 'no-such-deal';
        await rejectsWith(adapter.getDeal(missing), 'not_found', 'getDeal');
        await rejectsWith(adapter.updateDeal(missing, { title: 'x' }), 'not_found', 'updateDeal');
        await rejectsWith(adapter.moveDeal(missing, { stageId: first.id }), 'not_found', 'moveDeal');
        await rejectsWith(adapter.markWon(missing), 'not_found', 'markWon');
        await rejectsWith(adapter.markLost(missing, {}), 'not_found', 'markLost');
        await rejectsWith(adapter.restore(missing), 'not_found', 'restore');
        await rejectsWith(adapter.deleteDeal(missing), 'not_found', 'deleteDeal');
        await rejectsWith(adapter.history(missing), 'not_found', 'history');
      });

      test('deletes a deal', async ({ adapter }) => {
        const kept = await adapter.createDeal({ title: 'Kept' });
        const removed = await adapter.createDeal({ title: 'Removed' });
        await adapter.deleteDeal(removed.id);
        await rejectsWith(adapter.getDeal(removed.id), 'not_found', 'getDeal after delete');
        deepEqual(ids((await adapter.listDeals()).items), [kept.id], 'listed deals after delete');
      });
    });

    // ---- queries --------------------------------------------------------------------------

    describe('queries', () => {
      const expectMatches = async (adapter: DealAdapter, query: DealQuery, expected: string[], label: string) => {
        const page = await adapter.listDeals(query, undefined, { limit: 1000 });
        deepEqual(ids(page.items).sort(), [...expected].sort(), `${label} ${JSON.stringify(query)}`);
        if (page.total !== undefined) equal(page.total, expected.length, `total of ${JSON.stringify(query)}`);
      };

      test('lists every deal, lost and won included, without a query', async ({ adapter }) => {
        const seed = await seedQueryDeals(adapter);
        await expectMatches(adapter, {}, Object.values(seed.ids), 'no filter');
      });

      test('narrows by status', async ({ adapter }) => {
        const { ids: d } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { statuses: ['lost'] }, [d.beta, d.delta], 'lost');
        await expectMatches(adapter, { statuses: ['won'] }, [d.zeta], 'won');
        await expectMatches(adapter, { statuses: ['open', 'won'] }, [d.alpha, d.gamma, d.epsilon, d.zeta], 'open and won');
        await expectMatches(adapter, { statuses: [] }, Object.values(d), 'empty list does not narrow');
      });

      test('narrows by stage, lost deals staying in the stage where they were lost', async ({ adapter }) => {
        const { ids: d, stages } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { stageIds: [stages[1].id] }, [d.beta, d.delta], 'second stage');
        await expectMatches(adapter, { stageIds: [stages[0].id, stages[2].id] }, [d.alpha, d.epsilon, d.gamma], 'first and third');
      });

      test('narrows by owner', async ({ adapter }) => {
        const { ids: d } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { owners: ['mia'] }, [d.alpha, d.gamma], 'mia');
        await expectMatches(adapter, { owners: ['raj', 'li'] }, [d.beta, d.delta, d.epsilon, d.zeta], 'raj or li');
      });

      test('narrows by lost reason', async ({ adapter }) => {
        const { ids: d, reasons } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { lostReasonIds: [reasons[0].id] }, [d.beta], 'first reason');
        await expectMatches(adapter, { lostReasonIds: [reasons[0].id, reasons[1].id] }, [d.beta, d.delta], 'either reason');
      });

      test('narrows by expected close date, inclusive, never matching deals without one', async ({ adapter }) => {
        const { ids: d } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { closeDate: { from: '2026-02-01', to: '2026-03-31' } }, [d.beta, d.delta, d.epsilon], 'February to March');
        await expectMatches(adapter, { closeDate: { from: '2026-03-01' } }, [d.delta, d.zeta], 'from March');
        await expectMatches(adapter, { closeDate: { to: '2026-01-31' } }, [d.alpha], 'to January');
      });

      test('narrows by the date a deal was lost', async ({ adapter }) => {
        const { ids: d, lostDays } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { lostDate: { from: lostDays.first, to: lostDays.last } }, [d.beta, d.delta], 'lost on the day');
        await expectMatches(adapter, { lostDate: { to: shiftDay(lostDays.first, -1) } }, [], 'lost before');
        await expectMatches(adapter, { lostDate: { from: shiftDay(lostDays.last, 1) } }, [], 'lost after');
      });

      test(
        'searches text in title, company and contact, ignoring case',
        async ({ adapter }) => {
          const { ids: d } = await seedQueryDeals(adapter);
          await expectMatches(adapter, { text: 'NORTHWIND' }, [d.alpha, d.delta], 'company');
          await expectMatches(adapter, { text: 'contoso' }, [d.beta, d.gamma], 'company or contact');
          await expectMatches(adapter, { text: 'Rollout' }, [d.alpha], 'title');
          await expectMatches(adapter, { text: 'nothing like this' }, [], 'no match');
        },
        { capability: 'textSearch' },
      );

      test('combines query fields with AND', async ({ adapter }) => {
        const { ids: d, stages } = await seedQueryDeals(adapter);
        await expectMatches(adapter, { statuses: ['open'], owners: ['mia', 'raj'], stageIds: [stages[0].id] }, [d.alpha, d.epsilon], 'open, mia or raj, first stage');
        await expectMatches(adapter, { statuses: ['lost'], owners: ['mia'] }, [], 'lost and mia');
      });

      test('refuses an invalid query, sort or page request', async ({ adapter }) => {
        await rejectsWith(adapter.listDeals({ colour: 'red' } as DealQuery), 'validation', 'unknown query field');
        await rejectsWith(adapter.listDeals({ statuses: ['closed'] } as unknown as DealQuery), 'validation', 'unknown status');
        await rejectsWith(adapter.listDeals({ closeDate: { from: '2026-13-01' } }), 'validation', 'bad date');
        await rejectsWith(adapter.listDeals({}, { field: 'colour', direction: 'asc' } as unknown as DealSort), 'validation', 'unknown sort field');
        await rejectsWith(adapter.listDeals({}, { field: 'amount', direction: 'up' } as unknown as DealSort), 'validation', 'bad direction');
        await rejectsWith(adapter.listDeals({}, undefined, { limit: 0 }), 'validation', 'limit 0');
        await rejectsWith(adapter.listDeals({}, undefined, { limit: 1001 }), 'validation', 'limit 1001');
        await rejectsWith(adapter.listDeals({}, undefined, { limit: 2.5 }), 'validation', 'limit 2.5');
      });
    });

    // ---- sorting ---------------------------------------------------------------------------

    describe('sorting', () => {
      const seedSortDeals = async (adapter: DealAdapter) => {
        const rows: [string, number, string | null][] = [
          ['banana', 300, '2026-05-01'],
          ['Apple', 100, null],
          ['cherry', 500, '2026-03-01'],
          ['apricot', 200, null],
          ['Date', 400, '2026-04-01'],
        ];
        for (const [title, amount, expectedClose] of rows) await adapter.createDeal({ title, amount, expectedClose });
      };
      const titlesIn = async (adapter: DealAdapter, sort: DealSort) =>
        (await adapter.listDeals({}, sort, { limit: 1000 })).items.map((d) => d.title);

      test('sorts by amount, descending', async ({ adapter }) => {
        await seedSortDeals(adapter);
        deepEqual(await titlesIn(adapter, { field: 'amount', direction: 'desc' }), ['cherry', 'Date', 'banana', 'apricot', 'Apple'], 'order');
      });

      test('sorts by expected close date, ascending, deals without one last', async ({ adapter }) => {
        await seedSortDeals(adapter);
        const titles = await titlesIn(adapter, { field: 'expectedClose', direction: 'asc' });
        deepEqual(titles.slice(0, 3), ['cherry', 'Date', 'banana'], 'dated deals first, in date order');
        deepEqual(titles.slice(3).sort(), ['Apple', 'apricot'], 'undated deals last');
      });

      test('sorts by title, ignoring case', async ({ adapter }) => {
        await seedSortDeals(adapter);
        deepEqual(await titlesIn(adapter, { field: 'title', direction: 'asc' }), ['Apple', 'apricot', 'banana', 'cherry', 'Date'], 'ascending');
        deepEqual(await titlesIn(adapter, { field: 'title', direction: 'desc' }), ['Date', 'cherry', 'banana', 'apricot', 'Apple'], 'descending');
      });
    });

    // ---- paging -----------------------------------------------------------------------------

    describe('paging', () => {
      const byAmount: DealSort = { field: 'amount', direction: 'desc' };
      /** 50 deals; amounts repeat, so ties must be broken the same way on every page. */
      const seedFifty = async (adapter: DealAdapter): Promise<Deal[]> => {
        const deals: Deal[] = [];
        for (let i = 0; i < 50; i++) deals.push(await adapter.createDeal({ title: `Deal ${i}`, amount: (i % 10) * 100 }));
        return deals;
      };

      test('returns every deal exactly once, in order, 7 at a time', async ({ adapter }) => {
        await seedFifty(adapter);
        const whole = (await adapter.listDeals({}, byAmount, { limit: 1000 })).items;
        equal(whole.length, 50, 'deals in one big page');
        const paged: Deal[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await adapter.listDeals({}, byAmount, { limit: 7, cursor });
          ok(page.items.length <= 7, `page ${pages + 1} holds at most 7 deals`);
          if (page.total !== undefined) equal(page.total, 50, 'total');
          paged.push(...page.items);
          cursor = page.nextCursor;
          pages++;
          ok(pages <= 8, 'at most 8 pages');
        } while (cursor !== null);
        equal(pages, 8, 'pages of 7 for 50 deals');
        deepEqual(ids(paged), ids(whole), 'pages joined equal one big page');
        for (let i = 1; i < paged.length; i++) ok(paged[i - 1]!.amount >= paged[i]!.amount, 'amounts descend');
      });

      test('neither repeats nor skips deals when deals change between pages', async ({ adapter }) => {
        const original = await seedFifty(adapter);
        const seen: string[] = [];
        const first = await adapter.listDeals({}, byAmount, { limit: 7 });
        seen.push(...ids(first.items));

        // Between pages: a deal that sorts before the cursor, an edit of a deal
        // already seen and of one not yet seen, a deletion ahead, a late arrival.
        await adapter.createDeal({ title: 'Early', amount: 5000 });
        await adapter.updateDeal(first.items[0]!.id, { title: 'Seen and edited' });
        const ahead = original.filter((d) => !seen.includes(d.id));
        await adapter.updateDeal(ahead[ahead.length - 1]!.id, { title: 'Edited before it was reached' });
        const deleted = ahead[ahead.length - 2]!;
        await adapter.deleteDeal(deleted.id);
        const late = await adapter.createDeal({ title: 'Late', amount: 50 });

        let cursor = first.nextCursor;
        while (cursor !== null) {
          const page = await adapter.listDeals({}, byAmount, { limit: 7, cursor });
          seen.push(...ids(page.items));
          cursor = page.nextCursor;
          ok(seen.length <= 60, 'paging ends');
        }
        deepEqual(seen.filter((id, i) => seen.indexOf(id) !== i), [], 'deals listed twice');
        const expected = original.map((d) => d.id).filter((id) => id !== deleted.id);
        const missing = expected.filter((id) => !seen.includes(id));
        deepEqual(missing, [], 'deals that existed throughout and were not seen');
        ok(!seen.includes(deleted.id), 'the deleted deal is not listed');
        ok(seen.includes(late.id), 'a deal created ahead of the cursor is listed');
      });

      test('refuses a garbage cursor or one from another sort order', async ({ adapter }) => {
        await seedFifty(adapter);
        const page = await adapter.listDeals({}, byAmount, { limit: 7 });
        ok(page.nextCursor, 'a first page of 7 out of 50 has a next cursor');
        await rejectsWith(adapter.listDeals({}, byAmount, { cursor: 'not a cursor' }), 'validation', 'garbage cursor');
        await rejectsWith(adapter.listDeals({}, byAmount, { cursor: 'bnVsbA==' }), 'validation', 'cursor of base64 "null"');
        await rejectsWith(
          adapter.listDeals({}, { field: 'title', direction: 'asc' }, { cursor: page.nextCursor }),
          'validation',
          'cursor of another sort order',
        );
      });
    });

    // ---- lost, restore ---------------------------------------------------------------------------

    describe('lost and restore', () => {
      test('marks a deal lost: stage kept, probability 0, reason, note and close time recorded', async ({ adapter }) => {
        const [, second] = await openStages(adapter);
        const [reason] = await activeReasons(adapter);
        const deal = await adapter.createDeal({ title: 'Lost one', stageId: second.id });
        const lost = await adapter.markLost(deal.id, { reasonId: reason.id, note: 'Chose a cheaper vendor' });
        equal(lost.status, 'lost', 'status');
        equal(lost.stageId, second.id, 'stage is kept');
        equal(lost.probability, 0, 'probability');
        equal(lost.lostReasonId, reason.id, 'lost reason');
        equal(lost.closingNote, 'Chose a cheaper vendor', 'closing note');
        ok(lost.closedAt && ISO_INSTANT.test(lost.closedAt), `closedAt "${lost.closedAt}" is an ISO instant`);
        deepEqual(await adapter.getDeal(deal.id), lost, 'stored deal');
        const entry = (await adapter.history(deal.id)).at(-1);
        equal(entry?.type, 'lost', 'last history entry');
        equal(entry?.lostReasonId, reason.id, 'history: reason');
        equal(entry?.note, 'Chose a cheaper vendor', 'history: note');
        equal(entry?.stageId, second.id, 'history: stage');
        equal(entry?.probabilityBefore, second.probability, 'history: probability before');
      });

      test('marks a deal lost without a reason', async ({ adapter }) => {
        const deal = await adapter.createDeal({ title: 'No reason given' });
        const lost = await adapter.markLost(deal.id, {});
        equal(lost.status, 'lost', 'status');
        equal(lost.lostReasonId, null, 'lost reason');
      });

      test('refuses an archived or unknown lost reason and changes nothing', async ({ adapter }) => {
        const [reason] = await activeReasons(adapter);
        await adapter.updateLostReason(reason.id, { archived: true });
        const deal = await adapter.createDeal({ title: 'Still open' });
        const archived = await rejectsWith(adapter.markLost(deal.id, { reasonId: reason.id }), 'validation', 'archived reason');
        ok(archived.fieldErrors && Object.keys(archived.fieldErrors).length > 0, 'the archived reason error has fieldErrors');
        await rejectsWith(adapter.markLost(deal.id, { reasonId: 'no-such-reason' }), 'validation', 'unknown reason');
        deepEqual(await adapter.getDeal(deal.id), deal, 'deal after the refused losses');
        deepEqual((await adapter.history(deal.id)).map((e) => e.type), ['created'], 'history after the refused losses');
      });

      test('restores a lost deal to the same stage with the probability from before the loss', async ({ adapter }) => {
        const [, second] = await openStages(adapter);
        const [reason] = await activeReasons(adapter);
        const deal = await adapter.createDeal({ title: 'Comeback', stageId: second.id });
        await adapter.updateDeal(deal.id, { probability: 45 });
        await adapter.markLost(deal.id, { reasonId: reason.id, note: 'Budget frozen' });
        const restored = await adapter.restore(deal.id);
        equal(restored.status, 'open', 'status');
        equal(restored.stageId, second.id, 'same stage');
        equal(restored.probability, 45, 'probability from before the loss');
        equal(restored.closedAt, null, 'closedAt');
        deepEqual(await adapter.getDeal(deal.id), restored, 'stored deal');
        const history = await adapter.history(deal.id);
        deepEqual(history.slice(-2).map((e) => e.type), ['lost', 'restored'], 'last history entries');
        const loss = history.find((e) => e.type === 'lost');
        equal(loss?.lostReasonId, reason.id, 'history keeps the reason');
        equal(loss?.note, 'Budget frozen', 'history keeps the note');
      });

      test('refuses transitions that do not apply and changes nothing', async ({ adapter }) => {
        const open = await adapter.createDeal({ title: 'Open' });
        await rejectsWith(adapter.restore(open.id), 'validation', 'restore an open deal');
        const lost = await adapter.markLost((await adapter.createDeal({ title: 'Lost' })).id, {});
        await rejectsWith(adapter.markLost(lost.id, {}), 'validation', 'lose a lost deal');
        await rejectsWith(adapter.markWon(lost.id), 'validation', 'win a lost deal');
        await rejectsWith(adapter.updateDeal(lost.id, { probability: 50 }), 'validation', 'set the probability of a lost deal');
        const won = await adapter.markWon((await adapter.createDeal({ title: 'Won' })).id);
        await rejectsWith(adapter.markWon(won.id), 'validation', 'win a won deal');
        await rejectsWith(adapter.markLost(won.id, {}), 'validation', 'lose a won deal');
        deepEqual(await adapter.getDeal(open.id), open, 'open deal');
        deepEqual(await adapter.getDeal(lost.id), lost, 'lost deal');
        deepEqual(await adapter.getDeal(won.id), won, 'won deal');
      });
    });

    // ---- won, moves --------------------------------------------------------------------------

    describe('won and moves', () => {
      test('marks a deal won: won stage, probability 100, closed', async ({ adapter }) => {
        const [first] = await openStages(adapter);
        const won = await wonStageOf(adapter);
        const deal = await adapter.createDeal({ title: 'Winner', stageId: first.id });
        const result = await adapter.markWon(deal.id);
        equal(result.status, 'won', 'status');
        equal(result.stageId, won.id, 'won stage');
        equal(result.probability, 100, 'probability');
        ok(result.closedAt && ISO_INSTANT.test(result.closedAt), `closedAt "${result.closedAt}" is an ISO instant`);
        deepEqual(await adapter.getDeal(deal.id), result, 'stored deal');
        const entry = (await adapter.history(deal.id)).at(-1);
        equal(entry?.type, 'won', 'history entry');
        equal(entry?.stageId, won.id, 'history: stage');
        equal(entry?.fromStageId, first.id, 'history: stage it came from');
      });

      test("moving to another stage sets the stage's probability", async ({ adapter }) => {
        const [first, , third] = await openStages(adapter);
        const deal = await adapter.createDeal({ title: 'Mover', stageId: first.id });
        const moved = await adapter.moveDeal(deal.id, { stageId: third.id });
        equal(moved.stageId, third.id, 'stage');
        equal(moved.probability, third.probability, 'probability of the new stage');
        deepEqual(await adapter.getDeal(deal.id), moved, 'stored deal');
        const entry = (await adapter.history(deal.id)).at(-1);
        equal(entry?.type, 'stage_changed', 'history entry');
        equal(entry?.fromStageId, first.id, 'history: from');
        equal(entry?.stageId, third.id, 'history: to');
      });

      test('moving keeps a probability set by hand', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const deal = await adapter.createDeal({ title: 'Hand-set', stageId: first.id });
        await adapter.updateDeal(deal.id, { probability: 55 });
        const moved = await adapter.moveDeal(deal.id, { stageId: second.id });
        equal(moved.stageId, second.id, 'stage');
        equal(moved.probability, 55, 'manual probability kept');
      });

      test('moving into the won stage wins the deal', async ({ adapter }) => {
        const won = await wonStageOf(adapter);
        const deal = await adapter.createDeal({ title: 'Dragged to won' });
        const moved = await adapter.moveDeal(deal.id, { stageId: won.id });
        equal(moved.status, 'won', 'status');
        equal(moved.probability, 100, 'probability');
        ok(moved.closedAt, 'closedAt is set');
      });

      test('reorders a column by index among the other deals of the stage', async ({ adapter }) => {
        const [first] = await openStages(adapter);
        const a = await adapter.createDeal({ title: 'A', stageId: first.id });
        const b = await adapter.createDeal({ title: 'B', stageId: first.id });
        const c = await adapter.createDeal({ title: 'C', stageId: first.id });
        const column = async () =>
          (await adapter.listDeals({ stageIds: [first.id] }, RANK_ORDER, { limit: 1000 })).items.map((d) => d.title);
        // Moving each to the end in turn gives a known order whatever the create placement.
        for (const deal of [a, b, c]) await adapter.moveDeal(deal.id, { stageId: first.id, index: 99 });
        deepEqual(await column(), ['A', 'B', 'C'], 'after moving each to the end');
        await adapter.moveDeal(c.id, { stageId: first.id, index: 0 });
        deepEqual(await column(), ['C', 'A', 'B'], 'C to index 0');
        await adapter.moveDeal(c.id, { stageId: first.id, index: 1 });
        deepEqual(await column(), ['A', 'C', 'B'], 'C to index 1 (among A, B)');
        await adapter.moveDeal(a.id, { stageId: first.id, index: 2 });
        deepEqual(await column(), ['C', 'B', 'A'], 'A to index 2 (the end of C, B)');
      });

      test('places a deal coming from another stage at the given index', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const a = await adapter.createDeal({ title: 'A', stageId: first.id });
        const b = await adapter.createDeal({ title: 'B', stageId: first.id });
        const newcomer = await adapter.createDeal({ title: 'N', stageId: second.id });
        for (const deal of [a, b]) await adapter.moveDeal(deal.id, { stageId: first.id, index: 99 });
        await adapter.moveDeal(newcomer.id, { stageId: first.id, index: 1 });
        const column = (await adapter.listDeals({ stageIds: [first.id] }, RANK_ORDER)).items.map((d) => d.title);
        deepEqual(column, ['A', 'N', 'B'], 'column after the move');
      });

      test('refuses to move a lost deal to another stage and changes nothing', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const created = await adapter.createDeal({ title: 'Lost here', stageId: first.id });
        const lost = await adapter.markLost(created.id, {});
        await rejectsWith(adapter.moveDeal(lost.id, { stageId: second.id }), 'validation', 'move a lost deal');
        deepEqual(await adapter.getDeal(lost.id), lost, 'deal after the refused move');
      });

      test('refuses a move to an unknown stage or a negative index and changes nothing', async ({ adapter }) => {
        const [first] = await openStages(adapter);
        const deal = await adapter.createDeal({ title: 'Staying' });
        const unknown = await rejectsWith(adapter.moveDeal(deal.id, { stageId: 'no-such-stage' }), 'validation', 'unknown stage');
        ok(unknown.fieldErrors?.['stageId'], 'fieldErrors.stageId is set');
        await rejectsWith(adapter.moveDeal(deal.id, { stageId: first.id, index: -1 }), 'validation', 'index -1');
        deepEqual(await adapter.getDeal(deal.id), deal, 'deal after the refused moves');
      });
    });

    // ---- lost reasons ----------------------------------------------------------------------------

    describe('lost reasons', () => {
      test('lists the default lost reasons, none archived', async ({ adapter }) => {
        const reasons = await adapter.listLostReasons();
        deepEqual(reasons.map((r) => r.name).sort(), DEFAULT_LOST_REASONS.map((r) => r.name).sort(), 'names');
        ok(reasons.every((r) => !r.archived), 'none archived');
      });

      test('creates a lost reason with a trimmed name', async ({ adapter }) => {
        const reason = await adapter.createLostReason('  Bad timing  ');
        equal(reason.name, 'Bad timing', 'name');
        equal(reason.archived, false, 'archived');
        ok(ISO_INSTANT.test(reason.createdAt), `createdAt "${reason.createdAt}" is an ISO instant`);
        deepEqual((await adapter.listLostReasons()).find((r) => r.id === reason.id), reason, 'listed reason');
      });

      test('renames a lost reason', async ({ adapter }) => {
        const [reason] = await activeReasons(adapter);
        const renamed = await adapter.updateLostReason(reason.id, { name: ' Budget cut ' });
        equal(renamed.name, 'Budget cut', 'returned name');
        equal((await adapter.listLostReasons()).find((r) => r.id === reason.id)?.name, 'Budget cut', 'stored name');
      });

      test('archives and unarchives a lost reason', async ({ adapter }) => {
        const [reason] = await activeReasons(adapter);
        equal((await adapter.updateLostReason(reason.id, { archived: true })).archived, true, 'returned after archive');
        equal((await adapter.listLostReasons()).find((r) => r.id === reason.id)?.archived, true, 'stored after archive');
        await adapter.updateLostReason(reason.id, { archived: false });
        equal((await adapter.listLostReasons()).find((r) => r.id === reason.id)?.archived, false, 'stored after unarchive');
      });

      test('refuses a duplicate name, ignoring case, on create and on rename', async ({ adapter }) => {
        const [first, second] = await activeReasons(adapter);
        const created = await rejectsWith(adapter.createLostReason(first.name.toUpperCase()), 'validation', 'create a duplicate');
        ok(created.fieldErrors?.['name'], 'fieldErrors.name is set on create');
        await adapter.updateLostReason(second.id, { archived: true });
        await rejectsWith(adapter.createLostReason(` ${second.name.toLowerCase()} `), 'validation', 'create a duplicate of an archived reason');
        const renamed = await rejectsWith(adapter.updateLostReason(second.id, { name: first.name.toLowerCase() }), 'validation', 'rename to a duplicate');
        ok(renamed.fieldErrors?.['name'], 'fieldErrors.name is set on rename');
        const names = (await adapter.listLostReasons()).map((r) => r.name).sort();
        deepEqual(names, DEFAULT_LOST_REASONS.map((r) => r.name).sort(), 'names after the refused writes');
      });

      test('refuses an empty name and reports an unknown reason as not_found', async ({ adapter }) => {
        const blank = await rejectsWith(adapter.createLostReason('   '), 'validation', 'blank name');
        ok(blank.fieldErrors?.['name'], 'fieldErrors.name is set');
        await rejectsWith(adapter.updateLostReason('no-such-reason', { archived: true }), 'not_found', 'unknown reason');
        equal((await adapter.listLostReasons()).length, DEFAULT_LOST_REASONS.length, 'reasons after the refused writes');
      });
    });

    // ---- conflicts -----------------------------------------------------------------------------------

    describe('conflicts', () => {
      type StaleWrite = (adapter: DealAdapter, deal: Deal, expectedVersion: string) => Promise<unknown>;
      const staleWrites: [string, StaleWrite][] = [
        ['updateDeal', (adapter, deal, expectedVersion) => adapter.updateDeal(deal.id, { title: 'Overwritten' }, { expectedVersion })],
        ['moveDeal', async (adapter, deal, expectedVersion) => {
          const [, , third] = await openStages(adapter);
          return adapter.moveDeal(deal.id, { stageId: third.id }, { expectedVersion });
        }],
        ['markLost', (adapter, deal, expectedVersion) => adapter.markLost(deal.id, {}, { expectedVersion })],
        ['markWon', (adapter, deal, expectedVersion) => adapter.markWon(deal.id, { expectedVersion })],
        ['deleteDeal', (adapter, deal, expectedVersion) => adapter.deleteDeal(deal.id, { expectedVersion })],
      ];

      for (const [command, write] of staleWrites) {
        test(`refuses a stale ${command} with a conflict carrying the current deal`, async ({ adapter }) => {
          const created = await adapter.createDeal({ title: 'Contested' });
          const current = await adapter.updateDeal(created.id, { amount: 500 });
          const historyBefore = await adapter.history(created.id);
          const error = await rejectsWith(write(adapter, current, created.version), 'conflict', `stale ${command}`);
          deepEqual(error.current, current, 'error.current');
          deepEqual(await adapter.getDeal(created.id), current, 'stored deal after the conflict');
          deepEqual(await adapter.history(created.id), historyBefore, 'history after the conflict');
        });
      }

      test('refuses a stale restore with a conflict', async ({ adapter }) => {
        const created = await adapter.createDeal({ title: 'Contested' });
        const lost = await adapter.markLost(created.id, {});
        const error = await rejectsWith(adapter.restore(lost.id, { expectedVersion: created.version }), 'conflict', 'stale restore');
        deepEqual(error.current, lost, 'error.current');
        deepEqual(await adapter.getDeal(lost.id), lost, 'stored deal');
      });

      test('accepts writes that name the current version', async ({ adapter }) => {
        const created = await adapter.createDeal({ title: 'Agreed' });
        const updated = await adapter.updateDeal(created.id, { amount: 1 }, { expectedVersion: created.version });
        const lost = await adapter.markLost(created.id, {}, { expectedVersion: updated.version });
        const restored = await adapter.restore(created.id, { expectedVersion: lost.version });
        equal(restored.status, 'open', 'status after the chain of writes');
      });
    });

    // ---- changes ---------------------------------------------------------------------------------------

    describe('changes', () => {
      test('reports its own writes to its subscribers', async (ctx) => {
        const { adapter } = ctx;
        const changes: AdapterChange[] = [];
        const unsubscribe = adapter.subscribe((change) => changes.push(change));
        ctx.cleanups.push(unsubscribe);
        const [first] = await openStages(adapter);

        const deal = await adapter.createDeal({ title: 'Watched' });
        await waitFor(() => hasDeal(changes, deal), eventTimeout, 'the created deal');
        const updated = await adapter.updateDeal(deal.id, { title: 'Watched closely' });
        await waitFor(() => hasDeal(changes, updated), eventTimeout, 'the updated deal');
        const lost = await adapter.markLost(deal.id, {});
        await waitFor(() => hasDeal(changes, lost), eventTimeout, 'the lost deal');
        const reason = await adapter.createLostReason('Went quiet');
        await waitFor(() => changes.some((c) => c.type === 'lost-reason' && c.reason.id === reason.id), eventTimeout, 'the new lost reason');
        await adapter.updateStage(first.id, { folded: true });
        await waitFor(() => changes.some((c) => c.type === 'stage' && c.stage.id === first.id && c.stage.folded), eventTimeout, 'the folded stage');
        await adapter.deleteDeal(deal.id);
        await waitFor(() => changes.some((c) => c.type === 'deal-deleted' && c.id === deal.id), eventTimeout, 'the deletion');

        const reported = changes.find((c) => c.type === 'deal' && c.deal.version === updated.version);
        deepEqual(reported && reported.type === 'deal' ? reported.deal : null, updated, 'the reported deal equals the returned one');

        unsubscribe();
        const count = changes.length;
        await adapter.createDeal({ title: 'Unwatched' });
        await settle();
        equal(changes.length, count, 'changes reported after unsubscribing');
      });

      test(
        'reports changes made through another adapter on the same store',
        async (ctx) => {
          const { adapter } = ctx;
          const peer = await options.createPeer!(adapter);
          ctx.peers.push(peer);
          const changes: AdapterChange[] = [];
          ctx.cleanups.push(adapter.subscribe((change) => changes.push(change)));

          const deal = await peer.createDeal({ title: 'Made elsewhere' });
          await waitFor(() => changes.some((c) => c.type === 'deal' && c.deal.id === deal.id), eventTimeout, 'the deal created by the peer');
          const lost = await peer.markLost(deal.id, {});
          await waitFor(() => hasDeal(changes, lost), eventTimeout, 'the deal lost by the peer');
          deepEqual(await adapter.getDeal(deal.id), lost, 'the first adapter reads the peer write');
        },
        { peer: true, capability: 'realtime' },
      );
    });

    // ---- history ------------------------------------------------------------------------------------------

    describe('history', () => {
      test('records every step, oldest first, with ISO times', async ({ adapter }) => {
        const [first, second] = await openStages(adapter);
        const [reason] = await activeReasons(adapter);
        const deal = await adapter.createDeal({ title: 'Storied', stageId: first.id });
        await adapter.moveDeal(deal.id, { stageId: second.id });
        await adapter.markLost(deal.id, { reasonId: reason.id, note: 'Lost to a rival' });
        await adapter.restore(deal.id);
        await adapter.markWon(deal.id);
        const history = await adapter.history(deal.id);
        deepEqual(history.map((e) => e.type), ['created', 'stage_changed', 'lost', 'restored', 'won'], 'types in order');
        for (const entry of history) {
          equal(entry.dealId, deal.id, 'entry.dealId');
          ok(ISO_INSTANT.test(entry.at), `entry.at "${entry.at}" is an ISO instant`);
        }
        for (let i = 1; i < history.length; i++) {
          ok(Date.parse(history[i - 1]!.at) <= Date.parse(history[i]!.at), 'times do not go backwards');
        }
        equal(new Set(history.map((e) => e.id)).size, history.length, 'entry ids are unique');
      });
    });

    // ---- idempotency -------------------------------------------------------------------------------------------

    describe('idempotency', () => {
      test('applies a repeated markLost with the same idempotency key once', async ({ adapter }) => {
        const [reason] = await activeReasons(adapter);
        const deal = await adapter.createDeal({ title: 'Retried' });
        const input = { reasonId: reason.id, note: 'Sent twice' };
        const first = await adapter.markLost(deal.id, input, { idempotencyKey: 'lose-retried-1' });
        const second = await adapter.markLost(deal.id, input, { idempotencyKey: 'lose-retried-1' });
        deepEqual(second, first, 'the repeat returns the first result');
        deepEqual(await adapter.getDeal(deal.id), first, 'stored deal');
        equal((await adapter.history(deal.id)).filter((e) => e.type === 'lost').length, 1, 'lost entries in history');
      });

      test('applies a repeated createDeal with the same idempotency key once', async ({ adapter }) => {
        const first = await adapter.createDeal({ title: 'Once' }, { idempotencyKey: 'create-once-1' });
        const second = await adapter.createDeal({ title: 'Once' }, { idempotencyKey: 'create-once-1' });
        equal(second.id, first.id, 'the repeat returns the same deal');
        equal((await adapter.listDeals()).items.length, 1, 'deals stored');
      });
    });

    // ---- optional parts of the contract ---------------------------------------------------------------------------

    describe('optional', () => {
      test(
        'computes a forecast on the backend when it declares aggregation',
        async ({ adapter }) => {
          await adapter.createDeal({ title: 'Forecast me', amount: 1000, expectedClose: '2026-02-10' });
          const result = await adapter.forecast!({}, { period: 'month', from: '2026-01-01', periods: 3, groupBy: 'stage', currency: 'USD' });
          ok(Array.isArray(result.buckets), 'forecast buckets is a list');
          ok(typeof result.totals?.weighted === 'number', 'forecast totals.weighted is a number');
        },
        { capability: 'aggregation', method: 'forecast' },
      );

      test(
        'computes lost analysis on the backend when it declares aggregation',
        async ({ adapter }) => {
          const deal = await adapter.createDeal({ title: 'Analyse me', amount: 1000 });
          await adapter.markLost(deal.id, {});
          const result = await adapter.lostAnalysis!({ statuses: ['lost'] }, { groupBy: 'reason', currency: 'USD' });
          ok(Array.isArray(result.groups), 'lost analysis groups is a list');
          ok(typeof result.total?.count === 'number', 'lost analysis total.count is a number');
        },
        { capability: 'aggregation', method: 'lostAnalysis' },
      );

      test(
        'imports records as they are into an empty store, and only with replace into a filled one',
        async (ctx) => {
          const { adapter } = ctx;
          const changes: AdapterChange[] = [];
          ctx.cleanups.push(adapter.subscribe((change) => changes.push(change)));
          const data = await sampleDataSet(adapter);
          equal(await adapter.importData!(data), true, 'import into an empty store');
          deepEqual(await adapter.getDeal('imported-1'), data.deals[0], 'imported deal, id and version kept');
          deepEqual(await adapter.history('imported-1'), data.history, 'imported history');
          await waitFor(() => changes.some((c) => c.type === 'reset'), eventTimeout, 'a reset change');

          const other = { ...data, deals: [{ ...data.deals[0]!, id: 'imported-2', title: 'Second import' }], history: [] };
          equal(await adapter.importData!(other), false, 'import without replace into a filled store');
          await rejectsWith(adapter.getDeal('imported-2'), 'not_found', 'deal of the refused import');
          equal(await adapter.importData!(other, { replace: true }), true, 'import with replace');
          deepEqual(ids((await adapter.listDeals()).items), ['imported-2'], 'deals after replacing');
        },
        { method: 'importData' },
      );
    });
  });
}

// ---- framework glue ------------------------------------------------------------------------------

interface Framework {
  describe: SuiteFunction;
  it: TestFunction;
  beforeEach: HookFunction;
  afterEach: HookFunction;
  /** Registers a test that is reported as skipped. */
  skip: (name: string) => void;
}

function resolveFramework(options: ConformanceOptions): Framework {
  const globals = globalThis as Record<string, unknown>;
  const pickFunction = <T>(given: T | undefined, name: string): T => {
    const found = given ?? globals[name];
    if (typeof found !== 'function') {
      throw new Error(`dealkit conformance: no \`${name}\` function; pass it in the options or run under a test framework with globals.`);
    }
    return found as T;
  };
  const it = pickFunction<TestFunction>(options.it, 'it');
  // mocha, jest and vitest have it.skip; jasmine has xit.
  const skipTest = it.skip ?? (options.it ? undefined : (globals['xit'] as TestFunction['skip']));
  if (typeof skipTest !== 'function') {
    throw new Error('dealkit conformance: the `it` function has no `skip`, so skipped tests could not be reported.');
  }
  return {
    describe: pickFunction<SuiteFunction>(options.describe, 'describe'),
    it,
    beforeEach: pickFunction<HookFunction>(options.beforeEach, 'beforeEach'),
    afterEach: pickFunction<HookFunction>(options.afterEach, 'afterEach'),
    skip: (name) => skipTest.call(it, name, () => undefined),
  };
}

/** Why the adapter cannot run a test, or null when it can. */
function unmetRequirement(adapter: DealAdapter, needs: Requirement): string | null {
  if (needs.capability && !adapter.capabilities[needs.capability]) {
    return `the adapter does not declare capabilities.${needs.capability}`;
  }
  if (needs.method && typeof adapter[needs.method] !== 'function') return `the adapter has no ${needs.method}()`;
  return null;
}

/**
 * Marks the running test as skipped: mocha through its context's `skip()`,
 * vitest through the test context argument, jasmine through `pending()`.
 */
function skipRunningTest(mochaContext: unknown, testContext: unknown, reason: string): void {
  for (const candidate of [mochaContext, testContext]) {
    const skip = (candidate as { skip?: unknown } | null | undefined)?.skip;
    if (typeof skip === 'function') {
      skip.call(candidate);
      return;
    }
  }
  const pending = (globalThis as Record<string, unknown>)['pending'];
  if (typeof pending === 'function') {
    pending(reason);
    return;
  }
  throw new Error(
    `dealkit conformance: skipped because ${reason}, but this test framework cannot skip a running test; pass \`capabilities\` to runAdapterConformance.`,
  );
}

// ---- helpers ----------------------------------------------------------------------------------

/** The stages that are not won, in column order; the suite needs at least three. */
async function openStages(adapter: DealAdapter): Promise<[Stage, Stage, Stage, ...Stage[]]> {
  const stages = (await adapter.listStages()).filter((s) => !s.won);
  if (stages.length < 3) throw new AssertionError(`expected at least three open stages, got ${stages.length}`);
  return stages as [Stage, Stage, Stage, ...Stage[]];
}

async function wonStageOf(adapter: DealAdapter): Promise<Stage> {
  const won = (await adapter.listStages()).find((s) => s.won);
  if (!won) throw new AssertionError('expected a won stage');
  return won;
}

/** Reasons that are not archived; the suite needs at least two. */
async function activeReasons(adapter: DealAdapter): Promise<[LostReason, LostReason, ...LostReason[]]> {
  const reasons = (await adapter.listLostReasons()).filter((r) => !r.archived);
  if (reasons.length < 2) throw new AssertionError(`expected at least two lost reasons, got ${reasons.length}`);
  return reasons as [LostReason, LostReason, ...LostReason[]];
}

/**
 * Six deals spread over owners, stages, close dates and statuses:
 * beta and delta lost (second stage), zeta won, the others open.
 */
async function seedQueryDeals(adapter: DealAdapter) {
  const stages = await openStages(adapter);
  const reasons = await activeReasons(adapter);
  const [s1, s2, s3] = stages;
  const create = async (input: NewDeal) => (await adapter.createDeal(input)).id;
  const ids = {
    alpha: await create({ title: 'Alpha rollout', company: 'Northwind', contact: 'Ana', owner: 'mia', stageId: s1.id, expectedClose: '2026-01-10', amount: 100 }),
    beta: await create({ title: 'Beta pilot', company: 'Contoso Ltd', contact: 'Bo', owner: 'raj', stageId: s2.id, expectedClose: '2026-02-20', amount: 200 }),
    gamma: await create({ title: 'Gamma upgrade', company: 'Fabrikam', contact: 'Carla Contoso', owner: 'mia', stageId: s3.id, expectedClose: null, amount: 300 }),
    delta: await create({ title: 'Delta support', company: 'Northwind', contact: 'Dan', owner: 'li', stageId: s2.id, expectedClose: '2026-03-31', amount: 400 }),
    epsilon: await create({ title: 'Epsilon', company: 'Tailspin', contact: 'Eve', owner: 'raj', stageId: s1.id, expectedClose: '2026-02-01', amount: 500 }),
    zeta: await create({ title: 'Zeta', company: 'Litware', contact: 'Zoe', owner: 'li', stageId: s3.id, expectedClose: '2026-04-15', amount: 600 }),
  };
  const beta = await adapter.markLost(ids.beta, { reasonId: reasons[0].id, note: 'Too pricey' });
  const delta = await adapter.markLost(ids.delta, { reasonId: reasons[1].id });
  await adapter.markWon(ids.zeta);
  // The lost-date filter works on UTC days; both losses are normally on the same day.
  const lostDays = [beta, delta].map((d) => new Date(d.closedAt!).toISOString().slice(0, 10)).sort();
  return { ids, stages, reasons, lostDays: { first: lostDays[0]!, last: lostDays[1]! } };
}

/** A small data set on the adapter's own stages and reasons, with fixed ids and versions. */
async function sampleDataSet(adapter: DealAdapter): Promise<DataSet> {
  const stages = await adapter.listStages();
  const lostReasons = await adapter.listLostReasons();
  const [first] = await openStages(adapter);
  const at = '2026-01-05T09:00:00.000Z';
  const deal: Deal = {
    id: 'imported-1', title: 'Imported', company: 'Acme', contact: 'Ann', amount: 900, currency: 'USD',
    stageId: first.id, probability: first.probability, probabilityManual: false, expectedClose: '2026-03-01',
    owner: 'mia', priority: 1, tags: ['import'], status: 'open', rank: 1024, lostReasonId: null, closingNote: '',
    probabilityBeforeClose: null, closedAt: null, createdAt: at, updatedAt: at, version: '7',
  };
  const history: HistoryEvent[] = [
    { id: 'imported-1-created', dealId: deal.id, type: 'created', at, stageId: first.id, probabilityAfter: first.probability },
  ];
  return { stages, lostReasons, deals: [deal], history };
}

function ids(deals: readonly Deal[]): string[] {
  return deals.map((d) => d.id);
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/** Whether a 'deal' change with exactly this id and version was reported. */
function hasDeal(changes: readonly AdapterChange[], deal: Deal): boolean {
  return changes.some((c) => c.type === 'deal' && c.deal.id === deal.id && c.deal.version === deal.version);
}

/** The `YYYY-MM-DD` day `days` away from `day`. */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function waitFor(check: () => boolean, timeout: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new AssertionError(`no change reported for ${what} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets pending deliveries run, before asserting that nothing more arrives. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
