import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../../src/app/testing/test-app.js';

/**
 * 200 concurrent clients × 50 applications each on the PostgreSQL server (TEST_DB=postgres), with
 * retries (the same Idempotency-Key sent again, sometimes while the first is still running) and
 * duplicates (the same child under a new key). Expect: every distinct child registered exactly once,
 * every retry answered with the first application, every duplicate refused with 409.
 * Used by queue-concurrency.db.test.ts and runnable alone: `TEST_DB=postgres npx tsx bench/queue/concurrency.ts`.
 */
export interface ConcurrencyOutcome {
  clients: number;
  perClient: number;
  requests: number;
  created: number;
  replayed: number;
  duplicatesRefused: number;
  otherErrors: number;
  rowsInDb: number;
  distinctChildren: number;
  lost: number;
  duplicated: number;
  seconds: number;
}

function body(t: TestApp, client: number, i: number) {
  const day = 1 + ((client * 50 + i) % 600);
  const birth = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    municipalityId: t.fixture.municipalityA,
    child: {
      lastName: `Нагрузка${client}`,
      firstName: `Ребёнок${i}`,
      birthDate: birth,
      birthCertificate: `LD-ЖЖ ${String(client).padStart(3, '0')}${String(i).padStart(3, '0')}`,
    },
    applicant: { fullName: `Родитель ${client}` },
    address: 'г. Альфа, ул. Нагрузочная, 1',
    // Not yet past (a parent's own application may not ask for a day gone), in the 2026/27 school year.
    desiredDate: '2027-08-31',
    kindergartenIds: [t.fixture.kindergartenA1],
  };
}

export async function runConcurrency(t: TestApp, clients = 200, perClient = 50): Promise<ConcurrencyOutcome> {
  const users = await t.db
    .insertInto('app_user')
    .values(
      Array.from({ length: clients }, (_, c) => ({
        kind: 'citizen' as const,
        oidc_subject: `load-${c}`,
        full_name: `Load ${c}`,
      })),
    )
    .returning('id')
    .execute();
  for (const u of users)
    await t.db.insertInto('role_assignment').values({ user_id: u.id, role: 'citizen' }).execute();
  const sessions: Client[] = [];
  for (const u of users) sessions.push(await t.as(u.id));
  const tally = { requests: 0, created: 0, replayed: 0, duplicatesRefused: 0, otherErrors: 0 };
  const post = async (c: Client, payload: unknown, key: string) => {
    tally.requests++;
    for (let attempt = 0; ; attempt++) {
      const res = await c.request({
        method: 'POST',
        url: '/api/kindergarten/applications',
        payload: payload as never,
        headers: { 'idempotency-key': key },
      });
      // A twin still running (409 "still running") or a transient server error: retry like a real client.
      if ((res.statusCode === 409 && res.json().code !== 'duplicate-child') || res.statusCode >= 500) {
        if (attempt < 20) {
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 50));
          continue;
        }
      }
      return res;
    }
  };
  const started = performance.now();
  await Promise.all(
    sessions.map(async (c, client) => {
      for (let i = 0; i < perClient; i++) {
        const payload = body(t, client, i);
        const key = `load-${client}-${i}`;
        // Every 5th: the response is "lost" and the same request sent again at once (concurrently).
        const attempts =
          i % 5 === 0 ? [post(c, payload, key), post(c, payload, key)] : [post(c, payload, key)];
        const results = await Promise.all(attempts);
        for (const r of results) {
          if (r.statusCode === 201 && r.headers['idempotent-replayed']) tally.replayed++;
          else if (r.statusCode === 201) tally.created++;
          else tally.otherErrors++;
        }
        // Every 7th: the same child submitted again under a new key.
        if (i % 7 === 3) {
          const dup = await post(c, payload, `${key}-again`);
          if (dup.statusCode === 409 && dup.json().code === 'duplicate-child') tally.duplicatesRefused++;
          else tally.otherErrors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = await sql<{ n: number; children: number }>`
    select count(*)::int as n, count(distinct child_id)::int as children from application
    where municipality_id = ${t.fixture.municipalityA} and applicant_name like 'Родитель %'`.execute(t.db);
  const { n, children } = rows.rows[0]!;
  const expected = clients * perClient;
  return {
    clients,
    perClient,
    ...tally,
    rowsInDb: n,
    distinctChildren: children,
    lost: Math.max(0, expected - children),
    duplicated: n - children,
    seconds: Math.round(seconds * 10) / 10,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = await startTestApp({ config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000' } });
  try {
    const clients = Number(process.env.CLIENTS ?? 200);
    const per = Number(process.env.PER_CLIENT ?? 50);
    console.log(JSON.stringify(await runConcurrency(t, clients, per), null, 2));
  } finally {
    await t.close();
  }
}
