import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealSchema, open311PendingSchema } from '../../../contracts/feedback.js';
import { HttpProblem, notFound } from '../../../platform/http/problem.js';
import { citizen } from '../appeals/routes.js';
import { FEEDBACK_ACTIONS } from '../permissions.js';
import { Open311Error, type Open311Service } from './open311-service.js';

const tags = ['feedback'];
const tokenParams = z.object({ open311Token: z.uuid() });

/** The citizen's side of an Open311 request: see what a client sent in their name, and confirm it. */
export function open311ConfirmRoutes(app: FastifyInstance, open311: Open311Service): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const permission = { action: FEEDBACK_ACTIONS.file };

  r.get(
    '/api/my/feedback/open311/:open311Token',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'An Open311 request waiting for confirmation through Госуслуги',
        params: tokenParams,
        response: { 200: open311PendingSchema },
      },
    },
    async (request) => {
      citizen(request);
      const pending = await open311.pending(request.params.open311Token);
      if (!pending) throw notFound('Request');
      return pending;
    },
  );

  r.post(
    '/api/my/feedback/open311/:open311Token/confirm',
    {
      config: { permission },
      schema: {
        tags,
        summary: "Confirm an Open311 request: it is filed as the citizen's message, the token resolves",
        params: tokenParams,
        response: { 201: appealSchema },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await open311.confirm(citizen(request), request.params.open311Token));
      } catch (err) {
        if (err instanceof Open311Error)
          throw new HttpProblem(
            err.status,
            err.status === 404 ? 'not-found' : err.status === 410 ? 'gone' : 'conflict',
            err.message,
          );
        throw err;
      }
    },
  );
}
