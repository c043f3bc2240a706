import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';

// The web build is served by the same server as the API: its files as they are, and the shell for
// every client-side route. Unit and medium tests otherwise run without a build, which is how a
// broken shell once passed every test but the browser journeys.
const SHELL = '<!doctype html><html lang="ru"><body><div id="root"></div></body></html>';
let dist: string;
let t: TestApp;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-shell-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), SHELL);
  fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dist, 'pages.json'), JSON.stringify(['login', 'queue/*', 'kindergartens/*']));
  t = await startTestApp({ fixture: false, webDist: dist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('web shell', () => {
  it.each(['/', '/login', '/queue', '/%71ueue', '/kindergartens/3?tab=photos'])(
    'GET %s answers the single-page app shell',
    async (url) => {
      const res = await t.anonymous.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(SHELL);
    },
  );

  it.each(['/no-such-page', '/login/extra', '/%6Eo-such-page?x=1'])(
    'GET %s answers the shell with status 404',
    async (url) => {
      const res = await t.anonymous.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(SHELL);
    },
  );

  it('serves a built asset with its type and a cache lifetime', async () => {
    const res = await t.anonymous.get('/assets/app-1a2b.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=3600/);
    expect(res.body).toBe('console.log("app");');
  });

  it('answers a missing API path or a write to an unknown page with problem+json, not the shell', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['GET', '/%61pi/no-such-thing'],
      ['GET', '/open-data/nothing.csv'],
      ['POST', '/queue'],
    ] as const) {
      const res = await t.anonymous.request({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${url}`).toMatch(/application\/problem\+json/);
    }
  });
});
