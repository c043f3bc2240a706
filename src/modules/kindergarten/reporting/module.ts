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
const WARM_EVERY_MS = 60_000;

/** The dashboard's first load computed ahead: indicators, series and the default forecast. */
export async function warmDashboard(service: ReportingService, forecasts: ForecastService): Promise<void> {
  await service.warm();
  await forecasts.forecast({ id: null, name: 'warm-up', withoutPlanned: false, additions: [] });
}
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
    const forecasts = new ForecastService(ctx.db, service);
    forecastRoutes(app, ctx, forecasts);
    // The first monthly job; each run enqueues the next (dedupe keys make this idempotent).
    app.addHook('onReady', async () => {
      await inTransaction(ctx.db, (tx) => scheduleMonthly(tx, today())).catch(() => undefined);
    });
    // The analytics dashboard's first load reads counts computed ahead (service.warm): at start and
    // every minute, in the server that runs the jobs; tests and one-off tools leave it off.
    if (ctx.config.JOBS_ENABLED && ctx.config.NODE_ENV !== 'test') {
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> | undefined;
      const warm = () => {
        running ??= warmDashboard(service, forecasts)
          .catch((err: unknown) => app.log.warn({ err }, 'reporting: warming the dashboard counts failed'))
          .finally(() => (running = undefined));
      };
      app.addHook('onReady', async () => {
        warm();
        timer = setInterval(warm, WARM_EVERY_MS);
        timer.unref();
      });
      app.addHook('onClose', async () => {
        clearInterval(timer);
        await running;
      });
    }
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
