import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { startTestApp } from '../../src/app/testing/test-app.js';
import { votingContest } from '../../src/modules/contests/testing/route-resources.js';
import { publishedLog } from '../../src/modules/contests/vote-service.js';
import { verifyChain } from '../../src/modules/contests/domain/verify-log.js';

/**
 * N confirmed citizens vote once each in a contest's nomination, C requests in flight, through the whole
 * Fastify stack (in-process inject: sessions, CSRF, validation, permission, the service's transaction);
 * 10 % double-click (the same vote sent twice at once) and 5 % retry after the answer. Expect every voter
 * counted exactly once: log lines = ballots = voters, every extra answered 409.
 * `TEST_DB=postgres npx tsx bench/contests-votes/run.ts -- --voters 30000 --concurrency 64`
 */
const { values } = parseArgs({
  options: { voters: { type: 'string', default: '30000' }, concurrency: { type: 'string', default: '64' } },
  allowPositionals: true,
});
const voters = Number(values.voters);
const concurrency = Number(values.concurrency);
const t = await startTestApp({ config: { LOG_LEVEL: 'error' } });
try {
  const { contestId } = await votingContest(t.db, null, 'bench-votes');
  for (let k = 2; k <= 5; k++)
    await t.db
      .insertInto('contest_practice')
      .values({
        contest_id: contestId,
        id: `p-000${k}`,
        nomination_id: 'n-01',
        submitter_kind: 'ngo',
        region_code: '77',
        title: `Практика ${k}`,
        problem: 'Проблема',
        solution: 'Решение',
        period_from: '2025-01-01',
        result_figures: '[]',
        status: 'admitted',
        shortlisted: true,
      })
      .execute();
  const setupStarted = Date.now();
  const sessions: { cookie: string; csrf: string }[] = [];
  for (let i = 0; i < voters; i += 1000) {
    const size = Math.min(1000, voters - i);
    const users = await t.db
      .insertInto('app_user')
      .values(
        Array.from({ length: size }, (_, k) => ({
          kind: 'citizen' as const,
          oidc_subject: `bench-voter-${i + k}`,
          full_name: `Voter ${i + k}`,
          identity_confirmed: true,
          registration_region: String(1 + ((i + k) % 89)).padStart(2, '0'),
        })),
      )
      .returning('id')
      .execute();
    await t.db
      .insertInto('role_assignment')
      .values(users.map((u) => ({ user_id: u.id, role: 'citizen' })))
      .execute();
    const rows = users.map((u) => {
      const token = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      sessions.push({ cookie: `or_session=${token}`, csrf });
      return {
        token_hash: crypto.createHash('sha256').update(token).digest('hex'),
        user_id: u.id,
        csrf_token: csrf,
        expires_at: new Date(Date.now() + 3_600_000),
      };
    });
    await t.db.insertInto('user_session').values(rows).execute();
  }
  console.log(
    `setup: ${voters} confirmed citizens with sessions in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const send = async (i: number) => {
    const s = sessions[i]!;
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/votes`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { nominationId: 'n-01', practiceId: `p-000${1 + (i % 5)}` },
    });
    latencies.push(performance.now() - started);
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    return res.statusCode;
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= voters) return;
        if (i % 10 === 0) await Promise.all([send(i), send(i)]);
        else await send(i);
        if (i % 20 === 1) await send(i);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const lines =
    Number(
      (
        await t.db
          .selectFrom('contest_vote_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('contest_id', '=', contestId)
          .executeTakeFirstOrThrow()
      ).n,
    ) - 1; // the fixture's own vote
  const ballots = Number(
    (
      await t.db
        .selectFrom('contest_ballot')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contest_id', '=', contestId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Close the contest so the log is published, then check the chain end to end.
  await t.db
    .updateTable('contest')
    .set({ state: 'closed', closed_at: new Date() })
    .where('id', '=', contestId)
    .execute();
  const verifyStarted = performance.now();
  const chain = verifyChain(await publishedLog(t.db, contestId));
  const verifyMs = performance.now() - verifyStarted;
  console.log(
    JSON.stringify({
      voters,
      concurrency,
      requests: latencies.length,
      statuses: Object.fromEntries(statuses),
      seconds: Number(seconds.toFixed(1)),
      votesPerSecond: Math.round(statuses.get(201) ?? 0) / seconds,
      latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: latencies.at(-1)!.toFixed(1) },
      logLines: lines,
      ballots,
      lost: voters - (statuses.get(201) ?? 0),
      duplicated: lines - voters,
      chain: 'lines' in chain ? 'verified' : chain.mismatch,
      readAndVerifyMs: Math.round(verifyMs),
    }),
  );
} finally {
  await t.close();
}
