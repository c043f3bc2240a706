import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tally } from './tally.js';
import { outcomeLine, verifyChain, verifyPublished } from './verify-log.js';
import {
  annulmentHash,
  buildChain,
  checkpointDue,
  serialiseLine,
  voteHash,
  ZERO_HASH,
  type AnnulmentEntry,
  type LogLine,
  type VoteEntry,
} from './vote-log.js';

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const vote: fc.Arbitrary<VoteEntry> = fc.record({
  nomination: fc.constantFrom('n-01', 'n-02', 'n-03'),
  practice: fc.constantFrom('p-0001', 'p-0002', 'p-0003'),
  voter_region: fc.constantFrom('43', '78', '77', '05'),
  receipt: hex64,
});
const ballot = ['n-01', 'n-02', 'n-03'].flatMap((nomination) =>
  ['p-0001', 'p-0002', 'p-0003', 'p-0004'].map((practice) => ({ nomination, practice })),
);

/** Votes, then annulments of distinct earlier votes. */
const entries = fc
  .array(vote, { minLength: 1, maxLength: 40 })
  .chain((votes) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: votes.length }), { maxLength: 5 })
      .map((annul) => [
        ...votes,
        ...annul.map((seq): AnnulmentEntry => ({ annuls: seq, reason: 'bot burst' })),
      ]),
  );

function publish(lines: LogLine[]) {
  const { totals, by_region } = tally(ballot, lines);
  const last = lines.at(-1)!;
  return {
    contestId: 'smart-2026',
    nominations: ['n-01', 'n-02', 'n-03'],
    checkpoints: lines
      .filter((l) => l.seq % 7 === 0)
      .map((l) => ({ seq: l.seq, hash: l.hash, at: '2026-11-07T12:00:00Z' })),
    votesJsonl: lines.map(serialiseLine).join('\n') + '\n',
    results: {
      contest: 'smart-2026',
      closed_at: '2026-12-08T21:00:00Z',
      head: { seq: last.seq, hash: last.hash },
      totals,
      by_region,
    },
  };
}

describe('vote log hashes', () => {
  it('hashes a vote line exactly as the spec spells the text', () => {
    const v = { nomination: 'n-03', practice: 'p-0117', voter_region: '43', receipt: 'ab'.repeat(32) };
    const want = createHash('sha256')
      .update(`${ZERO_HASH}\n1\nn-03\np-0117\n43\n${'ab'.repeat(32)}`, 'utf8')
      .digest('hex');
    expect(voteHash(ZERO_HASH, 1, v)).toBe(want);
  });

  it('hashes an annulment line exactly as the spec spells the text', () => {
    const prev = 'c4'.repeat(32);
    const want = createHash('sha256').update(`${prev}\n12\nannuls\n3\nбот: всплеск`, 'utf8').digest('hex');
    expect(annulmentHash(prev, 12, { annuls: 3, reason: 'бот: всплеск' })).toBe(want);
  });

  it('chains each line to the one before, starting from 64 zeros', () => {
    fc.assert(
      fc.property(entries, (es) => {
        const lines = buildChain(es);
        expect(lines[0]!.prev).toBe(ZERO_HASH);
        lines.forEach((l, i) => {
          expect(l.seq).toBe(i + 1);
          if (i > 0) expect(l.prev).toBe(lines[i - 1]!.hash);
        });
        expect('mismatch' in verifyChain(lines.map(serialiseLine).join('\n'))).toBe(false);
      }),
    );
  });

  it('serialises exactly the spec keys', () => {
    const [v, a] = buildChain([
      { nomination: 'n-01', practice: 'p-0001', voter_region: '78', receipt: 'cd'.repeat(32) },
      { annuls: 1, reason: 'r' },
    ]);
    expect(Object.keys(JSON.parse(serialiseLine(v!))).sort()).toEqual([
      'hash',
      'nomination',
      'practice',
      'prev',
      'receipt',
      'seq',
      'voter_region',
    ]);
    expect(Object.keys(JSON.parse(serialiseLine(a!))).sort()).toEqual([
      'annuls',
      'hash',
      'prev',
      'reason',
      'seq',
    ]);
  });

  it('is due for a checkpoint after an hour with new lines, never without', () => {
    const last = { seq: 5, hash: 'x', at: '2026-11-07T12:00:00Z' };
    expect(checkpointDue(undefined, 0, new Date())).toBe(false);
    expect(checkpointDue(undefined, 1, new Date())).toBe(true);
    expect(checkpointDue(last, 5, new Date('2026-11-07T15:00:00Z'))).toBe(false);
    expect(checkpointDue(last, 6, new Date('2026-11-07T12:30:00Z'))).toBe(false);
    expect(checkpointDue(last, 6, new Date('2026-11-07T13:00:00Z'))).toBe(true);
  });
});

describe('tally', () => {
  it('lists every ballot practice, zeros included, by_region only non-zero, annulled excluded', () => {
    fc.assert(
      fc.property(entries, (es) => {
        const lines = buildChain(es);
        const { totals, by_region } = tally(ballot, lines);
        expect(totals).toHaveLength(ballot.length);
        expect(by_region.every((r) => r.votes > 0)).toBe(true);
        const annulled = new Set(es.flatMap((e) => ('annuls' in e ? [e.annuls] : [])));
        const counted = lines.filter((l) => !('annuls' in l) && !annulled.has(l.seq)).length;
        expect(totals.reduce((s, t) => s + t.votes, 0)).toBe(counted);
        expect(by_region.reduce((s, t) => s + t.votes, 0)).toBe(counted);
      }),
    );
  });
});

