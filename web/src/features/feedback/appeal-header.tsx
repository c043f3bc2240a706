import type { Appeal } from '@contracts/feedback';
import { useI18n } from '../../i18n/i18n-context';
import { LinkButton } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { AppealStatusBadge } from './appeal-status-badge';
import { fill, messages } from './messages';

/** An appeal page's heading: its kind, its number, its status. */
export function AppealHeader({ appeal }: { appeal: Pick<Appeal, 'kind' | 'number' | 'status'> }) {
  const m = messages[useI18n().locale];
  return (
    <PageHeader
      eyebrow={m.kinds[appeal.kind]}
      title={fill(m.number, { number: appeal.number })}
      actions={<AppealStatusBadge status={appeal.status} label={m.statuses[appeal.status]} />}
    />
  );
}

/** The appeal could not be loaded (none, or not the caller's): what happened and the way back. */
export function AppealNotLoaded({
  error,
  back,
  backLabel,
}: {
  error: unknown;
  back: string;
  backLabel: string;
}) {
  const m = messages[useI18n().locale];
  return (
    <>
      <PageHeader title={m.notFound} />
      <ProblemAlert error={error} actions={<LinkButton to={back}>{backLabel}</LinkButton>} />
    </>
  );
}
