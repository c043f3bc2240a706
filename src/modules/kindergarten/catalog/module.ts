import type { AppModule } from '../../../platform/app-context.js';
import { kindergartenAttendance } from './child-attendance.js';
import { openDataRoutes } from '../open-data/routes.js';
import './permissions.js';
import { photoRoutes } from './photo-routes.js';
import { PhotoService } from './photo-service.js';
import { PublicCatalog } from './public-catalog.js';
import { catalogRoutes } from './routes.js';
import { CatalogService } from './service.js';
import './tables.js';

/**
 * Kindergarten catalog (issue 4): public list, map, pages, summary and open data; staff editing of
 * kindergartens, groups, enrollments, construction and uploaded photos. One snapshot per app serves
 * every public read.
 */
export const catalogModule: AppModule = {
  name: 'kindergarten-catalog',
  routes(app, ctx) {
    const catalog = new PublicCatalog(ctx.db);
    const service = new CatalogService(ctx.db, catalog);
    catalogRoutes(app, ctx, catalog, service);
    photoRoutes(app, ctx, new PhotoService(ctx.db, catalog));
    openDataRoutes(app, ctx, catalog);
  },
  family: { attendance: kindergartenAttendance },
};
