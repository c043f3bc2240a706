import { createBrowserRouter, type RouteObject } from 'react-router';
import { Component as HomePage } from '../features/home/route';
import { AppLoading } from './app-loading';
import { ACCESS } from './navigation';
import { NotFoundPage } from './not-found-page';
import { RequireRole } from './require-role';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/**
 * Routes. Each section lives in web/src/features/<name>/route.tsx and exports `Component`; it is loaded
 * lazily so a heavy section (maps, charts) does not slow the others. To build a section, replace its
 * route.tsx (nested routes go in `children`). Guards: `RequireRole` with a role list from ACCESS.
 */
const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    HydrateFallback: AppLoading,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, Component: HomePage },
          { path: 'login', lazy: () => import('../features/auth/login-route') },
          { path: 'accessibility', lazy: () => import('../features/accessibility/route') },
          { path: 'kindergartens/*', lazy: () => import('../features/kindergartens/route') },
          { path: 'queue/*', lazy: () => import('../features/queue/route') },
          { path: 'statistics/*', lazy: () => import('../features/statistics/route') },
          {
            Component: RequireRole,
            children: [
              { path: 'account', lazy: () => import('../features/auth/account-route') },
              { path: 'notifications', lazy: () => import('../features/notifications/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.my} />,
            children: [{ path: 'my/*', lazy: () => import('../features/my-applications/route') }],
          },
          {
            element: <RequireRole roles={ACCESS.my} />,
            children: [{ path: 'my-directions/*', lazy: () => import('../features/directions/route') }],
          },
          {
            element: <RequireRole roles={ACCESS.staffOrganisation} />,
            children: [
              { path: 'staff/organisation/*', lazy: () => import('../features/staff-organisation/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffKindergarten} />,
            children: [
              { path: 'staff/directions/*', lazy: () => import('../features/staff-directions/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffKindergarten} />,
            children: [
              {
                path: 'staff/applicants/*',
                lazy: () => import('../features/staff-applications/applicants-route'),
              },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffKindergarten} />,
            children: [
              { path: 'staff/kindergarten/*', lazy: () => import('../features/staff-kindergarten/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffCatalog} />,
            children: [
              { path: 'staff/catalog/*', lazy: () => import('../features/staff-kindergarten/catalog-route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffApplications} />,
            children: [
              { path: 'staff/applications/*', lazy: () => import('../features/staff-applications/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffPlacement} />,
            children: [
              { path: 'staff/placement/*', lazy: () => import('../features/staff-placement/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffAnalytics} />,
            children: [
              { path: 'staff/analytics/*', lazy: () => import('../features/staff-analytics/route') },
            ],
          },
          {
            element: <RequireRole roles={ACCESS.staffAudit} />,
            children: [{ path: 'staff/audit/*', lazy: () => import('../features/staff-audit/route') }],
          },
          ...(import.meta.env.DEV ? [{ path: 'dev/ui', lazy: () => import('./ui-kit-route') }] : []),
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
