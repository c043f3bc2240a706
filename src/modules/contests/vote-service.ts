import crypto from 'node:crypto';
import { recordAudit, type Actor } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Executor } from '../../platform/db/transaction.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { publicFiles, votingOpenAt } from './domain/contest-state.js';
import { tally } from './domain/tally.js';
import {
  appendAnnulment,
  appendVote,
  checkpointDue,
  serialiseLine,
  type LogLine,
} from './domain/vote-log.js';
import { fieldProblem, loadContest, windowsOf } from './contest-service.js';
import * as q from './queries.js';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const hmac = (key: string, text: string) =>
  crypto.createHmac('sha256', Buffer.from(key, 'hex')).update(text).digest('hex');

/** Appends a checkpoint when one is due (the first line of each new hour, and at the close). */
async function maybeCheckpoint(
  tx: Executor,
  contestId: string,
  head: { seq: number; hash: string },
  now: Date,
) {
  const list = await tx
    .selectFrom('contest_checkpoint')
    .select(['seq', 'hash', 'at'])
    .where('contest_id', '=', contestId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const last = list ? { seq: list.seq, hash: list.hash, at: iso(list.at) } : undefined;
  if (checkpointDue(last, head.seq, now)) await q.insertCheckpoint(tx, contestId, { ...head, at: now });
}

/**
 * A citizen's vote (spec vote-log.md): one per person per nomination, enforced by the ballot register's
 * primary key on a keyed hash of the identity; the log line holds the choice, the voter's region at this
 * moment and a receipt only the voter is shown. Nothing stored links the two.
 */
export async function castVote(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  vote: { nominationId: string; practiceId: string },
  now = new Date(),
) {
  const contest = await loadContest(db, contestId);
  if (!votingOpenAt(contest.state, windowsOf(contest), now))
    throw fieldProblem(
      409,
      'voting-closed',
      'params.contestId',
      'voting is not open for this contest now',
      `state voting, between ${iso(contest.voting_open)} and ${iso(contest.voting_close)}`,
    );
  const identity = await q.voterIdentity(db, actor.userId);
  if (!identity || identity.kind !== 'citizen' || !identity.oidc_subject || !identity.identity_confirmed)
    throw new HttpProblem(403, 'identity-unconfirmed', 'Only a confirmed Госуслуги account may vote.', {
      errors: [
        {
          field: 'identity.confirmed',
          message: 'the account is not confirmed',
          expected: 'a confirmed Госуслуги account',
        },
      ],
    });
  if (!identity.registration_region)
    throw new HttpProblem(403, 'identity-unconfirmed', 'The account has no registration address region.', {
      errors: [
        {
          field: 'identity.registrationRegion',
          message: 'no region of the registration address',
          expected: 'a two-digit subject code from Госуслуги',
        },
      ],
    });
  const practice = await q.practiceById(db, contestId, vote.practiceId);
  if (!practice || !practice.shortlisted)
    throw fieldProblem(
      422,
      'invalid-field',
      'body.practiceId',
      'not a practice on the ballot',
      'a shortlisted practice',
    );
  if (practice.nomination_id !== vote.nominationId)
    throw fieldProblem(
      422,
      'invalid-field',
      'body.practiceId',
      `the practice belongs to nomination ${practice.nomination_id}`,
      `a practice of ${vote.nominationId}`,
    );
  const key = await q.voterKey(db, contestId);
  const voterHash = hmac(key, `voter\n${identity.oidc_subject}`);
  const nonce = crypto.randomBytes(32).toString('hex');
  const receipt = hmac(key, `receipt\n${nonce}`);
  const line = await inTransaction(db, async (tx) => {
    if (!(await q.insertBallot(tx, contestId, vote.nominationId, voterHash)))
      throw fieldProblem(
        409,
        'already-voted',
        'body.nominationId',
        'you have already voted in this nomination; votes cannot be changed',
      );
    const locked = await q.lockHeadForVote(tx, contestId);
    if (locked.state !== 'voting')
      throw fieldProblem(409, 'voting-closed', 'params.contestId', 'voting has closed');
    const sealed = appendVote(locked, {
      nomination: vote.nominationId,
      practice: vote.practiceId,
      voter_region: identity.registration_region!,
      receipt,
    });
    await q.appendLine(tx, contestId, sealed, now.toISOString().slice(0, 10));
    const last =
      locked.checkpoint_seq !== null && locked.checkpoint_at
        ? { seq: locked.checkpoint_seq, hash: '', at: iso(locked.checkpoint_at) }
        : undefined;
    if (checkpointDue(last, sealed.seq, now))
      await q.insertCheckpoint(tx, contestId, { seq: sealed.seq, hash: sealed.hash, at: now });
    return sealed;
  });
  return { contestId, nominationId: vote.nominationId, receipt, seq: line.seq };
}

/** Anyone holding a receipt checks that its vote is in the log; a forged one is not found. */
export async function checkReceipt(db: Db, contestId: string, receipt: string) {
  const contest = await loadContest(db, contestId);
  if (!publicFiles(contest.state).checkpoints) throw notFound('Receipt');
  const line = await q.lineByReceipt(db, contestId, receipt);
  if (!line)
    throw new HttpProblem(404, 'not-found', 'No vote with this receipt in the log.', {
      errors: [
        { field: 'params.receipt', message: 'not in the log', expected: 'the receipt shown after voting' },
      ],
    });
  const cps = await q.checkpoints(db, contestId);
  const annulled = !!(await q.annulmentOf(db, contestId, line.seq));
  return { receipt, seq: line.seq, checkpointed: cps.some((c) => c.seq >= line.seq), annulled };
}

/** The organiser annuls a vote (a flagged bot) with a reason: a later line of the log says so. */
export async function annul(
  db: Db,
  actor: Actor,
  contestId: string,
  seq: number,
  reason: string,
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const contest = await loadContest(tx, contestId, true);
    if (contest.state !== 'voting' && contest.state !== 'closed')
      throw fieldProblem(
        409,
        'not-open',
        'params.contestId',
        `votes cannot be annulled in state ${contest.state}`,
        'voting or closed',
      );
    const line = await q.lineBySeq(tx, contestId, seq);
    if (!line || line.annuls !== null)
      throw fieldProblem(404, 'not-found', 'params.seq', 'no vote with this number', 'the seq of a vote');
    if (await q.annulmentOf(tx, contestId, seq))
      throw fieldProblem(409, 'conflict', 'params.seq', 'the vote is already annulled');
    const head = await q.lockHead(tx, contestId);
    const sealed = appendAnnulment(head, { annuls: seq, reason });
    await q.appendLine(tx, contestId, sealed, now.toISOString().slice(0, 10));
    if (contest.state === 'closed')
      await q.insertCheckpoint(tx, contestId, { seq: sealed.seq, hash: sealed.hash, at: now });
    else await maybeCheckpoint(tx, contestId, sealed, now);
    await recordAudit(tx, actor, {
      action: 'contests.vote.annulled',
      subjectType: 'contest',
      subjectId: contestId,
      summary: { seq: sealed.seq, annuls: seq, reason },
    });
    return { seq: sealed.seq, annuls: seq };
  });
}

