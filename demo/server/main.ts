/**
 * `npm run server`: the dealkit reference REST server. Settings come from
 * environment variables (see config.ts): PORT, HOST, DATABASE_URL,
 * PGLITE_DATA_DIR, CORS_ORIGINS, API_TOKEN, DEALKIT_SEED...
 */
import { readConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await startServer(config);
  const storage = server.db.description;
  if (server.migrations.length > 0) console.log(`dealkit server: applied migrations ${server.migrations.join(', ')}`);
  if (server.seeded) console.log(`dealkit server: filled the new database with ${config.seed === 'demo' ? 'the demo pipeline' : 'the default stages and lost reasons'}`);
  if (config.faults) console.log('dealkit server: fault injection is ON (tests only)');
  // The test runner's plugin reads this line to find the URL.
  console.log(`dealkit reference server listening on ${server.url} (${storage})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`dealkit server: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
