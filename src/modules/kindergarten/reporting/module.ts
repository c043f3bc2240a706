import type { AppModule } from '../../../platform/app-context.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { MONTHLY_TOPIC, generateMonthlyReport, scheduleMonthly } from './monthly-report.js';
import './permissions.js';
import { regionName } from './queries.js';
import { forecastRoutes, reportingRoutes } from './routes.js';
import { ForecastService } from './forecast-service.js';
import { ReportingService, today } from './service.js';

/**
 * Reporting: official indicators for any past day, exports, monthly report files, public statistics
 * and the demand forecast. One ReportingService per app so the dashboard, exports and jobs share counts.
 */
const services = new WeakMap<object, ReportingService>();
function serviceFor(ctx: Parameters<NonNullable<AppModule['routes']>>[1]): ReportingService {
  let s = services.get(ctx.db);
  if (!s) services.set(ctx.db, (s = new ReportingService(ctx.db)));
  return s;
}

export const reportingModule: AppModule = {
  name: 'kindergarten-reporting',
  routes(app, ctx) {
    const service = serviceFor(ctx);
    reportingRoutes(app, ctx, service);
    forecastRoutes(app, ctx, new ForecastService(ctx.db, service));
    // The first monthly job; each run enqueues the next (dedupe keys make this idempotent).
    app.addHook('onReady', async () => {
      await inTransaction(ctx.db, (tx) => scheduleMonthly(tx, today())).catch(() => undefined);
    });
  },
  jobs(ctx) {
    const handler: JobHandler = async (payload, tx) => {
      const reportDay = String(payload.reportDay);
      await generateMonthlyReport(tx, serviceFor(ctx), {
        dataDir: ctx.config.dataDir,
        reportDay,
        regionName: await regionName(tx),
      });
    };
    return new Map([[MONTHLY_TOPIC, handler]]);
  },
};
