import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';
import { serverNodeArgs } from '../../scripts/server-process.mjs';

/** Request bodies of 2,000 random waiting applications (number + the child's birth date). */
export async function lookupBodies(db: Db): Promise<string[]> {
  const sample = await sql<{ number: string; birth_date: string }>`
    select a.number, c.birth_date from application a join child c on c.id = a.child_id
    join queue_position p on p.application_id = a.id and p.kindergarten_id = 0
    order by md5(a.id::text) limit 2000`.execute(db);
  return sample.rows.map((r) => JSON.stringify({ number: r.number, birthDate: r.birth_date }));
}

/** lookup-server.ts in its own process, with the Node arguments of `npm start` plus `extraNodeArgs`. */
export async function startLookupServer(
  port: number,
  extraNodeArgs: readonly string[],
): Promise<ChildProcess> {
  const server = fork(path.join(import.meta.dirname, 'lookup-server.ts'), [], {
    env: { ...process.env, BENCH_PORT: String(port) },
    execArgv: [...serverNodeArgs, ...extraNodeArgs],
  });
  await new Promise<void>((resolve, reject) => {
    server.once('message', () => resolve());
    server.once('exit', (code) => reject(new Error(`lookup server exited with ${code}`)));
  });
  return server;
}
