import type { AppModule } from '../../../platform/app-context.js';
import { enqueue } from '../../../platform/jobs/outbox.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import './notification-templates.js';
import './permissions.js';
import { placementRoutes } from './routes.js';
import { EXPIRE_TOPIC, RUN_TOPIC, executeRun, expireDirections } from './service.js';

const HOUR = 3600_000;
const hourKey = (t: number) => `placement-expire:${new Date(t).toISOString().slice(0, 13)}`;

/** Placement waves (комплектование), directions (направления) and their public verification. */
export const placementModule: AppModule = {
  name: 'placement',
  routes(app, ctx) {
    placementRoutes(app, ctx);
    // The expiry sweep reschedules itself hourly; the first one is enqueued at start-up.
    app.addHook('onReady', async () => {
      if (ctx.config.JOBS_ENABLED)
        await enqueue(ctx.db, { topic: EXPIRE_TOPIC, payload: {}, dedupeKey: hourKey(Date.now()) });
    });
  },
  jobs: () =>
    new Map<string, JobHandler>([
      [RUN_TOPIC, async (payload, tx) => executeRun(tx, Number(payload.runId))],
      [
        EXPIRE_TOPIC,
        async (_payload, tx) => {
          await expireDirections(tx);
          const next = Date.now() + HOUR;
          await enqueue(tx, {
            topic: EXPIRE_TOPIC,
            payload: {},
            dedupeKey: hourKey(next),
            runAfter: new Date(next),
          });
        },
      ],
    ]),
  schedules: [{ topic: EXPIRE_TOPIC, everyMinutes: 60 }],
};
