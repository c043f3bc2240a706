import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogConfigSchema,
  constructionNoteInputSchema,
  departureInputSchema,
  enrollmentInputSchema,
  geocodeQuerySchema,
  geocodeResultSchema,
  groupCreateSchema,
  groupInputSchema,
  historyQuerySchema,
  idResponseSchema,
  kindergartenCardInputSchema,
  kindergartenCreateSchema,
  kindergartenDetailSchema,
  kindergartenHistorySchema,
  kindergartenListQuerySchema,
  kindergartenListSchema,
  mapPointsSchema,
  municipalitySummaryListSchema,
  staffKindergartenListSchema,
  staffKindergartenSchema,
} from '../../../contracts/kindergarten-catalog.js';
import type { AppContext } from '../../../platform/app-context.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { CATALOG_ACTIONS } from './permissions.js';
import type { PublicCatalog } from './public-catalog.js';
import { groupScope, kindergartenScope, municipalityExists } from './queries.js';
import type { CatalogService } from './service.js';
import { actorOf } from '../../../platform/http/request-actor.js';

const kindergartenParams = z.object({ kindergartenId: z.coerce.number().int().positive() });
const groupParams = z.object({ groupId: z.coerce.number().int().positive() });
const municipalityParams = z.object({ municipalityId: z.coerce.number().int().positive() });
const changedSchema = z.object({ id: z.number().int(), changed: z.array(z.string()) });

/**
 * Public reads are pure functions of (snapshot version, URL): a weak ETag of the version answers
 * repeat visits with 304, and the serialized JSON is kept per URL so a repeated request costs neither
 * the filter nor the response validation (Fastify sends a string as is). The body is produced from the
 * same zod-typed objects the schema documents.
 */
class SerializedResponses {
  private version = '';
  private byUrl = new Map<string, string>();
  private static readonly LIMIT = 5000;

