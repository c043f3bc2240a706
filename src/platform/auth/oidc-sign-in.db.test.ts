import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtDemoProvider, TestBrowser } from '../../app/testing/demo-oidc-browser.js';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
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
