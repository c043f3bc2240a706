import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcurrency } from '../../../../bench/queue/concurrency.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';

// 200 concurrent clients with retries (same Idempotency-Key) and duplicates (same child twice) on the
// PostgreSQL server. CI runs 200 × 5; QUEUE_CONCURRENCY_FULL=1 runs the full 200 × 50 (≈2.5 min here,
// figures in bench/queue/README.md). PGlite has one connection, so the race needs the server.
const onPostgres = process.env.TEST_DB === 'postgres';
const perClient = process.env.QUEUE_CONCURRENCY_FULL ? 50 : 5;

describe.runIf(onPostgres)('concurrent submissions on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('loses none and duplicates none', async () => {
    const out = await runConcurrency(t, 200, perClient);
    expect(out.otherErrors).toBe(0);
    expect(out.created).toBe(200 * perClient);
    expect(out.rowsInDb).toBe(200 * perClient);
    expect(out.lost).toBe(0);
    expect(out.duplicated).toBe(0);
    expect(out.replayed).toBeGreaterThan(0);
    expect(out.duplicatesRefused).toBeGreaterThan(0);
  }, 600_000);
});
