import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Badge } from '../ui/badge';
import { LinkButton } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { ToolsIcon } from '../ui/icons';
import { PageHeader } from '../ui/page-header';

/** The placeholder of a section another team is building: a page title and a calm «в разработке» state. */
export function UnderConstruction({ title, lead }: { title: MessageKey; lead: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} lead={t(lead)} eyebrow={<Badge tone="info">{t('wip.badge')}</Badge>} />
      <EmptyState
        icon={<ToolsIcon />}
        title={t('wip.title')}
        text={t('wip.text')}
        actions={
          <LinkButton to="/" variant="secondary">
            {t('wip.home')}
          </LinkButton>
        }
      />
    </>
  );
}
