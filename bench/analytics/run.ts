import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPostgres } from '../../src/platform/db/database.js';
import { ForecastService } from '../../src/modules/kindergarten/reporting/forecast-service.js';
import { warmDashboard } from '../../src/modules/kindergarten/reporting/module.js';
import { ReportingService, resolveQuery, today } from '../../src/modules/kindergarten/reporting/service.js';

/**
 * The analytics dashboard's first load on the PostgreSQL server: what the page asks for at once
 * (today's indicators, the year's month-end series, the public statistics, the default forecast),
 * timed as the server answers them — cold (a fresh process, nothing computed) and warmed (after the
 * warm-up the server runs at start and every minute, module.ts). Seed first:
 *   createdb -h 127.0.0.1 -U postgres bench_demo
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_demo npx tsx src/cli/seed.ts --scale demo
 *   npx tsx bench/analytics/run.ts --url postgres://postgres@127.0.0.1:5432/bench_demo [--repeat 3]
 */
const { values } = parseArgs({
  options: {
    url: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_demo',
    },
    repeat: { type: 'string', default: '3' },
  },
});
const handle = openPostgres(values.url!, 10);
const db = handle.db;

async function firstLoad(service: ReportingService, forecasts: ForecastService) {
  const day = today();
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y - 1, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
  const timed = async <T>(work: () => Promise<T>) => {
    const t0 = performance.now();
    await work();
    return Math.round(performance.now() - t0);
  };
  const t0 = performance.now();
  const [indicators, series, statistics, forecast] = await Promise.all([
    timed(() => service.indicators(resolveQuery({}))),
    timed(() => service.series(from, day)),
    timed(() => service.publicStatistics(resolveQuery({}))),
    timed(() => forecasts.forecast({ id: null, name: 'bench', withoutPlanned: false, additions: [] })),
  ]);
  return { totalMs: Math.round(performance.now() - t0), indicators, series, statistics, forecast };
}

try {
  const size = await sql<{
    applications: number;
  }>`select count(*)::int as applications from application`.execute(db);
  const rows: unknown[] = [];
  for (let i = 0; i < Number(values.repeat); i++) {
    const cold = new ReportingService(db);
    const coldRun = await firstLoad(cold, new ForecastService(db, cold));
    const warmed = new ReportingService(db);
    const warmedForecasts = new ForecastService(db, warmed);
    const w0 = performance.now();
    await warmDashboard(warmed, warmedForecasts);
    const warmUpMs = Math.round(performance.now() - w0);
    const warmRun = await firstLoad(warmed, warmedForecasts);
    rows.push({ run: i + 1, cold: coldRun, warmUpMs, warmed: warmRun });
  }
  console.log(
    JSON.stringify(
      {
        applications: size.rows[0]!.applications,
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]!.toFixed(1)}`,
        date: new Date().toISOString(),
        runs: rows,
      },
      null,
      2,
    ),
  );
} finally {
  await handle.close();
}
