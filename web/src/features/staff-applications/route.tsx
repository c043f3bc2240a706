import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import type { z } from 'zod';
import type {
  duplicateListResponseSchema,
  staffApplicationListResponseSchema,
} from '@contracts/kindergarten-queue';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { useRegion } from '../region/region';
import { ApplicationDesk } from './application-desk';
import { fill, messages } from './messages';
import { PaperApplication } from './paper-application';
import styles from './staff.module.css';

type ListResponse = z.infer<typeof staffApplicationListResponseSchema>;
type Row = ListResponse['items'][number];
type Duplicates = z.infer<typeof duplicateListResponseSchema>;
const PAGE_SIZE = 25;

function Duplicates({ municipalityId }: { municipalityId: string }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const client = useQueryClient();
  const dups = useQuery({
    queryKey: ['staff-dups', municipalityId],
    enabled: !!municipalityId,
    queryFn: ({ signal }) =>
      api.get<Duplicates>(`/api/kindergarten/municipalities/${municipalityId}/duplicates`, signal),
  });
  const merge = useMutation({
    mutationFn: ({ keep, dup }: { keep: string; dup: string }) =>
      api.post(`/api/kindergarten/applications/${keep}/merge`, {
        duplicateApplicationId: dup,
        reason: m.mergeReason,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['staff-dups'] }),
  });
  return (
    <Card title={m.duplicates} headingLevel={2}>
      {dups.data?.items.length === 0 && <p>{m.noDuplicates}</p>}
      <ul className={styles.list}>
        {dups.data?.items.map((g) => (
          <li key={g.applications.map((a) => a.id).join()} className={styles.item}>
            {g.applications.map((a) => (
              <span key={a.id}>
                {a.number} · {a.childName} · {a.childBirthDate} · {m.statuses[a.status]}
              </span>
            ))}
            <div>
              <Button
                size="small"
                variant="outline"
                onClick={() => merge.mutate({ keep: g.applications[0]!.id, dup: g.applications[1]!.id })}
              >
                {m.merge}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {merge.isError && <ProblemAlert error={merge.error} />}
    </Card>
  );
}

function ApplicationList() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const { region } = useRegion();
  const own = user?.grants.find((g) => g.role === 'municipal_officer')?.municipalityId;
  const [municipalityId, setMunicipalityId] = useState('');
  const mId =
    municipalityId ||
    (own ? String(own) : region?.municipalities[0] ? String(region.municipalities[0].id) : '');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [claimed, setClaimed] = useState(false);
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) params.set('q', q);
  if (claimed) params.set('withClaimedBenefits', 'true');
  const list = useQuery({
    queryKey: ['staff-apps', mId, params.toString()],
    enabled: !!mId,
    queryFn: ({ signal }) =>
      api.get<ListResponse>(`/api/kindergarten/municipalities/${mId}/applications?${params}`, signal),
    placeholderData: (p) => p,
  });
  const columns: TableColumn<Row>[] = [
    { id: 'number', header: m.number, cell: (r) => r.number, rowHeader: true },
    { id: 'child', header: m.child, cell: (r) => r.childName },
    { id: 'birth', header: m.birthDate, cell: (r) => formatDate(r.childBirthDate, { dateStyle: 'short' }) },
    {
      id: 'registered',
      header: m.registeredAt,
      cell: (r) => formatDate(r.registeredAt, { dateStyle: 'short', timeStyle: 'short' }),
    },
    { id: 'status', header: m.status, cell: (r) => m.statuses[r.status] },
    {
      id: 'open',
      header: m.open,
      hideLabelWhenStacked: true,
      cell: (r) => (
        <LinkButton
          to={`/staff/applications/${r.id}`}
          size="small"
          variant="outline"
          aria-label={`${m.open}: ${r.number}`}
        >
          {m.open}
        </LinkButton>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={m.title} lead={m.lead} />
      <div className={styles.stack}>
        <Card>
          <form
            className={styles.row}
            onSubmit={(e) => {
              e.preventDefault();
              setQ(text);
              setPage(1);
            }}
          >
            {!own && (
              <Select
                label={m.municipality}
                value={mId}
                onChange={(e) => setMunicipalityId(e.target.value)}
                options={(region?.municipalities ?? []).map((mu) => ({
                  value: String(mu.id),
                  label: locale === 'en' ? mu.nameEn : mu.nameRu,
                }))}
              />
            )}
            <TextField
              label={m.search}
              value={text}
              onChange={(e) => setText(e.target.value)}
              type="search"
            />
            <Button type="submit">{m.find}</Button>
            <Checkbox
              label={m.claimedOnly}
              checked={claimed}
              onChange={(e) => setClaimed(e.target.checked)}
            />
          </form>
          {list.isPending && mId && <Spinner label={m.loading} />}
          {list.isError && <ProblemAlert error={list.error} />}
          {list.data && (
            <>
              <Table
                caption={fill(m.caption, { total: list.data.total })}
                columns={columns}
                rows={list.data.items}
                rowKey={(r) => r.id}
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
        <PaperApplication municipalityId={mId} />
        <Duplicates municipalityId={mId} />
      </div>
    </>
  );
}

/** Заявления (/staff/applications): the officers' desk. */
export function Component() {
  return (
    <Routes>
      <Route index element={<ApplicationList />} />
      <Route path=":applicationId" element={<ApplicationDesk />} />
    </Routes>
  );
}
