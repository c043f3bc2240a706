import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  myRatableSchema,
  ratingAnswerRequestSchema,
  ratingIdParams,
  ratingListQuerySchema,
  ratingListSchema,
  ratingRequestSchema,
  ratingSchema,
  ratingSummaryQuerySchema,
  ratingSummarySchema,
  requestIdParams,
} from '../../../contracts/life-situations.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Scope } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { LIFE_ACTIONS } from '../permissions.js';
import * as q from './queries.js';
import * as service from './service.js';

const tags = ['ratings'];

function signedIn(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId) throw unauthorized();
  return { ...actor, userId: actor.userId };
}

/** A request of the registry belongs to its owner; another family's answers 404 as for none. */
function requestScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { requestId } = request.params as { requestId: number };
    const owner = await service.requestOwner(db, requestId, request.principal?.userId ?? null);
    return { ownerUserId: owner, personal: 'Request' };
  };
}

/** A rating belongs to the organisation that gave the service, and its municipality. */
function ratingScope(db: Db) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { ratingId } = request.params as { ratingId: number };
    const row = await q.ratingScope(db, ratingId);
    if (!row) throw notFound('Rating');
    return { organisationId: row.organisation_id, municipalityId: row.municipality_id };
  };
}

/** «Ваш контроль»: a family rates a finished request, the organisation answers, everyone sees the results. */
export function ratingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get(
    '/api/my/ratings',
    {
      config: { permission: { action: LIFE_ACTIONS.rate } },
      schema: {
        tags,
        summary: "The signed-in family's finished requests, each with its rating if given",
        response: { 200: myRatableSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.myRatable(db, signedIn(request).userId);
    },
  );

  r.post(
    '/api/my/requests/:requestId/rating',
    {
      config: { permission: { action: LIFE_ACTIONS.rate, scope: requestScope(db) } },
      schema: {
        tags,
        summary: 'Rate a finished request on the five «Ваш контроль» criteria (1–5 each) with a comment',
        params: requestIdParams,
        body: ratingRequestSchema,
        response: { 201: ratingSchema },
      },
    },
    async (request, reply) => {
      const rating = await service.rate(
        db,
        ctx.families,
        signedIn(request),
        request.params.requestId,
        request.body,
      );
      return reply.status(201).send(rating);
    },
  );

  r.get(
    '/api/ratings',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Ratings with comments and answers, newest first, by organisation, municipality or service',
        querystring: ratingListQuerySchema,
        response: { 200: ratingListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      const { unanswered, ...f } = request.query;
      return service.list(db, { ...f, unanswered: unanswered === 'true' });
    },
  );

  r.get(
    '/api/ratings/summary',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Average ratings per service, organisation or municipality, and the overall average by month',
        querystring: ratingSummaryQuerySchema,
        response: { 200: ratingSummarySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.summary(db, request.query);
    },
  );

  r.get(
    '/api/staff/ratings',
    {
      config: { permission: { action: LIFE_ACTIONS.answer } },
      schema: {
        tags,
        summary: "Ratings of the services of the caller's organisations or municipalities, newest first",
        querystring: ratingListQuerySchema,
        response: { 200: ratingListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const { unanswered, ...f } = request.query;
      return service.list(db, {
        ...f,
        unanswered: unanswered === 'true',
        coverage: service.staffCoverage(request.principal!),
      });
    },
  );

  r.post(
    '/api/staff/ratings/:ratingId/answer',
    {
      config: { permission: { action: LIFE_ACTIONS.answer, scope: ratingScope(db) } },
      schema: {
        tags,
        summary: "The organisation's public answer to a rating (one per rating)",
        params: ratingIdParams,
        body: ratingAnswerRequestSchema,
        response: { 201: ratingSchema },
      },
    },
    async (request, reply) => {
      const rating = await service.answer(db, signedIn(request), request.params.ratingId, request.body.body);
      return reply.status(201).send(rating);
    },
  );
}
