import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../app/testing/test-app.js';
import { connectSharedStore } from '../shared-store/redis.js';
import { freePort } from '../../app/testing/free-port.js';

/**
 * Rate limits in a Redis of the test's own (a redis-server child on a free port, so it can be stopped
 * without disturbing anyone else's): two apps count against one budget, and while Redis is down the
 * counted routes answer 503 instead of running unlimited.
 */

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const probe = await Promise.race([connectSharedStore(`redis://127.0.0.1:${port}`), failed]);
      probe.disconnect();
      return child;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const port = await freePort();
let redis: ChildProcess | null = null;
let skipReason: string | null = null;
try {
  redis = await startRedis(port);
} catch (err) {
  if (process.env.CI === 'true') throw err;
  skipReason = `no redis-server to start (${(err as Error).message})`;
  console.log(`shared-rate-limit.db.test.ts skipped: ${skipReason}`);
}

describe.skipIf(skipReason !== null)('rate limits in Redis', () => {
  const url = `redis://127.0.0.1:${port}`;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    const config = { REDIS_URL: url, RATE_LIMIT_PUBLIC_PER_MINUTE: '5' };
    // One after the other: a database's start blocks the event loop long enough to time a connect out.
    one = await startTestApp({ config });
    two = await startTestApp({ config });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    redis?.kill('SIGKILL');
  });

  it('two apps on one Redis share the per-IP budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await (i % 2 ? two : one).anonymous.get('/api/auth/session')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('while Redis is down, counted routes answer 503 and signed-in work goes on; then it recovers', async () => {
    redis!.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    const deadline = Date.now() + 5000;
    while (one.ctx.sharedStore!.status === 'ready' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));

    const down = await one.anonymous.get('/api/auth/session');
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(down.json()).toMatchObject({
      type: expect.stringMatching(/shared-store-unavailable$/),
      status: 503,
    });
    expect(down.headers['retry-after']).toBe('60');
    const citizen = await one.asFixture('citizen1');
    expect((await citizen.get('/api/notifications')).statusCode).toBe(200);

    // Back on the same address: the client reconnects by itself (Redis kept nothing: a fresh budget).
    redis = await startRedis(port);
    const back = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < back && (status = (await one.anonymous.get('/api/auth/session')).statusCode) !== 200)
      await new Promise((r) => setTimeout(r, 100));
    expect(status).toBe(200);
  });
});
