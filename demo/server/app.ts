/**
 * The HTTP side of the reference server (Hono): routes every operation of
 * the contract table to its handler, and does for all of them what HTTP
 * needs: CORS, the optional bearer token, body size limits, JSON parsing,
 * `If-Match`, `Idempotency-Key` replay, problem documents for errors, and
 * the ETag of every deal answer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AdapterChange, AdapterCapabilities } from '../../src/adapters/adapter.js';
import { DealAdapterError } from '../../src/adapters/errors.js';
import { decodeForecastParams, decodeListParams, decodeLostAnalysisParams } from '../../src/adapters/rest/params.js';
import { etagOf, HEADERS, versionOfEtag } from '../../src/adapters/rest/wire.js';
import { parseOrThrow } from '../../src/adapters/validate.js';
import type { ChangeHub } from './change-hub.js';
import { OPERATIONS, type OperationId, type OperationSpec } from './contract.js';
import type { Database, Queryable } from './database.js';
import { FaultRequest, setAtPath, sleep, type FaultInjector, type FaultSpec } from './faults.js';
import { buildOpenApiDocument } from './openapi.js';
import { invalidRequest, nulCharacterPath, problemOf, problemResponse } from './problem.js';
import type { Repository, WriteResult } from './repository.js';

export interface AppOptions {
  db: Database;
  repository: Repository;
  hub: ChangeHub;
  /** Origins allowed to call the API from a browser; `*` for any. */
  corsOrigins: '*' | readonly string[];
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Largest body in bytes (the import has its own limit). */
  bodyLimit: number;
  importLimit: number;
  /** Test-only fault injection; null in normal runs. */
  faults?: FaultInjector | null;
}

/** What the reference server offers beyond the required endpoints. */
export const SERVER_CAPABILITIES: AdapterCapabilities = { aggregation: true, textSearch: true, realtime: true };

/** What a handler gets from the request. */
interface OperationInput {
  /** The `{id}` of the path, when the operation has one. */
  id: string | undefined;
  query: URLSearchParams;
  /** The parsed JSON body (`{}` for operations without one). */
  body: unknown;
  /** From `If-Match`; undefined when absent or `*`. */
  expectedVersion: string | undefined;
}

interface Reply {
  status: 200 | 201 | 204;
  body?: unknown;
}

type Handler =
  | { kind: 'read'; run: (db: Queryable, input: OperationInput) => Promise<Reply> }
  | { kind: 'write'; run: (tx: Queryable, input: OperationInput) => Promise<WriteResult<unknown> & { status?: 201 | 204 }> }
  | { kind: 'stream' };

type Env = { Bindings: HttpBindings };

