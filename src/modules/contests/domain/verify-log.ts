import { tally, type RegionTotal, type Total } from './tally.js';
import { lineHash, ZERO_HASH, type Checkpoint, type LogLine } from './vote-log.js';

/**
 * The independent check of a closed contest (spec «After the close»): recompute the chain, match every
 * checkpoint and the head, recount totals and by_region. Returns the first mismatch, named so a reader
 * can find it (`line 17`, `checkpoint seq 1520`, `total n-03/p-0117`).
 */
export interface PublishedResults {
  contest: string;
  closed_at: string;
  head: { seq: number; hash: string };
  totals: Total[];
  by_region: RegionTotal[];
}

export type VerifyOutcome =
  | { ok: true; lines: number; checkpoints: number; head: { seq: number; hash: string } }
  | { ok: false; mismatch: string };

const HEX64 = /^[0-9a-f]{64}$/;
const VOTE_KEYS = ['hash', 'nomination', 'practice', 'prev', 'receipt', 'seq', 'voter_region'];
const ANNUL_KEYS = ['annuls', 'hash', 'prev', 'reason', 'seq'];

function sameKeys(o: object, keys: string[]): boolean {
  const got = Object.keys(o).sort();
  return got.length === keys.length && got.every((k, i) => k === keys[i]);
}

const positiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const text = (v: unknown): v is string => typeof v === 'string';

