import { createHash } from 'node:crypto';

/**
 * The public vote log (/work/shared/specs/vote-log.md): each line's hash chains to the one before, so a
 * published checkpoint fixes the whole past. The hashed text is spelled exactly as the spec says.
 */
export const ZERO_HASH = '0'.repeat(64);

export interface VoteLine {
  seq: number;
  nomination: string;
  practice: string;
  voter_region: string;
  receipt: string;
  prev: string;
  hash: string;
}

export interface AnnulmentLine {
  seq: number;
  annuls: number;
  reason: string;
  prev: string;
  hash: string;
}

export type LogLine = VoteLine | AnnulmentLine;

export type VoteEntry = Omit<VoteLine, 'seq' | 'prev' | 'hash'>;
export type AnnulmentEntry = Omit<AnnulmentLine, 'seq' | 'prev' | 'hash'>;

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export function isAnnulment(line: LogLine): line is AnnulmentLine {
  return 'annuls' in line;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `prev + "\n" + seq + "\n" + nomination + "\n" + practice + "\n" + voter_region + "\n" + receipt`. */
export function voteHash(prev: string, seq: number, v: VoteEntry): string {
  return sha256Hex(`${prev}\n${seq}\n${v.nomination}\n${v.practice}\n${v.voter_region}\n${v.receipt}`);
}

/** `prev + "\n" + seq + "\nannuls\n" + annuls + "\n" + reason`. */
export function annulmentHash(prev: string, seq: number, a: AnnulmentEntry): string {
  return sha256Hex(`${prev}\n${seq}\nannuls\n${a.annuls}\n${a.reason}`);
}

export function lineHash(line: LogLine): string {
  return isAnnulment(line) ? annulmentHash(line.prev, line.seq, line) : voteHash(line.prev, line.seq, line);
}

/** Appends an entry after the head `(seq, hash)` and returns the sealed line. */
export function appendVote(head: { seq: number; hash: string }, v: VoteEntry): VoteLine {
  const seq = head.seq + 1;
  return {
    seq,
    nomination: v.nomination,
    practice: v.practice,
    voter_region: v.voter_region,
    receipt: v.receipt,
    prev: head.hash,
    hash: voteHash(head.hash, seq, v),
  };
}

export function appendAnnulment(head: { seq: number; hash: string }, a: AnnulmentEntry): AnnulmentLine {
  const seq = head.seq + 1;
  return { seq, annuls: a.annuls, reason: a.reason, prev: head.hash, hash: annulmentHash(head.hash, seq, a) };
}

/** Builds a whole chain from entries, as the demo and the tests do. */
export function buildChain(entries: (VoteEntry | AnnulmentEntry)[]): LogLine[] {
  const lines: LogLine[] = [];
  let head = { seq: 0, hash: ZERO_HASH };
  for (const e of entries) {
    const line = 'annuls' in e ? appendAnnulment(head, e) : appendVote(head, e);
    lines.push(line);
    head = { seq: line.seq, hash: line.hash };
  }
  return lines;
}

/** One JSON line with exactly the spec's keys (no identity, no time). */
export function serialiseLine(line: LogLine): string {
  if (isAnnulment(line)) {
    return JSON.stringify({
      seq: line.seq,
      annuls: line.annuls,
      reason: line.reason,
      prev: line.prev,
      hash: line.hash,
    });
  }
  return JSON.stringify({
    seq: line.seq,
    nomination: line.nomination,
    practice: line.practice,
    voter_region: line.voter_region,
    receipt: line.receipt,
    prev: line.prev,
    hash: line.hash,
  });
}

/** Checkpoints are due at the first line of each new hour and at the close. */
export function checkpointDue(last: Checkpoint | undefined, headSeq: number, now: Date): boolean {
  if (headSeq === 0) return false;
  if (!last) return true;
  if (last.seq === headSeq) return false;
  return now.getTime() - Date.parse(last.at) >= 3_600_000;
}
