import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  forecastQuerySchema,
  forecastResponseSchema,
  scenarioInputSchema,
  scenarioListSchema,
  scenarioSchema,
  indicatorsQuerySchema,
  indicatorsResponseSchema,
  publicStatisticsSchema,
  reportFileListSchema,
  reportFileSchema,
  seriesQuerySchema,
  seriesResponseSchema,
} from '../../../contracts/kindergarten-reporting.js';
import type { AppContext } from '../../../platform/app-context.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { generateMonthlyReport, reportsDir } from './monthly-report.js';
import { REPORTING_ACTIONS } from './permissions.js';
import { reportTables } from './report-tables.js';
import { resolveQuery, today, type ReportingService } from './service.js';
import { tableToCsv, tablesToXlsx } from '../../../platform/files/spreadsheet-tables.js';
import {
  insertScenario,
  listMunicipalities,
  listReportFiles,
  listScenarios,
  regionName,
  reportFileById,
  scenarioById,
} from './queries.js';
import { recordAudit } from '../../../platform/audit/audit-log.js';
import { can, municipalityOrOwn } from '../../../platform/auth/permissions.js';
import { scenarioFromRow, type ForecastService } from './forecast-service.js';
import { actorOf } from '../../../platform/http/request-actor.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Left out, the municipality is the caller's own (the whole region only for a region-wide grant).
const scopeOfQuery = (request: FastifyRequest) => ({
  municipalityId: municipalityOrOwn(
    request.principal,
    REPORTING_ACTIONS.read,
    (request.query as { municipalityId?: number }).municipalityId,
  ),
});
/** The municipality the permission check resolved: undefined means the whole region. */
const scopedMunicipality = (request: FastifyRequest) => request.scope?.municipalityId ?? undefined;

