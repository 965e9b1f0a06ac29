/**
 * A few assertions for the adapter conformance suite. The suite ships in the
 * package and runs under any test framework, so it cannot depend on chai or
 * on a framework's own `expect`.
 */
import type { DealAdapterError, DealAdapterErrorCode } from '../adapters/errors.js';

/**
 * Thrown by the assertions. `actual`, `expected` and `showDiff` are what
 * mocha, jasmine, jest and vitest reporters read to print a diff.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
  readonly actual: unknown;
  readonly expected: unknown;
  readonly showDiff: boolean;

  constructor(message: string, details: { actual?: unknown; expected?: unknown; showDiff?: boolean } = {}) {
    super(message);
    this.actual = details.actual;
    this.expected = details.expected;
    this.showDiff = details.showDiff ?? false;
  }
}

/** A short readable form of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

const prefix = (message: string | undefined): string => (message ? `${message}: ` : '');

/** Fails unless `value` is truthy. */
export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(`${message} (got ${describeValue(value)})`, { actual: value, expected: true });
}

/** Fails unless `actual === expected` (`Object.is`, so NaN equals NaN). */
export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${prefix(message)}expected ${describeValue(expected)}, got ${describeValue(actual)}`, {
      actual,
      expected,
      showDiff: true,
    });
  }
}

/**
 * Fails unless both values are structurally equal with JSON semantics: plain
 * objects and arrays compared member by member, and a property whose value is
 * `undefined` counts as absent (records survive a JSON round trip through a
 * server, where the two cannot be told apart).
 */
export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  const difference = firstDifference(actual, expected, '');
  if (difference !== null) {
    throw new AssertionError(
      `${prefix(message)}values differ at ${difference || '(root)'}: expected ${describeValue(
        valueAt(expected, difference),
      )}, got ${describeValue(valueAt(actual, difference))}`,
      { actual, expected, showDiff: true },
    );
  }
}

/** The path of the first difference, or null when equal. */
function firstDifference(actual: unknown, expected: unknown, path: string): string | null {
  if (Object.is(actual, expected)) return null;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return path;
  if (Array.isArray(actual) !== Array.isArray(expected)) return path;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return path ? `${path}.length` : 'length';
    for (let i = 0; i < actual.length; i++) {
      const found = firstDifference(actual[i], expected[i], join(path, String(i)));
      if (found !== null) return found;
    }
    return null;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
  for (const key of [...keys].sort()) {
    const found = firstDifference(a[key], e[key], join(path, key));
    if (found !== null) return found;
  }
  return null;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function valueAt(value: unknown, path: string): unknown {
  if (!path) return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = key === 'length' && Array.isArray(current) ? current.length : (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Whether `error` is a DealAdapterError. Checked by shape rather than with
 * `instanceof`: an adapter and this suite may come from separately bundled
 * copies of the kit, each with its own class object.
 */
export function isAdapterError(error: unknown): error is DealAdapterError {
  return (
    error instanceof Error &&
    error.name === 'DealAdapterError' &&
    typeof (error as Partial<DealAdapterError>).code === 'string'
  );
}

/**
 * Awaits `promise` (or calls and awaits a function) and fails unless it
 * rejects with a DealAdapterError of `code`. Resolves to that error so the
 * caller can check `fieldErrors` or `current`.
 */
export async function rejectsWith(
  promise: Promise<unknown> | (() => Promise<unknown>),
  code: DealAdapterErrorCode,
  message?: string,
): Promise<DealAdapterError> {
  let result: unknown;
  try {
    result = await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (!isAdapterError(error)) {
      throw new AssertionError(
        `${prefix(message)}expected a DealAdapterError "${code}", got ${error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error)}`,
        { actual: error, expected: code },
      );
    }
    if (error.code !== code) {
      throw new AssertionError(`${prefix(message)}expected error code "${code}", got "${error.code}" (${error.message})`, {
        actual: error.code,
        expected: code,
        showDiff: true,
      });
    }
    return error;
  }
  throw new AssertionError(`${prefix(message)}expected a rejection with "${code}", but it resolved to ${describeValue(result)}`, {
    actual: result,
    expected: code,
  });
}
