import os from 'node:os';
import { sql } from 'kysely';
import { recalculate } from '../../src/modules/kindergarten/queue/service.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openLoop } from '../support/open-loop.js';
import { lookupBodies, startLookupServer } from './lookup-setup.js';

/**
 * bench/queue: (1) recalculating all positions of every municipality (pure ordering + rewrite of
 * queue_position in one transaction), (2) the public position lookup at a fixed
 * 1,000 req/s on loopback, open loop (bench/support/open-loop.ts). Needs a seeded PostgreSQL database:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/queue/run.ts
 * RATE (default 1000), DURATION seconds (default 20), CONNECTIONS (at most, default 64), LOOKUP_ONLY=1.
 */
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_LOOKUP_PER_MINUTE: '100000000',
  JOBS_ENABLED: 'false',
} as never);
if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to a seeded PostgreSQL database');
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
// SKIP_MIGRATE=1: the seeded database predates later edits of other modules' migrations; 0004 applied by hand.
if (!process.env.SKIP_MIGRATE) await migrate(handle);
const db = handle.db;

console.log(
  `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}, ${new Date().toISOString()}`,
);
const totals = await sql<{ n: number }>`select count(*)::int as n from application`.execute(db);
console.log(`applications in the database: ${totals.rows[0]!.n}`);

// LOOKUP_ONLY=1 skips the recalculation part (positions must have been computed once).
if (!process.env.LOOKUP_ONLY) {
  // (1) Recalculation per municipality.
  const municipalities = await db
    .selectFrom('municipality')
    .select(['id', 'name_ru'])
    .orderBy('id')
    .execute();
  const recalc: { id: number; total: number; waiting: number; rows: number; ms: number }[] = [];
  for (const m of municipalities) {
    const total = await sql<{
      n: number;
    }>`select count(*)::int as n from application where municipality_id = ${m.id}`.execute(db);
    // Twice: the first run also fills the threshold-notice table (one-off); the second is the steady state.
    await recalculate(db, m.id);
    const out = await recalculate(db, m.id);
    recalc.push({
      id: m.id,
      total: total.rows[0]!.n,
      waiting: out.applications,
      rows: out.rows,
      ms: Math.round(out.ms),
    });
    console.log(
      `recalculate municipality ${m.id}: ${total.rows[0]!.n} applications, ${out.applications} waiting, ${out.rows} position rows, ${Math.round(out.ms)} ms (read ${out.stages.readMs}, order ${out.stages.orderMs}, write ${out.stages.writeMs})`,
    );
  }

  // (1b) After one change: a first-priority benefit verified for the last child of the biggest queue
  // (it jumps ahead of everyone in its age group: the worst ordinary change), then withdrawn again.
  const biggest = recalc.reduce((a, b) => (b.waiting > a.waiting ? b : a));
  const last = await sql<{ application_id: string }>`
    select p.application_id from queue_position p where p.municipality_id = ${biggest.id} and p.kindergarten_id = 0
    order by p.age_group = (select age_group from queue_total where municipality_id = ${biggest.id} and kindergarten_id = 0 order by total desc limit 1) desc, p.position desc limit 1`.execute(
    db,
  );
  const target = last.rows[0]!.application_id;
  // CHANGE_REPEAT (default 3) pairs: the write depends on checkpoints and vacuum, so one run is noise.
  for (let round = 1; round <= Number(process.env.CHANGE_REPEAT ?? 3); round++) {
    const inserted = await sql<{ id: number }>`
      insert into benefit (application_id, kind, class, status, decided_at) values (${target}, 'military', 'first', 'verified', now()) returning id`.execute(
      db,
    );
    const afterChange = await recalculate(db, biggest.id);
    await sql`delete from benefit where id = ${inserted.rows[0]!.id}`.execute(db);
    const afterRevert = await recalculate(db, biggest.id);
    for (const [label, out] of [
      ['benefit verified', afterChange],
      ['benefit removed again', afterRevert],
    ] as const)
      console.log(
        `round ${round}: recalculate municipality ${biggest.id} after one change (${label}): ${out.applications} waiting, ${out.rows} position rows, ${Math.round(out.ms)} ms (read ${out.stages.readMs}, order ${out.stages.orderMs}, write ${out.stages.writeMs})`,
      );
  }
}

// (2) Lookup under load (SKIP_LOOKUP=1 leaves it out).
if (process.env.SKIP_LOOKUP) {
  await handle.close();
  process.exit(0);
}
const bodies = await lookupBodies(db);
const port = 3917;
// SERVER_NODE_ARGS, e.g. '--trace-gc' or '--cpu-prof', go to the server process only.
const server = await startLookupServer(port, (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean));
const rate = Number(process.env.RATE ?? 1000);
const duration = Number(process.env.DURATION ?? 20);
const result = await openLoop({
  base: `http://127.0.0.1:${port}`,
  rate,
  seconds: duration,
  maxConnections: Number(process.env.CONNECTIONS ?? 64),
  warmupSeconds: 3,
  request: (i) => ({ method: 'POST', path: '/api/public/queue/lookup', body: bodies[i % bodies.length] }),
});
const { latency: l, service: s } = result;
console.log(
  `lookup (open loop): ${result.requests} requests in ${duration} s at a target ${rate} req/s (achieved ${result.achieved} req/s); ` +
    `non-2xx ${result.non2xx}, errors ${result.errors}; latency ms p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, p99.9 ${l.p999}, max ${l.max}; ` +
    `service ms p50 ${s.p50}, p99 ${s.p99}; generator send lag p99 ${result.sendLagP99} ms`,
);
console.log(`slowest seconds after ${result.startedAt}: ${JSON.stringify(result.worstSeconds)}`);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
await handle.close();
