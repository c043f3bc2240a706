import { parseArgs } from 'node:util';
import { verifyRemote } from '../modules/contests/domain/verify-remote.js';

// `npm run --silent contests:verify -- --base URL --contest ID` (spec vote-log.md): recomputes the vote
// log's chain, matches every checkpoint and the head, recounts the totals and by_region, and prints one
// line: `verified: …` (exit 0) or `mismatch: …` naming the first one (exit 1).
const { values } = parseArgs({ options: { base: { type: 'string' }, contest: { type: 'string' } } });
if (!values.base || !values.contest) {
  console.log('usage: npm run --silent contests:verify -- --base URL --contest ID');
  process.exit(2);
}
const { outcome, line } = await verifyRemote(values.base, values.contest);
console.log(line);
process.exit(outcome.ok ? 0 : 1);