// Open data (spec vote-log.md)

export async function openContests(db: Db) {
  const rows = await q.listContests(db, true);
  return Promise.all(
    rows.map(async (c) => {
      const parts = await q.contestParts(db, c.id);
      return {
        id: c.id,
        title: c.title,
        state: c.state,
        voting_opens: iso(c.voting_open),
        voting_closes: iso(c.voting_close),
        nominations: parts.nominations.map((n) => ({
          id: n.id,
          title: n.title,
          direction: n.direction_code,
        })),
      };
    }),
  );
}

async function publishedContest(db: Db, contestId: string, file: 'checkpoints' | 'log') {
  const contest = await q.contestById(db, contestId);
  if (!contest || !publicFiles(contest.state)[file]) throw notFound('File');
  return contest;
}

export async function publishedCheckpoints(db: Db, contestId: string) {
  await publishedContest(db, contestId, 'checkpoints');
  return (await q.checkpoints(db, contestId)).map((c) => ({ seq: c.seq, hash: c.hash, at: iso(c.at) }));
}

function toLine(r: Awaited<ReturnType<typeof q.logLines>>[number]): LogLine {
  return r.annuls !== null
    ? { seq: r.seq, annuls: r.annuls, reason: r.reason!, prev: r.prev, hash: r.hash }
    : {
        seq: r.seq,
        nomination: r.nomination_id!,
        practice: r.practice_id!,
        voter_region: r.voter_region!,
        receipt: r.receipt!,
        prev: r.prev,
        hash: r.hash,
      };
}

export async function publishedLog(db: Db, contestId: string) {
  await publishedContest(db, contestId, 'log');
  const lines = (await q.logLines(db, contestId)).map(toLine);
  return lines.map((l) => `${serialiseLine(l)}\n`).join('');
}

export async function publishedResults(db: Db, contestId: string) {
  const contest = await publishedContest(db, contestId, 'log');
  const [lines, ballot, head] = await Promise.all([
    q.logLines(db, contestId),
    q.listPractices(db, contestId, { status: 'admitted' }),
    q.head(db, contestId),
  ]);
  const counted = tally(
    ballot.filter((p) => p.shortlisted).map((p) => ({ nomination: p.nomination_id, practice: p.id })),
    lines.map(toLine),
  );
  return {
    contest: contestId,
    closed_at: iso(contest.closed_at!),
    head: { seq: head!.seq, hash: head!.hash },
    totals: counted.totals,
    by_region: counted.by_region,
  };
}
