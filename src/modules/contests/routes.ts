import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  annulmentResultSchema,
  annulmentSchema,
  checkpointsSchema,
  conflictSchema,
  contestIdParams,
  contestListSchema,
  contestSchema,
  createContestSchema,
  documentSchema,
  moderationSchema,
  nominationsSchema,
  openContestsSchema,
  practiceInputSchema,
  practiceListQuerySchema,
  practiceListSchema,
  practiceParams,
  practiceSchema,
  proposalsQuerySchema,
  proposalsSchema,
  publicContestSchema,
  receiptCheckSchema,
  receiptParams,
  regionCodeSchema,
  resultsSchema,
  reviewSchema,
  scoresSchema,
  seqParams,
  shortlistSchema,
  transitionSchema,
  updateContestSchema,
  voteReceiptSchema,
  voteSchema,
} from '../../contracts/contests.js';
import { topicsSchema } from '../../contracts/feedback.js';
import type { AppContext } from '../../platform/app-context.js';
import { notFound, unauthorized } from '../../platform/http/problem.js';
import { actorOf } from '../../platform/http/request-actor.js';
import * as contests from './contest-service.js';
import { CONTEST_ACTIONS as A } from './permissions.js';
import * as practices from './practice-service.js';
import * as q from './queries.js';
import * as reviews from './review-service.js';
import * as votes from './vote-service.js';

const tags = ['contests'];

function signedIn(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId) throw unauthorized();
  return { ...actor, userId: actor.userId };
}

const manage = { permission: { action: A.manage } };
const score = { permission: { action: A.score } };
const submit = { permission: { action: A.submit } };

/**
 * Nominations proposed from the feedback service's most frequent appeal topics, read through its public
 * contract (`GET /api/feedback/topics`, src/contracts/feedback.ts) by an in-process request, so the
 * modules share no code; without that service (404, an error, another shape) the organiser types them in.
 */
async function topicProposals(app: FastifyInstance, query: { from: string; to: string; limit: number }) {
  const res = await app
    .inject({ method: 'GET', url: '/api/feedback/topics', query: { ...query, limit: String(query.limit) } })
    .catch(() => null);
  const parsed = res?.statusCode === 200 ? topicsSchema.safeParse(res.json()) : null;
  if (!parsed?.success) return { source: 'unavailable' as const, total: 0, proposals: [] };
  return {
    source: 'feedback' as const,
    total: parsed.data.total,
    proposals: parsed.data.topics.map((t) => ({
      topicCode: t.categoryCode,
      title: t.titleRu,
      count: t.count,
      share: t.share,
    })),
  };
}

