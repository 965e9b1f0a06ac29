/**
 * Starts the reference server: opens the database, migrates it, fills a new
 * one with demo data, and serves the API. Used by `main.ts` (npm run server),
 * the test runner's server plugin and the benchmark.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { defaultLostReasons, defaultStages } from '../../src/model/defaults.js';
import { demoData } from '../../src/model/sample-data.js';
import type { DataSet } from '../../src/model/schemas.js';
import { createApp } from './app.js';
import { ChangeHub } from './change-hub.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Database } from './database.js';
import { FaultInjector } from './faults.js';
import { migrate } from './migrate.js';
import { Repository } from './repository.js';

/** Idempotency keys are kept this long, then forgotten. */
const KEEP_IDEMPOTENCY_KEYS_HOURS = 24;

export interface RunningServer {
  /** The API base URL, e.g. `http://127.0.0.1:8787/api`. */
  url: string;
  db: Database;
  repository: Repository;
  hub: ChangeHub;
  /** Migrations applied at start. */
  migrations: string[];
  /** Whether the database was empty and got seeded. */
  seeded: boolean;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.pgliteDataDir,
    schema: config.databaseSchema,
    dropSchemaOnClose: config.dropSchemaOnClose,
  });
  try {
    const migrations = await migrate(db);
    const repository = new Repository();
    let seeded = false;
    if (await repository.isEmpty(db)) {
      const data: DataSet =
        config.seed === 'demo'
          ? demoData()
          : { stages: defaultStages(), lostReasons: defaultLostReasons(), deals: [], history: [] };
      await db.transaction((tx) => repository.importData(tx, { data, replace: true }));
      seeded = true;
    }
    const hub = new ChangeHub({ heartbeatMs: config.heartbeatMs });
    const app = createApp({
      db,
      repository,
      hub,
      corsOrigins: config.corsOrigins,
      token: config.token,
      bodyLimit: config.bodyLimit,
      importLimit: config.importLimit,
      faults: config.faults ? new FaultInjector() : null,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
      started.once('error', reject);
    });
    const cleanup = setInterval(() => {
      repository.forgetIdempotencyKeys(db, KEEP_IDEMPOTENCY_KEYS_HOURS).catch((error) => console.error('dealkit server:', error));
    }, 60 * 60 * 1000);
    cleanup.unref();
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}/api`,
      db,
      repository,
      hub,
      migrations,
      seeded,
      async close() {
        clearInterval(cleanup);
        // Open change streams would keep the server from closing.
        hub.dispose();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
