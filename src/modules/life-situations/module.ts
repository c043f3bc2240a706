import type { AppModule } from '../../platform/app-context.js';
import { lifeSituationsDemo } from './demo/demo-part.js';
import { navigatorRoutes } from './navigator/routes.js';
import { ensureShippedCatalogue } from './navigator/service.js';
import './permissions.js';
import { ratingRoutes } from './ratings/routes.js';
import './tables.js';

/**
 * Life situations (issue 19): the navigator across services tied to the family's real requests in the
 * platform registry, and «Ваш контроль» ratings with the organisations' answers. The shipped catalogue
 * is written at start-up into a database that lacks it (version 1; staff edits make new versions).
 */
export const lifeSituationsModule: AppModule = {
  name: 'life-situations',
  async routes(app, ctx) {
    await ensureShippedCatalogue(ctx.db);
    navigatorRoutes(app, ctx);
    ratingRoutes(app, ctx);
  },
  demo: lifeSituationsDemo,
};
