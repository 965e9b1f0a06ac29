/**
 * The REST contract as data: every operation with its method, path,
 * parameters, body and answer, each described by the kit's zod schemas. The
 * reference server routes from this table and the OpenAPI document is
 * generated from it, so neither can forget an endpoint the other has.
 *
 * No Node APIs here: the test that checks the committed OpenAPI document is
 * current runs in the browser.
 */
import * as z from 'zod/mini';
import {
  FORECAST_PARAMS,
  LIST_PARAMS,
  LOST_ANALYSIS_PARAMS,
  type ParamSpec,
} from '../../src/adapters/rest/params.js';
import {
  Capabilities,
  DealPage,
  ForecastResultSchema,
  ImportRequest,
  ImportResult,
  LostAnalysisSchema,
  NewLostReason,
} from '../../src/adapters/rest/wire.js';
import {
  Deal,
  DealPatch,
  HistoryEvent,
  LostInput,
  LostReason,
  LostReasonPatch,
  MoveInput,
  NewDeal,
  Stage,
  StagePatch,
} from '../../src/model/schemas.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

export interface OperationSpec {
  method: HttpMethod;
  /** OpenAPI style, relative to the base URL: `/deals/{id}/move`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Query parameters. */
  query?: Record<string, ParamSpec>;
  /** What `{id}` in the path names. */
  pathId?: string;
  body?: {
    schema: z.core.$ZodType;
    /** Larger bodies are refused with 413 (the import takes whole data sets). */
    large?: boolean;
  };
  response: {
    status: 200 | 201 | 204;
    schema?: z.core.$ZodType;
    /** The answer is a deal: its version is the ETag. */
    etag?: boolean;
    /** A `text/event-stream` instead of JSON. */
    eventStream?: boolean;
  };
  /** Takes `If-Match` with the deal version the client last saw. */
  ifMatch?: boolean;
  /** Changes data: runs in one transaction and honours `Idempotency-Key`. */
  write?: boolean;
  /** Error statuses particular to the operation (401, 400 and 500 apply to all). */
  errors: readonly number[];
}

