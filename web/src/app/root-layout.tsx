import { Outlet } from 'react-router';
import { useSession } from '../features/auth/session';
import { useT } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import styles from './root-layout.module.css';
import { useRouteFocus } from './route-focus';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

const MAIN_ID = 'main';

function ServerStatus() {
  const t = useT();
  const { isError, error } = useSession();
  // Only say something when the server cannot be reached or fails; a 4xx is not an outage.
  const status = (error as { status?: number } | null)?.status ?? 0;
  if (!isError || (status >= 400 && status < 500)) return null;
  return (
    <Alert tone="warning" className={styles.status}>
      {t('app.serverUnavailable')}
    </Alert>
  );
}

export function RootLayout() {
  const t = useT();
  useRouteFocus(MAIN_ID);
  return (
    <div className={styles.shell}>
      <a href={`#${MAIN_ID}`} className={styles.skipLink}>
        {t('app.skipLink')}
      </a>
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        <ServerStatus />
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
