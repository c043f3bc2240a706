import type { z } from 'zod';
import type { reviewItemSchema } from '../../contracts/contests.js';
import { recordAudit, type Actor } from '../../platform/audit/audit-log.js';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Executor } from '../../platform/db/transaction.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { fieldProblem, loadContest } from './contest-service.js';
import {
  eligibility,
  expertWeighted,
  practiceResult,
  type Criterion,
  type ExpertFacts,
} from './domain/expert-review.js';
import * as q from './queries.js';

type ReviewItem = z.infer<typeof reviewItemSchema>;

/**
 * The admitted practices with the caller's own scores; the weighted result is shown to an expert only
 * once every eligible expert has scored the practice (to the organiser too).
 */
export async function review(db: Db, contestId: string, caller: string): Promise<ReviewItem[]> {
  await loadContest(db, contestId);
  const [practices, parts, experts, conflicts, scores] = await Promise.all([
    q.listPractices(db, contestId, { status: 'admitted' }),
    q.contestParts(db, contestId),
    q.experts(db),
    q.conflictsOf(db, contestId),
    q.scoresOf(db, contestId),
  ]);
  const criteria: Criterion[] = parts.criteria.map((c) => ({
    code: c.code,
    weight: c.weight,
    maxScore: c.max_score,
  }));
  const conflictSet = new Set(conflicts.map((c) => `${c.practice_id}\u0000${c.expert_user_id}`));
  const byKey = new Map<string, Map<string, number>>();
  for (const s of scores) {
    const key = `${s.practice_id}\u0000${s.expert_user_id}`;
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key)!.set(s.criterion_code, s.score);
  }
  const panel: ExpertFacts[] = experts.map((e) => ({
    userId: e.user_id,
    regionCode: e.region_code ?? null,
    organisationId: e.organisation_id ?? null,
  }));
  const me = panel.find((e) => e.userId === caller) ?? {
    userId: caller,
    regionCode: null,
    organisationId: null,
  };
  return practices.map((p) => {
    const facts = { id: p.id, regionCode: p.region_code, organisationId: p.organisation_id };
    const eligible = panel.filter((e) => eligibility(e, facts, conflictSet) === 'open');
    const result = practiceResult(
      eligible.map((e) => expertWeighted(criteria, byKey.get(`${p.id}\u0000${e.userId}`) ?? new Map())),
    );
    const mine = byKey.get(`${p.id}\u0000${caller}`) ?? new Map<string, number>();
    const status = eligibility(me, facts, conflictSet);
    return {
      practiceId: p.id,
      nominationId: p.nomination_id,
      title: p.title,
      regionCode: p.region_code,
      myStatus: status === 'open' && mine.size > 0 ? 'scored' : status,
      myScores: [...mine].map(([criterion, score]) => ({ criterion, score })),
      weighted: result.weighted,
      expertsIn: result.in,
      expertsDue: result.due,
      shortlisted: p.shortlisted,
    };
  });
}

async function scorable(db: Executor, contestId: string, practiceId: string) {
  const contest = await loadContest(db, contestId, true);
  if (contest.state !== 'review')
    throw fieldProblem(
      409,
      'not-open',
      'params.contestId',
      `expert review is not open (state ${contest.state})`,
      'review',
    );
  const p = await q.practiceById(db, contestId, practiceId);
  if (!p || p.status !== 'admitted') throw notFound('Practice');
  return p;
}

