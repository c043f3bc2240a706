import { useQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PositionLookupResponse, PublicQueueResponse } from '@contracts/kindergarten-queue';
import type { KindergartenList } from '@contracts/kindergarten-catalog';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table, type SortState, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useRegion } from '../region/region';
import { fill, messages } from './messages';
import styles from './queue.module.css';

type Row = PublicQueueResponse['items'][number];
const PAGE_SIZE = 25;
const SORT_IDS = { position: 'position', registeredAt: 'registeredAt', desiredDate: 'desiredDate' } as const;

function Lookup() {
  const { locale } = useI18n();
  const m = messages[locale];
  const [number, setNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const lookup = useMutation({
    mutationFn: () => api.post<PositionLookupResponse>('/api/public/queue/lookup', { number, birthDate }),
  });
  const status = lookup.error && isApiError(lookup.error) ? lookup.error.status : null;
  return (
    <Card title={m.lookupTitle} headingLevel={2}>
      <p>{m.lookupLead}</p>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          lookup.mutate();
        }}
      >
        <TextField
          label={m.lookupNumber}
          required
          minLength={3}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          autoComplete="off"
        />
        <TextField
          label={m.birthDate}
          type="date"
          required
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
        <Button type="submit" disabled={lookup.isPending}>
          {m.lookup}
        </Button>
      </form>
      <div aria-live="polite">
        {status === 404 && <Alert tone="warning">{m.notFound}</Alert>}
        {status === 429 && <Alert tone="warning">{m.tooMany}</Alert>}
        {lookup.isError && status !== 404 && status !== 429 && <ProblemAlert error={lookup.error} />}
        {lookup.data && (
          <div data-testid="lookup-result">
            <p>
              <strong>{lookup.data.maskedNumber}</strong> · {m.statuses[lookup.data.status]}
            </p>
            <p>{m.maskedHint}</p>
            <ul className={styles.list}>
              {lookup.data.positions.map((p) => (
                <li key={p.kindergartenId ?? 0}>
                  <strong>{p.kindergartenNameRu ?? m.municipalityQueue}</strong>:{' '}
                  {fill(m.place, { p: p.position, t: p.total })} ({m.classes[p.queueClass]}) —{' '}
                  {fill(m.ahead, {
                    e: p.ahead.extraordinary,
                    f: p.ahead.first,
                    s: p.ahead.sibling,
                    g: p.ahead.general,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}

/** Очередь (/queue): the anonymized public queue and the position lookup. */
export function Component() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const [municipalityId, setMunicipalityId] = useState('');
  const [ageGroup, setAgeGroup] = useState('3');
  const [kindergartenId, setKindergartenId] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState>({ columnId: 'position', direction: 'ascending' });
  const mId = municipalityId || (region?.municipalities[0] ? String(region.municipalities[0].id) : '');

  const params = new URLSearchParams({
    municipalityId: mId,
    ageGroup,
    page: String(page),
    pageSize: String(PAGE_SIZE),
    sort: sort.columnId,
    order: sort.direction === 'ascending' ? 'asc' : 'desc',
  });
  if (kindergartenId) params.set('kindergartenId', kindergartenId);
  const queue = useQuery({
    queryKey: ['public-queue', params.toString()],
    enabled: !!mId,
    queryFn: ({ signal }) => api.get<PublicQueueResponse>(`/api/public/queue?${params}`, signal),
    placeholderData: (previous) => previous,
  });
  const kindergartens = useQuery({
    queryKey: ['public-queue', 'kindergartens', mId],
    enabled: !!mId,
    queryFn: ({ signal }) =>
      api.get<KindergartenList>(
        `/api/kindergartens?municipalityId=${mId}&pageSize=100&status=operating`,
        signal,
      ),
  });

  const columns: TableColumn<Row>[] = [
    { id: SORT_IDS.position, header: m.position, cell: (r) => r.position, sortable: true, align: 'end' },
    { id: 'maskedNumber', header: m.number, cell: (r) => r.maskedNumber, rowHeader: true },
    {
      id: SORT_IDS.registeredAt,
      header: m.registeredAt,
      cell: (r) => formatDate(r.registeredAt, { dateStyle: 'short', timeStyle: 'short' }),
      sortable: true,
    },
    { id: 'queueClass', header: m.queueClass, cell: (r) => m.classes[r.queueClass] },
    {
      id: SORT_IDS.desiredDate,
      header: m.desiredDate,
      cell: (r) => formatDate(r.desiredDate, { dateStyle: 'short' }),
      sortable: true,
    },
    { id: 'status', header: m.status, cell: (r) => m.statuses[r.status] },
  ];
  const data = queue.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const csvParams = new URLSearchParams(params);
  csvParams.set('format', 'csv');

  return (
    <>
      <PageHeader title={m.title} lead={m.lead} />
      <div className={styles.stack}>
        <Lookup />
        <Card>
          <div className={styles.filters}>
            <Select
              label={m.municipality}
              value={mId}
              onChange={(e) => {
                setMunicipalityId(e.target.value);
                setKindergartenId('');
                setPage(1);
              }}
              options={(region?.municipalities ?? []).map((mu) => ({
                value: String(mu.id),
                label: locale === 'en' ? mu.nameEn : mu.nameRu,
              }))}
            />
            <Select
              label={m.ageGroup}
              value={ageGroup}
              onChange={(e) => {
                setAgeGroup(e.target.value);
                setPage(1);
              }}
              options={[0, 1, 2, 3, 4, 5, 6, 7].map((a) => ({ value: String(a), label: String(a) }))}
            />
            <Select
              label={m.kindergarten}
              value={kindergartenId}
              onChange={(e) => {
                setKindergartenId(e.target.value);
                setPage(1);
              }}
              options={[
                { value: '', label: m.allKindergartens },
                ...(kindergartens.data?.items ?? []).map((k) => ({
                  value: String(k.id),
                  label: locale === 'en' && k.nameEn ? k.nameEn : k.nameRu,
                })),
              ]}
            />
          </div>
          {queue.isPending && mId && <Spinner label={m.loading} />}
          {queue.isError && <ProblemAlert error={queue.error} />}
          {data && (
            <>
              <div className={styles.row}>
                {data.computedAt && (
                  <span className={styles.muted}>
                    {fill(m.computedAt, {
                      at: formatDate(data.computedAt, { dateStyle: 'short', timeStyle: 'short' }),
                    })}
                  </span>
                )}
                <LinkButton href={`/api/public/queue?${csvParams}`} variant="outline" size="small" download>
                  {m.csv}
                </LinkButton>
              </div>
              <Table
                caption={fill(m.caption, { total: data.total })}
                columns={columns}
                rows={data.items}
                rowKey={(r) => `${r.position}-${r.maskedNumber}`}
                sort={sort}
                onSortChange={(s) => {
                  setSort(s);
                  setPage(1);
                }}
                empty={m.empty}
                stackOnMobile
              />
              <Pagination page={page} pageCount={pageCount} onPageChange={setPage} label={m.pages} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
