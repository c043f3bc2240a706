import type { KindergartenList, MunicipalitySummary } from '@contracts/kindergarten-catalog';
import { api } from '../../api/api-client';
import type { Role } from '../../api/contracts';
import type { ServiceModule } from '../../app/service-module';
import { HomeIcon } from '../../ui/icons';

/** Who may open each of the service's protected sections: the guards and the menu read this one table. */
const ACCESS = {
  my: ['citizen'],
  staffKindergarten: ['kindergarten_head'],
  staffOfficer: ['municipal_officer', 'regional_admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The kindergarten service (catalog, queue, applications, directions, placement, analytics): every
 * route, menu entry and the home card. URLs are those the service always had.
 */
export const kindergartenModule: ServiceModule = {
  id: 'kindergarten',
  title: 'nav.kindergartens',
  routes: [
    { path: 'kindergartens/*', lazy: () => import('../kindergartens/route') },
    { path: 'queue/*', lazy: () => import('../queue/route') },
    { path: 'statistics/*', lazy: () => import('../statistics/route') },
    { path: 'my/*', lazy: () => import('../my-applications/route'), access: ACCESS.my },
    { path: 'my-directions/*', lazy: () => import('../directions/route'), access: ACCESS.my },
    {
      path: 'staff/directions/*',
      lazy: () => import('../staff-directions/route'),
      access: ACCESS.staffKindergarten,
    },
    {
      path: 'staff/applicants/*',
      lazy: () => import('../staff-applications/applicants-route'),
      access: ACCESS.staffKindergarten,
    },
    {
      path: 'staff/kindergarten/*',
      lazy: () => import('../staff-kindergarten/route'),
      access: ACCESS.staffKindergarten,
    },
    {
      path: 'staff/catalog/*',
      lazy: () => import('../staff-kindergarten/catalog-route'),
      access: ACCESS.staffOfficer,
    },
    {
      path: 'staff/applications/*',
      lazy: () => import('../staff-applications/route'),
      access: ACCESS.staffOfficer,
    },
    {
      path: 'staff/placement/*',
      lazy: () => import('../staff-placement/route'),
      access: ACCESS.staffOfficer,
    },
    {
      path: 'staff/analytics/*',
      lazy: () => import('../staff-analytics/route'),
      access: ACCESS.staffOfficer,
    },
  ],
  nav: [
    { to: '/kindergartens', label: 'nav.kindergartens' },
    { to: '/queue', label: 'nav.queue' },
    { to: '/statistics', label: 'nav.statistics' },
    { to: '/my', label: 'nav.my', roles: ACCESS.my },
    { to: '/my-directions', label: 'nav.myDirections', roles: ACCESS.my },
    { to: '/staff/kindergarten', label: 'nav.staffKindergarten', roles: ACCESS.staffKindergarten },
    { to: '/staff/applicants', label: 'nav.staffApplicants', roles: ACCESS.staffKindergarten },
    { to: '/staff/directions', label: 'nav.staffDirections', roles: ACCESS.staffKindergarten },
    { to: '/staff/applications', label: 'nav.staffApplications', roles: ACCESS.staffOfficer },
    { to: '/staff/placement', label: 'nav.staffPlacement', roles: ACCESS.staffOfficer },
    { to: '/staff/analytics', label: 'nav.staffAnalytics', roles: ACCESS.staffOfficer },
    // After the officer's other sections: signing in still lands on /staff/applications.
    { to: '/staff/catalog', label: 'nav.staffCatalog', roles: ACCESS.staffOfficer },
  ],
  requestKinds: { 'kindergarten.application': 'kindergarten.request.application' },
  home: {
    to: '/kindergartens',
    title: 'kindergarten.card.title',
    description: 'kindergarten.card.text',
    icon: <HomeIcon />,
    keywords: 'kindergarten.card.keywords',
    figure: {
      queryKey: ['portal', 'figure', 'kindergarten'],
      load: async (signal) => {
        const { items } = await api.get<{ items: MunicipalitySummary[] }>(
          '/api/kindergartens/summary',
          signal,
        );
        return items.reduce((sum, m) => sum + m.freePlaces, 0);
      },
      label: 'kindergarten.card.freePlaces',
    },
    actions: [
      { to: '/my', label: 'kindergarten.card.apply' },
      { to: '/queue', label: 'kindergarten.card.queue' },
    ],
    search: async (query, locale, signal) => {
      const params = new URLSearchParams({ q: query, pageSize: '5' });
      const { items } = await api.get<KindergartenList>(`/api/kindergartens?${params.toString()}`, signal);
      return items.map((k) => ({
        to: `/kindergartens/${k.id}`,
        title: (locale === 'en' && k.nameEn) || k.nameRu,
        detail: k.address,
      }));
    },
  },
};
