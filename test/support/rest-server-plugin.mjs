// A web-test-runner plugin that starts reference REST servers (demo/server)
// for the browser tests. Tests run in Chromium, the server in Node: a test
// asks for a server through a custom command and gets its URL.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const { id } = await executeServerCommand('rest-server:start', { token: 'optional' });
//   let ready;
//   do ready = await executeServerCommand('rest-server:wait', { id }); while (ready.pending);
//   ...                                   // ready.url is the API base URL
//   await executeServerCommand('rest-server:stop', { url: ready.url });
//
// Starting takes a few seconds (longer on a busy machine) and a command must
// answer within the runner's 20 s, hence `start` answers at once and `wait`
// answers within WAIT_SLICE_MS, ready or still pending.
//
// Each server is a child process (`node --import tsx demo/server/main.ts`) on
// a free loopback port, with an empty database (default stages and lost
// reasons), fault injection enabled and CORS open to the test page. It runs
// on PGlite, or on the PostgreSQL of DATABASE_URL when that is set, each
// server in its own temporary schema, dropped when it stops.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 180_000;
const WAIT_SLICE_MS = 10_000;
const LISTENING = /listening on (http:\/\/\S+)/;

export function restServerPlugin() {
  /** url -> child process */
  const servers = new Map();
  /** start id -> promise of { url, database } */
  const starting = new Map();
  let nextId = 1;

  async function start({ token, heartbeatMs } = {}) {
    const env = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DEALKIT_SEED: 'empty',
      DEALKIT_FAULTS: '1',
      CORS_ORIGINS: '*',
      HEARTBEAT_MS: String(heartbeatMs ?? 1000),
      API_TOKEN: token ?? '',
      PGLITE_DATA_DIR: '',
    };
    if (process.env.DATABASE_URL) {
      env.DATABASE_SCHEMA = `dealkit_test_${randomBytes(6).toString('hex')}`;
      env.DATABASE_SCHEMA_TEMPORARY = '1';
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the REST server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      function fail(error) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\n${output}`));
      }
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = LISTENING.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      // Server errors stay visible in the test runner's output.
      child.stderr.on('data', (chunk) => {
        output += chunk;
        process.stderr.write(chunk);
      });
      child.once('exit', (code) => fail(new Error(`the REST server exited with code ${code} before it listened`)));
    });
    servers.set(url, child);
    return { url, database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' };
  }

  async function stop(url) {
    const child = servers.get(url);
    if (!child) return false;
    servers.delete(url);
    if (child.exitCode !== null) return true;
    await new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return true;
  }

  return {
    name: 'dealkit-rest-server',
    async executeCommand({ command, payload }) {
      if (command === 'rest-server:start') {
        const id = String(nextId++);
        const started = start(payload ?? {});
        // Failures are reported by `wait`; this keeps them from being unhandled meanwhile.
        started.catch(() => undefined);
        starting.set(id, started);
        return { id };
      }
      if (command === 'rest-server:wait') {
        const started = starting.get(payload?.id);
        if (!started) throw new Error(`No REST server is starting with id ${payload?.id}.`);
        const slice = new Promise((resolve) => setTimeout(() => resolve({ pending: true }), WAIT_SLICE_MS));
        const result = await Promise.race([started, slice]);
        if (!result.pending) starting.delete(payload.id);
        return result;
      }
      if (command === 'rest-server:stop') return stop(payload?.url);
      // Not ours: other plugins may handle it.
      return undefined;
    },
    async serverStop() {
      await Promise.all([...servers.keys()].map(stop));
    },
  };
}
