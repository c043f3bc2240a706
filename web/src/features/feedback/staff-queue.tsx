import { Link, useSearchParams } from 'react-router';
import { APPEAL_STATUS_NAMES, URGENCIES } from '@contracts/feedback';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { useStaffQueue } from './api';
import { AppealStatusBadge } from './appeal-status-badge';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

const PAGE_SIZE = 20;

/** /staff/feedback: the appeals the caller's grants cover, overdue first; filters live in the URL. */
export function StaffQueue() {
  const { locale, formatDate, formatNumber } = useI18n();
  const m = messages[locale];
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const urgency = params.get('urgency') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (status === 'all') query.set('open', 'false');
  else if (status) query.set('status', status);
  if (urgency) query.set('urgency', urgency);
  const queue = useStaffQueue(query);
  const set = (name: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'page') next.delete('page');
      return next;
    });
  const pageCount = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;
  return (
    <div className={styles.page}>
      <PageHeader title={m.staffTitle} lead={m.staffLead} />
      <div className={styles.filters}>
        <Select
          label={m.filterStatus}
          value={status}
          onChange={(e) => set('status', e.target.value)}
          options={[
            { value: '', label: m.openOnly },
            { value: 'all', label: m.all },
            ...APPEAL_STATUS_NAMES.map((s) => ({ value: s, label: m.statuses[s] })),
          ]}
        />
        <Select
          label={m.filterUrgency}
          value={urgency}
          onChange={(e) => set('urgency', e.target.value)}
          options={[
            { value: '', label: m.all },
            ...URGENCIES.map((u) => ({ value: u, label: m.urgency[u]! })),
          ]}
        />
      </div>
      {queue.isPending && <Spinner label={m.loading} />}
      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.data && (
        <>
          <p className={styles.muted} aria-live="polite">
            {fill(m.total, { count: formatNumber(queue.data.total) })}
          </p>
          <Table
            caption={m.queueCaption}
            captionHidden
            stackOnMobile
            rows={queue.data.items}
            rowKey={(a) => a.id}
            empty={m.queueEmpty}
            columns={[
              {
                id: 'number',
                header: m.columnNumber,
                rowHeader: true,
                cell: (a) => <Link to={`/staff/feedback/appeals/${a.id}`}>{a.number}</Link>,
              },
              {
                id: 'topic',
                header: m.columnTopic,
                cell: (a) => (locale === 'en' ? a.categoryEn : a.categoryRu),
              },
              { id: 'organisation', header: m.columnOrganisation, cell: (a) => a.organisationName ?? '—' },
              {
                id: 'status',
                header: m.columnStatus,
                cell: (a) => <AppealStatusBadge status={a.status} label={m.statuses[a.status]} />,
              },
              {
                id: 'due',
                header: m.columnDue,
                cell: (a) => (
                  <span className={styles.row}>
                    {formatDate(a.answerDue, { dateStyle: 'medium' })}
                    {a.urgency && a.urgency !== 'in_time' && (
                      <Badge tone={a.urgency === 'overdue' ? 'danger' : 'warning'}>
                        {m.urgency[a.urgency]}
                      </Badge>
                    )}
                  </span>
                ),
              },
              { id: 'assignee', header: m.columnAssignee, cell: (a) => a.assigneeName ?? m.nobody },
            ]}
          />
          {pageCount > 1 && (
            <Pagination page={page} pageCount={pageCount} onPageChange={(p) => set('page', String(p))} />
          )}
        </>
      )}
    </div>
  );
}
