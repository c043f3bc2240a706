import { useLocation } from 'react-router';
import { useSession } from '../features/auth/session';
import { useT } from '../i18n/i18n-context';
import { LinkButton } from '../ui/button';
import { LockIcon } from '../ui/icons';
import { StatusPage } from './status-page';

export function ForbiddenPage() {
  const t = useT();
  const location = useLocation();
  const { user } = useSession();
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <StatusPage
      code="403"
      icon={<LockIcon />}
      title={t('forbidden.title')}
      actions={
        <>
          <LinkButton to="/" variant="secondary">
            {t('notFound.home')}
          </LinkButton>
          <LinkButton to={`/login?${new URLSearchParams({ returnTo }).toString()}`} variant="outline">
            {t('forbidden.switch')}
          </LinkButton>
        </>
      }
    >
      {user && <p>{t('forbidden.signedInAs', { name: user.fullName })}</p>}
      <p>{t('forbidden.text')}</p>
    </StatusPage>
  );
}
