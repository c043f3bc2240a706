import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PreparingClient } from './prepared-statements.js';

/**
 * The application's table map. Each module adds its tables by declaration merging
 * (`declare module '.../platform/db/database.js' { interface Database { … } }`), so the
 * platform knows no module while every query stays typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;
export type Backend = 'pglite' | 'postgres';

/** One connection that runs multi-statement SQL scripts (migrations, seeds) outside Kysely. */
export interface ScriptConnection {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseHandle {
  db: Db;
  backend: Backend;
  withScriptConnection<T>(work: (conn: ScriptConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Same JavaScript types on both backends: bigint and numeric as numbers (ids and counts fit),
// DATE as the plain 'YYYY-MM-DD' string (no time-zone shift), timestamps as Date.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const parseNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

pg.types.setTypeParser(OID.int8, parseNumber);
pg.types.setTypeParser(OID.numeric, parseNumber);
pg.types.setTypeParser(OID.date, keepString);

export function pgliteParsers() {
  return { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepString };
}

export async function openPglite(
  dataDir?: string,
  loadDataDir?: Blob | File,
): Promise<DatabaseHandle & { pglite: PGlite }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create({ dataDir, parsers: pgliteParsers(), loadDataDir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  const conn: ScriptConnection = {
    exec: async (script) => {
      await client.exec(script);
    },
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
  };
  return {
    db,
    pglite: client,
    backend: 'pglite',
    // PGlite has one connection; Kysely's driver serialises access, so borrow it through Kysely.
    withScriptConnection: (work) => db.connection().execute(() => work(conn)),
    close: () => db.destroy(),
  };
}

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, Client: PreparingClient });
  // An idle connection can fail (server restart, administrator termination): without a listener the
  // pool's 'error' event would crash the process. The pool drops that client and opens a new one.
  pool.on('error', (err) => {
    console.error(`open-region: an idle PostgreSQL connection failed and was discarded: ${err.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    backend: 'postgres',
    withScriptConnection: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * PGlite is a single-process database: two processes on one data directory corrupt it. A lock file
 * holding the owner's pid refuses the second one with a clear message (a stale lock is taken over).
 */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'open-region.lock');
  try {
    const owner = Number(fs.readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && processIsAlive(owner)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${owner}. Stop it first (only one open-region process may use a PGlite data directory), or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite under `<dataDir>/pglite` unless DATABASE_URL names a PostgreSQL server. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const release = lockDataDir(opts.dataDir);
  const handle = await openPglite(path.join(opts.dataDir, 'pglite'));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      release();
    },
  };
}

export async function databaseIsUp(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
import './platform-tables.js';
import './organisation-family-tables.js';
