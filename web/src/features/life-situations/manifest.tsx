import type { Role } from '../../api/contracts';
import type { ServiceModule } from '../../app/service-module';
import { DocumentIcon } from '../../ui/icons';
import { loadOffers, loadSituations } from './api';

/** Who may open the service's protected sections (the guards and the menu read this one table). */
const ACCESS = {
  staffEdit: ['regional_admin'],
  /** As the server's ANSWERING_ROLES (life.rating.answer). */
  staffAnswer: [
    'kindergarten_head',
    'organisation_head',
    'organisation_staff',
    'municipal_officer',
    'regional_admin',
  ],
  staffAnswerMenu: ['kindergarten_head', 'municipal_officer', 'regional_admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Life situations (issue 19): the public catalogue and step-by-step pages, a signed-in family's task
 * lists, «Ваш контроль» ratings, staff editing, and the offers on a family's home page.
 */
export const lifeSituationsModule: ServiceModule = {
  id: 'life-situations',
  title: 'life.title',
  routes: [
    { path: 'life-situations/*', lazy: () => import('./route') },
    { path: 'staff/life-situations/*', lazy: () => import('./staff-route'), access: ACCESS.staffEdit },
    { path: 'staff/ratings/*', lazy: () => import('./staff-ratings-route'), access: ACCESS.staffAnswer },
  ],
  nav: [
    { to: '/life-situations', label: 'life.nav.catalogue' },
    { to: '/life-situations/ratings', label: 'life.nav.ratings', roles: ['citizen'] },
    { to: '/staff/life-situations', label: 'life.nav.staff', roles: ACCESS.staffEdit },
    // Not for organisation_head / organisation_staff: their first menu entry is where they land after
    // signing in (the platform's /staff/organisation); they reach this page from the address.
    { to: '/staff/ratings', label: 'life.nav.staffRatings', roles: ACCESS.staffAnswerMenu },
  ],
  home: {
    to: '/life-situations',
    title: 'life.card.title',
    description: 'life.card.text',
    icon: <DocumentIcon />,
    keywords: 'life.card.keywords',
    figure: {
      queryKey: ['portal', 'figure', 'life-situations'],
      load: async (signal) => (await loadSituations({}, signal)).total,
      label: 'life.card.count',
    },
    actions: [
      { to: '/life-situations', label: 'life.card.catalogue' },
      { to: '/life-situations/ratings', label: 'life.card.rate' },
    ],
    search: async (query, locale, signal) => {
      const { items } = await loadSituations({ q: query }, signal);
      return items.slice(0, 5).map((s) => ({
        to: `/life-situations/${s.code}`,
        title: (locale === 'en' && s.titleEn) || s.titleRu,
        detail: (locale === 'en' && s.summaryEn) || s.summaryRu,
      }));
    },
  },
  familyOffers: {
    queryKey: ['life', 'offers'],
    load: async (locale, signal) => {
      const { items } = await loadOffers(signal);
      return items.map((s) => ({
        to: `/life-situations/${s.code}`,
        title: (locale === 'en' && s.titleEn) || s.titleRu,
        detail: (locale === 'en' && s.summaryEn) || s.summaryRu,
      }));
    },
  },
};