/** Parses one log line; a reason string when it is not a line of the spec's shape. */
export function parseLogLine(raw: string): LogLine | string {
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch {
    return 'not JSON';
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'not a JSON object';
  const r = o as Record<string, unknown>;
  if (!positiveInt(r.seq) || !text(r.prev) || !text(r.hash) || !HEX64.test(r.prev) || !HEX64.test(r.hash)) {
    return 'seq, prev or hash malformed';
  }
  if ('annuls' in r) {
    if (!sameKeys(r, ANNUL_KEYS)) return 'unexpected keys';
    if (!positiveInt(r.annuls) || !text(r.reason)) return 'annuls or reason malformed';
    return { seq: r.seq, annuls: r.annuls, reason: r.reason, prev: r.prev, hash: r.hash };
  }
  if (!sameKeys(r, VOTE_KEYS)) return 'unexpected keys';
  if (
    !text(r.nomination) ||
    !text(r.practice) ||
    !text(r.voter_region) ||
    !text(r.receipt) ||
    !HEX64.test(r.receipt)
  ) {
    return 'nomination, practice, voter_region or receipt malformed';
  }
  return {
    seq: r.seq,
    nomination: r.nomination,
    practice: r.practice,
    voter_region: r.voter_region,
    receipt: r.receipt,
    prev: r.prev,
    hash: r.hash,
  };
}

/** Checks the chain line by line; the lines parsed, or the first broken one. */
export function verifyChain(jsonl: string): { lines: LogLine[] } | { mismatch: string } {
  const raws = jsonl.split('\n');
  if (raws.at(-1) === '') raws.pop();
  const lines: LogLine[] = [];
  const votes = new Set<number>();
  const annulled = new Set<number>();
  let prev = ZERO_HASH;
  for (const [i, raw] of raws.entries()) {
    const n = i + 1;
    const line = parseLogLine(raw);
    if (typeof line === 'string') return { mismatch: `line ${n}: ${line}` };
    if (line.seq !== n) return { mismatch: `line ${n}: seq ${line.seq}, expected ${n}` };
    if (line.prev !== prev) return { mismatch: `line ${n}: prev does not equal the hash of line ${n - 1}` };
    if (lineHash(line) !== line.hash) return { mismatch: `line ${n}: hash does not match its content` };
    if ('annuls' in line) {
      if (!votes.has(line.annuls))
        return { mismatch: `line ${n}: annuls ${line.annuls}, which is no earlier vote` };
      if (annulled.has(line.annuls)) return { mismatch: `line ${n}: vote ${line.annuls} annulled twice` };
      annulled.add(line.annuls);
    } else {
      votes.add(line.seq);
    }
    lines.push(line);
    prev = line.hash;
  }
  return { lines };
}

export function verifyPublished(input: {
  contestId: string;
  nominations: string[];
  checkpoints: Checkpoint[];
  votesJsonl: string;
  results: PublishedResults;
}): VerifyOutcome {
  const chain = verifyChain(input.votesJsonl);
  if ('mismatch' in chain) return { ok: false, mismatch: chain.mismatch };
  const { lines } = chain;
  const nominations = new Set(input.nominations);
  for (const l of lines) {
    if (!('annuls' in l) && !nominations.has(l.nomination)) {
      return { ok: false, mismatch: `line ${l.seq}: nomination ${l.nomination} is not one of the contest's` };
    }
  }
  let lastSeq = 0;
  for (const c of input.checkpoints) {
    if (!Number.isSafeInteger(c.seq) || c.seq <= lastSeq) {
      return { ok: false, mismatch: `checkpoint seq ${c.seq}: not after the checkpoint before` };
    }
    const line = lines[c.seq - 1];
    if (!line)
      return { ok: false, mismatch: `checkpoint seq ${c.seq}: beyond the log's ${lines.length} lines` };
    if (line.hash !== c.hash)
      return { ok: false, mismatch: `checkpoint seq ${c.seq}: hash differs from line ${c.seq}` };
    lastSeq = c.seq;
  }
  const r = input.results;
  if (r.contest !== input.contestId)
    return { ok: false, mismatch: `results: contest ${r.contest}, expected ${input.contestId}` };
  const head = lines.at(-1);
  if (r.head.seq !== lines.length)
    return { ok: false, mismatch: `head: seq ${r.head.seq}, the log has ${lines.length} lines` };
  if (r.head.hash !== (head?.hash ?? ZERO_HASH))
    return { ok: false, mismatch: `head: hash differs from line ${lines.length}` };
  const recount = tally(r.totals, lines);
  const published = new Map(r.totals.map((t) => [`${t.nomination}/${t.practice}`, t.votes]));
  if (published.size !== r.totals.length)
    return { ok: false, mismatch: 'totals: a practice is listed twice' };
  for (const t of recount.totals) {
    const key = `${t.nomination}/${t.practice}`;
    const got = published.get(key);
    if (got === undefined) return { ok: false, mismatch: `total ${key}: missing, the log counts ${t.votes}` };
    if (got !== t.votes)
      return { ok: false, mismatch: `total ${key}: published ${got}, the log counts ${t.votes}` };
  }
  const regions = new Map(
    recount.by_region.map((t) => [`${t.nomination}/${t.practice}/${t.voter_region}`, t.votes]),
  );
  const seen = new Set<string>();
  for (const t of r.by_region) {
    const key = `${t.nomination}/${t.practice}/${t.voter_region}`;
    const want = regions.get(key) ?? 0;
    if (seen.has(key)) return { ok: false, mismatch: `by_region ${key}: listed twice` };
    seen.add(key);
    if (t.votes !== want)
      return { ok: false, mismatch: `by_region ${key}: published ${t.votes}, the log counts ${want}` };
  }
  for (const [key, votes] of regions) {
    if (!seen.has(key)) return { ok: false, mismatch: `by_region ${key}: missing, the log counts ${votes}` };
  }
  return { ok: true, lines: lines.length, checkpoints: input.checkpoints.length, head: r.head };
}

/** The CLI's one line. */
export function outcomeLine(contestId: string, o: VerifyOutcome): string {
  return o.ok
    ? `verified: contest ${contestId}, ${o.lines} lines, ${o.checkpoints} checkpoints, head ${o.head.seq} ${o.head.hash}`
    : `mismatch: contest ${contestId}, ${o.mismatch}`;
}
