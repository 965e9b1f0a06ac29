/**
 * Error answers of the reference server: RFC 9457 problem documents carrying
 * the kit's error code, field errors and, for a version conflict, the
 * current record.
 */
import { DealAdapterError, type DealAdapterErrorCode } from '../../src/adapters/errors.js';
import { etagOf } from '../../src/adapters/rest/wire.js';

const STATUS_OF: Record<DealAdapterErrorCode, number> = {
  validation: 422,
  not_found: 404,
  // Version conflicts are the only conflicts, and they come from If-Match.
  conflict: 412,
  unauthorized: 401,
  unsupported: 501,
  network: 503,
  timeout: 504,
  storage_unavailable: 503,
  quota_exceeded: 507,
  invalid_response: 502,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export interface ProblemInit {
  status: number;
  detail: string;
  code?: DealAdapterErrorCode;
  fieldErrors?: Record<string, string>;
  current?: unknown;
  headers?: Record<string, string>;
}

export function problemResponse(init: ProblemInit): Response {
  const body = {
    type: init.code ? `urn:dealkit:problem:${init.code}` : 'about:blank',
    title: TITLES[init.status] ?? 'Error',
    status: init.status,
    detail: init.detail,
    ...(init.code ? { code: init.code } : {}),
    ...(init.fieldErrors ? { fieldErrors: init.fieldErrors } : {}),
    ...(init.current ? { current: init.current } : {}),
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json', ...init.headers };
  const version = (init.current as { version?: unknown } | undefined)?.version;
  if (typeof version === 'string') headers['ETag'] = etagOf(version);
  return new Response(JSON.stringify(body), { status: init.status, headers });
}

/** A validation problem with one field error; `status` 400 for a malformed request, 422 for a broken rule. */
export function invalidRequest(field: string, message: string, status: 400 | 413 | 422 = 422): Response {
  return problemResponse({ status, detail: message, code: 'validation', fieldErrors: { [field]: message } });
}

/** PostgreSQL error codes the server answers as the client's fault. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_BAD_TEXT = new Set(['22021', '22P05']);

/** The answer to anything a handler threw. Unexpected errors are logged and answered with 500 without details. */
export function problemOf(error: unknown): Response {
  if (error instanceof DealAdapterError) {
    return problemResponse({
      status: STATUS_OF[error.code],
      detail: error.message,
      code: error.code,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.current ? { current: error.current } : {}),
    });
  }
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return problemResponse({ status: 409, detail: 'The record was changed by another request at the same time; try again.', code: 'conflict' });
  }
  if (typeof pgCode === 'string' && PG_BAD_TEXT.has(pgCode)) {
    return problemResponse({ status: 422, detail: 'The text contains a character the database cannot store.', code: 'validation' });
  }
  console.error('dealkit server: unexpected error', error);
  return problemResponse({ status: 500, detail: 'The server failed to handle the request.' });
}

/** The path of the first string containing U+0000 (which PostgreSQL text cannot hold), or null. */
export function nulCharacterPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nulCharacterPath(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}
