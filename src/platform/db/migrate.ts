import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle, ScriptConnection } from './database.js';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m) throw new Error(`Migration file name ${file} must look like 0001_name.sql`);
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2]!,
        sql: text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

const LOCK_KEY = 7346001;

/**
 * Applies pending numbered SQL migrations, each in its own transaction, and refuses to run when an
 * applied migration's file has changed since (its checksum no longer matches): fix forward instead.
 */
export async function migrate(handle: DatabaseHandle, files = readMigrations()): Promise<number[]> {
  return handle.withScriptConnection(async (conn) => {
    await conn.exec(`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    // One migrator at a time when several app processes start together.
    await conn.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      return await applyPending(conn, files);
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

async function applyPending(conn: ScriptConnection, files: MigrationFile[]): Promise<number[]> {
  const applied = await conn.query<{ version: number; checksum: string }>(
    'select version, checksum from schema_migration order by version',
  );
  const done = new Map(applied.map((r) => [r.version, r.checksum]));
  const ran: number[] = [];
  for (const file of files) {
    const checksum = done.get(file.version);
    if (checksum !== undefined) {
      if (checksum !== file.checksum) {
        throw new Error(
          `Migration ${file.version}_${file.name} was changed after it was applied; add a new migration instead`,
        );
      }
      continue;
    }
    try {
      await conn.exec(
        `begin;\n${file.sql}\n;insert into schema_migration (version, name, checksum) values (${file.version}, '${file.name}', '${file.checksum}');\ncommit;`,
      );
    } catch (err) {
      await conn.exec('rollback').catch(() => undefined);
      throw new Error(`Migration ${file.version}_${file.name} failed: ${(err as Error).message}`);
    }
    ran.push(file.version);
  }
  return ran;
}