export function contestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const rateLimit = { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' };
  // Per voter, not per address (many voters share a network): 30 votes a minute is beyond any person.
  const voteLimit = {
    max: 30,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `contest-vote:${request.principal?.userId ?? request.ip}`,
    allowList: () => false,
  };

  // The organiser

  r.get(
    '/api/staff/contests',
    {
      config: manage,
      schema: { tags, summary: 'Every contest, drafts included', response: { 200: contestListSchema } },
    },
    async () =>
      (await q.listContests(db, false)).map((c) => ({
        id: c.id,
        title: c.title,
        state: c.state,
        windows: contests.windowsOf(c),
      })),
  );
  r.post(
    '/api/staff/contests',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a contest (draft): directions, criteria with weights, windows',
        body: createContestSchema,
        response: { 201: contestSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contests.createContest(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/staff/contests/:contestId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A contest with its parts and the edits its state allows',
        params: contestIdParams,
        response: { 200: contestSchema },
      },
    },
    async (request) => contests.contestView(db, await contests.loadContest(db, request.params.contestId)),
  );
  r.patch(
    '/api/staff/contests/:contestId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit title, rules, windows, directions or criteria while their state allows',
        params: contestIdParams,
        body: updateContestSchema,
        response: { 200: contestSchema },
      },
    },
    async (request) => contests.updateContest(db, actorOf(request), request.params.contestId, request.body),
  );
  r.put(
    '/api/staff/contests/:contestId/nominations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the nominations (frozen once voting opens)',
        params: contestIdParams,
        body: nominationsSchema,
        response: { 200: contestSchema },
      },
    },
    async (request) => contests.setNominations(db, actorOf(request), request.params.contestId, request.body),
  );
  r.get(
    '/api/staff/contests/:contestId/nomination-proposals',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Nominations proposed from the most frequent appeal topics over a period',
        params: contestIdParams,
        querystring: proposalsQuerySchema,
        response: { 200: proposalsSchema },
      },
    },
    async (request) => {
      await contests.loadContest(db, request.params.contestId);
      return topicProposals(app, request.query);
    },
  );
  r.post(
    '/api/staff/contests/:contestId/transitions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move the contest to its next state',
        params: contestIdParams,
        body: transitionSchema,
        response: { 200: contestSchema },
      },
    },
    async (request) => contests.transition(db, actorOf(request), request.params.contestId, request.body.to),
  );
  r.get(
    '/api/staff/contests/:contestId/practices',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The practices submitted, by status and nomination',
        params: contestIdParams,
        querystring: practiceListQuerySchema,
        response: { 200: practiceListSchema },
      },
    },
    async (request) => practices.listPractices(db, request.params.contestId, request.query),
  );
  r.post(
    '/api/staff/contests/:contestId/practices/:practiceId/moderation',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Admit or reject a submitted practice, with a reason',
        params: practiceParams,
        body: moderationSchema,
        response: { 200: practiceSchema },
      },
    },
    async (request) =>
      practices.moderate(
        db,
        actorOf(request),
        request.params.contestId,
        request.params.practiceId,
        request.body,
      ),
  );
  r.put(
    '/api/staff/contests/:contestId/shortlist',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set one nomination's shortlist (frozen once voting opens)",
        params: contestIdParams,
        body: shortlistSchema,
        response: { 200: practiceListSchema },
      },
    },
    async (request) => practices.setShortlist(db, actorOf(request), request.params.contestId, request.body),
  );
  r.get(
    '/api/staff/contests/:contestId/scores',
    {
      config: manage,
      schema: {
        tags,
        summary: "The experts' weighted results per admitted practice",
        params: contestIdParams,
        response: { 200: reviewSchema },
      },
    },
    async (request) => reviews.review(db, request.params.contestId, signedIn(request).userId),
  );
  r.post(
    '/api/staff/contests/:contestId/votes/:seq/annulment',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Annul a vote with a reason (a later line of the log)',
        params: seqParams,
        body: annulmentSchema,
        response: { 201: annulmentResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await votes.annul(
            db,
            actorOf(request),
            request.params.contestId,
            request.params.seq,
            request.body.reason,
          ),
        ),
  );

  // Experts

  r.put(
    '/api/staff/contest-expert/profile',
    {
      config: score,
      schema: {
        tags,
        summary: "The expert's own region and organisation (practices from them are not theirs to score)",
        body: z.object({
          regionCode: regionCodeSchema,
          organisationId: z.number().int().positive().nullable(),
        }),
        response: { 200: z.object({ regionCode: z.string(), organisationId: z.number().nullable() }) },
      },
    },
    async (request) => reviews.setProfile(db, signedIn(request), request.body),
  );
  r.get(
    '/api/staff/contests/:contestId/review',
    {
      config: score,
      schema: {
        tags,
        summary: "The admitted practices with the caller's scores; results once all are in",
        params: contestIdParams,
        response: { 200: reviewSchema },
      },
    },
    async (request) => reviews.review(db, request.params.contestId, signedIn(request).userId),
  );
  r.put(
    '/api/staff/contests/:contestId/practices/:practiceId/scores',
    {
      config: score,
      schema: {
        tags,
        summary: 'Score a practice on every criterion',
        params: practiceParams,
        body: scoresSchema,
        response: { 200: z.object({ practiceId: z.string(), scored: z.number() }) },
      },
    },
    async (request) =>
      reviews.score(db, signedIn(request), request.params.contestId, request.params.practiceId, request.body),
  );
  r.post(
    '/api/staff/contests/:contestId/practices/:practiceId/conflict',
    {
      config: score,
      schema: {
        tags,
        summary: 'Declare a conflict of interest with a practice',
        params: practiceParams,
        body: conflictSchema,
        response: { 200: z.object({ practiceId: z.string(), declared: z.boolean() }) },
      },
    },
    async (request) =>
      reviews.declareConflict(
        db,
        signedIn(request),
        request.params.contestId,
        request.params.practiceId,
        request.body.reason,
      ),
  );

  // Applicants

  const submitFlag = z.object({ submit: z.enum(['true', 'false']).default('false') });
  r.get(
    '/api/my/contest-practices',
    {
      config: submit,
      schema: {
        tags,
        summary: "The caller's practices, drafts included",
        response: { 200: practiceListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return practices.myPractices(db, signedIn(request).userId);
    },
  );
  r.post(
    '/api/contests/:contestId/practices',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Save a practice as a draft, or submit it (?submit=true)',
        params: contestIdParams,
        querystring: submitFlag,
        body: practiceInputSchema,
        response: { 201: practiceSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await practices.createPractice(
            db,
            signedIn(request),
            request.params.contestId,
            request.body,
            request.query.submit === 'true',
          ),
        ),
  );
  r.put(
    '/api/contests/:contestId/practices/:practiceId',
    {
      config: submit,
      schema: {
        tags,
        summary: "Save one's draft again, or submit it (?submit=true)",
        params: practiceParams,
        querystring: submitFlag,
        body: practiceInputSchema,
        response: { 200: practiceSchema },
      },
    },
    async (request) =>
      practices.updateDraft(
        db,
        signedIn(request),
        request.params.contestId,
        request.params.practiceId,
        request.body,
        request.query.submit === 'true',
      ),
  );
  r.post(
    '/api/contests/:contestId/practices/:practiceId/documents',
    {
      config: submit,
      schema: {
        tags,
        summary: 'Attach a PDF document or a PNG/JPEG photo to a draft (checked by content)',
        params: practiceParams,
        body: documentSchema,
        response: { 201: practiceSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await practices.addDocument(
            db,
            signedIn(request),
            request.params.contestId,
            request.params.practiceId,
            request.body,
          ),
        ),
  );

  // Voters and the public

  r.get(
    '/api/contests',
    {
      config: { permission: 'public', rateLimit },
      schema: { tags, summary: 'Contests past their draft', response: { 200: openContestsSchema } },
    },
    async () => votes.openContests(db),
  );
  r.get(
    '/api/contests/:contestId',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'A contest with its nominations and, from voting, its ballot',
        params: contestIdParams,
        response: { 200: publicContestSchema },
      },
    },
    async (request) => {
      const row = await q.contestById(db, request.params.contestId);
      if (!row || row.state === 'draft') throw notFound('Contest');
      const view = await contests.contestView(db, row);
      const onBallot = ['voting', 'closed', 'published'].includes(row.state)
        ? (await q.listPractices(db, row.id, { status: 'admitted' })).filter((p) => p.shortlisted)
        : [];
      const { permittedActions: _omit, ...rest } = view;
      return {
        ...rest,
        ballot: onBallot.map((p) => ({
          nominationId: p.nomination_id,
          practiceId: p.id,
          title: p.title,
          regionCode: p.region_code,
        })),
      };
    },
  );
  r.get(
    '/api/contests/:contestId/practices/:practiceId',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'An admitted practice',
        params: practiceParams,
        response: { 200: practiceSchema },
      },
    },
    async (request) => practices.publicPractice(db, request.params.contestId, request.params.practiceId),
  );
  r.post(
    '/api/contests/:contestId/votes',
    {
      config: { permission: { action: A.vote }, rateLimit: voteLimit },
      schema: {
        tags,
        summary: 'Vote for a practice of a nomination (once; a receipt is shown)',
        params: contestIdParams,
        body: voteSchema,
        response: { 201: voteReceiptSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return reply
        .status(201)
        .send(await votes.castVote(db, signedIn(request), request.params.contestId, request.body));
    },
  );
  r.get(
    '/api/contests/:contestId/receipts/:receipt',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Check that a receipt is in the vote log',
        params: receiptParams,
        response: { 200: receiptCheckSchema },
      },
    },
    async (request) => votes.checkReceipt(db, request.params.contestId, request.params.receipt),
  );

  // Open data (spec vote-log.md)

  const open = { permission: 'public' as const, rateLimit };
  r.get(
    '/open-data/contests.json',
    {
      config: open,
      schema: { tags, summary: 'Every contest past its draft', response: { 200: openContestsSchema } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return votes.openContests(db);
    },
  );
  r.get(
    '/open-data/contests/:contestId/checkpoints.json',
    {
      config: open,
      schema: {
        tags,
        summary: "The vote log's checkpoints (from voting)",
        params: contestIdParams,
        response: { 200: checkpointsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return votes.publishedCheckpoints(db, request.params.contestId);
    },
  );
  r.get(
    '/open-data/contests/:contestId/votes.jsonl',
    {
      config: open,
      schema: {
        tags,
        summary: 'The vote log, one JSON line per vote or annulment (from closed)',
        params: contestIdParams,
      },
    },
    async (request, reply) => {
      const body = await votes.publishedLog(db, request.params.contestId);
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/x-ndjson; charset=utf-8')
        .send(body);
    },
  );
  r.get(
    '/open-data/contests/:contestId/results.json',
    {
      config: open,
      schema: {
        tags,
        summary: 'Totals and votes by voter region (from closed)',
        params: contestIdParams,
        response: { 200: resultsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return votes.publishedResults(db, request.params.contestId);
    },
  );
}
