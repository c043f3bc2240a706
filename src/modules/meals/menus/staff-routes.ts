import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarRequestSchema,
  calendarSchema,
  cyclicMenuSummarySchema,
  cyclicUploadFieldsSchema,
  dailyMenuSchema,
  dishParams,
  dishPatchSchema,
  dishSchema,
  generateRequestSchema,
  generateResultSchema,
  mealsOrganisationParams,
  menuListQuerySchema,
  menuListSchema,
  settingsRequestSchema,
  settingsSchema,
} from '../../../contracts/meals.js';
import type { AppContext } from '../../../platform/app-context.js';
import type { Scope } from '../../../platform/auth/roles.js';
import { HttpProblem, notFound } from '../../../platform/http/problem.js';
import { readUpload } from '../../../platform/http/read-upload.js';
import { actorOf } from '../../../platform/http/request-actor.js';
import { MEALS_ACTIONS } from '../permissions.js';
import { mealsOrganisation } from '../queries.js';
import { addDays } from './cycle-schedule.js';
import { MAX_WORKBOOK_BYTES, type MenuService } from './menu-service.js';

const tags = ['school meals (staff)'];

/** A school's resources belong to it and its municipality. */
export function schoolScope(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<Scope> => {
    const { organisationId } = request.params as { organisationId: number };
    const org = await mealsOrganisation(ctx.db, organisationId);
    if (!org) throw notFound('School');
    return { organisationId: org.id, municipalityId: org.municipality_id };
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** The kitchen's side: menus uploaded or generated, the calendar, settings, dishes. */
export function staffMenuRoutes(app: FastifyInstance, ctx: AppContext, menus: MenuService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scope = schoolScope(ctx);
  const manage = { action: MEALS_ACTIONS.manage, scope };
  const uploadHelp =
    'multipart/form-data with the workbook in the part `file`. The content decides: anything but an XLSX ' +
    'is a 415 naming `file`; a workbook the reader cannot read, or one naming another school, is a 422 ' +
    'whose `errors` name every cell (`file!1!E7`: expected a number, found "двести") and whose `cells` ' +
    'list them as the reader reports them; nothing is stored then. The file name (as sent) gives the date ' +
    'and variant when the sheet has no date (`2025-09-01-sm.xlsx`).';

  r.get(
    '/api/staff/meals/:organisationId/menus',
    {
      config: { permission: { action: MEALS_ACTIONS.read, scope } },
      schema: {
        tags,
        summary: "A school's daily menus in a range (default: this week and the next), with the norms check",
        params: mealsOrganisationParams,
        querystring: menuListQuerySchema,
        response: { 200: menuListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const from = request.query.from ?? addDays(today(), -7);
      const to = request.query.to ?? addDays(from, 20);
      return { items: await menus.menus(request.params.organisationId, from, to, request.query.variant) };
    },
  );

  r.post(
    '/api/staff/meals/:organisationId/daily-menus',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: "Upload a day's menu workbook (YYYY-MM-DD-sm.xlsx); it replaces the day's menu",
        description: uploadHelp,
        consumes: ['multipart/form-data'],
        params: mealsOrganisationParams,
        response: { 200: dailyMenuSchema },
      },
    },
    async (request) => {
      const upload = await readUpload(request, { maxBytes: MAX_WORKBOOK_BYTES, sizeLabel: '5 MB' });
      return menus.uploadDaily(actorOf(request), request.params.organisationId, upload);
    },
  );

  r.post(
    '/api/staff/meals/:organisationId/cyclic-menus',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: "Upload the year's cyclic (typical) menu tmYYYY-sm.xlsx, one sheet per cycle day",
        description: `${uploadHelp} The text part \`startsOn\` (YYYY-MM-DD) is the day the cycle's day 1 falls on; the file name gives the year.`,
        consumes: ['multipart/form-data'],
        params: mealsOrganisationParams,
        response: { 200: cyclicMenuSummarySchema },
      },
    },
    async (request) => {
      const upload = await readUpload(request, { maxBytes: MAX_WORKBOOK_BYTES, sizeLabel: '5 MB' });
      const fields = cyclicUploadFieldsSchema.safeParse(upload.fields);
      if (!fields.success)
        throw new HttpProblem(400, 'bad-request', 'The part startsOn must be a date YYYY-MM-DD.', {
          errors: [{ field: 'startsOn', message: 'a date YYYY-MM-DD', expected: 'YYYY-MM-DD' }],
        });
      return menus.uploadCyclic(
        actorOf(request),
        request.params.organisationId,
        upload,
        fields.data.startsOn,
      );
    },
  );

  r.post(
    '/api/staff/meals/:organisationId/daily-menus/generate',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: 'Generate the daily menus of a range from the cyclic menu and the school calendar',
        description:
          'Each school day (the school week less the calendar’s days off) gets its day of the cycle. Days ' +
          'uploaded or entered by hand are kept (listed in `kept`) unless `overwrite`; a generated menu on a ' +
          'day now off is withdrawn. At most 400 days at once.',
        params: mealsOrganisationParams,
        body: generateRequestSchema,
        response: { 200: generateResultSchema },
      },
    },
    async (request) => menus.generate(actorOf(request), request.params.organisationId, request.body),
  );

  r.get(
    '/api/staff/meals/:organisationId/calendar',
    {
      config: { permission: { action: MEALS_ACTIONS.read, scope } },
      schema: {
        tags,
        summary: "The school calendar's days off (holidays, vacations, quarantine) in a range",
        params: mealsOrganisationParams,
        querystring: menuListQuerySchema.omit({ variant: true }),
        response: { 200: calendarSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const from = request.query.from ?? `${today().slice(0, 4)}-01-01`;
      const to = request.query.to ?? addDays(from, 399);
      return menus.calendar(request.params.organisationId, from, to);
    },
  );

  r.put(
    '/api/staff/meals/:organisationId/calendar',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: 'Set the days off within a range (they replace what the calendar held there)',
        params: mealsOrganisationParams,
        body: calendarRequestSchema,
        response: { 200: calendarSchema },
      },
    },
    async (request) => menus.setCalendar(actorOf(request), request.params.organisationId, request.body),
  );

  r.get(
    '/api/staff/meals/:organisationId/settings',
    {
      config: { permission: { action: MEALS_ACTIONS.read, scope } },
      schema: {
        tags,
        summary: "The school's meals settings: hotline, school week, the meals of its mode",
        params: mealsOrganisationParams,
        response: { 200: settingsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return (await menus.school(request.params.organisationId)).settings;
    },
  );

  r.put(
    '/api/staff/meals/:organisationId/settings',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: "Set the school's hotline, school week (5 or 6 days) and the meals its mode serves",
        params: mealsOrganisationParams,
        body: settingsRequestSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => menus.setSettings(actorOf(request), request.params.organisationId, request.body),
  );

  r.patch(
    '/api/staff/meals/:organisationId/dishes/:dishId',
    {
      config: { permission: manage },
      schema: {
        tags,
        summary: "Set a dish's allergens (ТР ТС 022/2011) and the supplier of its main ingredients",
        params: dishParams,
        body: dishPatchSchema,
        response: { 200: dishSchema },
      },
    },
    async (request) =>
      menus.patchDish(actorOf(request), request.params.organisationId, request.params.dishId, request.body),
  );
}
