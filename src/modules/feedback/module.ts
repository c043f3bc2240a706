import type { AppModule } from '../../platform/app-context.js';
import type { Config } from '../../platform/config.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { AppealService, sendDueSurveys, type AppealOptions } from './appeals/appeal-service.js';
import { categorySuggester, type SuggestCategories } from './appeals/category-suggestion.js';
import { regionDay } from './calendar/region-today.js';
import { DuplicateFinder } from './duplicates/duplicate-service.js';
import { citizenAppealRoutes } from './appeals/routes.js';
import { StaffAppealService } from './appeals/staff-service.js';
import { staffAppealRoutes } from './appeals/staff-routes.js';
import { archiveRoutes } from './archive/archive-routes.js';
import { ArchiveService } from './archive/archive-service.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { feedbackDemo } from './demo/demo.js';
import { open311ConfirmRoutes } from './open311/open311-confirm-routes.js';
import { open311Routes } from './open311/open311-routes.js';
import { Open311Service } from './open311/open311-service.js';
import './permissions.js';
import { publicFeedbackRoutes } from './public-routes.js';
import './tables.js';

/** The «устранено» survey sweep, hourly. */
export const SURVEY_TOPIC = 'feedback.survey-due';

/**
 * Citizens' feedback (issue 15): appeals and messages with their legal deadlines, routing to the
 * responsible staff, the operator's desk, ratings, and the public topics contract for contests.
 */
export const feedbackModule: AppModule = {
  name: 'feedback',
  routes(app, ctx) {
    const suggest = categorySuggester();
    const appeals = new AppealService(ctx.db, undefined, appealOptions(ctx.config, suggest));
    const desk = new StaffAppealService(ctx.db, appeals, suggest);
    publicFeedbackRoutes(app, ctx);
    citizenAppealRoutes(app, ctx, appeals);
    staffAppealRoutes(app, ctx, desk);
    const open311 = new Open311Service(ctx.db, appeals, ctx.config.publicUrl);
    open311Routes(app, ctx, open311);
    open311ConfirmRoutes(app, open311);
    dashboardRoutes(app, new DashboardService(ctx.db));
    archiveRoutes(app, ctx, new ArchiveService(ctx.db));
  },
  demo: feedbackDemo,
  jobs: () =>
    new Map<string, JobHandler>([
      [
        SURVEY_TOPIC,
        // Idempotent: a survey sent is marked in the same transaction and never sent again.
        async (_payload, tx) => {
          await sendDueSurveys(tx, regionDay(new Date()));
        },
      ],
    ]),
  schedules: [{ topic: SURVEY_TOPIC, everyMinutes: 60 }],
};

/** The module's settings from the platform's configuration (FEEDBACK_* in src/platform/config.ts). */
export function appealOptions(config: Config, suggest: SuggestCategories | null): AppealOptions {
  return {
    duplicates: new DuplicateFinder({
      radiusMetres: config.FEEDBACK_DUPLICATE_RADIUS_M,
      windowDays: config.FEEDBACK_DUPLICATE_WINDOW_DAYS,
      minSimilarity: config.FEEDBACK_DUPLICATE_MIN_SIMILARITY,
    }),
    suggest,
    autoRouteConfidence: config.FEEDBACK_AUTO_ROUTE_CONFIDENCE,
    surveyDays: config.FEEDBACK_SURVEY_DAYS,
  };
}
