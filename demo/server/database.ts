/**
 * The SQL connection of the reference server: PGlite (PostgreSQL compiled to
 * WebAssembly, nothing to install) by default, or a real PostgreSQL server
 * when a connection URL is given. Both speak the same SQL with `$1`
 * parameters, so the rest of the server does not know which one it has.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** Something SQL can be sent to: the database or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** For the start-up line: which storage this is. */
  readonly description: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A `postgres://` URL: use that server. Without it, PGlite. */
  url?: string | undefined;
  /** PGlite only: a directory to keep the data in; without it the data lives in memory. */
  dataDir?: string | undefined;
  /**
   * PostgreSQL only: a schema to work in (created if missing), so several
   * servers (parallel test runs) can share one database without seeing each
   * other's tables.
   */
  schema?: string | undefined;
  /** PostgreSQL only: drop `schema` with everything in it on close (temporary test schemas). */
  dropSchemaOnClose?: boolean;
}

/** A schema name is an identifier, which cannot be a parameter: it must be plain. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    ...wrap(db),
    description: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory',
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`DATABASE_SCHEMA "${schema}" must be a lower-case identifier (letters, digits, underscores).`);
  }
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  // Every pooled connection works in the schema, so the SQL never names it.
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', (error) => console.error('dealkit server: idle PostgreSQL connection failed:', error.message));
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  const where = new URL(url);
  return {
    ...wrap(pool),
    description: `PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}${schema ? ` (schema ${schema})` : ''}`,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (schema && options.dropSchemaOnClose) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
