import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ fixture: false });
});
afterAll(() => t.close());

describe('JSON bodies', () => {
  it.each([
    ['an object nested 20,000 deep', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ['an array nested 200,000 deep', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['a field nested 100 deep', `{"login":${'['.repeat(100)}${']'.repeat(100)},"password":"x"}`],
  ])('refuses %s with 400 naming the limit', async (_name, payload) => {
    const res = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toMatch(/nested deeper than 32 levels/);
  });

  it('still parses ordinary bodies and refuses prototype poisoning', async () => {
    const ordinary = await t.anonymous.post('/api/auth/login', { login: 'nobody', password: 'wrong' });
    expect(ordinary.statusCode).toBe(401);
    const poisoned = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"login":"a","password":"b","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(poisoned.statusCode).toBe(400);
  });
});
