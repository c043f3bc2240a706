import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtDemoProvider, TestBrowser } from '../../app/testing/demo-oidc-browser.js';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { esiaKidsOf, takeChildrenFromEsia } from '../families/esia-children.js';
import { demoRegistrationRegion } from './oidc-demo-provider.js';
import { OIDC_ATTEMPT_COOKIE } from './session-cookie.js';
import { SESSION_COOKIE } from './session-store.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

// The demo provider is a real OpenID provider on a loopback port: the whole code flow runs over HTTP.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ listen: true, logStream });
});
afterAll(() => t.close());

const browser = () => new TestBrowser(t.config.publicUrl);
const CITIZEN = 'esia-1000001';

async function signedInUser(b: TestBrowser) {
  const res = await b.request('/api/auth/session');
  return res.json() as Promise<{ user: { kind: string } | null }>;
}

describe('citizen sign-in is bound to the browser that started it', () => {
  it('sets a short-lived HttpOnly, SameSite=Lax attempt cookie when the sign-in starts', async () => {
    const res = await browser().request('/api/auth/oidc/start?returnTo=%2Fmy');
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_ATTEMPT_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Max-Age=600(;|$)/);
  });

  it('refuses the callback in a browser without the attempt cookie; the starting browser signs in', async () => {
    const victim = browser();
    const starter = browser();
    const callback = await signInAtDemoProvider(starter, CITIZEN, 'returnTo=%2Fmy');

    const refused = await victim.request(callback);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await refused.json()) as { type: string; detail: string };
    expect(problem.type).toMatch(/oidc-browser$/);
    expect(problem.detail).toMatch(/another browser/);
    expect(victim.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await signedInUser(victim)).user).toBeNull();
    const refusals = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'summary'])
      .where('action', '=', 'auth.login_oidc_failed')
      .execute();
    expect(refusals).toEqual([{ actor_id: null, summary: { reason: 'other-browser' } }]);

    // A person's browser (asking for HTML) is sent to the sign-in page, which says what happened.
    const page = await browser().request(callback, { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?error=oidc-browser');

    // A forged attempt cookie is no better than none.
    const forger = browser();
    forger.cookies.set(OIDC_ATTEMPT_COOKIE, 'not-the-state');
    expect((await forger.request(callback)).status).toBe(400);
    expect(forger.cookies.has(SESSION_COOKIE)).toBe(false);

    const ok = await starter.request(callback);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/my');
    expect(starter.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(starter.cookies.has(OIDC_ATTEMPT_COOKIE)).toBe(false); // cleared once used
    expect((await signedInUser(starter)).user?.kind).toBe('citizen');
    // The attempt is used up: opening the callback again signs nobody in.
    starter.cookies.delete(SESSION_COOKIE);
    starter.cookies.set(OIDC_ATTEMPT_COOKIE, new URL(callback).searchParams.get('state')!);
    const replay = await starter.request(callback);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { type: string }).type).toMatch(/oidc-state$/);
    expect(starter.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe('the return address after citizen sign-in', () => {
  // Each as sent in the start URL: decoded by the server, or left encoded.
  const offSite = [
    'returnTo=/%09/evil.example',
    'returnTo=%2F%2509%2Fevil.example',
    'returnTo=/%0d%0a/evil.example',
    'returnTo=/my%0d%0aSet-Cookie:%20x=1',
    'returnTo=/%5Cevil.example',
    'returnTo=//evil.example',
  ];
  for (const query of offSite) {
    it(`stays on the site for ${query}`, async () => {
      const b = browser();
      const res = await b.request(await signInAtDemoProvider(b, CITIZEN, query));
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
      expect(b.cookies.has(SESSION_COOKIE)).toBe(true);
    });
  }

  it('checks the stored address again on the way back (attempts started before the rule)', async () => {
    const b = browser();
    const callback = await signInAtDemoProvider(b, CITIZEN, 'returnTo=%2Fmy');
    await t.db
      .updateTable('oidc_login')
      .set({ return_to: '/\t/evil.example' })
      .where('state', '=', new URL(callback).searchParams.get('state')!)
      .execute();
    const res = await b.request(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('request logs', () => {
  it('never contain the OIDC code or state', async () => {
    logLines.length = 0;
    const b = browser();
    const callback = await signInAtDemoProvider(b, CITIZEN, 'returnTo=%2Fmy');
    expect((await b.request(callback)).status).toBe(302);
    const text = logLines.join('');
    expect(text).toContain('/api/auth/oidc/callback');
    const query = new URL(callback).searchParams;
    for (const secret of [query.get('code')!, query.get('state')!]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(text).not.toContain(secret);
    }
  });
});

describe("the citizen's children from the identity provider", () => {
  const FATHER = 'esia-1000004'; // two children in the demo provider

  it('join the family on sign-in (source esia), once however often the citizen signs in', async () => {
    for (let i = 0; i < 2; i++) {
      const b = browser();
      expect((await b.request(await signInAtDemoProvider(b, FATHER, 'returnTo=%2Fmy'))).status).toBe(302);
      const family = (await (await b.request('/api/my/family')).json()) as {
        children: {
          firstName: string;
          birthDate: string;
          birthCertificate: string;
          source: string;
          snils: string | null;
        }[];
      };
      expect(family.children).toEqual([
        expect.objectContaining({
          firstName: 'Алиса',
          birthDate: '2016-05-14',
          birthCertificate: 'II-ИР 512345',
          snils: '112-233-445 95',
          source: 'esia',
        }),
        expect.objectContaining({ firstName: 'Тимофей', birthDate: '2022-02-03', source: 'esia' }),
      ]);
    }
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'family.children.from_esia')
      .execute();
    // The second sign-in found both children already in the family: nothing to record.
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ linked: [], skipped: 0 });
    expect((audit[0]!.summary as { added: string[] }).added).toHaveLength(2);
  });

  it("are read from ЕСИА's children resource, which refuses a request without the citizen's token", async () => {
    const kids = `${t.config.publicUrl}/oidc/rs/prns/${FATHER}/kids?embed=(elements.documents)`;
    expect((await fetch(kids)).status).toBe(401);
    expect((await fetch(kids, { headers: { authorization: 'Bearer forged-token' } })).status).toBe(401);
  });

  it('a child without a Russian birth certificate, or a body that is no kids collection, adds nobody', async () => {
    const actor = { userId: t.fixture.users.citizen2, role: 'citizen', requestId: 'test' };
    const foreign = {
      lastName: 'Ким',
      firstName: 'Лея',
      birthDate: '01.03.2019',
      gender: 'F',
      documents: { size: 1, elements: [{ type: 'FID_BRTH_CERT', series: 'AB', number: '777' }] },
    };
    const outcome = await t.db
      .transaction()
      .execute(async (tx) => takeChildrenFromEsia(tx, actor, esiaKidsOf({ size: 1, elements: [foreign] })));
    expect(outcome).toEqual({ added: [], linked: [], skipped: 1 });
    expect(esiaKidsOf({ error: 'ESIA-007014' })).toEqual([]);
    expect(esiaKidsOf(null)).toEqual([]);
  });

  it('a citizen the provider knows no children of gets none', async () => {
    const b = browser();
    await b.request(await signInAtDemoProvider(b, CITIZEN, 'returnTo=%2Fmy'));
    expect(await (await b.request('/api/my/family')).json()).toEqual({ children: [] });
  });
});

describe('the identity a vote needs', () => {
  it("stores the provider's confirmed flag and the registration address's subject at each sign-in", async () => {
    const b = browser();
    expect((await b.request(await signInAtDemoProvider(b, CITIZEN, 'returnTo=%2F'))).status).toBe(302);
    const user = await t.db
      .selectFrom('app_user')
      .select(['identity_confirmed', 'registration_region'])
      .where('oidc_subject', '=', CITIZEN)
      .executeTakeFirstOrThrow();
    expect(user.identity_confirmed).toBe(true);
    expect(user.registration_region).toBe(demoRegistrationRegion(CITIZEN));
    expect(user.registration_region).toMatch(/^[0-9]{2}$/);
  });
});