describe('verifier', () => {
  it('verifies an honest publication', () => {
    fc.assert(
      fc.property(entries, (es) => {
        const out = verifyPublished(publish(buildChain(es)));
        expect(out.ok).toBe(true);
      }),
    );
  });

  it('names the first tampered line, whatever field of a vote is changed', () => {
    fc.assert(
      fc.property(
        entries,
        fc.nat(),
        fc.constantFrom('practice', 'voter_region', 'receipt'),
        (es, pick, field) => {
          const lines = buildChain(es);
          const votes = lines.filter((l) => !('annuls' in l));
          const target = votes[pick % votes.length]!;
          const p = publish(lines);
          const raws = p.votesJsonl.split('\n');
          const o = JSON.parse(raws[target.seq - 1]!);
          o[field] =
            field === 'receipt'
              ? 'ee'.repeat(32) === o.receipt
                ? 'ff'.repeat(32)
                : 'ee'.repeat(32)
              : o[field] + '9';
          raws[target.seq - 1] = JSON.stringify(o);
          const out = verifyPublished({ ...p, votesJsonl: raws.join('\n') });
          expect(out).toEqual({ ok: false, mismatch: `line ${target.seq}: hash does not match its content` });
        },
      ),
    );
  });

  it('names a rewritten chain by the checkpoint it no longer matches', () => {
    const es: VoteEntry[] = Array.from({ length: 20 }, (_, i) => ({
      nomination: 'n-01',
      practice: i % 2 ? 'p-0001' : 'p-0002',
      voter_region: '43',
      receipt: i.toString(16).padStart(64, '0'),
    }));
    const honest = publish(buildChain(es));
    // The organiser rewrites vote 3 and re-hashes everything after it: the chain is whole again…
    const forged = buildChain(es.map((e, i) => (i === 2 ? { ...e, practice: 'p-0001' } : e)));
    const forgedPub = publish(forged);
    // …but the checkpoints published during voting still hold the honest hashes.
    const out = verifyPublished({ ...forgedPub, checkpoints: honest.checkpoints });
    expect(out).toEqual({ ok: false, mismatch: 'checkpoint seq 7: hash differs from line 7' });
    const tamperedCheckpoint = honest.checkpoints.map((c, i) =>
      i === 1 ? { ...c, hash: 'ab'.repeat(32) } : c,
    );
    expect(verifyPublished({ ...honest, checkpoints: tamperedCheckpoint })).toEqual({
      ok: false,
      mismatch: 'checkpoint seq 14: hash differs from line 14',
    });
  });

  it('names a changed total, a changed region count and a wrong head', () => {
    const lines = buildChain([
      { nomination: 'n-01', practice: 'p-0001', voter_region: '78', receipt: 'a'.repeat(64) },
      { nomination: 'n-01', practice: 'p-0001', voter_region: '43', receipt: 'b'.repeat(64) },
      { annuls: 2, reason: 'one network' },
    ]);
    const p = publish(lines);
    const totals = p.results.totals.map((t) =>
      t.practice === 'p-0001' && t.nomination === 'n-01' ? { ...t, votes: 2 } : t,
    );
    expect(verifyPublished({ ...p, results: { ...p.results, totals } })).toEqual({
      ok: false,
      mismatch: 'total n-01/p-0001: published 2, the log counts 1',
    });
    const by_region = [
      ...p.results.by_region,
      { nomination: 'n-01', practice: 'p-0001', voter_region: '43', votes: 1 },
    ];
    expect(verifyPublished({ ...p, results: { ...p.results, by_region } })).toEqual({
      ok: false,
      mismatch: 'by_region n-01/p-0001/43: published 1, the log counts 0',
    });
    expect(
      verifyPublished({ ...p, results: { ...p.results, head: { seq: 2, hash: lines[1]!.hash } } }).ok,
    ).toBe(false);
    expect(outcomeLine('smart-2026', verifyPublished(p))).toBe(
      `verified: contest smart-2026, 3 lines, 0 checkpoints, head 3 ${lines[2]!.hash}`,
    );
  });

  it('refuses a second annulment of one vote, an annulment of nothing and a removed line', () => {
    const base = buildChain([
      { nomination: 'n-01', practice: 'p-0001', voter_region: '78', receipt: 'a'.repeat(64) },
      { annuls: 1, reason: 'x' },
      { annuls: 1, reason: 'y' },
    ]);
    expect(verifyChain(base.map(serialiseLine).join('\n'))).toEqual({
      mismatch: 'line 3: vote 1 annulled twice',
    });
    const ghost = buildChain([{ annuls: 1, reason: 'x' }]);
    expect(verifyChain(ghost.map(serialiseLine).join('\n'))).toEqual({
      mismatch: 'line 1: annuls 1, which is no earlier vote',
    });
    const three = buildChain(
      Array.from({ length: 3 }, (_, i) => ({
        nomination: 'n-01',
        practice: 'p-0001',
        voter_region: '78',
        receipt: String(i).repeat(64),
      })),
    );
    expect(verifyChain([three[0], three[2]].map((l) => serialiseLine(l!)).join('\n'))).toEqual({
      mismatch: 'line 2: seq 3, expected 2',
    });
  });
});
