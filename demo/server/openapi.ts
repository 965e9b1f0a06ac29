/**
 * Builds the OpenAPI 3.1 document of the REST contract from the operation
 * table (contract.ts) and the kit's zod schemas, through zod's own JSON
 * Schema output. `npm run openapi` writes it to docs/rest-api.openapi.json;
 * the server also serves it at `/api/openapi.json`.
 *
 * No Node APIs here: a browser test rebuilds the document and compares it
 * with the committed file.
 */
import * as z from 'zod/mini';
import type { ParamSpec } from '../../src/adapters/rest/params.js';
import {
  Capabilities,
  CHANGE_EVENTS,
  DealPage,
  ForecastOptionsSchema,
  ForecastResultSchema,
  HEADERS,
  ImportRequest,
  ImportResult,
  LostAnalysisOptionsSchema,
  LostAnalysisSchema,
  NewLostReason,
  Problem,
} from '../../src/adapters/rest/wire.js';
import {
  DataSet,
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
import { ERROR_STATUSES, OPERATIONS, type OperationSpec } from './contract.js';

/** The version of the contract; bump it when an endpoint or a schema changes incompatibly. */
export const CONTRACT_VERSION = '1.0.0';

type Json = Record<string, unknown>;

/** Schemas shown under their own name in `components.schemas`. */
const NAMED_SCHEMAS: Record<string, z.core.$ZodType> = {
  Deal,
  Stage,
  LostReason,
  HistoryEvent,
  NewDeal,
  DealPatch,
  MoveInput,
  LostInput,
  StagePatch,
  NewLostReason,
  LostReasonPatch,
  DealPage,
  Capabilities,
  Problem,
  DataSet,
  ImportRequest,
  ImportResult,
  ForecastOptions: ForecastOptionsSchema,
  ForecastResult: ForecastResultSchema,
  LostAnalysisOptions: LostAnalysisOptionsSchema,
  LostAnalysis: LostAnalysisSchema,
};

const capitalized = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Component schemas for the named schemas and every other body and answer of the table, with references between them. */
function componentSchemas(): { schemas: Record<string, Json>; nameOf: Map<z.core.$ZodType, string> } {
  const registry = z.registry<{ id: string }>();
  const nameOf = new Map<z.core.$ZodType, string>();
  const register = (schema: z.core.$ZodType, name: string) => {
    if (nameOf.has(schema)) return;
    nameOf.set(schema, name);
    registry.add(schema, { id: name });
  };
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) register(schema, name);
  for (const [id, spec] of Object.entries(OPERATIONS) as [string, OperationSpec][]) {
    if (spec.body) register(spec.body.schema, `${capitalized(id)}Request`);
    if (spec.response.schema) register(spec.response.schema, `${capitalized(id)}Response`);
  }
  // `input`: what a parser accepts, which is what each side of the contract must send.
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    schemas[name] = rest;
  }
  return { schemas, nameOf };
}

