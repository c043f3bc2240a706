import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { kindergartenApplicantsResponseSchema } from '@contracts/kindergarten-queue';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { useSession } from '../auth/session';
import { fill, messages } from './messages';

type Applicants = z.infer<typeof kindergartenApplicantsResponseSchema>;
type Row = Applicants['items'][number];
const PAGE_SIZE = 20;

/** Заявители (/staff/applicants): a kindergarten head sees the applicants who chose the kindergarten, in queue order. */
export function Component() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const kindergartenId = user?.grants.find((g) => g.role === 'kindergarten_head')?.kindergartenId ?? null;
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['staff-applicants', kindergartenId, page],
    enabled: kindergartenId !== null,
    queryFn: ({ signal }) =>
      api.get<Applicants>(
        `/api/kindergarten/kindergartens/${kindergartenId}/applicants?page=${page}&pageSize=${PAGE_SIZE}`,
        signal,
      ),
  });
  const columns: TableColumn<Row>[] = [
    {
      id: 'position',
      header: m.applicantsPosition,
      cell: (r) => (r.position === null ? '—' : `${r.position} (${r.ageGroup})`),
      align: 'end',
    },
    { id: 'number', header: m.number, cell: (r) => r.number, rowHeader: true },
    {
      id: 'child',
      header: m.child,
      cell: (r) => `${r.childName}, ${formatDate(r.childBirthDate, { dateStyle: 'short' })}`,
    },
    { id: 'rank', header: m.applicantsRank, cell: (r) => r.rank, align: 'end' },
    {
      id: 'registered',
      header: m.registeredAt,
      cell: (r) => formatDate(r.registeredAt, { dateStyle: 'short' }),
    },
    { id: 'status', header: m.status, cell: (r) => m.statuses[r.status] },
    {
      id: 'contact',
      header: m.applicantsContact,
      cell: (r) => [r.applicantName, r.applicantPhone].filter(Boolean).join(', '),
    },
  ];
  return (
    <>
      <PageHeader title={m.applicantsTitle} lead={m.applicantsLead} />
      <Card>
        {kindergartenId === null && <EmptyState title={m.applicantsNoKindergarten} />}
        {list.isPending && kindergartenId !== null && <Spinner label={m.loading} />}
        {list.isError && <ProblemAlert error={list.error} />}
        {list.data && (
          <>
            <Table
              caption={fill(m.caption, { total: list.data.total })}
              columns={columns}
              rows={list.data.items}
              rowKey={(r) => r.applicationId}
              stackOnMobile
            />
            <Pagination
              page={page}
              pageCount={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
              onPageChange={setPage}
              label={m.pages}
            />
          </>
        )}
      </Card>
    </>
  );
}
