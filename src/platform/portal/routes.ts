import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  myRequestsQuerySchema,
  myRequestsSchema,
  portalNewsQuerySchema,
  portalNewsSchema,
} from '../../contracts/platform-portal.js';
import type { AppContext } from '../app-context.js';
import * as service from './service.js';

const tags = ['portal'];

/** The portal's reads: a family's requests in every service, and the services' news. */
export function portalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get(
    '/api/my/requests',
    {
      // Only one's own rows are read (owner = the session's user), so no scope is needed.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "The signed-in person's requests in every service, newest first, by state, paginated",
        querystring: myRequestsQuerySchema,
        response: { 200: myRequestsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.myRequests(db, request.principal!.userId, request.query);
    },
  );

  r.get(
    '/api/portal/news',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "News of the region's services, newest first, paginated",
        querystring: portalNewsQuerySchema,
        response: { 200: portalNewsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.portalNews(db, request.query);
    },
  );
}
