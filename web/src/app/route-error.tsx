import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { WarningIcon } from '../ui/icons';
import { NotFoundPage } from './not-found-page';
import { StatusPage } from './status-page';

/** Shown inside the layout when a route fails to load or render (e.g. a missing chunk after a deploy). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <StatusPage
      icon={<WarningIcon />}
      title={t('routeError.title')}
      actions={<Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>}
    >
      <p>{t('routeError.text')}</p>
    </StatusPage>
  );
}
