import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/contracts';
import { hasAnyRole, useSession } from '../features/auth/session';
import { useT } from '../i18n/i18n-context';
import { Spinner } from '../ui/spinner';
import { ForbiddenPage } from './forbidden-page';

/**
 * Guards a group of routes: signed-out visitors go to /login?returnTo=…, a signed-in person without a
 * fitting role gets a clear 403 page. The server checks again on every request; this only guides.
 */
export function RequireRole({ roles }: { roles?: readonly Role[] }) {
  const t = useT();
  const location = useLocation();
  const { user, isResolving } = useSession();

  if (isResolving) return <Spinner label={t('guard.checking')} />;
  if (!user) {
    const returnTo = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?${new URLSearchParams({ returnTo }).toString()}`} replace />;
  }
  if (roles && !hasAnyRole(user, roles)) return <ForbiddenPage />;
  return <Outlet />;
}
