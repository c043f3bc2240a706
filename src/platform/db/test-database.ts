import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from './database.js';
import { migrate, readMigrations } from './migrate.js';

/**
 * A fresh, migrated database for one medium test file: an in-memory PGlite by default, or its own
 * database on the PostgreSQL server when TEST_DB=postgres (CI runs the medium tests both ways).
 */
export const TEST_BACKEND: 'pglite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function createTestDatabase(): Promise<DatabaseHandle> {
  return TEST_BACKEND === 'postgres' ? createServerDatabase() : createPgliteDatabase();
}

/**
 * A fresh database migrated only up to `version`, for a test that loads data into an earlier schema
 * and then runs the later migrations over it (`migrate(handle)`).
 */
export async function createTestDatabaseAt(version: number): Promise<DatabaseHandle> {
  const files = readMigrations().filter((f) => f.version <= version);
  if (TEST_BACKEND === 'postgres') return createServerDatabase(files);
  const handle = await openPglite();
  await migrate(handle, files);
  return handle;
}

/** Its own database on the PostgreSQL server, whatever TEST_DB says, with the URL other processes can open. */
export async function createServerDatabase(
  files = readMigrations(),
): Promise<DatabaseHandle & { url: string }> {
  const name = `or_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 5);
  await migrate(handle, files);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: TEST_SERVER_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

// Initialising PGlite and running every migration costs seconds; do it once per migration set and
// start each test file from a copy of that data directory.
async function createPgliteDatabase(): Promise<DatabaseHandle> {
  const files = readMigrations();
  const key = crypto
    .createHash('sha256')
    .update(files.map((f) => f.checksum).join())
    .digest('hex')
    .slice(0, 16);
  const snapshot = path.join(os.tmpdir(), `open-region-pglite-${key}.tar`);
  if (!fs.existsSync(snapshot)) {
    const fresh = await openPglite();
    await migrate(fresh, files);
    const dump = await fresh.pglite.dumpDataDir('none');
    await fresh.close();
    const tmp = `${snapshot}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, snapshot);
  }
  const handle = await openPglite(undefined, new Blob([fs.readFileSync(snapshot)]));
  await migrate(handle, files);
  return handle;
}
