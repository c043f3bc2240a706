/**
 * Filing an appeal at a fixed rate (target: 200 req/s open loop, p99 ≤ 50 ms), issue 15.
 *
 *   npm run bench:feedback-filing            # BENCH_RATE=200 BENCH_SECONDS=20 by default
 *
 * A fresh database on the PostgreSQL server (TEST_DATABASE_URL) with the test fixture region and 500
 * citizens signed in (sessions made in the database); the server runs as `npm start` runs it, in its
 * own process (no demo mode, jobs off). Each request files an appeal about a fixture kindergarten
 * through the whole stack: session, CSRF, validation, deadlines, routing, the classifier's
 * auto-routing, the family request, audit and notification in one transaction. Latency is open loop
 * (bench/support/open-loop.ts). Prints JSON on stdout.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { createServerDatabase } from '../../src/platform/db/test-database.js';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/session-store.js';
import { createFixtureRegion } from '../../src/app/testing/fixture-region.js';
import { freePort } from '../../src/app/testing/free-port.js';
import { openLoop } from '../support/open-loop.js';
import { serverNodeArgs } from '../../scripts/server-process.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const CITIZENS = 500;
const log = (line: string) => process.stderr.write(`bench:feedback-filing: ${line}\n`);

const handle = await createServerDatabase();
const databaseUrl = handle.url;
const fixture = await createFixtureRegion(handle.db);
log('creating citizens and sessions…');
const users = await sql<{ id: string }>`
  insert into app_user (kind, oidc_subject, full_name, email, locale)
  select 'citizen', 'bench-' || g, 'Нагрузочный житель ' || g, 'bench' || g || '@example.org', 'ru'
  from generate_series(1, ${CITIZENS}) g returning id`.execute(handle.db);
await sql`insert into role_assignment (user_id, role) select id, 'citizen' from app_user
  where oidc_subject like 'bench-%'`.execute(handle.db);
const sessions: { token: string; csrfToken: string }[] = [];
for (const u of users.rows) sessions.push(await createSession(handle.db, u.id, 24, 'bench'));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    SEED_ON_START: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DEMO_MODE: 'false',
    OIDC_ISSUER: 'https://oidc.bench.invalid',
    OIDC_CLIENT_SECRET: 'bench-only',
    QUEUE_MASK_KEY: 'bench-feedback-queue-mask-key-throw-away-000',
    VK_APP_SECRET: 'bench-only-vk-secret',
    RATE_LIMIT_PUBLIC_PER_MINUTE: String(rate * 60 * 10),
  },
  // The server's own stdout would mix with this JSON.
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 240) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const texts = [
    'В группе холодно, батареи еле тёплые, просим проверить отопление.',
    'Воспитатель не выходит на связь, просим разобраться.',
    'На участке детского сада сломаны качели, дети могут пораниться.',
  ];
  const result = await openLoop({
    base,
    rate,
    seconds,
    maxConnections: 64,
    warmupSeconds: 3,
    request: (i) => {
      const s = sessions[i % sessions.length]!;
      return {
        method: 'POST',
        path: '/api/my/feedback/appeals',
        headers: { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({
          kind: 'appeal',
          categoryCode: 'education.kindergartens',
          organisationId: fixture.kindergartenA1,
          text: `${texts[i % texts.length]} (${i})`,
        }),
      };
    },
  });
  console.log(
    JSON.stringify({ scenario: `file an appeal at ${rate} req/s (open loop)`, ...result }, null, 2),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  // Closing drops the bench database.
  await handle.close();
}