/** Every operation of the contract, by operation id. */
export const OPERATIONS = {
  getCapabilities: {
    method: 'get',
    path: '/capabilities',
    tag: 'Server',
    summary: 'What the server offers beyond the required endpoints',
    description:
      'A client uses the server aggregates when `aggregation` is true, lets the server search text when `textSearch` is true, and follows `GET /changes` when `realtime` is true (otherwise it polls). A server without this endpoint offers none of them.',
    response: { status: 200, schema: Capabilities },
    errors: [],
  },
  listStages: {
    method: 'get',
    path: '/stages',
    tag: 'Stages',
    summary: 'The pipeline stages, in column order',
    response: { status: 200, schema: z.array(Stage) },
    errors: [],
  },
  updateStage: {
    method: 'patch',
    path: '/stages/{id}',
    pathId: 'Stage id',
    tag: 'Stages',
    summary: 'Rename a stage, fold it, or change its default probability',
    body: { schema: StagePatch },
    response: { status: 200, schema: Stage },
    write: true,
    errors: [404, 422],
  },
  listLostReasons: {
    method: 'get',
    path: '/lost-reasons',
    tag: 'Lost reasons',
    summary: 'Every lost reason, archived ones included, in creation order',
    response: { status: 200, schema: z.array(LostReason) },
    errors: [],
  },
  createLostReason: {
    method: 'post',
    path: '/lost-reasons',
    tag: 'Lost reasons',
    summary: 'Create a lost reason',
    description: 'The name is trimmed; a name equal to another reason\'s ignoring case (archived ones too) is refused with 422.',
    body: { schema: NewLostReason },
    response: { status: 201, schema: LostReason },
    write: true,
    errors: [422],
  },
  updateLostReason: {
    method: 'patch',
    path: '/lost-reasons/{id}',
    pathId: 'Lost reason id',
    tag: 'Lost reasons',
    summary: 'Rename, archive or unarchive a lost reason',
    description: 'Reasons are archived, never deleted: deals lost for them keep naming them.',
    body: { schema: LostReasonPatch },
    response: { status: 200, schema: LostReason },
    write: true,
    errors: [404, 422],
  },
  listDeals: {
    method: 'get',
    path: '/deals',
    tag: 'Deals',
    summary: 'One page of the deals matching a filter, sorted',
    description:
      'Keyset paging: pass `nextCursor` as `cursor` with the same sort and order for the next page. Pages never repeat or skip a deal that exists throughout, even when deals change between pages. Lost and won deals are listed unless `status` narrows.',
    query: LIST_PARAMS,
    response: { status: 200, schema: DealPage },
    errors: [422],
  },
  createDeal: {
    method: 'post',
    path: '/deals',
    tag: 'Deals',
    summary: 'Create a deal',
    description: 'Missing fields are filled in: the first open stage, its probability, no amount. The deal goes on top of its column.',
    body: { schema: NewDeal },
    response: { status: 201, schema: Deal, etag: true },
    write: true,
    errors: [422],
  },
  getDeal: {
    method: 'get',
    path: '/deals/{id}',
    pathId: 'Deal id',
    tag: 'Deals',
    summary: 'One deal',
    response: { status: 200, schema: Deal, etag: true },
    errors: [404],
  },
  updateDeal: {
    method: 'patch',
    path: '/deals/{id}',
    pathId: 'Deal id',
    tag: 'Deals',
    summary: "Edit a deal's own fields",
    description:
      'Stage and status change only through the commands. Giving `probability` marks it as set by hand, so moves keep it; `probabilityManual: false` returns to the stage default.',
    body: { schema: DealPatch },
    response: { status: 200, schema: Deal, etag: true },
    ifMatch: true,
    write: true,
    errors: [404, 412, 422],
  },
  deleteDeal: {
    method: 'delete',
    path: '/deals/{id}',
    pathId: 'Deal id',
    tag: 'Deals',
    summary: 'Delete a deal (discouraged: marking it lost keeps it for analysis)',
    description: 'Exists to undo a create. The history of a deleted deal stays readable.',
    response: { status: 204 },
    ifMatch: true,
    write: true,
    errors: [404, 412],
  },
  moveDeal: {
    method: 'post',
    path: '/deals/{id}/move',
    pathId: 'Deal id',
    tag: 'Commands',
    summary: 'Move a deal to a stage and a position in its column',
    description:
      'The probability becomes the stage default unless it was set by hand. Moving into the won stage wins an open deal; moving a won deal out reopens it. A lost deal stays in the stage where it was lost (422) until restored. `index` counts the other deals of the target column in rank order (all statuses); past the end means last.',
    body: { schema: MoveInput },
    response: { status: 200, schema: Deal, etag: true },
    ifMatch: true,
    write: true,
    errors: [404, 412, 422],
  },
  markWon: {
    method: 'post',
    path: '/deals/{id}/won',
    pathId: 'Deal id',
    tag: 'Commands',
    summary: 'Mark a deal won: won stage, probability 100, closed now',
    response: { status: 200, schema: Deal, etag: true },
    ifMatch: true,
    write: true,
    errors: [404, 412, 422],
  },
  markLost: {
    method: 'post',
    path: '/deals/{id}/lost',
    pathId: 'Deal id',
    tag: 'Commands',
    summary: 'Mark a deal lost: status lost, probability 0, stage unchanged, reason and note recorded',
    description: 'An unknown or archived reason is refused with 422.',
    body: { schema: LostInput },
    response: { status: 200, schema: Deal, etag: true },
    ifMatch: true,
    write: true,
    errors: [404, 412, 422],
  },
  restore: {
    method: 'post',
    path: '/deals/{id}/restore',
    pathId: 'Deal id',
    tag: 'Commands',
    summary: 'Restore a lost deal: open again in the same stage with the probability it had before',
    description: 'The lost reason and closing note leave the deal but stay in its history.',
    response: { status: 200, schema: Deal, etag: true },
    ifMatch: true,
    write: true,
    errors: [404, 412, 422],
  },
  getHistory: {
    method: 'get',
    path: '/deals/{id}/history',
    pathId: 'Deal id',
    tag: 'History',
    summary: "A deal's history, oldest first",
    description: 'Every creation, edit, stage change, win, loss (with reason, note, stage and probability before) and restore.',
    response: { status: 200, schema: z.array(HistoryEvent) },
    errors: [404],
  },
  getForecast: {
    method: 'get',
    path: '/aggregates/forecast',
    tag: 'Aggregates',
    summary: 'The forecast of the matching deals, computed by the server',
    description:
      'Open deals count amount x probability / 100 in the period of their expected close date (before the horizon: the overdue bucket; without a date or after the horizon: reported apart); won deals count as actuals in the period they closed; every period has a bucket. Amounts without an exchange rate are reported in missingRates, never summed raw. Needs `aggregation` in the capabilities.',
    query: FORECAST_PARAMS,
    response: { status: 200, schema: ForecastResultSchema },
    errors: [422],
  },
  getLostAnalysis: {
    method: 'get',
    path: '/aggregates/lost-analysis',
    tag: 'Aggregates',
    summary: 'The lost deals among the matching ones, grouped and ranked, computed by the server',
    query: LOST_ANALYSIS_PARAMS,
    response: { status: 200, schema: LostAnalysisSchema },
    errors: [422],
  },
  streamChanges: {
    method: 'get',
    path: '/changes',
    tag: 'Changes',
    summary: 'Changes made by anyone, as server-sent events',
    description:
      'Events: `ready` (first, once the stream is live; `replayed: true` when the events after `Last-Event-ID` follow it), `deal` (a Deal), `deal-deleted` (`{"id"}`), `stage` (a Stage), `lost-reason` (a LostReason) and `reset` (`{}`: reload everything). Data is JSON; every change event has an `id`. A comment line is sent every few seconds while idle. A client that reconnects sends the last id it got as `Last-Event-ID`; a client opening its first stream may send the `Dealkit-Change-Position` of an earlier answer. The server replays the events after it when it still has them, and otherwise says `replayed: false`, and the client reloads.',
    response: { status: 200, eventStream: true },
    errors: [],
  },
  importData: {
    method: 'post',
    path: '/import',
    tag: 'Server',
    summary: 'Load whole records as they are (demo data, migrations)',
    description:
      'Ids, versions and history are kept. With `replace`, everything stored is removed first; without it, a server that has deals changes nothing and answers `imported: false`. Optional: a server without it answers 404 and clients report `unsupported`.',
    body: { schema: ImportRequest, large: true },
    response: { status: 200, schema: ImportResult },
    write: true,
    errors: [422],
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationId = keyof typeof OPERATIONS;

/** What each error status means in this contract. */
export const ERROR_STATUSES: Record<number, string> = {
  400: 'The request is malformed (not JSON, a bad header). code: validation',
  401: 'A bearer token is required or was not accepted. code: unauthorized',
  404: 'No such record (or the server does not offer this optional endpoint). code: not_found',
  412: 'If-Match names an older version: the deal changed. The body carries the deal as it is now in `current`. code: conflict',
  413: 'The body is too large. code: validation',
  422: 'The input breaks a rule; `fieldErrors` names each field. code: validation',
  500: 'The server failed; the request may be repeated (with the same Idempotency-Key for writes).',
};
