/**
 * The adapter conformance suite against RestAdapter talking to the
 * reference server: on PGlite by default, on PostgreSQL when the test run has
 * DATABASE_URL set (see test/support/postgres.sh).
 */
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { runAdapterConformance } from '../../src/testing/index.js';
import { startServer, type TestServer } from './rest-server.js';

let server: TestServer;

before(async function () {
  // Starting a server (PGlite compiles its WebAssembly) takes a few seconds.
  this.timeout(120_000);
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

runAdapterConformance({
  name: 'RestAdapter on the reference server',
  createAdapter: async () => {
    await server.reset();
    return RestAdapter.connect({ baseUrl: server.url, reconnectDelayMs: 100 });
  },
  createPeer: () => RestAdapter.connect({ baseUrl: server.url }),
  capabilities: { aggregation: true, textSearch: true, realtime: true },
});
