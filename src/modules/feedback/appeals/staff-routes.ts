import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  answerSchema,
  assignSchema,
  extendSchema,
  forwardSchema,
  staffAppealSchema,
  staffQueueQuerySchema,
  staffQueueSchema,
  withoutAnswerSchema,
} from '../../../contracts/feedback.js';
import type { AppContext } from '../../../platform/app-context.js';
import { unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { FEEDBACK_ACTIONS } from '../permissions.js';
import { staffAppealScope } from './appeal-scope.js';
import { appealParams, photoParams, sendPhoto } from './routes.js';
import type { StaffAppealService } from './staff-service.js';

const tags = ['feedback (staff)'];

function staff(request: FastifyRequest) {
  if (!request.principal) throw unauthorized();
  return { principal: request.principal, actor: actorOf(request) };
}

/** The operator's desk: the queue, an appeal's page, routing, the answer, extension, without answer. */
export function staffAppealRoutes(app: FastifyInstance, ctx: AppContext, desk: StaffAppealService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scope = staffAppealScope(ctx.db);
  const read = { action: FEEDBACK_ACTIONS.read, scope };
  const handle = { action: FEEDBACK_ACTIONS.handle, scope };
  const route = { action: FEEDBACK_ACTIONS.route, scope };

  r.get(
    '/api/staff/feedback/appeals',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.read } },
      schema: {
        tags,
        summary: 'The appeals queue the caller covers: overdue first, then by the answer due day',
        description:
          'Open appeals unless `open=false` or a `status` is named; `urgency` overdue / due_soon (≤ 3 days) / ' +
          'in_time; filters by category, municipality, responsible organisation; pages of `pageSize`.',
        querystring: staffQueueQuerySchema,
        response: { 200: staffQueueSchema },
      },
    },
    async (request) => desk.queue(staff(request).principal, request.query),
  );

  r.get(
    '/api/staff/feedback/appeals/:appealId',
    {
      config: { permission: read },
      schema: {
        tags,
        summary:
          "An appeal with its author, history, the classifier's top 3 and the caller's permitted actions",
        params: appealParams,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => desk.one(staff(request).principal, request.params.appealId),
  );

  r.get(
    '/api/staff/feedback/appeals/:appealId/photos/:appealPhotoId',
    {
      config: { permission: read },
      schema: { tags, summary: 'A photo of the appeal', params: photoParams },
    },
    async (request, reply) => sendPhoto(ctx, request.params, reply),
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/assign',
    {
      config: { permission: handle },
      schema: {
        tags,
        summary: 'Take the appeal into work (no assignee: oneself) or reassign it; audited',
        params: appealParams,
        body: assignSchema,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => {
      const { principal, actor } = staff(request);
      return desk.assign(principal, actor, request.params.appealId, request.body);
    },
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/forward',
    {
      config: { permission: route },
      schema: {
        tags,
        summary: 'Forward to the competent organisation (59-ФЗ ст. 8 ч. 3), with notice to the citizen',
        params: appealParams,
        body: forwardSchema,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => {
      const { principal, actor } = staff(request);
      return desk.forward(principal, actor, request.params.appealId, request.body);
    },
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/answer',
    {
      config: { permission: handle },
      schema: {
        tags,
        summary: 'Answer the appeal on the merits (it must be in work); `fixed`: «устранено»',
        description:
          '`fixed: true` says the problem was fixed: the citizen is asked some days later (FEEDBACK_SURVEY_DAYS, ' +
          '14 by default) whether it really is, and a «нет» reopens the appeal once.',
        params: appealParams,
        body: answerSchema,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => {
      const { principal, actor } = staff(request);
      return desk.answer(principal, actor, request.params.appealId, request.body.text, request.body.fixed);
    },
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/extend',
    {
      config: { permission: handle },
      schema: {
        tags,
        summary: 'Extend the answer limit once by up to 30 days (59-ФЗ ст. 12 ч. 2), with notice',
        params: appealParams,
        body: extendSchema,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => {
      const { principal, actor } = staff(request);
      return desk.extend(principal, actor, request.params.appealId, request.body);
    },
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/without-answer',
    {
      config: { permission: handle },
      schema: {
        tags,
        summary: 'Leave without an answer on the merits, with its ground (59-ФЗ ст. 11)',
        params: appealParams,
        body: withoutAnswerSchema,
        response: { 200: staffAppealSchema },
      },
    },
    async (request) => {
      const { principal, actor } = staff(request);
      return desk.leaveWithoutAnswer(principal, actor, request.params.appealId, request.body);
    },
  );
}
