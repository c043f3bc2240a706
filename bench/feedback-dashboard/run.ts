// The ЦУР dashboard over a million appeals on the PostgreSQL server (target ≤ 1 s), and the XLSX of it.
//
//   npm run bench:feedback-dashboard [-- --appeals 1000000 --repeat 10]
//
// A fresh database on the server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
// with the test fixture region; the appeals are generated in SQL (three years, every topic, the
// fixture's organisations and municipalities, two thirds answered after 1–40 days, half of those
// rated), then ANALYZE. Each repeat asks the API (the real stack through inject, as the ЦУР operator)
// for the last year and the last quarter, the whole region and one municipality.

process.env.TEST_DB = 'postgres';
const { sql } = await import('kysely');
const { startTestApp } = await import('../../src/app/testing/test-app.js');
const { CATEGORIES } = await import('../../src/modules/feedback/categories/category-tree.js');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const appeals = option('--appeals', 1_000_000);
const repeat = option('--repeat', 10);

const t = await startTestApp();
const log = (line: string) => process.stderr.write(`bench:feedback-dashboard: ${line}\n`);
try {
  const orgs = await t.db.selectFrom('organisation').select(['id', 'municipality_id']).execute();
  const codes = CATEGORIES.leaves.map((l) => l.code);
  let started = performance.now();
  log(`generating ${appeals.toLocaleString('en')} appeals…`);
  // Batches keep each statement's memory small and show progress.
  const batch = 100_000;
  for (let done = 0; done < appeals; done += batch) {
    const n = Math.min(batch, appeals - done);
    await sql`
      insert into feedback_appeal (id, number, kind, owner_user_id, category_code, organisation_id,
        municipality_id, text, status, rating, received_on, registered_on, registration_due, forwarding_due,
        answer_due, responsible_organisation_id, answer_text, answered_at)
      select g.id, 'FB-' || extract(year from d.day)::int || '-' || lpad(g.id::text, 7, '0'),
        case when g.id % 5 = 0 then 'message' else 'appeal' end,
        ${t.fixture.users.citizen1}::uuid,
        (${codes}::text[])[(1 + (g.id * 7919) % ${codes.length})::int],
        o.id, o.municipality_id, 'Обращение для нагрузки',
        case when a.answered then (case when g.id % 9 = 0 then 'closed' else 'answered' end)
          when g.id % 4 = 0 then 'registered' else 'in_work' end,
        case when a.answered and g.id % 2 = 0 then (1 + g.id % 5)::smallint end,
        d.day, d.day, d.day + 3, d.day + 7, d.day + 30, o.id,
        case when a.answered then 'Ответ' end,
        case when a.answered then (d.day + 1 + (g.id % 40)::int)::timestamp at time zone 'Europe/Moscow' end
      from generate_series(${done + 1}::bigint, ${done + n}::bigint) as g(id)
      cross join lateral (select (current_date - ((g.id * 104729) % 1095)::int) as day) d
      cross join lateral (select (g.id % 3 <> 0 and d.day < current_date - 1) as answered) a
      join (select row_number() over (order by id) - 1 as k, id, municipality_id from organisation) o
        on o.k = g.id % ${orgs.length}
    `.execute(t.db);
    log(`  ${(done + n).toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await sql`select setval('feedback_appeal_id_seq', ${appeals})`.execute(t.db);
  await sql`analyze feedback_appeal`.execute(t.db);
  log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const operator = await t.asFixture('curOperator');
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const cases = [
    ['last year, region', `from=${daysAgo(365)}&to=${today}`],
    ['last quarter, region', `from=${daysAgo(90)}&to=${today}`],
    [
      'last year, one municipality',
      `from=${daysAgo(365)}&to=${today}&municipalityId=${t.fixture.municipalityA}`,
    ],
    ['three years, region', `from=${daysAgo(1094)}&to=${today}`],
  ] as const;
  const results: Record<string, unknown>[] = [];
  for (const [name, query] of cases) {
    const times: number[] = [];
    let registered = 0;
    for (let i = 0; i < repeat; i++) {
      started = performance.now();
      const res = await operator.get(`/api/staff/feedback/dashboard?${query}`);
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      registered = res.json<{ total: { registered: number } }>().total.registered;
    }
    times.sort((a, b) => a - b);
    results.push({
      case: name,
      appealsInPeriod: registered,
      minMs: Math.round(times[0]!),
      medianMs: Math.round(times[Math.floor(times.length / 2)]!),
      maxMs: Math.round(times.at(-1)!),
    });
    log(
      `${name}: ${registered.toLocaleString('en')} appeals, median ${Math.round(times[Math.floor(times.length / 2)]!)} ms`,
    );
  }
  started = performance.now();
  const xlsx = await operator.get(`/api/staff/feedback/dashboard.xlsx?${cases[0][1]}`);
  const xlsxMs = Math.round(performance.now() - started);
  if (xlsx.statusCode !== 200) throw new Error(`xlsx: ${xlsx.statusCode}`);
  console.log(
    JSON.stringify({ appeals, repeat, results, xlsxMs, xlsxBytes: xlsx.rawPayload.length }, null, 2),
  );
} finally {
  await t.close();
}
