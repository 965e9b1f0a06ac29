import * as z from 'zod/mini';
import { DealAdapterError, type DealAdapterErrorCode } from './errors.js';

/** Turns zod issues into `{ "path.to.field": "message" }`. */
export function fieldErrorsOf(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * Parses `value` with `schema`, or throws a DealAdapterError naming every bad
 * field. `code` is `validation` for caller input and `invalid_response` for
 * data coming from storage or a server.
 */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: Extract<DealAdapterErrorCode, 'validation' | 'invalid_response'> = 'validation',
): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const summary = Object.entries(fieldErrors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  return throwError(new DealAdapterError(code, `Invalid ${what}: ${summary}`, { fieldErrors, cause: result.error }));
}

function throwError(error: Error): never {
  throw error;
}
