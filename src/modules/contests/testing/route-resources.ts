import crypto from 'node:crypto';
import type { RouteResourceMaker } from '../../../app/testing/route-resources.js';
import type { Db } from '../../../platform/db/database.js';
import { appendVote, ZERO_HASH } from '../domain/vote-log.js';

let made = 0;

/**
 * A contest in voting with one direction, one nomination, two weighted criteria and one shortlisted
 * practice, and one vote in its log (seq 1, its receipt): every contests route can be called on it.
 */
export async function votingContest(
  db: Db,
  submittedBy: string | null,
  id = `rr-${++made}-${crypto.randomInt(1e6)}`,
) {
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  await db
    .insertInto('contest')
    .values({
      id,
      title: 'Лучшие практики',
      rules: 'Правила конкурса',
      state: 'voting',
      submissions_open: day(-30),
      submissions_close: day(-20),
      review_open: day(-19),
      review_close: day(-10),
      voting_open: day(-1),
      voting_close: day(30),
    })
    .execute();
  await db
    .insertInto('contest_secret')
    .values({ contest_id: id, voter_key: crypto.randomBytes(32).toString('hex') })
    .execute();
  await db
    .insertInto('contest_direction')
    .values({ contest_id: id, code: 'social', title: 'Социальная политика' })
    .execute();
  await db
    .insertInto('contest_nomination')
    .values({ contest_id: id, id: 'n-01', direction_code: 'social', title: 'Поддержка семей', position: 0 })
    .execute();
  await db
    .insertInto('contest_criterion')
    .values([
      { contest_id: id, code: 'effect', title: 'Эффект', weight: 60 },
      { contest_id: id, code: 'scale', title: 'Тиражируемость', weight: 40 },
    ])
    .execute();
  await db
    .insertInto('contest_practice')
    .values({
      contest_id: id,
      id: 'p-0001',
      nomination_id: 'n-01',
      submitted_by: submittedBy,
      submitter_kind: 'regional_team',
      region_code: '43',
      title: 'Семейный МФЦ',
      problem: 'Долгое оформление пособий',
      solution: 'Одно окно для семей',
      results: 'Срок сократился вдвое',
      result_figures: '[]',
      period_from: '2025-01-01',
      period_to: '2025-12-31',
      status: 'admitted',
      shortlisted: true,
    })
    .execute();
  const receipt = crypto.randomBytes(32).toString('hex');
  const line = appendVote(
    { seq: 0, hash: ZERO_HASH },
    { nomination: 'n-01', practice: 'p-0001', voter_region: '43', receipt },
  );
  await db
    .insertInto('contest_vote_log')
    .values({
      contest_id: id,
      seq: 1,
      nomination_id: 'n-01',
      practice_id: 'p-0001',
      voter_region: '43',
      receipt,
      prev: line.prev,
      hash: line.hash,
      day: new Date().toISOString().slice(0, 10),
    })
    .execute();
  await db.insertInto('contest_log_head').values({ contest_id: id, seq: 1, hash: line.hash }).execute();
  return { contestId: id, practiceId: 'p-0001', receipt, seq: '1' };
}

const practiceBody = {
  nominationId: 'n-01',
  submitterKind: 'organisation',
  regionCode: '43',
  title: 'Практика',
  problem: 'Проблема',
  solution: 'Решение',
  periodFrom: '2025-01-01',
};

export const contestsRouteResources: RouteResourceMaker = {
  name: 'contests',
  params: ['contestId', 'practiceId', 'receipt', 'seq'],
  async create(db, f) {
    return votingContest(db, f.users.citizen1);
  },
  examples: {
    'POST /api/staff/contests': () => ({
      body: {
        id: `c-${crypto.randomInt(1e9)}`,
        title: 'Конкурс',
        windows: {
          submissionsOpen: '2027-01-01T00:00:00Z',
          submissionsClose: '2027-02-01T00:00:00Z',
          reviewOpen: '2027-02-02T00:00:00Z',
          reviewClose: '2027-03-01T00:00:00Z',
          votingOpen: '2027-03-02T00:00:00Z',
          votingClose: '2027-04-01T00:00:00Z',
        },
        directions: [{ code: 'social', title: 'Социальная политика' }],
      },
    }),
    'PATCH /api/staff/contests/:contestId': () => ({ body: { title: 'Новое название' } }),
    'PUT /api/staff/contests/:contestId/nominations': () => ({
      body: { nominations: [{ id: 'n-01', directionCode: 'social', title: 'Поддержка семей' }] },
    }),
    'GET /api/staff/contests/:contestId/nomination-proposals': () => ({
      query: { from: '2026-01-01', to: '2026-12-31' },
    }),
    'POST /api/staff/contests/:contestId/transitions': () => ({ body: { to: 'closed' } }),
    'POST /api/staff/contests/:contestId/practices/:practiceId/moderation': () => ({
      body: { decision: 'admit', reason: 'Соответствует условиям' },
    }),
    'PUT /api/staff/contests/:contestId/shortlist': () => ({
      body: { nominationId: 'n-01', practiceIds: ['p-0001'] },
    }),
    'POST /api/staff/contests/:contestId/votes/:seq/annulment': () => ({ body: { reason: 'Голос бота' } }),
    'PUT /api/staff/contest-expert/profile': () => ({ body: { regionCode: '77', organisationId: null } }),
    'PUT /api/staff/contests/:contestId/practices/:practiceId/scores': () => ({
      body: {
        scores: [
          { criterion: 'effect', score: 8 },
          { criterion: 'scale', score: 6 },
        ],
      },
    }),
    'POST /api/staff/contests/:contestId/practices/:practiceId/conflict': () => ({
      body: { reason: 'Работал там' },
    }),
    'POST /api/contests/:contestId/practices': () => ({ body: practiceBody }),
    'PUT /api/contests/:contestId/practices/:practiceId': () => ({ body: practiceBody }),
    'POST /api/contests/:contestId/practices/:practiceId/documents': () => ({
      body: { name: 'отчёт.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
    }),
    'POST /api/contests/:contestId/votes': () => ({ body: { nominationId: 'n-01', practiceId: 'p-0001' } }),
  },
};
