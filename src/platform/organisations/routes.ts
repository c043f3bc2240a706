import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationCardInputSchema,
  organisationListQuerySchema,
  organisationListResponseSchema,
  organisationSchema,
  vkCommunitiesInputSchema,
  vkCommunitySchema,
} from '../../contracts/platform-organisations.js';
import type { AppContext } from '../app-context.js';
import { actorOf } from '../http/request-actor.js';
import { ORGANISATION_ACTIONS, organisationScope } from './permissions.js';
import * as q from './queries.js';
import * as service from './service.js';

const tags = ['organisations'];
const params = z.object({ organisationId: z.coerce.number().int().positive() });

/** The registry of organisations: public cards, and their staff's or municipality's edits. */
export function organisationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const scope = organisationScope(db);

  r.get(
    '/api/organisations',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Organisations of the region (kindergartens, schools, centres, bodies), by name or search',
        querystring: organisationListQuerySchema,
        response: { 200: organisationListResponseSchema },
      },
    },
    async (request) => {
      const { total, rows } = await q.listOrganisations(db, request.query);
      return {
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        items: rows.map(q.toOrganisation),
      };
    },
  );

  r.get(
    '/api/organisations/:organisationId',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "An organisation's card with its VK communities",
        params,
        response: { 200: organisationSchema },
      },
    },
    async (request) => service.organisationCard(db, request.params.organisationId),
  );

  r.patch(
    '/api/staff/organisations/:organisationId',
    {
      config: { permission: { action: ORGANISATION_ACTIONS.updateCard, scope } },
      schema: {
        tags,
        summary: "Edit an organisation's card (its head, its municipality's officers, the region); audited",
        params,
        body: organisationCardInputSchema,
        response: { 200: organisationSchema.extend({ changed: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const id = request.params.organisationId;
      const { changed } = await service.updateCard(db, actorOf(request), id, request.body);
      return { ...(await service.organisationCard(db, id)), changed };
    },
  );

  r.put(
    '/api/staff/organisations/:organisationId/vk-communities',
    {
      config: { permission: { action: ORGANISATION_ACTIONS.updateCard, scope } },
      schema: {
        tags,
        summary: "Set the organisation's official VK communities and where the clubs mini app is installed",
        params,
        body: vkCommunitiesInputSchema,
        response: { 200: z.object({ communities: z.array(vkCommunitySchema) }) },
      },
    },
    async (request) => ({
      communities: await service.replaceVkCommunities(
        db,
        actorOf(request),
        request.params.organisationId,
        request.body.communities,
      ),
    }),
  );
}