  async send<T extends { version: string }>(
    request: FastifyRequest,
    reply: FastifyReply,
    maxAge: number,
    currentVersion: string,
    compute: () => Promise<T>,
  ): Promise<FastifyReply> {
    if (currentVersion !== this.version) {
      this.version = currentVersion;
      this.byUrl.clear();
    }
    const etag = `W/"cat-${currentVersion}"`;
    reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge}`);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    let json = this.byUrl.get(request.url);
    if (json === undefined) {
      const { version, ...body } = await compute();
      json = JSON.stringify(body);
      if (version === this.version) {
        if (this.byUrl.size >= SerializedResponses.LIMIT) this.byUrl.clear();
        this.byUrl.set(request.url, json);
      }
    }
    return reply.type('application/json; charset=utf-8').send(json);
  }
}

export function catalogRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  catalog: PublicCatalog,
  service: CatalogService,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicConfig = {
    permission: 'public' as const,
    rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
  };
  const tags = ['kindergarten catalog'];
  const responses = new SerializedResponses();

  const kindergartenScopeOf = async (request: FastifyRequest) => {
    const { kindergartenId } = request.params as { kindergartenId: number };
    const k = await kindergartenScope(ctx.db, kindergartenId);
    if (!k) throw notFound('Kindergarten');
    return { municipalityId: k.municipality_id, kindergartenId: k.id };
  };
  const groupScopeOf = async (request: FastifyRequest) => {
    const { groupId } = request.params as { groupId: number };
    const g = await groupScope(ctx.db, groupId);
    if (!g) throw notFound('Group');
    return { municipalityId: g.municipality_id, kindergartenId: g.kindergarten_id };
  };

  // ------------------------------------------------------------------------------------------------
  // Public

  r.get(
    '/api/kindergartens',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Kindergartens with filters, full-text search, sorting by distance or free places',
        querystring: kindergartenListQuerySchema,
        response: { 200: kindergartenListSchema },
      },
    },
    async (request, reply) =>
      responses.send(request, reply, 10, (await catalog.snapshot()).version, () =>
        catalog.list(request.query),
      ),
  );

  r.get(
    '/api/kindergartens/map',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Map points of every kindergarten matching the filters',
        querystring: kindergartenListQuerySchema,
        response: { 200: mapPointsSchema },
      },
    },
    async (request, reply) =>
      responses.send(request, reply, 10, (await catalog.snapshot()).version, () =>
        catalog.map(request.query),
      ),
  );

  r.get(
    '/api/kindergartens/summary',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Summary by municipality: capacity, free places and applicants by age, pressure',
        response: { 200: municipalitySummaryListSchema },
      },
    },
    async (request, reply) =>
      responses.send(request, reply, 30, (await catalog.snapshot()).version, () => catalog.summary()),
  );

  r.get(
    '/api/kindergartens/geocode',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A point for an address (street of known kindergartens, else a municipality centre)',
        querystring: geocodeQuerySchema,
        response: { 200: geocodeResultSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return catalog.geocode(request.query.q);
    },
  );

  r.get(
    '/api/kindergartens/:kindergartenId',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'A kindergarten page: card, groups with free places and applicants, construction notes',
        params: kindergartenParams,
        response: { 200: kindergartenDetailSchema },
      },
    },
    async (request, reply) =>
      responses.send(request, reply, 10, (await catalog.snapshot()).version, () =>
        catalog.detail(request.params.kindergartenId),
      ),
  );

  r.get(
    '/api/kindergartens/:kindergartenId/history',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Capacity, enrolled, free places and applicants at the end of each past month',
        params: kindergartenParams,
        querystring: historyQuerySchema,
        response: { 200: kindergartenHistorySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return catalog.history(request.params.kindergartenId, request.query.months);
    },
  );

  // ------------------------------------------------------------------------------------------------
  // Staff

  const staffTags = ['kindergarten catalog (staff)'];

  r.get(
    '/api/staff/kindergartens',
    {
      config: { permission: { action: CATALOG_ACTIONS.read } },
      schema: {
        tags: staffTags,
        summary: 'The kindergartens the caller covers',
        querystring: z.object({ municipalityId: z.coerce.number().int().positive().optional() }),
        response: { 200: staffKindergartenListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.staffList(request.principal!, request.query.municipalityId);
    },
  );

  r.post(
    '/api/staff/kindergartens',
    {
      config: {
        permission: {
          action: CATALOG_ACTIONS.create,
          scope: async (request) => {
            const { municipalityId } = request.body as { municipalityId: number };
            if (!(await municipalityExists(ctx.db, municipalityId)))
              throw invalidField('municipalityId', 'No such municipality.', 'an existing municipality id');
            return { municipalityId };
          },
        },
      },
      schema: {
        tags: staffTags,
        summary: 'Add a kindergarten or a construction project',
        body: kindergartenCreateSchema,
        response: { 201: idResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createKindergarten(actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/staff/kindergartens/:kindergartenId',
    {
      config: { permission: { action: CATALOG_ACTIONS.read, scope: kindergartenScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'A kindergarten for staff: groups with occupancy, attending children, permitted actions',
        params: kindergartenParams,
        response: { 200: staffKindergartenSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.staffView(request.principal!, request.params.kindergartenId);
    },
  );

  r.patch(
    '/api/staff/kindergartens/:kindergartenId',
    {
      config: { permission: { action: CATALOG_ACTIONS.updateCard, scope: kindergartenScopeOf } },
      schema: {
        tags: staffTags,
        summary: "Edit a kindergarten's card (status and construction fields: officer and admin only)",
        params: kindergartenParams,
        body: kindergartenCardInputSchema,
        response: { 200: changedSchema },
      },
    },
    async (request) =>
      service.updateCard(actorOf(request), request.principal!, request.params.kindergartenId, request.body),
  );

  r.post(
    '/api/staff/kindergartens/:kindergartenId/groups',
    {
      config: { permission: { action: CATALOG_ACTIONS.updateGroups, scope: kindergartenScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'Add a group',
        params: kindergartenParams,
        body: groupCreateSchema,
        response: { 201: idResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createGroup(
        actorOf(request),
        request.params.kindergartenId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  r.post(
    '/api/staff/kindergartens/:kindergartenId/construction-notes',
    {
      config: { permission: { action: CATALOG_ACTIONS.manage, scope: kindergartenScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'Add a construction progress note',
        params: kindergartenParams,
        body: constructionNoteInputSchema,
        response: { 201: idResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.addConstructionNote(
        actorOf(request),
        request.params.kindergartenId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/staff/groups/:groupId',
    {
      config: { permission: { action: CATALOG_ACTIONS.updateGroups, scope: groupScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'Edit a group: capacity and caretakers (kept as history), age range, orientation, mode',
        params: groupParams,
        body: groupInputSchema,
        response: { 200: changedSchema },
      },
    },
    async (request) => service.updateGroup(actorOf(request), request.params.groupId, request.body),
  );

  r.post(
    '/api/staff/groups/:groupId/enrollments',
    {
      config: { permission: { action: CATALOG_ACTIONS.enroll, scope: groupScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'Enter an enrollment (a child starts attending the group)',
        params: groupParams,
        body: enrollmentInputSchema,
        response: { 201: idResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.enroll(actorOf(request), request.params.groupId, request.body);
      return reply.status(201).send(created);
    },
  );

  r.post(
    '/api/staff/groups/:groupId/departures',
    {
      config: { permission: { action: CATALOG_ACTIONS.enroll, scope: groupScopeOf } },
      schema: {
        tags: staffTags,
        summary: 'Enter a departure (отчисление): the place becomes free',
        params: groupParams,
        body: departureInputSchema,
        response: { 200: idResponseSchema },
      },
    },
    async (request) => service.depart(actorOf(request), request.params.groupId, request.body),
  );

  r.put(
    '/api/staff/municipalities/:municipalityId/catalog-config',
    {
      config: {
        permission: {
          action: CATALOG_ACTIONS.configure,
          scope: async (request) => {
            const { municipalityId } = request.params as { municipalityId: number };
            if (!(await municipalityExists(ctx.db, municipalityId))) throw notFound('Municipality');
            return { municipalityId };
          },
        },
      },
      schema: {
        tags: staffTags,
        summary: "Set the municipality's catalog configuration",
        params: municipalityParams,
        body: catalogConfigSchema,
        response: { 200: catalogConfigSchema },
      },
    },
    async (request) => service.setConfig(actorOf(request), request.params.municipalityId, request.body),
  );
}
