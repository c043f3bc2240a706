import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { loadConfig } from '../config.js';
import { redactUrl } from './app.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ logStream, config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '25' } });
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('GET /api/health reports the database', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up', backend: t.handle.backend });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves OpenAPI 3.1 built from the route schemas, and a docs page', async () => {
    const spec = await t.anonymous.get('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/audit/events']));
    // Every registered API route is documented.
    for (const route of t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))) {
      if (route.url === '/api/openapi.json') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path], `${route.method} ${route.url}`).toBeDefined();
    }
    const docs = await t.anonymous.get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  // Checked in Chromium: the package's own policy (style-src 'self' https:) logged «Applying inline
  // style violates the following Content Security Policy directive» on every load of the docs.
  it('gives the docs page a policy that allows what Swagger UI loads and does', async () => {
    const docs = await t.anonymous.get('/api/docs/');
    const policy = new Map(
      String(docs.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    // Swagger UI's React components set style attributes.
    expect(policy.get('style-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    // Everything the page loads is same-origin, and no script is inline.
    const refs = [...docs.body.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs)
      expect(new URL(ref, 'http://site.test/api/docs/').origin).toBe('http://site.test');
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const ref of refs.filter((r) => r.endsWith('.js') || r.endsWith('.css'))) {
      const res = await t.anonymous.get(new URL(ref, 'http://site.test/api/docs/').pathname);
      expect(res.statusCode, ref).toBe(200);
    }
  });

  it('sends security headers with a CSP and a request id', async () => {
    const res = await t.anonymous.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('trace-0123456789');
    const generated = await t.anonymous.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends HSTS only over https, and lets the VK mini app frame the site (CSP, no X-Frame-Options)', async () => {
    // Over plain http a Strict-Transport-Security header is meaningless (and a spoofed
    // X-Forwarded-Proto is not believed without TRUST_PROXY).
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }]) {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/health', headers });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const res = await t.anonymous.get('/api/health');
    expect(res.headers['x-frame-options']).toBeUndefined();
    const ancestors = /frame-ancestors ([^;]+)/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(ancestors?.split(' ')).toEqual(["'self'", 'https://vk.com', 'https://*.vk.com']);
    // Errors carry the same headers.
    const missing = await t.anonymous.get('/api/nothing-here');
    expect(missing.headers['x-frame-options']).toBeUndefined();
    expect(missing.headers['content-security-policy']).toMatch(/frame-ancestors 'self' https:\/\/vk\.com/);
  });

  it('behind a trusted proxy, an https request gets HSTS', async () => {
    const proxied = await startTestApp({ fixture: false, config: { TRUST_PROXY: 'true' } });
    try {
      const https = await proxied.anonymous.request({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const missing = await proxied.anonymous.request({
        method: 'GET',
        url: '/api/nothing-here',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(missing.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await proxied.anonymous.request({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'http' },
      });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const citizen = await t.asFixture('citizen1');
    const withToken = await citizen.post('/api/auth/logout-all');
    expect(withToken.statusCode).toBe(200);
    const other = await t.asFixture('citizen2');
    const res = await other.request({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toMatch(/csrf$/);
    // Reads need no token.
    expect(
      (await other.request({ method: 'GET', url: '/api/notifications', headers: { 'x-csrf-token': '' } }))
        .statusCode,
    ).toBe(200);
  });

  it('limits public endpoints per IP and leaves signed-in work alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/region', remoteAddress: '10.9.9.9' });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
    const limited = await t.anonymous.request({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '10.9.9.9',
    });
    expect(limited.statusCode).toBe(429); // the budget is shared by every public route
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    // One wait, said the same way in the header and in the text.
    const wait = Number(limited.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({
      retryAfter: wait,
      detail: `Too many requests: retry in ${wait} s.`,
    });
    // Another address has its own budget; a signed-in route is not limited.
    expect(
      (await t.anonymous.request({ method: 'GET', url: '/api/region', remoteAddress: '10.9.9.10' }))
        .statusCode,
    ).toBe(200);
    const auditor = await t.asFixture('auditor');
    for (let i = 0; i < 30; i++) {
      const res = await auditor.request({
        method: 'GET',
        url: '/api/audit/verify',
        remoteAddress: '10.9.9.9',
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('redacts personal data from the logs', async () => {
    logLines.length = 0;
    await t.anonymous.request({
      method: 'GET',
      url: '/api/nothing-here?lastName=Иванова&birthCertificate=I-АБ123456&page=2',
      headers: { cookie: 'or_session=secret-token-value', authorization: 'Bearer secret' },
    });
    await t.anonymous.post('/api/auth/login', { login: 'nobody', password: 'hunter2-secret' });
    const text = logLines.join('');
    expect(text).toContain('/api/nothing-here');
    expect(text).toContain('page=2');
    for (const secret of ['Иванова', 'I-АБ123456', 'secret-token-value', 'hunter2-secret', 'Bearer secret'])
      expect(text).not.toContain(secret);
    expect(redactUrl('/x?email=a@b.ru&n=1')).toBe('/x?email=%5Bredacted%5D&n=1');
    // The OpenID callback's one-time code and state would let a log reader finish someone's sign-in.
    expect(redactUrl('/api/auth/oidc/callback?code=c0de-value&state=st4te-value&iss=http%3A%2F%2Fidp')).toBe(
      '/api/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&iss=http%3A%2F%2Fidp',
    );
    expect(redactUrl('/oidc/auth?client_id=c&St%61te=s3&nonce=n0&code_challenge=x')).not.toMatch(/s3|n0|=x/);
  });

  it('reads TRUST_PROXY from configuration, off by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
  });
});
