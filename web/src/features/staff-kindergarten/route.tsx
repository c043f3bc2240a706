import { useI18n } from '../../i18n/i18n-context';
import { EmptyState } from '../../ui/empty-state';
import { useSession } from '../auth/session';
import { KindergartenEditor } from './kindergarten-editor';
import { messages } from './messages';

/** Мой детский сад (/staff/kindergarten): the head's own kindergarten, from their role grant. */
export function Component() {
  const { locale } = useI18n();
  const { user } = useSession();
  const id = user?.grants.find((g) => g.role === 'kindergarten_head')?.kindergartenId ?? null;
  if (id === null) return <EmptyState title={messages[locale].noKindergarten} />;
  return <KindergartenEditor id={id} />;
}
