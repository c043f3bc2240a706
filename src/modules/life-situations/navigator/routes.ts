import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { situationDefinitionSchema } from '../../../contracts/life-situation-definition.js';
import {
  planRequestSchema,
  situationCodeParams,
  situationListQuerySchema,
  situationListSchema,
  situationOffersSchema,
  situationPlanSchema,
} from '../../../contracts/life-situations.js';
import type { AppContext } from '../../../platform/app-context.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { LIFE_ACTIONS } from '../permissions.js';
import { cpsvApCatalogue } from './cpsv-ap.js';
import * as service from './service.js';

const tags = ['life-situations'];

const detailSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  definition: situationDefinitionSchema,
});

const versionsSchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      note: z.string().nullable(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
    }),
  ),
});

const editSchema = z.strictObject({
  definition: situationDefinitionSchema,
  note: z.string().trim().min(2).max(500).optional(),
});

/** The navigator: the public catalogue, a tailored situation, a family's task list, staff edits. */
export function navigatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get(
    '/api/life-situations',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Life situations in catalogue order, or those matching a Russian full-text search',
        querystring: situationListQuerySchema,
        response: { 200: situationListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.list(db, request.query);
    },
  );

  r.get(
    '/api/life-situations/cpsv-ap.jsonld',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The catalogue as CPSV-AP 3 JSON-LD (life events and public services)' },
    },
    async (_request, reply) => {
      const { items } = await service.list(db, {});
      const situations = await Promise.all(items.map((s) => service.current(db, s.code)));
      reply.header('content-type', 'application/ld+json; charset=utf-8');
      reply.header('cache-control', 'public, max-age=300');
      return JSON.stringify(cpsvApCatalogue(ctx.config.publicUrl, situations), null, 2);
    },
  );

  r.get(
    '/api/life-situations/:situationCode',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A life situation: its questionnaire, steps and services (the current version)',
        params: situationCodeParams,
        response: { 200: detailSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      const s = await service.current(db, request.params.situationCode);
      return { ...s, updatedAt: s.updatedAt.toISOString() };
    },
  );

  r.post(
    '/api/life-situations/:situationCode/plan',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The situation tailored by the questionnaire answers (without sign-in: no family facts)',
        params: situationCodeParams,
        body: planRequestSchema,
        response: { 200: situationPlanSchema },
      },
    },
    async (request) => service.plan(db, request.params.situationCode, request.body.answers, null),
  );

  r.post(
    '/api/my/life-situations/:situationCode/plan',
    {
      // Only one's own requests and children are read (the session's user), so no scope is needed.
      config: { permission: { action: LIFE_ACTIONS.ownPlan } },
      schema: {
        tags,
        summary:
          "The situation as the signed-in family's task list: each step's status from its requests and children",
        params: situationCodeParams,
        body: planRequestSchema,
        response: { 200: situationPlanSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.plan(db, request.params.situationCode, request.body.answers, request.principal!.userId);
    },
  );

  r.get(
    '/api/my/life-situations/offers',
    {
      config: { permission: { action: LIFE_ACTIONS.ownPlan } },
      schema: {
        tags,
        summary:
          'Situations offered to the signed-in family by its facts (e.g. «Многодетная семья» for three children under 18)',
        response: { 200: situationOffersSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.offers(db, request.principal!.userId);
    },
  );

  r.put(
    '/api/staff/life-situations/:situationCode',
    {
      config: { permission: { action: LIFE_ACTIONS.edit } },
      schema: {
        tags,
        summary: 'Save a new version of a situation (validated: no cycles, every step pointing at a service)',
        params: situationCodeParams,
        body: editSchema,
        response: { 200: z.object({ version: z.number().int(), definition: situationDefinitionSchema }) },
      },
    },
    async (request) =>
      service.edit(
        db,
        actorOf(request),
        request.params.situationCode,
        request.body.definition,
        request.body.note ?? null,
      ),
  );

  r.get(
    '/api/staff/life-situations/:situationCode/versions',
    {
      config: { permission: { action: LIFE_ACTIONS.edit } },
      schema: {
        tags,
        summary: "A situation's versions, newest first, with who saved each",
        params: situationCodeParams,
        response: { 200: versionsSchema },
      },
    },
    async (request) => service.versions(db, request.params.situationCode),
  );
}
