import { createBrowserRouter, type RouteObject } from 'react-router';
import { Component as HomePage } from '../features/home/route';
import { AppLoading } from './app-loading';
import { PLATFORM_ACCESS } from './navigation';
import { NotFoundPage } from './not-found-page';
import { RequireRole } from './require-role';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';
import type { ModuleRoute } from './service-module';
import { SERVICE_MODULES } from './service-modules';

/** A manifest's route as a router entry, behind the guard its access asks for. */
export function guardedRoute({ path, lazy, access }: ModuleRoute): RouteObject {
  const route: RouteObject = { path, lazy };
  if (!access) return route;
  if (access === 'signedIn') return { Component: RequireRole, children: [route] };
  return { element: <RequireRole roles={access} />, children: [route] };
}

/** The platform's own pages; every family service brings its routes in its manifest. */
const PLATFORM_ROUTES: readonly ModuleRoute[] = [
  { path: 'login', lazy: () => import('../features/auth/login-route') },
  { path: 'accessibility', lazy: () => import('../features/accessibility/route') },
  { path: 'account', lazy: () => import('../features/auth/account-route'), access: 'signedIn' },
  { path: 'notifications', lazy: () => import('../features/notifications/route'), access: 'signedIn' },
  { path: 'my/family', lazy: () => import('../features/family/route'), access: PLATFORM_ACCESS.myFamily },
  {
    path: 'staff/organisation/*',
    lazy: () => import('../features/staff-organisation/route'),
    access: PLATFORM_ACCESS.staffOrganisation,
  },
  {
    path: 'staff/audit/*',
    lazy: () => import('../features/staff-audit/route'),
    access: PLATFORM_ACCESS.staffAudit,
  },
];

/**
 * Routes. Each section lives in web/src/features/<name>/ and exports `Component` from a route file,
 * loaded lazily so a heavy section (maps, charts) does not slow the others. Guards: `RequireRole`,
 * from each route's `access`.
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
          ...PLATFORM_ROUTES.map(guardedRoute),
          ...SERVICE_MODULES.flatMap((m) => m.routes.map(guardedRoute)),
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