export function createApp(options: AppOptions): Hono<Env> {
  const { db, repository: repo, hub, faults = null } = options;
  const ok = (body: unknown): Reply => ({ status: 200, body });

  /** One handler per operation of the contract; the compiler checks none is missing. */
  const handlers: Record<OperationId, Handler> = {
    getCapabilities: { kind: 'read', run: async () => ok(SERVER_CAPABILITIES) },
    listStages: { kind: 'read', run: async (q) => ok(await repo.listStages(q)) },
    updateStage: { kind: 'write', run: (tx, input) => repo.updateStage(tx, input.id, input.body) },
    listLostReasons: { kind: 'read', run: async (q) => ok(await repo.listLostReasons(q)) },
    createLostReason: { kind: 'write', run: async (tx, input) => ({ ...(await repo.createLostReason(tx, input.body)), status: 201 }) },
    updateLostReason: { kind: 'write', run: (tx, input) => repo.updateLostReason(tx, input.id, input.body) },
    listDeals: {
      kind: 'read',
      run: async (q, input) => {
        const { query, sort, page } = decodeListParams(input.query);
        return ok(await repo.listDeals(q, query, sort, page));
      },
    },
    createDeal: { kind: 'write', run: async (tx, input) => ({ ...(await repo.createDeal(tx, input.body)), status: 201 }) },
    getDeal: { kind: 'read', run: async (q, input) => ok(await repo.getDeal(q, input.id)) },
    updateDeal: { kind: 'write', run: (tx, input) => repo.updateDeal(tx, input.id, input.body, input.expectedVersion) },
    deleteDeal: { kind: 'write', run: async (tx, input) => ({ ...(await repo.deleteDeal(tx, input.id, input.expectedVersion)), status: 204 }) },
    moveDeal: { kind: 'write', run: (tx, input) => repo.moveDeal(tx, input.id, input.body, input.expectedVersion) },
    markWon: { kind: 'write', run: (tx, input) => repo.markWon(tx, input.id, input.expectedVersion) },
    markLost: { kind: 'write', run: (tx, input) => repo.markLost(tx, input.id, input.body, input.expectedVersion) },
    restore: { kind: 'write', run: (tx, input) => repo.restore(tx, input.id, input.expectedVersion) },
    getHistory: { kind: 'read', run: async (q, input) => ok(await repo.history(q, input.id)) },
    getForecast: {
      kind: 'read',
      run: async (q, input) => {
        const { query, options: forecastOptions } = decodeForecastParams(input.query);
        return ok(await repo.forecast(q, query, forecastOptions));
      },
    },
    getLostAnalysis: {
      kind: 'read',
      run: async (q, input) => {
        const { query, options: analysisOptions } = decodeLostAnalysisParams(input.query);
        return ok(await repo.lostAnalysis(q, query, analysisOptions));
      },
    },
    streamChanges: { kind: 'stream' },
    importData: {
      kind: 'write',
      run: async (tx, input) => {
        const result = await repo.importData(tx, input.body);
        return { ...result, value: { imported: result.value } };
      },
    },
  };

  const app = new Hono<Env>().basePath('/api');
  app.onError((error) => problemOf(error));
  app.notFound(() => problemResponse({ status: 404, detail: 'No such endpoint.', code: 'not_found' }));

  app.use(
    '*',
    cors({
      origin: options.corsOrigins === '*' ? '*' : [...options.corsOrigins],
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', HEADERS.idempotencyKey, 'Last-Event-ID', 'Accept'],
      exposeHeaders: ['ETag', 'Location', HEADERS.idempotentReplayed, HEADERS.changePosition, 'Retry-After'],
      maxAge: 600,
    }),
  );

  // Every answer says how far the change stream was when the request began, so a client
  // that opens the stream later resumes from there and misses nothing in between.
  app.use('*', async (c, next) => {
    const position = hub.position;
    await next();
    c.res.headers.set(HEADERS.changePosition, position);
  });

  // The contract document is public, so a vendor can read it without a token.
  const openApi = JSON.stringify(buildOpenApiDocument());
  app.get('/openapi.json', () => new Response(openApi, { headers: { 'Content-Type': 'application/json' } }));

  if (options.token) app.use('*', bearerToken(options.token));

  // A person opening the printed URL sees what this is and where the contract is.
  const index = (c: Context<Env>) =>
    c.json({
      name: 'dealkit reference server',
      capabilities: SERVER_CAPABILITIES,
      openapi: new URL('openapi.json', c.req.url.endsWith('/') ? c.req.url : `${c.req.url}/`).href,
    });
  app.get('', index);
  app.get('/', index);

  if (faults) registerFaultRoutes(app, faults, hub);

  for (const [id, spec] of Object.entries(OPERATIONS) as [OperationId, OperationSpec][]) {
    const handler = handlers[id];
    const limit = spec.body?.large ? options.importLimit : options.bodyLimit;
    const tooLarge = () => invalidRequest('(root)', `The request body is larger than ${limit} bytes.`, 413);
    app.on(spec.method.toUpperCase(), honoPath(spec.path), bodyLimit({ maxSize: limit, onError: tooLarge }), async (c) => {
      const fault = faults?.take(id) ?? null;
      if (fault?.kind === 'status') return faultStatus(fault);
      if (fault?.kind === 'delay' && fault.when !== 'after') await sleep(fault.delayMs ?? 0);
      if (handler.kind === 'stream') return hub.open(c.req.header('Last-Event-ID'));

      const request = await readRequest(c, spec);
      if (request instanceof Response) return request;
      const response =
        handler.kind === 'read'
          ? answer(spec, await handler.run(db, request.input))
          : await runWrite(id, spec, handler.run, request.input, c.req.header(HEADERS.idempotencyKey), request.fingerprint);
      return applyFaultAfter(c, fault, response);
    });
  }

  /**
   * Runs a write in one transaction with its idempotency record: a repeated
   * key replays the stored answer instead of applying the change twice, and
   * a refused command stores nothing (so it can be retried). Subscribers
   * hear of the change only after it is committed.
   */
  async function runWrite(
    operation: OperationId,
    spec: OperationSpec,
    run: (tx: Queryable, input: OperationInput) => Promise<WriteResult<unknown> & { status?: 201 | 204 }>,
    input: OperationInput,
    key: string | undefined,
    fingerprint: string,
  ): Promise<Response> {
    if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
      return invalidRequest(HEADERS.idempotencyKey, 'The idempotency key must be 1 to 255 visible ASCII characters.', 400);
    }
    const replay = async (q: Queryable): Promise<Response | null> => {
      const { rows } = await q.query<{ fingerprint: string; status: Reply['status']; body: unknown }>(
        'SELECT fingerprint, status, body FROM idempotency_keys WHERE operation = $1 AND key = $2',
        [operation, key],
      );
      const stored = rows[0];
      if (!stored) return null;
      if (stored.fingerprint !== fingerprint) {
        throw new DealAdapterError('validation', 'This idempotency key was already used for a different request.', {
          fieldErrors: { [HEADERS.idempotencyKey]: 'Already used for a different request.' },
        });
      }
      const response = answer(spec, { status: stored.status, body: stored.body ?? undefined });
      response.headers.set(HEADERS.idempotentReplayed, 'true');
      return response;
    };

    let changes: AdapterChange[] = [];
    try {
      const response = await db.transaction(async (tx) => {
        if (key !== undefined) {
          const replayed = await replay(tx);
          if (replayed) return replayed;
        }
        const result = await run(tx, input);
        changes = result.changes;
        const reply: Reply = { status: result.status ?? 200, body: result.status === 204 ? undefined : result.value };
        if (key !== undefined) {
          await tx.query('INSERT INTO idempotency_keys (operation, key, fingerprint, status, body) VALUES ($1, $2, $3, $4, $5)', [
            operation, key, fingerprint, reply.status, JSON.stringify(reply.body ?? null),
          ]);
        }
        return answer(spec, reply);
      });
      hub.publish(changes);
      return response;
    } catch (error) {
      // The same key sent twice at once: the other request won; answer as it did.
      if (key !== undefined && (error as { code?: unknown }).code === '23505') {
        const replayed = await replay(db);
        if (replayed) return replayed;
      }
      throw error;
    }
  }

  return app;
}

