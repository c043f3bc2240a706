import type { AppModule } from '../../platform/app-context.js';
import { contestsDemo } from './demo/demo-part.js';
import './permissions.js';
import { contestRoutes } from './routes.js';
import './tables.js';

/**
 * Contests of best practices (issue 18): contests with nominations from the appeal topics, practices
 * and their moderation, expert review, one-person-one-vote voting and the public vote log
 * (/work/shared/specs/vote-log.md) with its checkpoints, results and `contests:verify`.
 */
export const contestsModule: AppModule = {
  name: 'contests',
  routes(app, ctx) {
    contestRoutes(app, ctx);
  },
  demo: contestsDemo,
};
