import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { hashPassword } from './password.js';
import { currentTotp } from './totp.js';

let t: TestApp;
// Requests in this file come from many addresses, each under the per-IP sign-in limit.
let nextAddress = 1;
const fromNewAddress = () => `10.8.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`;
beforeAll(async () => {
  t = await startTestApp();
  await t.db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword('correct horse') })
    .where('login', '=', 'officera')
    .execute();
});
afterAll(() => t.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'or_session')?.value;

describe('staff sign-in', () => {
  it('signs in with the right password and sets an httpOnly SameSite cookie', async () => {
    const res = await t.anonymous.post('/api/auth/login', { login: 'OfficerA', password: 'correct horse' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.grants).toEqual([
      {
        role: 'municipal_officer',
        municipalityId: t.fixture.municipalityA,
        kindergartenId: null,
        organisationId: null,
      },
    ]);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with the same message as an unknown login', async () => {
    const wrong = await t.anonymous.post('/api/auth/login', { login: 'officera', password: 'nope' });
    const unknown = await t.anonymous.post('/api/auth/login', { login: 'nobody', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const login = await t.anonymous.post('/api/auth/login', { login: 'officera', password: 'correct horse' });
    const cookie = cookieOf(login)!;
    const res = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { cookie: `or_session=${cookie}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('turns on TOTP and then asks for the code at sign-in; each code is good once', async () => {
    const officer = await t.asFixture('officerA');
    const setup = await officer.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json();
    const bad = await officer.post('/api/auth/totp/enable', { code: '000000' });
    expect(bad.statusCode).toBe(422);
    const enableCode = await currentTotp(secret);
    const ok = await officer.post('/api/auth/totp/enable', { code: enableCode });
    expect(ok.statusCode).toBe(200);

    const signIn = async (totp?: string) => {
      // The waits between failed attempts have their own test (staff-sign-in-limits.db.test.ts).
      await t.db.deleteFrom('login_throttle').where('login', '=', 'officera').execute();
      return t.anonymous.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'officera', password: 'correct horse', ...(totp ? { totp } : {}) },
        remoteAddress: '10.7.0.1',
      });
    };
    const withoutCode = await signIn();
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().type).toMatch(/totp-required$/);
    // The code that turned TOTP on has been used.
    const reusedEnableCode = await signIn(enableCode);
    expect(reusedEnableCode.statusCode).toBe(401);
    expect(reusedEnableCode.json().type).toMatch(/totp-reused$/);
    // The next step's code is accepted (one step of clock drift either way), once.
    const nextCode = await currentTotp(secret, 1);
    expect((await signIn(nextCode)).statusCode).toBe(200);
    const replay = await signIn(nextCode);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toMatch(/totp-reused$/);
    expect(replay.json().detail).toMatch(/already been used/);
    // So is any code of an earlier step, even one never used.
    expect((await signIn(await currentTotp(secret, -1))).json().type).toMatch(/totp-reused$|totp-invalid$/);
    const steps = await t.db
      .selectFrom('app_user')
      .select('totp_last_step')
      .where('login', '=', 'officera')
      .executeTakeFirstOrThrow();
    expect(Number(steps.totp_last_step)).toBe(Math.floor(Date.now() / 30_000) + 1);
  });

  it('signs out everywhere', async () => {
    const a = await t.asFixture('headA1');
    const b = await t.asFixture('headA1');
    const res = await a.post('/api/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toBeGreaterThanOrEqual(2);
    const session = await b.get('/api/auth/session');
    expect(session.json().user).toBeNull();
  });

  it('expired sessions do not authenticate', async () => {
    const c = await t.asFixture('auditor');
    await t.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000), created_at: new Date(Date.now() - 5000) })
      .execute();
    expect((await c.get('/api/auth/session')).json().user).toBeNull();
  });

  it('lets staff without TOTP sign in with the password alone; the session lasts SESSION_TTL_HOURS', async () => {
    await t.db
      .updateTable('app_user')
      .set({ password_hash: await hashPassword('correct horse') })
      .where('login', '=', 'officerb')
      .execute();
    const before = Date.now();
    const res = await t.anonymous.post('/api/auth/login', { login: 'officerb', password: 'correct horse' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.totpEnabled).toBe(false);
    const cookie = res.cookies.find((c) => c.name === 'or_session')!;
    const ttlMs = t.config.SESSION_TTL_HOURS * 3600_000;
    const expires = new Date(cookie.expires!).getTime();
    expect(Math.abs(expires - (before + ttlMs))).toBeLessThan(60_000);
  });

  it('signing out ends this session only; a disabled account loses its sessions at once', async () => {
    const a = await t.asFixture('headB1');
    const b = await t.asFixture('headB1');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/session')).json().user).toBeNull();
    expect((await b.get('/api/auth/session')).json().user).not.toBeNull();
    await t.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', t.fixture.users.headB1)
      .execute();
    expect((await b.get('/api/auth/session')).json().user).toBeNull();
    expect((await b.get('/api/notifications')).statusCode).toBe(401);
  });
});

describe('the audit log of sign-in', () => {
  const eventsOf = (action: string, subjectId?: string) =>
    t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'subject_id', 'summary'])
      .where('action', '=', action)
      .$if(subjectId !== undefined, (q) => q.where('subject_id', '=', subjectId!))
      .orderBy('seq')
      .execute();

  it('records failed sign-ins with the login and the reason, never the password', async () => {
    const attempt = (login: string, password: string) =>
      t.anonymous.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password },
        remoteAddress: fromNewAddress(),
      });
    expect((await attempt('HeadA1', 'wrong-secret-1')).statusCode).toBe(401);
    expect((await attempt('no-such-login', 'wrong-secret-2')).statusCode).toBe(401);
    const events = await eventsOf('auth.login_failed');
    expect(events).toEqual(
      expect.arrayContaining([
        {
          actor_id: null,
          subject_id: t.fixture.users.headA1,
          summary: { login: 'heada1', reason: 'wrong-password' },
        },
        { actor_id: null, subject_id: null, summary: { login: 'no-such-login', reason: 'unknown-login' } },
      ]),
    );
    expect(JSON.stringify(events)).not.toMatch(/wrong-secret/);
  });

  it('records the TOTP set-up without its secret', async () => {
    const admin = await t.asFixture('admin');
    const setup = await admin.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const adminId = t.fixture.users.admin;
    const events = await eventsOf('auth.totp_setup', adminId);
    expect(events).toEqual([
      { actor_id: t.fixture.users.admin, subject_id: t.fixture.users.admin, summary: { replaced: false } },
    ]);
    await admin.post('/api/auth/totp/setup');
    expect((await eventsOf('auth.totp_setup', adminId))[1]!.summary).toEqual({ replaced: true });
    expect(JSON.stringify(await eventsOf('auth.totp_setup'))).not.toContain(setup.json().secret);
    // Turning it on was recorded already (the TOTP test above).
    expect(await eventsOf('auth.totp_enabled')).toEqual([
      { actor_id: t.fixture.users.officerA, subject_id: t.fixture.users.officerA, summary: {} },
    ]);
  });

  it('records signing out of this browser, and nothing for a browser that was not signed in', async () => {
    const before = (await eventsOf('auth.logout')).length;
    const sysadmin = await t.asFixture('sysadmin');
    expect((await sysadmin.post('/api/auth/logout')).statusCode).toBe(200);
    expect(await eventsOf('auth.logout', t.fixture.users.sysadmin)).toEqual([
      { actor_id: t.fixture.users.sysadmin, subject_id: t.fixture.users.sysadmin, summary: {} },
    ]);
    expect((await t.anonymous.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await sysadmin.post('/api/auth/logout')).statusCode).toBe(200); // its session has ended
    expect(await eventsOf('auth.logout')).toHaveLength(before + 1);
  });
});
