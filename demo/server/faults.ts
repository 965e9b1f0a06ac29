/**
 * Fault injection for the tests of the REST adapter: the next answers of an
 * operation can be an error status, malformed JSON, a wrong field type, a
 * slow answer, or a connection dropped after the change was committed. Only
 * enabled when the server is started with DEALKIT_FAULTS=1 (the test
 * runner's server plugin does); `npm run server` never offers it.
 */
import * as z from 'zod/mini';

export const FaultSpec = z.object({
  /** The operation id (see contract.ts), e.g. `moveDeal`. */
  operation: z.string(),
  kind: z.enum(['status', 'malformed-json', 'corrupt', 'delay', 'drop']),
  /** `status`: the status to answer (the handler does not run). */
  status: z.optional(z.int().check(z.gte(200), z.lte(599))),
  /** `status`: the JSON body to answer; default a problem document. */
  body: z.optional(z.unknown()),
  /** `corrupt`: the dotted path of the value to replace in the answer, e.g. `items.0.amount`. */
  path: z.optional(z.string()),
  /** `corrupt`: the value to put there. */
  value: z.optional(z.unknown()),
  /** `delay`: milliseconds. */
  delayMs: z.optional(z.int().check(z.gte(0), z.lte(60_000))),
  /** `delay`: before the handler runs (default) or after it committed. */
  when: z.optional(z.enum(['before', 'after'])),
  /** How many requests the fault applies to (default 1). */
  times: z.optional(z.int().check(z.gte(1))),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

export const FaultRequest = z.object({ faults: z.array(FaultSpec) });

interface ArmedFault extends FaultSpec {
  remaining: number;
}

export class FaultInjector {
  #armed: ArmedFault[] = [];

  add(faults: readonly FaultSpec[]): void {
    for (const fault of faults) this.#armed.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.#armed = [];
  }

  /** The fault to apply to this request of `operation`, if one is armed (used up one request at a time). */
  take(operation: string): FaultSpec | null {
    const fault = this.#armed.find((f) => f.operation === operation);
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#armed = this.#armed.filter((f) => f !== fault);
    return fault;
  }
}

/** Puts `value` at a dotted path of a JSON value (for `corrupt`). */
export function setAtPath(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target as Record<string, unknown> | null;
  for (const key of keys.slice(0, -1)) {
    current = (current?.[key] ?? null) as Record<string, unknown> | null;
  }
  if (current && typeof current === 'object') current[keys[keys.length - 1]!] = value;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
