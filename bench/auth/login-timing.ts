import { startTestApp } from '../../src/app/testing/test-app.js';
import { hashPassword } from '../../src/platform/auth/password.js';

/**
 * How long a failed staff sign-in takes, by reason: an unknown login must cost what a wrong password
 * costs, or the response time tells which logins exist. Requests interleave the reasons, each on its
 * own account (so no per-account delay or lock is reached), through the whole HTTP stack (inject).
 *
 *   npx tsx bench/auth/login-timing.ts [--rounds 40]
 */
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const rounds = Number(arg('rounds', '40'));

const t = await startTestApp({ fixture: false, config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000' } });
const hash = await hashPassword('the right password');
await t.db
  .insertInto('app_user')
  .values(
    Array.from({ length: rounds }, (_, i) => [
      { kind: 'staff' as const, login: `bench-${i}`, password_hash: hash, full_name: 'Bench' },
      {
        kind: 'staff' as const,
        login: `off-${i}`,
        password_hash: hash,
        full_name: 'Bench',
        disabled_at: new Date(),
      },
    ]).flat(),
  )
  .execute();

const cases = {
  'unknown login': (i: number) => ({ login: `nobody-${i}`, password: 'a wrong password' }),
  'wrong password': (i: number) => ({ login: `bench-${i}`, password: 'a wrong password' }),
  'disabled account': (i: number) => ({ login: `off-${i}`, password: 'the right password' }),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// Warm-up: the first argon2 call and the first request of a route cost more.
await t.anonymous.post('/api/auth/login', { login: 'warm-up', password: 'x' });
for (let i = 0; i < rounds; i++) {
  for (const [name, body] of Object.entries(cases)) {
    const started = process.hrtime.bigint();
    const res = await t.anonymous.post('/api/auth/login', body(i));
    times[name]!.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.statusCode !== 401) throw new Error(`${name}: expected 401, got ${res.statusCode}`);
  }
}
await t.close();

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
console.log(`| case | n | p10 ms | median ms | p90 ms |\n|---|---|---|---|---|`);
for (const [name, xs] of Object.entries(times))
  console.log(
    `| ${name} | ${xs.length} | ${quantile(xs, 0.1).toFixed(1)} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.9).toFixed(1)} |`,
  );
