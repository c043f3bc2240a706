import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { openDatabase } from '../../src/platform/db/database.js';
import { openLoop } from '../support/open-loop.js';
import { lookupBodies, startLookupServer } from './lookup-setup.js';

/**
 * CPU time per public lookup, split between the API process and PostgreSQL: a figure that depends
 * far less on what else the machine runs than a latency percentile does.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/queue/cpu-cost.ts
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a seeded PostgreSQL database');
const handle = await openDatabase({ databaseUrl: url, dataDir: '/tmp' });
const bodies = await lookupBodies(handle.db);
await handle.close();
const port = 3918;
// PROFILE=dir writes a V8 CPU profile of the server there (open it in Chrome DevTools).
const server = await startLookupServer(
  port,
  process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : [],
);

const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString());
const cpuMs = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / ticks;
};
const postgresPids = () =>
  fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
const pgCpu = () => postgresPids().reduce((s, pid) => s + cpuMs(pid), 0);

const run = (seconds: number) =>
  openLoop({
    base: `http://127.0.0.1:${port}`,
    rate: 500,
    seconds,
    request: (i) => ({ method: 'POST', path: '/api/public/queue/lookup', body: bodies[i % bodies.length] }),
  });
await run(3); // warm-up: JIT, pool connections, prepared statements
const server0 = cpuMs(server.pid!);
const pg0 = pgCpu();
const self0 = process.cpuUsage();
const result = await run(20);
const self = process.cpuUsage(self0);
const n = result.requests;
console.log(
  JSON.stringify({
    date: new Date().toISOString(),
    requests: n,
    non2xx: result.non2xx,
    cpuMsPerRequest: {
      server: +((cpuMs(server.pid!) - server0) / n).toFixed(3),
      postgres: +((pgCpu() - pg0) / n).toFixed(3),
      generator: +((self.user + self.system) / 1000 / n).toFixed(3),
    },
  }),
);
server.kill('SIGTERM');
