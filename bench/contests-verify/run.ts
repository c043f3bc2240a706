import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { tally } from '../../src/modules/contests/domain/tally.js';
import { verifyPublished } from '../../src/modules/contests/domain/verify-log.js';
import { buildChain, serialiseLine, type VoteEntry } from '../../src/modules/contests/domain/vote-log.js';

// `npm run bench:contests-verify -- --lines 30000`: the check of `contests:verify` over a log of N lines
// (13 nominations × 5 practices, voters from 89 subjects, 1 % annulled), timed from the published text.
const { values } = parseArgs({
  options: { lines: { type: 'string', default: '30000' }, repeat: { type: 'string', default: '3' } },
});
const n = Number(values.lines);
const nominations = Array.from({ length: 13 }, (_, i) => `n-${String(i + 1).padStart(2, '0')}`);
const ballot = nominations.flatMap((nomination, i) =>
  Array.from({ length: 5 }, (_, k) => ({
    nomination,
    practice: `p-${String(i * 5 + k + 1).padStart(4, '0')}`,
  })),
);
const votes: VoteEntry[] = [];
for (let i = 0; votes.length < n * 0.99; i++) {
  const b = ballot[crypto.randomInt(ballot.length)]!;
  votes.push({
    ...b,
    voter_region: String(crypto.randomInt(1, 90)).padStart(2, '0'),
    receipt: crypto.randomBytes(32).toString('hex'),
  });
}
const annul = Array.from({ length: n - votes.length }, (_, i) => ({ annuls: i * 50 + 1, reason: 'Бот' }));
const lines = buildChain([...votes, ...annul]);
const jsonl = lines.map((l) => `${serialiseLine(l)}\n`).join('');
const checkpoints = lines
  .filter((_, i) => i % 1000 === 999 || i === lines.length - 1)
  .map((l) => ({ seq: l.seq, hash: l.hash, at: '2026-12-08T20:59:59Z' }));
const counted = tally(ballot, lines);
const results = {
  contest: 'bench',
  closed_at: '2026-12-08T20:59:59Z',
  head: { seq: lines.length, hash: lines.at(-1)!.hash },
  ...counted,
};
for (let r = 0; r < Number(values.repeat); r++) {
  const started = performance.now();
  // The CLI parses the published text: JSON.parse the files as it does.
  const outcome = verifyPublished({
    contestId: 'bench',
    nominations,
    checkpoints: JSON.parse(JSON.stringify(checkpoints)),
    votesJsonl: jsonl,
    results: JSON.parse(JSON.stringify(results)),
  });
  const ms = performance.now() - started;
  console.log(
    `${lines.length} lines, ${(jsonl.length / 1e6).toFixed(1)} MB, ${checkpoints.length} checkpoints: ${outcome.ok ? 'verified' : 'MISMATCH'} in ${ms.toFixed(0)} ms`,
  );
}
