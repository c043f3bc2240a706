import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  enrolmentCreateSchema,
  enrolmentListSchema,
  enrolmentSchema,
  staffDecisionSchema,
  staffEnrolmentQuerySchema,
} from '../../../contracts/clubs.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Scope } from '../../../platform/auth/roles.js';
import { forbidden, notFound, unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { CLUBS_ACTIONS } from '../permissions.js';
import type { EnrolmentService } from './enrolment-service.js';
import { enrolmentScopeRow, organisationMunicipality } from './queries.js';

const positiveId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
export const enrolmentParams = z.object({ enrolmentId: positiveId });

function citizen(request: FastifyRequest) {
  const actor = actorOf(request);
  if (!actor.userId || !request.principal) throw unauthorized();
  if (request.principal.kind !== 'citizen')
    throw forbidden('Children are enrolled by their parents signed in through Госуслуги.');
  return { ...actor, userId: actor.userId };
}

/** The family's own enrolment (made by the caller or for a child they represent): else 404. */
function ownScope(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { enrolmentId } = request.params as { enrolmentId: number };
    const row = await enrolmentScopeRow(ctx.db, enrolmentId);
    if (!row) throw notFound('Enrolment');
    const userId = request.principal?.userId;
    const represents =
      !!userId &&
      !!(await ctx.db
        .selectFrom('child_representative')
        .select('user_id')
        .where('child_id', '=', row.child_id)
        .where('user_id', '=', userId)
        .executeTakeFirst());
    return { ownerUserId: represents ? userId : row.applicant_user_id, personal: 'Enrolment' };
  };
}

/** A staff route's enrolment: its organisation and municipality. */
function staffScope(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { enrolmentId } = request.params as { enrolmentId: number };
    const row = await enrolmentScopeRow(ctx.db, enrolmentId);
    if (!row) throw notFound('Enrolment');
    return {
      organisationId: row.organisation_id,
      municipalityId: row.municipality_id,
      personal: 'Enrolment',
    };
  };
}

function organisationScope(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { organisationId } = request.query as { organisationId: number };
    const org = await organisationMunicipality(ctx.db, organisationId);
    if (!org) throw notFound('Organisation');
    return { organisationId: org.id, municipalityId: org.municipality_id };
  };
}

/** «Мои кружки»: enrol a child, follow, accept an offered seat, withdraw. */
export function citizenEnrolmentRoutes(app: FastifyInstance, ctx: AppContext, s: EnrolmentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clubs'];
  const own = { action: CLUBS_ACTIONS.own, scope: ownScope(ctx) };

  r.post(
    '/api/my/clubs/enrolments',
    {
      config: { permission: { action: CLUBS_ACTIONS.enrol } },
      schema: {
        tags,
        summary: 'Enrol a child of the family in a group (a seat, or the waitlist when full)',
        description:
          '201 with status `registered` (review due in 7 working days, 45 with entrance tests) or ' +
          '`waitlisted` with the place. 409 `group-not-joinable` with `reasons` (window_not_open, ' +
          'window_closed, age, ovz) when the child cannot join; 409 when already enrolled; 422 naming ' +
          'the field for a child not of the family or an unknown group.',
        body: enrolmentCreateSchema,
        response: { 201: enrolmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await s.enrol(citizen(request), request.body)),
  );

  r.get(
    '/api/my/clubs/enrolments',
    {
      config: { permission: { action: CLUBS_ACTIONS.own } },
      schema: {
        tags,
        summary: "The family's club enrolments, newest first",
        response: { 200: enrolmentListSchema },
      },
    },
    async (request) => s.mine(citizen(request).userId),
  );

  r.get(
    '/api/my/clubs/enrolments/:enrolmentId',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: "One of the family's enrolments with its history and waitlist place",
        params: enrolmentParams,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => s.one(request.params.enrolmentId, citizen(request).userId),
  );

  r.post(
    '/api/my/clubs/enrolments/:enrolmentId/withdraw',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: 'Withdraw the enrolment online; a held seat is offered to the next on the waitlist',
        params: enrolmentParams,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => s.withdraw(citizen(request), request.params.enrolmentId),
  );

  r.post(
    '/api/my/clubs/enrolments/:enrolmentId/accept',
    {
      config: { permission: own },
      schema: {
        tags,
        summary: 'Take the seat offered from the waitlist (before the offer expires)',
        params: enrolmentParams,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => s.accept(citizen(request), request.params.enrolmentId),
  );
}

/** The organisation's applications: the list and the decisions. */
export function staffEnrolmentRoutes(app: FastifyInstance, ctx: AppContext, s: EnrolmentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clubs (staff)'];

  r.get(
    '/api/staff/clubs/enrolments',
    {
      config: { permission: { action: CLUBS_ACTIONS.read, scope: organisationScope(ctx) } },
      schema: {
        tags,
        summary: "An organisation's enrolments by group, oldest first (optionally one group or status)",
        querystring: staffEnrolmentQuerySchema,
        response: { 200: enrolmentListSchema },
      },
    },
    async (request) => s.ofOrganisation(request.query),
  );

  r.post(
    '/api/staff/clubs/enrolments/:enrolmentId/decision',
    {
      config: { permission: { action: CLUBS_ACTIONS.decide, scope: staffScope(ctx) } },
      schema: {
        tags,
        summary:
          'Move an enrolment on: under_review, invited, approved, studying, finished, refused (with a reason)',
        description:
          '409 naming `body.to` for a step the status does not allow, or approving a waitlisted request ' +
          'when the group has no free seat; 400 for a refusal without `reason`.',
        params: enrolmentParams,
        body: staffDecisionSchema,
        response: { 200: enrolmentSchema },
      },
    },
    async (request) => s.decide(actorOf(request), request.params.enrolmentId, request.body),
  );
}
