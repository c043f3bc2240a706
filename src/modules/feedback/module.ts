import type { AppModule } from '../../platform/app-context.js';
import { AppealService } from './appeals/appeal-service.js';
import { categorySuggester } from './appeals/category-suggestion.js';
import { citizenAppealRoutes } from './appeals/routes.js';
import { StaffAppealService } from './appeals/staff-service.js';
import { staffAppealRoutes } from './appeals/staff-routes.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { feedbackDemo } from './demo/demo.js';
import { open311ConfirmRoutes } from './open311/open311-confirm-routes.js';
import { open311Routes } from './open311/open311-routes.js';
import { Open311Service } from './open311/open311-service.js';
import './permissions.js';
import { publicFeedbackRoutes } from './public-routes.js';
import './tables.js';

/**
 * Citizens' feedback (issue 15): appeals and messages with their legal deadlines, routing to the
 * responsible staff, the operator's desk, ratings, and the public topics contract for contests.
 */
export const feedbackModule: AppModule = {
  name: 'feedback',
  routes(app, ctx) {
    const appeals = new AppealService(ctx.db);
    const desk = new StaffAppealService(ctx.db, appeals, categorySuggester());
    publicFeedbackRoutes(app, ctx);
    citizenAppealRoutes(app, ctx, appeals);
    staffAppealRoutes(app, ctx, desk);
    const open311 = new Open311Service(ctx.db, appeals, ctx.config.publicUrl);
    open311Routes(app, ctx, open311);
    open311ConfirmRoutes(app, open311);
    dashboardRoutes(app, new DashboardService(ctx.db));
  },
  demo: feedbackDemo,
};
