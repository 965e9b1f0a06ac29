import type { Deal } from '../model/schemas.js';

/** Every way an adapter can refuse or fail. */
export type DealAdapterErrorCode =
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'network'
  | 'timeout'
  | 'quota_exceeded'
  | 'storage_unavailable'
  | 'invalid_response'
  | 'unauthorized'
  | 'unsupported';

export interface DealAdapterErrorOptions {
  /** For `conflict`: the record as it is now, so the caller can merge or retry. */
  current?: Deal;
  /** For `validation` and `invalid_response`: messages keyed by field path. */
  fieldErrors?: Record<string, string>;
  cause?: unknown;
}

/**
 * The one error class adapters throw. Callers switch on `code`; `message` is
 * written for a developer, the elements show a localized text for the code.
 */
export class DealAdapterError extends Error {
  override name = 'DealAdapterError';
  readonly code: DealAdapterErrorCode;
  readonly current?: Deal;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: DealAdapterErrorCode, message: string, options: DealAdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.current) this.current = options.current;
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors;
  }

  /** Whether repeating the same call later may succeed. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'storage_unavailable';
  }
}

export function isDealAdapterError(error: unknown): error is DealAdapterError {
  return error instanceof DealAdapterError;
}

/** Wraps anything thrown into a DealAdapterError, keeping the original as `cause`. */
export function toDealAdapterError(error: unknown, fallback: DealAdapterErrorCode = 'network'): DealAdapterError {
  if (error instanceof DealAdapterError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new DealAdapterError('quota_exceeded', 'The browser storage is full.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new DealAdapterError('timeout', 'The request took too long.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new DealAdapterError('timeout', 'The request was aborted.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DealAdapterError(fallback, message, { cause: error });
}
