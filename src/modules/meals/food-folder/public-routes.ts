import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  foodFileParams,
  mealsOrganisationParams,
  schoolMenuQuerySchema,
  schoolMenusSchema,
} from '../../../contracts/meals.js';
import type { AppContext } from '../../../platform/app-context.js';
import { notFound } from '../../../platform/http/problem.js';
import { addDays } from '../menus/cycle-schedule.js';
import { menusBetween, schoolOf, XLSX_TYPE } from '../menus/menu-service.js';
import { folderEntries, folderFile, folderIndexPage } from './folder-service.js';

/** Today in Moscow time: the federal robot reads the folder after 18:00 there. */
export function moscowToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(now);
}

const FOLDER_CACHE = 'public, max-age=60';

function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  const header = request.headers['if-none-match'];
  const known = (header ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  reply.header('etag', `"${etag}"`);
  return known.includes(`"${etag}"`);
}

/**
 * The public side: each school's `/food/` folder as the federal monitoring format has it (a school
 * with its own site can point the robot here), and the JSON of today's menu and the week ahead.
 */
export function publicFoodRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['school meals'];
  const rateLimit = { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' };

  r.get(
    '/food/:organisationId',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: "A school's /food/ folder without the closing slash: redirects to the folder",
        params: mealsOrganisationParams,
      },
    },
    async (request, reply) => reply.redirect(`/food/${request.params.organisationId}/`, 301),
  );

  r.get(
    '/food/:organisationId/',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: "The index page of a school's /food/ folder (links to every file under its federal name)",
        params: mealsOrganisationParams,
      },
    },
    async (request, reply) => {
      const school = await schoolOf(ctx.db, request.params.organisationId);
      const entries = await folderEntries(ctx.db, school, moscowToday());
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', FOLDER_CACHE)
        .send(folderIndexPage(school, entries));
    },
  );

  r.get(
    '/food/:organisationId/:fileName',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'A file of the /food/ folder: YYYY-MM-DD-sm.xlsx, tmYYYY-sm.xlsx, kpYYYY.xlsx, findex.xlsx',
        description:
          'Written from the database by the format’s writer on each request, so always current; a strong ETag ' +
          '(SHA-256 of the bytes; If-None-Match answers 304), Last-Modified, `Cache-Control: public, max-age=60`.',
        params: foodFileParams,
      },
    },
    async (request, reply) => {
      const school = await schoolOf(ctx.db, request.params.organisationId);
      const found = await folderFile(ctx.db, school, request.params.fileName, moscowToday());
      if (!found) throw notFound('File');
      reply
        .header('cache-control', FOLDER_CACHE)
        .header('last-modified', found.lastModified.toUTCString())
        .header('x-content-type-options', 'nosniff');
      if (notModified(request, reply, found.etag)) return reply.status(304).send();
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `inline; filename="${request.params.fileName}"`)
        .send(found.bytes);
    },
  );

  r.get(
    '/api/meals/schools/:organisationId/menus',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: "A school's menu of a day (today in Moscow time by default) and the week ahead",
        description:
          'Each line carries its dish’s allergens (ТР ТС 022/2011) and photos; each day the СанПиН ' +
          '2.3/2.4.3590-20 check for its age group and the school’s meals, each deviation naming its rule.',
        params: mealsOrganisationParams,
        querystring: schoolMenuQuerySchema,
        response: { 200: schoolMenusSchema },
      },
    },
    async (request, reply) => {
      const school = await schoolOf(ctx.db, request.params.organisationId);
      const date = request.query.date ?? moscowToday();
      const variant = request.query.variant ?? 'sm';
      const menus = await menusBetween(ctx.db, school, date, addDays(date, 7), variant);
      reply.header('cache-control', 'public, max-age=60');
      return {
        school: {
          organisationId: school.id,
          name: school.short_name,
          address: school.address,
          hotlinePhone: school.settings.hotlinePhone ?? school.phone,
          foodFolder: `/food/${school.id}/`,
        },
        date,
        today: menus.find((m) => m.date === date) ?? null,
        week: menus.filter((m) => m.date > date),
      };
    },
  );
}
