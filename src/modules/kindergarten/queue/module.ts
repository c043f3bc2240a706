import type { AppModule } from '../../../platform/app-context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit-log.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { benefitDocumentRoutes } from './benefit-documents.js';
import { queueRoutes } from './routes.js';
import { recalculate, recalculateStale } from './service.js';
import { removeOverAge } from './staff-service.js';

/** Applications, the queue and its transparency (issue 5). */
export const queueModule: AppModule = {
  name: 'kindergarten-queue',
  routes: (app, ctx) => {
    queueRoutes(app, ctx);
    benefitDocumentRoutes(app, ctx);
  },
  jobs: () =>
    new Map<string, JobHandler>([
      [
        'queue.recalculate',
        // Idempotent: a job for a version already computed is skipped; a later version supersedes it.
        async (payload, tx) => {
          const { municipalityId, version } = payload as { municipalityId: number; version: number };
          await recalculate(tx, municipalityId, { minVersion: version });
        },
      ],
      [
        // A safety net: anything a lost job missed (and the first computation after a seed).
        'queue.recalculate-stale',
        async (_payload, tx) => {
          await recalculateStale(tx);
        },
      ],
      [
        'queue.remove-over-age',
        async (_payload, tx) => {
          await removeOverAge(tx, SYSTEM_ACTOR, null);
        },
      ],
    ]),
  schedules: [
    { topic: 'queue.recalculate-stale', everyMinutes: 10 },
    { topic: 'queue.remove-over-age', everyMinutes: 24 * 60 },
  ],
};
