import type { AppModule } from '../../platform/app-context.js';
import { mealsDemo } from './demo/demo-part.js';
import { dishPhotoRoutes } from './dishes/photo-routes.js';
import { publicFoodRoutes } from './food-folder/public-routes.js';
import { MenuService } from './menus/menu-service.js';
import { staffMenuRoutes } from './menus/staff-routes.js';
import './permissions.js';
import { supplierRoutes } from './suppliers/supplier-routes.js';
import './tables.js';

/**
 * School meals (issue 17): menus in the federal `/food/` format uploaded or generated from the
 * cyclic menu and the school calendar, each school's public `/food/` folder and menu of today and
 * the week ahead with allergens and the СанПиН check, suppliers' public cards with QR codes.
 */
export const mealsModule: AppModule = {
  name: 'meals',
  routes(app, ctx) {
    staffMenuRoutes(app, ctx, new MenuService(ctx.db));
    publicFoodRoutes(app, ctx);
    supplierRoutes(app, ctx);
    dishPhotoRoutes(app, ctx);
  },
  demo: mealsDemo,
};
