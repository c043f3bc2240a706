import { Badge, type BadgeTone } from '../../ui/badge';
import type { AppealStatusName } from './api';

const TONE: Record<AppealStatusName, BadgeTone> = {
  registered: 'info',
  forwarded: 'info',
  in_work: 'info',
  answered: 'success',
  answer_rejected: 'warning',
  closed: 'neutral',
  left_without_answer: 'danger',
};

export function AppealStatusBadge({ status, label }: { status: AppealStatusName; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
