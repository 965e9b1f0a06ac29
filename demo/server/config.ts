/**
 * The settings of the reference server, read from environment variables and
 * validated, so a typo stops the server with a clear message instead of
 * running with a surprise.
 */
import * as z from 'zod/mini';

const Env = z.object({
  /** Interface to listen on; loopback unless you mean to share the server. */
  HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  /** Port; 0 picks a free one. */
  PORT: z._default(z.string().check(z.regex(/^\d{1,5}$/, 'Expected a port number')), '8787'),
  /** `postgres://user:password@host:port/database`: use that PostgreSQL instead of PGlite. */
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'Expected a postgres:// URL'))),
  /** PostgreSQL only: the schema to keep the tables in (default: the connection's default, usually public). */
  DATABASE_SCHEMA: z.optional(z.string()),
  /** PostgreSQL only: `1` drops DATABASE_SCHEMA when the server stops (test runs). */
  DATABASE_SCHEMA_TEMPORARY: z.optional(z.enum(['0', '1'])),
  /** PGlite only: a directory to keep the data in across restarts; without it the data lives in memory. */
  PGLITE_DATA_DIR: z.optional(z.string().check(z.minLength(1))),
  /** Comma-separated origins allowed to call the API from a browser, or `*`. */
  CORS_ORIGINS: z._default(z.string(), 'http://127.0.0.1:5173,http://localhost:5173'),
  /** When set, every request needs `Authorization: Bearer <API_TOKEN>`. */
  API_TOKEN: z.optional(z.string().check(z.minLength(8, 'Use a token of at least 8 characters'))),
  /** What a new, empty database is filled with: `demo` (the sample pipeline) or `empty` (default stages and reasons). */
  DEALKIT_SEED: z._default(z.enum(['demo', 'empty']), 'demo'),
  /** Tests only: `1` enables the fault-injection endpoints under /api/__faults. */
  DEALKIT_FAULTS: z.optional(z.enum(['0', '1'])),
  /** Largest request body in bytes, except the import. */
  BODY_LIMIT: z._default(z.string().check(z.regex(/^\d+$/)), String(64 * 1024)),
  /** Largest import body in bytes. */
  IMPORT_LIMIT: z._default(z.string().check(z.regex(/^\d+$/)), String(128 * 1024 * 1024)),
  /** Milliseconds between keep-alive comments on idle change streams. */
  HEARTBEAT_MS: z._default(z.string().check(z.regex(/^\d+$/)), '15000'),
});

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
  dropSchemaOnClose: boolean;
  pgliteDataDir?: string | undefined;
  corsOrigins: '*' | string[];
  token?: string | undefined;
  seed: 'demo' | 'empty';
  faults: boolean;
  bodyLimit: number;
  importLimit: number;
  heartbeatMs: number;
}

/** Reads the configuration; throws one message listing every bad variable. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  // Empty variables count as unset, as shells and .env files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = z.safeParse(Env, given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`dealkit server: invalid environment: ${problems.join('; ')}`);
  }
  const e = result.data;
  const port = Number(e.PORT);
  if (port > 65535) throw new Error('dealkit server: invalid environment: PORT: Expected a port number');
  const origins = e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  return {
    host: e.HOST,
    port,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    dropSchemaOnClose: e.DATABASE_SCHEMA_TEMPORARY === '1',
    pgliteDataDir: e.PGLITE_DATA_DIR,
    corsOrigins: origins.includes('*') ? '*' : origins,
    token: e.API_TOKEN,
    seed: e.DEALKIT_SEED,
    faults: e.DEALKIT_FAULTS === '1',
    bodyLimit: Number(e.BODY_LIMIT),
    importLimit: Number(e.IMPORT_LIMIT),
    heartbeatMs: Math.max(100, Number(e.HEARTBEAT_MS)),
  };
}
