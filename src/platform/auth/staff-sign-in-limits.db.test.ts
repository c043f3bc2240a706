import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../../app/testing/fixture-region.js';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { hashPassword } from './password.js';
import { currentTotp, newTotpSecret } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// Each request from its own address: the per-IP limit is not what these tests are about.
let nextAddress = 1;
const signIn = (login: string, password: string) =>
  t.anonymous.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress: `10.6.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`,
  });

/** Lets the current wait of a login pass, as if its time had gone by. */
const waitPasses = (login: string) =>
  t.db
    .updateTable('login_throttle')
    .set({ not_before: new Date(Date.now() - 1) })
    .where('login', '=', login)
    .execute();

describe('failed staff sign-ins of one login', () => {
  it('wait longer and longer, then lock the login for 15 minutes; success resets the count', async () => {
    const login = 'sysadmin';
    expect((await signIn(login, 'wrong 1')).statusCode).toBe(401);
    expect((await signIn(login, 'wrong 2')).statusCode).toBe(401); // one typo costs nothing
    // Now a wait, whoever asks and whatever the password: it is not even checked.
    const early = await signIn(login, FIXTURE_PASSWORD);
    expect(early.statusCode).toBe(429);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(early.headers['retry-after']).toBe('1');
    expect(early.json()).toMatchObject({ type: expect.stringMatching(/sign-in-delayed$/), retryAfter: 1 });
    expect(early.json().detail).toMatch(/wait 1 second/);

    for (const n of [3, 4]) {
      await waitPasses(login);
      expect((await signIn(login, `wrong ${n}`)).statusCode).toBe(401);
    }
    await waitPasses(login);
    expect((await signIn(login, 'wrong 5')).statusCode).toBe(401);
    const locked = await signIn(login, FIXTURE_PASSWORD);
    expect(locked.statusCode).toBe(429);
    const problem = locked.json();
    expect(problem.type).toMatch(/sign-in-locked$/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(new Date(problem.lockedUntil).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(problem.detail).toMatch(/locked until \d{2}:\d{2} UTC/);

    // After the lock the right password works, and the count starts again from nothing.
    await waitPasses(login);
    expect((await signIn(login, FIXTURE_PASSWORD)).statusCode).toBe(200);
    expect(await t.db.selectFrom('login_throttle').where('login', '=', login).selectAll().execute()).toEqual(
      [],
    );
    expect((await signIn(login, 'wrong again')).statusCode).toBe(401);
    expect((await signIn(login, 'wrong again')).statusCode).toBe(401);
  });

  it('behave the same for a login that does not exist, so a lock reveals nothing', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      // Past the waits of the 2nd to 4th failures; the 5th locks both.
      if (i >= 2 && i <= 4) {
        await waitPasses('officerb');
        await waitPasses('no-such-officer');
      }
      known.push((await signIn('officerb', 'wrong')).statusCode);
      unknown.push((await signIn('no-such-officer', 'wrong')).statusCode);
    }
    expect(known).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(known);
    const events = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'auth.login_failed')
      .where(({ eb, ref }) => eb(ref('summary', '->>').key('login'), '=', 'no-such-officer'))
      .execute();
    expect(events.map((e) => e.summary.reason)).toEqual([
      ...Array(5).fill('unknown-login'),
      'locked',
      'locked',
    ]);
  });
});

describe('parallel sign-in attempts', () => {
  it('queue on the login: a burst of guesses gets no more tries than guesses one by one', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => signIn('heada1', 'a guess')));
    const statuses = burst.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(2).fill(401), ...Array(18).fill(429)]);
  });

  it('use a TOTP code once, however many send it at the same moment', async () => {
    const secret = newTotpSecret();
    await t.db
      .updateTable('app_user')
      .set({ totp_secret: secret, totp_enabled: true })
      .where('login', '=', 'headb1')
      .execute();
    const totp = await currentTotp(secret);
    const both = await Promise.all(
      [1, 2].map(() =>
        t.anonymous.request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'headb1', password: FIXTURE_PASSWORD, totp },
          remoteAddress: '10.5.0.1',
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    expect(both.find((r) => r.statusCode === 401)!.json().type).toMatch(/totp-reused$/);
  });
});

describe('an unknown or disabled login', () => {
  it('costs the time of a wrong password (the password is checked against a dummy hash)', async () => {
    const rounds = 9;
    const hash = await hashPassword('the right password');
    await t.db
      .insertInto('app_user')
      .values(
        Array.from({ length: rounds }, (_, i) => [
          { kind: 'staff' as const, login: `timing-${i}`, password_hash: hash, full_name: 'Timing' },
          {
            kind: 'staff' as const,
            login: `timing-off-${i}`,
            password_hash: hash,
            full_name: 'Timing',
            disabled_at: new Date(),
          },
        ]).flat(),
      )
      .execute();
    const time = async (login: string, password: string) => {
      const started = performance.now();
      expect((await signIn(login, password)).statusCode).toBe(401);
      return performance.now() - started;
    };
    await time('warm-up', 'x');
    const wrong: number[] = [];
    const unknown: number[] = [];
    const disabled: number[] = [];
    for (let i = 0; i < rounds; i++) {
      wrong.push(await time(`timing-${i}`, 'a wrong password'));
      unknown.push(await time(`timing-nobody-${i}`, 'a wrong password'));
      disabled.push(await time(`timing-off-${i}`, 'the right password'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Without the dummy check an unknown login answered ~20× faster (bench/auth/README.md).
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(disabled) / median(wrong)).toBeGreaterThan(0.5);
  });
});
