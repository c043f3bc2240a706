import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerPreviewSchema,
  publicAnswerListSchema,
  publicAnswersQuerySchema,
  publishAnswerSchema,
} from '../../../contracts/feedback.js';
import type { AppContext } from '../../../platform/app-context.js';
import { unauthorized } from '../../../platform/http/problem.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { staffAppealScope } from '../appeals/appeal-scope.js';
import { appealParams } from '../appeals/routes.js';
import { FEEDBACK_ACTIONS } from '../permissions.js';
import type { ArchiveService } from './archive-service.js';

/** Publishing an answer (operators, officers) and the public archive (anyone). */
export function archiveRoutes(app: FastifyInstance, ctx: AppContext, archive: ArchiveService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publish = { action: FEEDBACK_ACTIONS.publish, scope: staffAppealScope(ctx.db) };

  r.get(
    '/api/staff/feedback/appeals/:appealId/publication',
    {
      config: { permission: publish },
      schema: {
        tags: ['feedback (staff)'],
        summary: 'The question and answer with personal data removed, to check before publishing',
        params: appealParams,
        response: { 200: answerPreviewSchema },
      },
    },
    async (request) => archive.preview(request.params.appealId),
  );

  r.post(
    '/api/staff/feedback/appeals/:appealId/publication',
    {
      config: { permission: publish },
      schema: {
        tags: ['feedback (staff)'],
        summary: 'Publish an answered appeal in the public archive (59-ФЗ ст. 10 ч. 4); redacted again',
        params: appealParams,
        body: publishAnswerSchema,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.userId) throw unauthorized();
      return reply
        .status(201)
        .send(
          await archive.publish({ ...actor, userId: actor.userId }, request.params.appealId, request.body),
        );
    },
  );

  r.get(
    '/api/feedback/answers',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['feedback'],
        summary: 'The public archive of answers to questions of general interest, searchable in Russian',
        querystring: publicAnswersQuerySchema,
        response: { 200: publicAnswerListSchema },
      },
    },
    async (request) => archive.list(request.query),
  );
}
