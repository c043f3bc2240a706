import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardSchema } from '../../../contracts/feedback.js';
import { tablesToXlsx } from '../../../platform/files/spreadsheet-tables.js';
import { unauthorized } from '../../../platform/http/problem.js';
import { FEEDBACK_ACTIONS } from '../permissions.js';
import { dashboardTables } from './dashboard-tables.js';
import type { DashboardService } from './dashboard-service.js';

const tags = ['feedback'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The ЦУР dashboard of the appeals the caller's grants cover, on screen and as XLSX. */
export function dashboardRoutes(app: FastifyInstance, dashboards: DashboardService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/staff/feedback/dashboard',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.dashboard } },
      schema: {
        tags,
        summary: 'Appeals over a period by month, municipality, topic and organisation; today’s open load',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => {
      if (!request.principal) throw unauthorized();
      return dashboards.dashboard(request.principal, request.query);
    },
  );

  r.get(
    '/api/staff/feedback/dashboard.xlsx',
    {
      config: { permission: { action: FEEDBACK_ACTIONS.dashboard, expensive: true } },
      schema: {
        tags,
        summary: 'The dashboard as an XLSX workbook: the same figures as the screen, one sheet per view',
        querystring: dashboardQuerySchema,
      },
    },
    async (request, reply) => {
      if (!request.principal) throw unauthorized();
      const d = await dashboards.dashboard(request.principal, request.query);
      const file = await tablesToXlsx(dashboardTables(d), {
        title: `Обращения граждан ${d.from} — ${d.to}`,
        generatedAt: new Date(),
      });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="feedback-${d.from}-${d.to}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );
}
