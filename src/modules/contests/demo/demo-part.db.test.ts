import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../../demo/calendar.js';
import { seedDemoRegion } from '../../../demo/load-region.js';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import { createTestDatabase } from '../../../platform/db/test-database.js';
import { verifyChain, verifyPublished } from '../domain/verify-log.js';
import { contestsModule } from '../module.js';
import * as votes from '../vote-service.js';

/** The demo contests: a published one whose files verify, an open one whose checkpoints hold. */
describe('contests demo', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoRegion(handle, {
      scale: 'tiny',
      reference: dayOf(2026, 11, 15),
      modules: [contestsModule],
    });
  }, 120_000);
  afterAll(async () => handle?.close());

  it('publishes a finished contest whose log, checkpoints and results verify', async () => {
    const db = handle.db;
    const listed = await votes.openContests(db);
    expect(listed.map((c) => [c.id, c.state])).toEqual([
      ['smart-2026', 'voting'],
      ['smart-2025', 'published'],
    ]);
    const published = listed.find((c) => c.id === 'smart-2025')!;
    expect(published.nominations).toHaveLength(13);
    const results = await votes.publishedResults(db, 'smart-2025');
    const outcome = verifyPublished({
      contestId: 'smart-2025',
      nominations: published.nominations.map((n) => n.id),
      checkpoints: await votes.publishedCheckpoints(db, 'smart-2025'),
      votesJsonl: await votes.publishedLog(db, 'smart-2025'),
      results,
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(results.totals.length).toBeGreaterThan(13 * 3);
    expect(results.by_region.length).toBeGreaterThan(20);
  });

  it('keeps the open contest’s results hidden and its checkpoints on its chain', async () => {
    const db = handle.db;
    await expect(votes.publishedResults(db, 'smart-2026')).rejects.toThrow(/not found/);
    const cps = await votes.publishedCheckpoints(db, 'smart-2026');
    expect(cps.length).toBeGreaterThan(1);
    const lines = await db
      .selectFrom('contest_vote_log')
      .selectAll()
      .where('contest_id', '=', 'smart-2026')
      .orderBy('seq')
      .execute();
    const jsonl = lines
      .map((l) =>
        JSON.stringify({
          seq: l.seq,
          nomination: l.nomination_id,
          practice: l.practice_id,
          voter_region: l.voter_region,
          receipt: l.receipt,
          prev: l.prev,
          hash: l.hash,
        }),
      )
      .join('\n');
    const chain = verifyChain(jsonl);
    expect('lines' in chain).toBe(true);
    for (const c of cps) expect(lines[c.seq - 1]!.hash).toBe(c.hash);
  });
});