export function reportingRoutes(app: FastifyInstance, ctx: AppContext, service: ReportingService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  const read = { action: REPORTING_ACTIONS.read, scope: scopeOfQuery };
  // Files and long series are computed on request: each user has a budget of them per minute.
  const readExpensive = { ...read, expensive: true as const };

  r.get(
    '/api/reporting/indicators',
    {
      config: { permission: read },
      schema: {
        tags: ['reporting'],
        summary:
          'Official indicators on a day (ФГИС ДДО): region, municipalities, kindergartens of one municipality',
        querystring: indicatorsQuerySchema,
        response: { 200: indicatorsResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.indicators(
        resolveQuery({ ...request.query, municipalityId: scopedMunicipality(request) }),
      );
    },
  );

  r.get(
    '/api/reporting/indicators/series',
    {
      config: { permission: readExpensive },
      schema: {
        tags: ['reporting'],
        summary: 'Month-end time series of demand, placed children and availability',
        querystring: seriesQuerySchema,
        response: { 200: seriesResponseSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const bands = resolveQuery({ date: q.to, bands: q.bands }).bands;
      return service.series(q.from, q.to, scopedMunicipality(request), bands);
    },
  );

  for (const format of ['xlsx', 'csv'] as const)
    r.get(
      `/api/reporting/indicators.${format}`,
      {
        config: { permission: readExpensive },
        schema: {
          tags: ['reporting'],
          summary:
            format === 'xlsx'
              ? 'The indicators as an XLSX workbook (ФГИС ДДО tables, age bands, benefits, waves, 85-К)'
              : 'The summary table of the indicators as CSV (semicolon-separated, UTF-8 with BOM)',
          querystring: indicatorsQuerySchema,
        },
      },
      async (request, reply) => {
        const q = resolveQuery({ ...request.query, municipalityId: scopedMunicipality(request) });
        const indicators = await service.indicators(q);
        const tables = reportTables(indicators, await regionName(db));
        const base = `indicators-${q.day}${q.municipalityId ? `-m${q.municipalityId}` : ''}`;
        reply.header('cache-control', 'private, no-store');
        reply.header('content-disposition', `attachment; filename="${base}.${format}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableToCsv(tables[0]!));
        const buffer = await tablesToXlsx(tables, { title: tables[0]!.title, generatedAt: new Date() });
        return reply.type(XLSX_TYPE).send(buffer);
      },
    );

  r.get(
    '/api/public/statistics',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['reporting'],
        summary: 'Public statistics: the same aggregates as the staff dashboard, nothing personal',
        querystring: indicatorsQuerySchema.omit({ municipalityId: true }),
        response: { 200: publicStatisticsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.publicStatistics(resolveQuery(request.query));
    },
  );

  r.get(
    '/api/reporting/reports',
    {
      config: { permission: { action: REPORTING_ACTIONS.read } },
      schema: {
        tags: ['reporting'],
        summary: 'Monthly report files, newest first',
        response: { 200: reportFileListSchema },
      },
    },
    async () => ({ items: await listReportFiles(db) }),
  );

  r.get(
    '/api/reporting/reports/:reportId',
    {
      config: { permission: { action: REPORTING_ACTIONS.read } },
      schema: {
        tags: ['reporting'],
        summary: 'Download one monthly report file',
        params: z.object({ reportId: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const file = await reportFileById(db, request.params.reportId);
      if (!file) throw notFound('Report file');
      const full = path.join(reportsDir(config.dataDir), file.fileName);
      if (!fs.existsSync(full)) throw notFound('Report file on disk');
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return reply.type(XLSX_TYPE).send(fs.createReadStream(full));
    },
  );

  r.post(
    '/api/reporting/reports',
    {
      config: { permission: { action: REPORTING_ACTIONS.generate, expensive: true } },
      schema: {
        tags: ['reporting'],
        summary: 'Generate the monthly report of a past month now (the scheduled job does this on the 1st)',
        body: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM') }),
        response: { 200: reportFileSchema },
      },
    },
    async (request) => {
      const [y, m] = request.body.month.split('-').map(Number) as [number, number];
      const reportDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      if (reportDay >= today()) throw invalidField('month', 'The month is not over yet', 'a past month');
      const name = await regionName(db);
      return inTransaction(db, (tx) =>
        generateMonthlyReport(tx, service, {
          dataDir: config.dataDir,
          reportDay,
          regionName: name,
          actor: actorOf(request),
        }),
      );
    },
  );
}

export function forecastRoutes(app: FastifyInstance, ctx: AppContext, forecasts: ForecastService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get(
    '/api/reporting/forecast',
    {
      config: { permission: { action: REPORTING_ACTIONS.read, expensive: true } },
      schema: {
        tags: ['reporting'],
        summary: 'Demand vs capacity and the deficit per municipality, 1–5 years ahead, for a scenario',
        querystring: forecastQuerySchema,
        response: { 200: forecastResponseSchema },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.scenarioId !== undefined) {
        const row = await scenarioById(db, q.scenarioId);
        if (!row) throw notFound('Scenario');
        const s = scenarioFromRow(row);
        return forecasts.forecast({
          id: s.id,
          name: s.name,
          withoutPlanned: s.withoutPlanned,
          additions: s.additions,
        });
      }
      const without = q.withoutPlanned ?? false;
      return forecasts.forecast({
        id: null,
        name: without ? 'Без строящихся и планируемых ДОО' : 'С учётом строящихся и планируемых ДОО',
        withoutPlanned: without,
        additions: [],
      });
    },
  );

  r.get(
    '/api/reporting/scenarios',
    {
      config: { permission: { action: REPORTING_ACTIONS.read } },
      schema: {
        tags: ['reporting'],
        summary: 'Saved what-if scenarios',
        response: { 200: scenarioListSchema },
      },
    },
    async () => ({ items: (await listScenarios(db)).map(scenarioFromRow) }),
  );

  r.post(
    '/api/reporting/scenarios',
    {
      config: { permission: { action: REPORTING_ACTIONS.scenarioWrite } },
      schema: {
        tags: ['reporting'],
        summary: 'Save a what-if scenario (places added per municipality from a year)',
        body: scenarioInputSchema,
        response: { 200: scenarioSchema },
      },
    },
    async (request) => {
      const body = request.body;
      body.additions.forEach((a, i) => {
        if (!can(request.principal, REPORTING_ACTIONS.scenarioWrite, { municipalityId: a.municipalityId }))
          throw invalidField(
            `additions.${i}.municipalityId`,
            'Not a municipality you may plan for',
            'your municipality',
          );
      });
      const known = new Set((await listMunicipalities(db)).map((m) => m.id));
      body.additions.forEach((a, i) => {
        if (!known.has(a.municipalityId))
          throw invalidField(`additions.${i}.municipalityId`, 'No such municipality', 'a municipality id');
      });
      return inTransaction(db, async (tx) => {
        const row = await insertScenario(tx, { ...body, createdBy: request.principal!.userId });
        await recordAudit(tx, actorOf(request), {
          action: 'reporting.scenario.created',
          subjectType: 'forecast_scenario',
          subjectId: row.id,
          summary: { name: body.name, withoutPlanned: body.withoutPlanned, additions: body.additions },
        });
        return scenarioFromRow(row);
      });
    },
  );
}
