import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../app/testing/test-app.js';

/**
 * A scope left open means the caller's own grants, never everywhere: an officer of municipality A
 * who leaves out `municipalityId` gets municipality A (it returned every municipality before), and
 * asking for B is refused.
 */
const t = await startTestApp({ config: { RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000' } });
afterAll(() => t.close());

describe('reporting scopes', () => {
  const { municipalityA: a, municipalityB: b } = t.fixture;

  it("an officer who leaves out the municipality gets their own, nobody else's", async () => {
    const officer = await t.asFixture('officerA');
    for (const url of ['/api/reporting/indicators', '/api/reporting/indicators?date=2026-01-15']) {
      const res = await officer.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().municipalities.map((m: { municipalityId: number }) => m.municipalityId)).toEqual([a]);
    }
    const csv = await officer.get('/api/reporting/indicators.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`-m${a}.csv`);
    expect((await officer.get(`/api/reporting/indicators?municipalityId=${b}`)).statusCode).toBe(403);
    const series = await officer.get('/api/reporting/indicators/series?from=2025-01-01&to=2025-06-30');
    expect(series.statusCode, series.body).toBe(200);
    expect(
      (
        await officer.get(
          `/api/reporting/indicators/series?from=2025-01-01&to=2025-06-30&municipalityId=${b}`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('a region-wide role without the parameter still gets the whole region', async () => {
    const admin = await t.asFixture('admin');
    const res = await admin.get('/api/reporting/indicators');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .municipalities.map((m: { municipalityId: number }) => m.municipalityId)
        .sort(),
    ).toEqual([a, b].sort());
  });

  it('exports have a per-user budget: the next one past it is 429 with Retry-After', async () => {
    const limited = await startTestApp({ config: { RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2' } });
    try {
      const admin = await limited.asFixture('admin');
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await admin.get('/api/reporting/indicators.csv')).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
      const over = await admin.get('/api/reporting/indicators.csv');
      expect(over.headers['retry-after']).toBeDefined();
      expect(over.headers['content-type']).toMatch(/problem\+json/);
      // Another user has their own budget; a cheap read is not limited.
      const auditor = await limited.asFixture('auditor');
      expect((await auditor.get('/api/reporting/indicators.csv')).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await admin.get('/api/reporting/indicators')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