/** An expert's scores on every criterion of one practice; refused on their own region or organisation. */
export async function score(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  practiceId: string,
  input: { scores: { criterion: string; score: number }[]; comment: string | null },
) {
  return inTransaction(db, async (tx) => {
    const p = await scorable(tx, contestId, practiceId);
    const profile = await q.expertProfile(tx, actor.userId);
    if (!profile)
      throw fieldProblem(
        409,
        'profile-missing',
        'expert.regionCode',
        'declare your region and organisation first',
        'PUT /api/staff/contest-expert/profile',
      );
    const conflicts = new Set(
      (await q.conflictsOf(tx, contestId)).map((c) => `${c.practice_id}\u0000${c.expert_user_id}`),
    );
    const who = {
      userId: actor.userId,
      regionCode: profile.region_code,
      organisationId: profile.organisation_id,
    };
    const status = eligibility(
      who,
      { id: p.id, regionCode: p.region_code, organisationId: p.organisation_id },
      conflicts,
    );
    if (status !== 'open') {
      const messages = {
        own_region: `the practice comes from your own region (${p.region_code})`,
        own_organisation: 'the practice comes from your own organisation',
        conflict: 'you declared a conflict of interest with this practice',
      };
      throw new HttpProblem(403, 'conflict-of-interest', messages[status], {
        errors: [
          {
            field: 'params.practiceId',
            message: messages[status],
            expected: 'a practice of another region and organisation',
          },
        ],
      });
    }
    const { criteria } = await q.contestParts(tx, contestId);
    const given = new Map(input.scores.map((s) => [s.criterion, s.score]));
    if (given.size !== input.scores.length)
      throw fieldProblem(422, 'invalid-field', 'body.scores', 'a criterion is scored twice');
    for (const c of criteria) {
      const s = given.get(c.code);
      if (s === undefined)
        throw fieldProblem(
          422,
          'invalid-field',
          'body.scores',
          `criterion ${c.code} is not scored`,
          criteria.map((x) => x.code).join(', '),
        );
      if (s > c.max_score)
        throw fieldProblem(
          422,
          'invalid-field',
          'body.scores',
          `criterion ${c.code} is scored above ${c.max_score}`,
        );
    }
    for (const code of given.keys())
      if (!criteria.some((c) => c.code === code))
        throw fieldProblem(422, 'invalid-field', 'body.scores', `no criterion ${code} in this contest`);
    await q.replaceScores(tx, { contestId, practiceId, expert: actor.userId }, input.scores, input.comment);
    await recordAudit(tx, actor, {
      action: 'contests.practice.scored',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${practiceId}`,
      summary: { criteria: input.scores.length },
    });
    return { practiceId, scored: input.scores.length };
  });
}

export async function declareConflict(
  db: Db,
  actor: Actor & { userId: string },
  contestId: string,
  practiceId: string,
  reason: string,
) {
  return inTransaction(db, async (tx) => {
    const p = await q.practiceById(tx, contestId, practiceId);
    if (!p || p.status !== 'admitted') throw notFound('Practice');
    await tx
      .insertInto('contest_expert_conflict')
      .values({ contest_id: contestId, practice_id: practiceId, expert_user_id: actor.userId, reason })
      .onConflict((oc) => oc.columns(['contest_id', 'practice_id', 'expert_user_id']).doUpdateSet({ reason }))
      .execute();
    // A conflicted expert's scores no longer count.
    await tx
      .deleteFrom('contest_score')
      .where('contest_id', '=', contestId)
      .where('practice_id', '=', practiceId)
      .where('expert_user_id', '=', actor.userId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'contests.expert.conflict_declared',
      subjectType: 'contest_practice',
      subjectId: `${contestId}/${practiceId}`,
      summary: { reason },
    });
    return { practiceId, declared: true };
  });
}

export async function setProfile(
  db: Db,
  actor: Actor & { userId: string },
  p: { regionCode: string; organisationId: number | null },
) {
  return inTransaction(db, async (tx) => {
    if (p.organisationId !== null && !(await q.organisationExists(tx, p.organisationId)))
      throw fieldProblem(422, 'invalid-field', 'body.organisationId', 'no such organisation');
    await tx
      .insertInto('contest_expert_profile')
      .values({ user_id: actor.userId, region_code: p.regionCode, organisation_id: p.organisationId })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ region_code: p.regionCode, organisation_id: p.organisationId }),
      )
      .execute();
    await recordAudit(tx, actor, {
      action: 'contests.expert.profile_set',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: { regionCode: p.regionCode, organisationId: p.organisationId },
    });
    return p;
  });
}
