import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programmeListQuerySchema, programmeListSchema, programmeSchema } from '../../../contracts/clubs.js';
import type { AppContext } from '../../../platform/app-context.js';
import { regionDay } from '../../../platform/families/family-service.js';
import { notFound } from '../../../platform/http/problem.js';
import { toProgramme, toSummary } from './catalog-view.js';
import { clubsCsv, clubsDictionary, clubsJson, CLUBS_DATASET_ID } from './open-data.js';
import { groupsOfProgrammes, listProgrammes, openDataRows, programmeRow } from './queries.js';

const tags = ['clubs'];
export const programmeParams = z.object({
  programmeId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** The public catalog: the list with filters and Russian search, a programme's page, open data. */
export function publicClubsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = {
    permission: 'public' as const,
    rateLimit: { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' },
  };

  r.get(
    '/api/clubs/programmes',
    {
      config,
      schema: {
        tags,
        summary: 'Programmes of clubs and sections, filtered, searched (Russian) and paged',
        description:
          '`open=true` keeps programmes with a group whose enrolment window is open today; `free=true` a ' +
          'free group (budget or certificate), `maxPrice` one at most that price a month; `age` in years; ' +
          '`q` is Russian full-text search over title, specialisation and description. Sorted by relevance ' +
          'when searching, else by title; `sort=price|free_seats|title` too.',
        querystring: programmeListQuerySchema,
        response: { 200: programmeListSchema },
      },
    },
    async (request, reply) => {
      const f = request.query;
      const rows = await listProgrammes(ctx.db, f, regionDay(new Date()));
      reply.header('cache-control', 'public, max-age=60');
      return {
        items: rows.map(toSummary),
        total: rows.length ? Number(rows[0]!.total) : 0,
        page: f.page,
        pageSize: f.pageSize,
      };
    },
  );

  r.get(
    '/api/clubs/programmes/:programmeId',
    {
      config,
      schema: {
        tags,
        summary: "A programme's page with its groups (open ones first) and why each can't be joined now",
        params: programmeParams,
        response: { 200: programmeSchema },
      },
    },
    async (request, reply) => {
      const p = await programmeRow(ctx.db, request.params.programmeId);
      if (!p || p.status !== 'published') throw notFound('Programme');
      const groups = await groupsOfProgrammes(ctx.db, [p.id]);
      reply.header('cache-control', 'public, max-age=60');
      return toProgramme(p, groups, regionDay(new Date()));
    },
  );

  app.get(`/open-data/${CLUBS_DATASET_ID}.csv`, { config }, async (_request, reply) => {
    const rows = await openDataRows(ctx.db);
    reply
      .type('text/csv; charset=utf-8; header=present')
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `inline; filename="${CLUBS_DATASET_ID}-${regionDay(new Date())}.csv"`);
    return clubsCsv(rows);
  });
  app.get(`/open-data/${CLUBS_DATASET_ID}.json`, { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return {
      dataset: CLUBS_DATASET_ID,
      date: regionDay(new Date()),
      rows: clubsJson(await openDataRows(ctx.db)),
    };
  });
  app.get(`/open-data/${CLUBS_DATASET_ID}.dictionary.json`, { config }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return clubsDictionary();
  });
}
