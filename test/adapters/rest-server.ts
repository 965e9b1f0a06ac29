/**
 * Browser-side helpers of the REST tests: a reference server started by the
 * test runner's `rest-server` plugin (test/support/rest-server-plugin.mjs),
 * with its test-only fault injection.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';

/** A fault for the next answers of one operation (see demo/server/faults.ts). */
export interface Fault {
  operation: string;
  kind: 'status' | 'malformed-json' | 'corrupt' | 'delay' | 'drop';
  status?: number;
  body?: unknown;
  path?: string;
  value?: unknown;
  delayMs?: number;
  when?: 'before' | 'after';
  times?: number;
}

export interface TestServer {
  /** The API base URL. */
  url: string;
  /** `pglite` or `postgresql`. */
  database: string;
  /** Empties the database: default stages and lost reasons, no deals, no history. */
  reset(): Promise<void>;
  /** Arms faults for the next answers. */
  fault(...faults: Fault[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** Ends every open change stream (clients reconnect). */
  dropStreams(): Promise<void>;
  /** Forgets the change events kept for replay, as a server restart would. */
  forgetEvents(): Promise<void>;
  /** How many change streams are open. */
  openStreams(): Promise<number>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Require this bearer token. */
  token?: string;
  /** Milliseconds between keep-alive comments on change streams (default 1000). */
  heartbeatMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const launch = await executeServerCommand<{ id: string } | undefined, StartOptions>('rest-server:start', options);
  if (!launch?.id) throw new Error('The rest-server plugin is not installed in web-test-runner.config.mjs.');
  let ready: { url?: string; database?: string; pending?: boolean };
  do {
    ready = await executeServerCommand<typeof ready, { id: string }>('rest-server:wait', { id: launch.id });
  } while (ready.pending);
  const url = ready.url!;
  const database = ready.database!;
  const auth: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    url,
    database,
    async reset() {
      const data = { stages: defaultStages(), lostReasons: defaultLostReasons(), deals: [], history: [] };
      await send('POST', '/import', { data, replace: true });
    },
    async fault(...faults) {
      await send('POST', '/__faults', { faults });
    },
    async clearFaults() {
      await send('DELETE', '/__faults');
    },
    async dropStreams() {
      await send('POST', '/__faults/drop-streams');
    },
    async forgetEvents() {
      await send('POST', '/__faults/forget-events');
    },
    async openStreams() {
      return ((await (await send('GET', '/__faults/streams')).json()) as { open: number }).open;
    },
    async stop() {
      await executeServerCommand('rest-server:stop', { url });
    },
  };
}

/** Waits until `check` holds, polling every 10 ms; fails after `timeout` ms. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
