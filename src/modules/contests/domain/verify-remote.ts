import type { Checkpoint } from './vote-log.js';
import { outcomeLine, verifyPublished, type PublishedResults, type VerifyOutcome } from './verify-log.js';

/**
 * `contests:verify` against a running server: fetches the spec's four files (contests.json,
 * checkpoints.json, votes.jsonl, results.json) and checks them with the pure verifier. Any fetch
 * failure is the first mismatch too, so the CLI always prints exactly one line.
 */
export async function verifyRemote(
  base: string,
  contestId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ outcome: VerifyOutcome; line: string }> {
  const root = base.replace(/\/+$/, '');
  const id = encodeURIComponent(contestId);
  const get = async (path: string): Promise<string> => {
    const res = await fetchImpl(`${root}${path}`);
    if (!res.ok) throw new Error(`${path.split('/').pop()}: HTTP ${res.status}`);
    return res.text();
  };
  const fail = (mismatch: string) => {
    const outcome: VerifyOutcome = { ok: false, mismatch };
    return { outcome, line: outcomeLine(contestId, outcome) };
  };
  let contests: { id: string; nominations: { id: string }[] }[];
  let checkpoints: Checkpoint[];
  let votesJsonl: string;
  let results: PublishedResults;
  try {
    contests = JSON.parse(await get('/open-data/contests.json')) as typeof contests;
    checkpoints = JSON.parse(await get(`/open-data/contests/${id}/checkpoints.json`)) as Checkpoint[];
    votesJsonl = await get(`/open-data/contests/${id}/votes.jsonl`);
    results = JSON.parse(await get(`/open-data/contests/${id}/results.json`)) as PublishedResults;
  } catch (err) {
    return fail(err instanceof SyntaxError ? `a file is not JSON: ${err.message}` : (err as Error).message);
  }
  const contest = Array.isArray(contests) ? contests.find((c) => c.id === contestId) : undefined;
  if (!contest) return fail('contests.json does not list the contest');
  if (!Array.isArray(checkpoints)) return fail('checkpoints.json is not a list');
  if (
    !results ||
    typeof results !== 'object' ||
    !results.head ||
    !Array.isArray(results.totals) ||
    !Array.isArray(results.by_region)
  )
    return fail('results.json lacks head, totals or by_region');
  const outcome = verifyPublished({
    contestId,
    nominations: contest.nominations.map((n) => n.id),
    checkpoints,
    votesJsonl,
    results,
  });
  return { outcome, line: outcomeLine(contestId, outcome) };
}
