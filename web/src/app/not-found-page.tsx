import { useT } from '../i18n/i18n-context';
import { LinkButton } from '../ui/button';
import { SearchIcon } from '../ui/icons';
import { StatusPage } from './status-page';

export function NotFoundPage() {
  const t = useT();
  return (
    <StatusPage
      code="404"
      icon={<SearchIcon />}
      title={t('notFound.title')}
      actions={<LinkButton to="/">{t('notFound.home')}</LinkButton>}
    >
      <p>{t('notFound.text')}</p>
    </StatusPage>
  );
}
