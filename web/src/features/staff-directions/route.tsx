import type { Direction } from '@contracts/kindergarten-placement';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { useSession } from '../auth/session';
import { messages } from './messages';

/** Направления (/staff/directions): the head records enrollment (зачислен) of directed children. */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const kindergartenId = user?.grants.find((g) => g.role === 'kindergarten_head')?.kindergartenId ?? null;
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['staff-directions', kindergartenId],
    queryFn: () =>
      api.get<{ items: Direction[] }>(`/api/placement/kindergartens/${kindergartenId}/directions`),
    enabled: kindergartenId !== null,
  });
  const enroll = useMutation({
    mutationFn: (d: Direction) => api.post<Direction>(`/api/directions/${d.id}/enroll`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['staff-directions'] }),
  });
  return (
    <>
      <PageHeader title={m.title} lead={m.lead} />
      {kindergartenId === null ? (
        <Alert tone="warning">{m.noKindergarten}</Alert>
      ) : list.isPending ? (
        <Spinner label={m.loading} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={m.none} text={m.noneText} />
      ) : (
        <>
          {enroll.isError && <ProblemAlert error={enroll.error} />}
          {enroll.isSuccess && (
            <Alert tone="success" live="status">
              {m.enrolled(enroll.data.childName)}
            </Alert>
          )}
          <Table
            caption={m.caption}
            stackOnMobile
            rows={list.data.items}
            rowKey={(d) => d.id}
            columns={[
              { id: 'c', header: m.child, rowHeader: true, cell: (d) => d.childName },
              { id: 'n', header: m.number, cell: (d) => d.number },
              { id: 'g', header: m.group, cell: (d) => d.groupName },
              { id: 'v', header: m.validUntil, cell: (d) => d.validUntil },
              {
                id: 's',
                header: m.status,
                cell: (d) => (
                  <Badge
                    tone={d.status === 'enrolled' ? 'success' : d.status === 'expired' ? 'danger' : 'info'}
                  >
                    {m.statuses[d.status]}
                  </Badge>
                ),
              },
              {
                id: 'a',
                header: m.enroll,
                hideLabelWhenStacked: true,
                cell: (d) =>
                  d.permittedActions.includes('placement.direction.enroll') ? (
                    <Button
                      size="small"
                      onClick={() => enroll.mutate(d)}
                      disabled={enroll.isPending}
                      aria-label={m.enrollLabel(d.childName)}
                    >
                      {m.enroll}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
