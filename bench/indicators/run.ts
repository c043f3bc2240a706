import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPostgres } from '../../src/platform/db/database.js';
import { summarize } from '../../src/modules/kindergarten/reporting/indicators.js';
import { loadIndicatorCounts } from '../../src/modules/kindergarten/reporting/queries.js';
import { addDays, defaultPeriodFrom, localDay } from '../../src/modules/kindergarten/reporting/report-day.js';

/**
 * Indicators on the PostgreSQL server at a seeded scale: the full set (stocks on a day, flows of the
 * 12 months before it, every municipality and age band) for several past days, timed end to end
 * (SQL + the pure derivation). Seed first:
 *   createdb -h 127.0.0.1 -U postgres bench_indicators_national
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_indicators_national npx tsx src/cli/seed.ts --scale national
 *   npx tsx bench/indicators/run.ts [--url postgres://…] [--repeat 3]
 */
const { values } = parseArgs({
  options: {
    url: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_indicators_national',
    },
    repeat: { type: 'string', default: '3' },
  },
});
const handle = openPostgres(values.url!, 10);
const db = handle.db;
try {
  const size = await sql<{
    applications: number;
    events: number;
    enrollments: number;
    municipalities: number;
    groups: number;
  }>`
    select (select count(*) from application)::int as applications,
           (select count(*) from application_event)::int as events,
           (select count(*) from enrollment)::int as enrollments,
           (select count(*) from municipality)::int as municipalities,
           (select count(*) from kg_group)::int as groups`.execute(db);
  const latest = await sql<{ at: Date }>`select max(occurred_at) as at from application_event`.execute(db);
  const last = localDay(latest.rows[0]!.at.getTime());
  const days = [last, addDays(last, -30), addDays(last, -365), addDays(last, -3 * 365)];
  const repeat = Number(values.repeat);
  const lines: string[] = [];
  for (const day of days) {
    const times: number[] = [];
    let summary = null;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      const counts = await loadIndicatorCounts(db, { day, periodFrom: defaultPeriodFrom(day) });
      summary = summarize(counts);
      // Every municipality's summary too, as the dashboard and the XLSX compute them.
      for (const m of new Set(counts.bands.map((b) => b.municipalityId)))
        summarize(counts, { municipalityId: m });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const s = summary!;
    lines.push(
      `| ${day} | ${(times[0]! / 1000).toFixed(2)} | ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} | ${(times[times.length - 1]! / 1000).toFixed(2)} | ${s.actualDemand} | ${s.deferredDemand} | ${s.placed} | ${s.availability37} | ${s.directions} |`,
    );
    console.error(lines[lines.length - 1]);
  }
  const r = size.rows[0]!;
  console.log(`## Run of ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('```\nnpx tsx bench/indicators/run.ts --repeat ' + repeat + '\n```\n');
  console.log(
    `- machine: ${os.cpus().length} CPUs (nproc), ${os.cpus()[0]?.model ?? ''}, ${os.platform()} ${os.release()}, Node ${process.version}`,
  );
  console.log(
    `- database: PostgreSQL server, ${r.municipalities} municipalities, ${r.groups} groups, ${r.applications} applications, ${r.events} events, ${r.enrollments} enrollments`,
  );
  console.log(
    `- one run = every indicator of the region and of each municipality for a day (stocks) and its 12 months (flows)\n`,
  );
  console.log(
    '| day | fastest, s | median, s | slowest, s | актуальный | отложенный | placed | доступность 3–7, % | directions |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of lines) console.log(l);
} finally {
  await handle.close();
}