// ---- request and answer ------------------------------------------------------------------

/** `/deals/{id}/move` becomes `/deals/:id/move`. */
const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** Reads the id, the JSON body and If-Match, or answers why it cannot. */
async function readRequest(
  c: Context<Env>,
  spec: OperationSpec,
): Promise<{ input: OperationInput; fingerprint: string } | Response> {
  const url = new URL(c.req.url);
  const id = spec.pathId ? c.req.param('id') : undefined;
  for (const [name, value] of [...url.searchParams, ['id', id ?? '']]) {
    if (value!.includes('\u0000')) return invalidRequest(name!, 'Text cannot contain the NUL character (U+0000).');
  }

  const raw = spec.body ? await c.req.text() : '';
  let body: unknown = spec.body ? undefined : {};
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      return invalidRequest('(root)', 'The request body is not valid JSON.', 400);
    }
    const nulAt = nulCharacterPath(body);
    if (nulAt !== null) return invalidRequest(nulAt, 'Text cannot contain the NUL character (U+0000).');
  }

  let expectedVersion: string | undefined;
  const ifMatch = c.req.header('If-Match');
  if (spec.ifMatch && ifMatch !== undefined) {
    const version = versionOfEtag(ifMatch);
    if (version === undefined) return invalidRequest('If-Match', 'If-Match must be one entity tag, such as "3", or *.', 400);
    expectedVersion = version ?? undefined;
  }
  // What a repeated request must match to be replayed under the same idempotency key.
  const fingerprint = createHash('sha256')
    .update(`${spec.method} ${url.pathname}\n${ifMatch ?? ''}\n${raw}`)
    .digest('hex');
  return { input: { id, query: url.searchParams, body, expectedVersion }, fingerprint };
}

