import type { ServiceModule } from '../../app/service-module';
import { DocumentIcon } from '../../ui/icons';

/** School meals: the schools' menus of today and the week, with allergens and suppliers. */
export const mealsModule: ServiceModule = {
  id: 'meals',
  title: 'meals.nav',
  routes: [{ path: 'meals/*', lazy: () => import('./route') }],
  nav: [{ to: '/meals', label: 'meals.nav' }],
  home: {
    to: '/meals',
    title: 'meals.card.title',
    description: 'meals.card.text',
    icon: <DocumentIcon />,
    keywords: 'meals.card.keywords',
  },
};