function inlineSchema(schema: z.core.$ZodType): Json {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

function queryParameter(name: string, spec: ParamSpec): Json {
  const schema = inlineSchema(spec.schema);
  return {
    name,
    in: 'query',
    description: spec.description,
    required: false,
    ...(spec.repeated ? { schema: { type: 'array', items: schema }, style: 'form', explode: true } : { schema }),
  };
}

function operationObject(id: string, spec: OperationSpec, nameOf: Map<z.core.$ZodType, string>): Json {
  const parameters: Json[] = [];
  if (spec.pathId) {
    parameters.push({ name: 'id', in: 'path', required: true, description: spec.pathId, schema: { type: 'string', minLength: 1, maxLength: 64 } });
  }
  for (const [name, param] of Object.entries(spec.query ?? {})) parameters.push(queryParameter(name, param));
  if (spec.ifMatch) parameters.push({ $ref: '#/components/parameters/IfMatch' });
  if (spec.response.eventStream) parameters.push({ $ref: '#/components/parameters/LastEventId' });
  if (spec.write) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

  const success: Json = { description: spec.summary };
  if (spec.response.eventStream) {
    success['content'] = {
      'text/event-stream': {
        schema: { type: 'string', description: 'Server-sent events; the data of each event is JSON.' },
      },
    };
    success['x-dealkit-events'] = Object.fromEntries(
      Object.entries(CHANGE_EVENTS).map(([event, schema]) => [event, nameOf.has(schema) ? ref(nameOf.get(schema)!) : inlineSchema(schema)]),
    );
  } else if (spec.response.schema) {
    success['content'] = { 'application/json': { schema: ref(nameOf.get(spec.response.schema)!) } };
  }
  const headers: Json = { [HEADERS.changePosition]: { $ref: '#/components/headers/ChangePosition' } };
  if (spec.response.etag) headers['ETag'] = { $ref: '#/components/headers/ETag' };
  if (spec.write) headers[HEADERS.idempotentReplayed] = { $ref: '#/components/headers/IdempotentReplayed' };
  success['headers'] = headers;

  const responses: Json = { [String(spec.response.status)]: success };
  const errors = new Set([...spec.errors, 401, 500]);
  if (spec.body || spec.query || spec.ifMatch || spec.write) errors.add(400);
  if (spec.body) errors.add(413);
  for (const status of [...errors].sort((a, b) => a - b)) responses[String(status)] = { $ref: `#/components/responses/Error${status}` };

  return {
    operationId: id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(nameOf.get(spec.body.schema)!) } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the REST contract. */
export function buildOpenApiDocument(): Json {
  const { schemas, nameOf } = componentSchemas();
  const paths: Record<string, Json> = {};
  for (const [id, spec] of Object.entries(OPERATIONS) as [string, OperationSpec][]) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = operationObject(id, spec, nameOf);
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      `Error${status}`,
      { description, content: { 'application/problem+json': { schema: ref('Problem') } } },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'dealkit REST contract',
      version: CONTRACT_VERSION,
      description:
        'The backend contract of dealkit\'s RestAdapter: deals, commands, stages, lost reasons, history, aggregates and a change stream. Any server that follows it passes the kit\'s adapter conformance suite. Records are versioned: every deal answer carries its version as ETag, and writes may send If-Match to refuse a stale change with 412 and the current deal. Writes accept an Idempotency-Key: a repeated key replays the first answer instead of applying the change twice. Generated from the kit\'s zod schemas by `npm run openapi`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787/api', description: 'The reference server (npm run server)' }],
    security: [{}, { bearerAuth: [] }],
    tags: [...new Set(Object.values(OPERATIONS).map((spec) => spec.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'The ETag of the deal version the client last saw. When the deal has another version now, nothing changes and the answer is 412 with the current deal.',
          schema: { type: 'string' },
        },
        LastEventId: {
          name: 'Last-Event-ID',
          in: 'header',
          required: false,
          description: 'Resume after this event id (or after a Dealkit-Change-Position).',
          schema: { type: 'string' },
        },
        IdempotencyKey: {
          name: HEADERS.idempotencyKey,
          in: 'header',
          required: false,
          description: 'A unique key per intended change (1 to 255 visible ASCII characters). Repeating the same request with the same key replays the first answer without applying the change again; the same key with a different request is refused with 422. Keys are kept for at least 24 hours.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        ETag: { description: 'The deal version as a strong entity tag (the percent-encoded version in quotes).', schema: { type: 'string' } },
        ChangePosition: {
          description: 'Optional: the id of the last change event when the request began. Sent as Last-Event-ID when opening the change stream, it replays the changes made since, so none is missed between a read and the stream.',
          schema: { type: 'string' },
        },
        IdempotentReplayed: { description: 'true when this answer is the replay of an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
      },
      responses: errorResponses,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Required only when the server is configured with a token.' },
      },
    },
  };
}
