import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/transaction.js';

// The contests module's SQL (migrations/0018_contests.sql).

export async function contestById(db: Executor, id: string, forUpdate = false) {
  let q = db.selectFrom('contest').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ContestRow = NonNullable<Awaited<ReturnType<typeof contestById>>>;

export async function listContests(db: Executor, publicOnly: boolean) {
  let q = db.selectFrom('contest').selectAll().orderBy('voting_open', 'desc').orderBy('id');
  if (publicOnly) q = q.where('state', '<>', 'draft');
  return q.execute();
}

export async function contestParts(db: Executor, contestId: string) {
  const [directions, criteria, nominations] = await Promise.all([
    db
      .selectFrom('contest_direction')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('contest_criterion')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('contest_nomination')
      .selectAll()
      .where('contest_id', '=', contestId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return { directions, criteria, nominations };
}

export async function insertContest(
  tx: Executor,
  row: {
    id: string;
    title: string;
    rules: string;
    windows: Record<string, string>;
    createdBy: string | null;
    voterKey: string;
  },
) {
  const w = row.windows;
  await tx
    .insertInto('contest')
    .values({
      id: row.id,
      title: row.title,
      rules: row.rules,
      submissions_open: w.submissionsOpen!,
      submissions_close: w.submissionsClose!,
      review_open: w.reviewOpen!,
      review_close: w.reviewClose!,
      voting_open: w.votingOpen!,
      voting_close: w.votingClose!,
      created_by: row.createdBy,
    })
    .execute();
  await tx.insertInto('contest_secret').values({ contest_id: row.id, voter_key: row.voterKey }).execute();
  await tx.insertInto('contest_log_head').values({ contest_id: row.id }).execute();
}

export async function updateContestFields(
  tx: Executor,
  id: string,
  f: { title?: string; rules?: string; windows?: Record<string, string>; state?: string; closedAt?: Date },
) {
  const w = f.windows;
  await tx
    .updateTable('contest')
    .set({
      ...(f.title !== undefined ? { title: f.title } : {}),
      ...(f.rules !== undefined ? { rules: f.rules } : {}),
      ...(w
        ? {
            submissions_open: w.submissionsOpen!,
            submissions_close: w.submissionsClose!,
            review_open: w.reviewOpen!,
            review_close: w.reviewClose!,
            voting_open: w.votingOpen!,
            voting_close: w.votingClose!,
          }
        : {}),
      ...(f.state !== undefined ? { state: f.state as never } : {}),
      ...(f.closedAt !== undefined ? { closed_at: f.closedAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Replaces directions (those nominations use stay), criteria or nominations wholesale. */
export async function replaceDirections(
  tx: Executor,
  contestId: string,
  rows: { code: string; title: string }[],
) {
  for (const d of rows) {
    await tx
      .insertInto('contest_direction')
      .values({ contest_id: contestId, code: d.code, title: d.title })
      .onConflict((oc) => oc.columns(['contest_id', 'code']).doUpdateSet({ title: d.title }))
      .execute();
  }
  const keep = rows.map((d) => d.code);
  await tx
    .deleteFrom('contest_direction')
    .where('contest_id', '=', contestId)
    .where('code', 'not in', keep)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contest_nomination as n')
            .select('n.id')
            .whereRef('n.contest_id', '=', 'contest_direction.contest_id')
            .whereRef('n.direction_code', '=', 'contest_direction.code'),
        ),
      ),
    )
    .execute();
}

export async function replaceCriteria(
  tx: Executor,
  contestId: string,
  rows: { code: string; title: string; weight: number; maxScore: number }[],
) {
  await tx.deleteFrom('contest_criterion').where('contest_id', '=', contestId).execute();
  if (rows.length === 0) return;
  await tx
    .insertInto('contest_criterion')
    .values(
      rows.map((c) => ({
        contest_id: contestId,
        code: c.code,
        title: c.title,
        weight: c.weight,
        max_score: c.maxScore,
      })),
    )
    .execute();
}

export async function nominationsInUse(tx: Executor, contestId: string) {
  const rows = await tx
    .selectFrom('contest_practice')
    .select('nomination_id')
    .distinct()
    .where('contest_id', '=', contestId)
    .execute();
  return rows.map((r) => r.nomination_id);
}

export async function replaceNominations(
  tx: Executor,
  contestId: string,
  rows: {
    id: string;
    directionCode: string;
    title: string;
    topicCode: string | null;
    topicCount: number | null;
    topicShare: number | null;
  }[],
) {
  for (const [position, n] of rows.entries()) {
    const values = {
      direction_code: n.directionCode,
      title: n.title,
      position,
      topic_code: n.topicCode,
      topic_count: n.topicCount,
      topic_share: n.topicShare,
    };
    await tx
      .insertInto('contest_nomination')
      .values({ contest_id: contestId, id: n.id, ...values })
      .onConflict((oc) => oc.columns(['contest_id', 'id']).doUpdateSet(values))
      .execute();
  }
  const keep = rows.map((n) => n.id);
  let del = tx.deleteFrom('contest_nomination').where('contest_id', '=', contestId);
  if (keep.length > 0) del = del.where('id', 'not in', keep);
  await del.execute();
}

export async function shortlistedCount(tx: Executor, contestId: string) {
  const row = await tx
    .selectFrom('contest_practice')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contest_id', '=', contestId)
    .where('shortlisted', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Practices

export async function practiceById(db: Executor, contestId: string, id: string, forUpdate = false) {
  let q = db
    .selectFrom('contest_practice')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type PracticeRow = NonNullable<Awaited<ReturnType<typeof practiceById>>>;

export async function listPractices(
  db: Executor,
  contestId: string,
  f: { status?: string; nominationId?: string; submittedBy?: string; statuses?: string[] },
) {
  let q = db.selectFrom('contest_practice').selectAll().where('contest_id', '=', contestId);
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.statuses) q = q.where('status', 'in', f.statuses as never[]);
  if (f.nominationId) q = q.where('nomination_id', '=', f.nominationId);
  if (f.submittedBy) q = q.where('submitted_by', '=', f.submittedBy);
  return q.orderBy('nomination_id').orderBy('id').execute();
}

export async function myPractices(db: Executor, userId: string) {
  return db
    .selectFrom('contest_practice')
    .selectAll()
    .where('submitted_by', '=', userId)
    .orderBy('contest_id')
    .orderBy('id')
    .execute();
}

export async function documentsOf(db: Executor, contestId: string, practiceIds: string[]) {
  if (practiceIds.length === 0) return [];
  return db
    .selectFrom('contest_practice_file')
    .select(['id', 'practice_id', 'name', 'media_type'])
    .where('contest_id', '=', contestId)
    .where('practice_id', 'in', practiceIds)
    .orderBy('id')
    .execute();
}

/** The next practice number of a contest; called with the contest row locked. */
export async function nextPracticeId(tx: Executor, contestId: string) {
  const row = await tx
    .selectFrom('contest_practice')
    .select(sql<number>`coalesce(max(substring(id from 3)::int), 0)`.as('n'))
    .where('contest_id', '=', contestId)
    .executeTakeFirstOrThrow();
  return `p-${String(Number(row.n) + 1).padStart(4, '0')}`;
}

export function practiceValues(p: {
  nominationId: string;
  submitterKind: 'regional_team' | 'organisation' | 'ngo' | 'business';
  organisationId: number | null;
  regionCode: string;
  title: string;
  problem: string;
  solution: string;
  results: string;
  resultFigures: unknown[];
  periodFrom: string | null;
  periodTo: string | null;
  worksAt: string[];
  contacts: string;
}) {
  return {
    nomination_id: p.nominationId,
    submitter_kind: p.submitterKind,
    organisation_id: p.organisationId,
    region_code: p.regionCode,
    title: p.title,
    problem: p.problem,
    solution: p.solution,
    results: p.results,
    result_figures: JSON.stringify(p.resultFigures),
    period_from: p.periodFrom,
    period_to: p.periodTo,
    works_at: p.worksAt,
    contacts: p.contacts,
  };
}

export async function organisationExists(db: Executor, id: number) {
  return !!(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst());
}

// Review

export async function expertProfile(db: Executor, userId: string) {
  return db.selectFrom('contest_expert_profile').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Every holder of the expert role, with where they come from (for «all scores in»). */
export async function experts(db: Executor) {
  return db
    .selectFrom('role_assignment as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .leftJoin('contest_expert_profile as p', 'p.user_id', 'r.user_id')
    .select(['r.user_id', 'p.region_code', 'p.organisation_id'])
    .where('r.role', '=', 'contest_expert')
    .where('u.disabled_at', 'is', null)
    .distinct()
    .execute();
}

export async function conflictsOf(db: Executor, contestId: string) {
  return db.selectFrom('contest_expert_conflict').selectAll().where('contest_id', '=', contestId).execute();
}

export async function scoresOf(db: Executor, contestId: string) {
  return db.selectFrom('contest_score').selectAll().where('contest_id', '=', contestId).execute();
}

export async function replaceScores(
  tx: Executor,
  key: { contestId: string; practiceId: string; expert: string },
  scores: { criterion: string; score: number }[],
  comment: string | null,
) {
  await tx
    .deleteFrom('contest_score')
    .where('contest_id', '=', key.contestId)
    .where('practice_id', '=', key.practiceId)
    .where('expert_user_id', '=', key.expert)
    .execute();
  await tx
    .insertInto('contest_score')
    .values(
      scores.map((s) => ({
        contest_id: key.contestId,
        practice_id: key.practiceId,
        expert_user_id: key.expert,
        criterion_code: s.criterion,
        score: s.score,
        comment,
      })),
    )
    .execute();
}

// Voting

export async function voterKey(db: Executor, contestId: string) {
  const row = await db
    .selectFrom('contest_secret')
    .select('voter_key')
    .where('contest_id', '=', contestId)
    .executeTakeFirstOrThrow();
  return row.voter_key;
}

export async function voterIdentity(db: Executor, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['oidc_subject', 'identity_confirmed', 'registration_region', 'kind'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** One person, one vote per nomination: the unique key refuses the second; true when inserted. */
export async function insertBallot(tx: Executor, contestId: string, nominationId: string, voterHash: string) {
  const res = await tx
    .insertInto('contest_ballot')
    .values({ contest_id: contestId, nomination_id: nominationId, voter_hash: voterHash })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function lockHead(tx: Executor, contestId: string) {
  return tx
    .selectFrom('contest_log_head')
    .select(['seq', 'hash'])
    .where('contest_id', '=', contestId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * The head locked for an append, with the contest's state and the last checkpoint read in the same
 * round trip: the lock serialises every append of a contest, so its critical section stays short.
 */
export async function lockHeadForVote(tx: Executor, contestId: string) {
  return tx
    .selectFrom('contest_log_head as h')
    .innerJoin('contest as c', 'c.id', 'h.contest_id')
    .select((eb) => [
      'h.seq',
      'h.hash',
      'c.state',
      eb
        .selectFrom('contest_checkpoint as k')
        .select('k.seq')
        .whereRef('k.contest_id', '=', 'h.contest_id')
        .orderBy('k.seq', 'desc')
        .limit(1)
        .as('checkpoint_seq'),
      eb
        .selectFrom('contest_checkpoint as k')
        .select('k.at')
        .whereRef('k.contest_id', '=', 'h.contest_id')
        .orderBy('k.seq', 'desc')
        .limit(1)
        .as('checkpoint_at'),
    ])
    .where('h.contest_id', '=', contestId)
    .forUpdate('h')
    .executeTakeFirstOrThrow();
}

export async function appendLine(
  tx: Executor,
  contestId: string,
  line: {
    seq: number;
    nomination?: string;
    practice?: string;
    voter_region?: string;
    receipt?: string;
    annuls?: number;
    reason?: string;
    prev: string;
    hash: string;
  },
  day: string,
) {
  await tx
    .insertInto('contest_vote_log')
    .values({
      contest_id: contestId,
      seq: line.seq,
      nomination_id: line.nomination ?? null,
      practice_id: line.practice ?? null,
      voter_region: line.voter_region ?? null,
      receipt: line.receipt ?? null,
      annuls: line.annuls ?? null,
      reason: line.reason ?? null,
      prev: line.prev,
      hash: line.hash,
      day,
    })
    .execute();
  await tx
    .updateTable('contest_log_head')
    .set({ seq: line.seq, hash: line.hash })
    .where('contest_id', '=', contestId)
    .execute();
}

export async function head(db: Executor, contestId: string) {
  return db
    .selectFrom('contest_log_head')
    .select(['seq', 'hash'])
    .where('contest_id', '=', contestId)
    .executeTakeFirst();
}

export async function logLines(db: Executor, contestId: string) {
  return db
    .selectFrom('contest_vote_log')
    .select([
      'seq',
      'nomination_id',
      'practice_id',
      'voter_region',
      'receipt',
      'annuls',
      'reason',
      'prev',
      'hash',
    ])
    .where('contest_id', '=', contestId)
    .orderBy('seq')
    .execute();
}

export async function lineBySeq(db: Executor, contestId: string, seq: number) {
  return db
    .selectFrom('contest_vote_log')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export async function lineByReceipt(db: Executor, contestId: string, receipt: string) {
  return db
    .selectFrom('contest_vote_log')
    .select(['seq'])
    .where('contest_id', '=', contestId)
    .where('receipt', '=', receipt)
    .executeTakeFirst();
}

export async function annulmentOf(db: Executor, contestId: string, seq: number) {
  return db
    .selectFrom('contest_vote_log')
    .select('seq')
    .where('contest_id', '=', contestId)
    .where('annuls', '=', seq)
    .executeTakeFirst();
}

export async function checkpoints(db: Executor, contestId: string) {
  return db
    .selectFrom('contest_checkpoint')
    .select(['seq', 'hash', 'at'])
    .where('contest_id', '=', contestId)
    .orderBy('seq')
    .execute();
}

export async function insertCheckpoint(
  tx: Executor,
  contestId: string,
  c: { seq: number; hash: string; at: Date },
) {
  await tx
    .insertInto('contest_checkpoint')
    .values({ contest_id: contestId, seq: c.seq, hash: c.hash, at: c.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function contestsInState(db: Db, states: string[]) {
  return db
    .selectFrom('contest')
    .select(['id', 'state'])
    .where('state', 'in', states as never[])
    .execute();
}