function answer(spec: OperationSpec, reply: Reply): Response {
  if (reply.status === 204) return new Response(null, { status: 204 });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const version = (reply.body as { version?: unknown } | null | undefined)?.version;
  if (spec.response.etag && typeof version === 'string') headers['ETag'] = etagOf(version);
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

function bearerToken(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (c: Context<Env>, next: () => Promise<void>): Promise<Response | void> => {
    if (c.req.method === 'OPTIONS') return next();
    const given = Buffer.from(c.req.header('Authorization') ?? '');
    // Constant-time comparison, so the answer time does not reveal how much of the token matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    return problemResponse({
      status: 401,
      detail: 'A valid bearer token is required.',
      code: 'unauthorized',
      headers: { 'WWW-Authenticate': 'Bearer realm="dealkit"' },
    });
  };
}

// ---- fault injection (tests only) -----------------------------------------------------------

function registerFaultRoutes(app: Hono<Env>, faults: FaultInjector, hub: ChangeHub): void {
  app.post('/__faults', async (c) => {
    faults.add(parseOrThrow(FaultRequest, await c.req.json(), 'faults').faults);
    return new Response(null, { status: 204 });
  });
  app.delete('/__faults', () => {
    faults.clear();
    return new Response(null, { status: 204 });
  });
  app.post('/__faults/drop-streams', () => {
    hub.closeAll();
    return new Response(null, { status: 204 });
  });
  app.post('/__faults/forget-events', () => {
    hub.forget();
    return new Response(null, { status: 204 });
  });
  app.get('/__faults/streams', (c) => c.json({ open: hub.size }));
}

function faultStatus(fault: FaultSpec): Response {
  const status = fault.status ?? 500;
  if (fault.body !== undefined) {
    return new Response(JSON.stringify(fault.body), { status, headers: { 'Content-Type': 'application/problem+json' } });
  }
  return problemResponse({ status, detail: `Injected fault: status ${status}.` });
}

async function applyFaultAfter(c: Context<Env>, fault: FaultSpec | null, response: Response): Promise<Response> {
  if (!fault) return response;
  switch (fault.kind) {
    case 'delay':
      if (fault.when === 'after') await sleep(fault.delayMs ?? 0);
      return response;
    case 'drop': {
      // The change is committed; the client never hears so (a lost answer). The answer is cut
      // after it began: a browser silently resends a request whose connection closed before
      // any answer (which the idempotency key makes harmless, but then nothing would be lost).
      const out = c.env.outgoing;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"cut":'));
          setTimeout(() => out.destroy(), 50);
        },
      });
      return new Response(body, { status: response.status, headers: { 'Content-Type': 'application/json' } });
    }
    case 'malformed-json': {
      const text = await response.text();
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: response.status,
        headers: response.headers,
      });
    }
    case 'corrupt': {
      const body: unknown = await response.json();
      setAtPath(body, fault.path ?? '', fault.value);
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    }
    default:
      return response;
  }
}
