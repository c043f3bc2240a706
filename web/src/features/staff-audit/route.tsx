import { useState, type FormEvent } from 'react';
import type { AuditEvent } from '@contracts/audit';
import { roleSchema } from '@contracts/auth';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useAuditEvents, useVerifyAuditChain, type AuditFilters } from './audit-api';
import { messages } from './messages';
import styles from './staff-audit.module.css';

const EMPTY: AuditFilters = { action: '', subjectType: '', subjectId: '', from: '', to: '' };

/** Журнал аудита (/staff/audit): the auditor reads the chain with filters, page by page, and verifies it. */
export function Component() {
  const { locale, formatDate, formatNumber, t } = useI18n();
  const m = messages[locale];
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  // The cursor of each page shown so far: newest page first; "Newer" pops, "Older" pushes.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const events = useAuditEvents(filters, cursors[cursors.length - 1] ?? null);
  const verify = useVerifyAuditChain();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([null]);
  };
  const reset = () => {
    setDraft(EMPTY);
    setFilters(EMPTY);
    setCursors([null]);
  };
  const field = (key: keyof AuditFilters) => ({
    value: draft[key] ?? '',
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  const columns: TableColumn<AuditEvent>[] = [
    { id: 'seq', header: m.colSeq, cell: (e) => formatNumber(e.seq), align: 'end', rowHeader: true },
    {
      id: 'time',
      header: m.colTime,
      cell: (e) => (
        <time dateTime={e.occurredAt}>
          {formatDate(e.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}
        </time>
      ),
    },
    {
      id: 'actor',
      header: m.colActor,
      cell: (e) =>
        e.actorId ? (
          <>
            {e.actorName ?? (e.actorRole && isRole(e.actorRole) ? t(`roles.${e.actorRole}`) : e.actorRole)}
            <br />
            <span className={styles.id}>
              {e.actorName && e.actorRole && isRole(e.actorRole) ? `${t(`roles.${e.actorRole}`)} · ` : ''}
              {e.actorId.slice(0, 8)}
            </span>
          </>
        ) : (
          m.system
        ),
    },
    { id: 'action', header: m.colAction, cell: (e) => <code className={styles.action}>{e.action}</code> },
    {
      id: 'subject',
      header: m.colSubject,
      cell: (e) => (
        <span className={styles.mono}>
          {e.subjectType}
          {e.subjectId ? ` ${e.subjectId}` : ''}
        </span>
      ),
    },
    {
      id: 'summary',
      header: m.colSummary,
      cell: (e) =>
        Object.keys(e.summary).length ? (
          <dl className={styles.summary}>
            {Object.entries(e.summary).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          '—'
        ),
    },
  ];

  const verdict = verify.data;
  const page = events.data;

  return (
    <>
      <PageHeader
        title={m.title}
        lead={m.lead}
        actions={
          <Button variant="outline" onClick={() => verify.mutate()} loading={verify.isPending}>
            {verify.isPending ? m.verifying : m.verify}
          </Button>
        }
      />

      {verdict && (
        <div className={styles.verdict}>
          <Alert tone={verdict.ok ? 'success' : 'danger'} live="status">
            {verdict.ok
              ? m.intact.replace('{count}', formatNumber(verdict.checked))
              : m.broken
                  .replace('{seq}', formatNumber(verdict.firstBroken!.seq))
                  .replace(
                    '{reason}',
                    verdict.firstBroken!.reason === 'content' ? m.reasonContent : m.reasonLink,
                  )
                  .replace('{count}', formatNumber(verdict.checked))}
          </Alert>
        </div>
      )}
      {verify.isError && <ProblemAlert error={verify.error} />}

      <form onSubmit={apply} role="search" aria-label={m.filters}>
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>{m.filters}</legend>
          <TextField label={m.action} placeholder="auth.login" {...field('action')} />
          <TextField label={m.subjectType} placeholder="user" {...field('subjectType')} />
          <TextField label={m.subjectId} {...field('subjectId')} />
          <TextField label={m.from} type="date" {...field('from')} />
          <TextField label={m.to} type="date" {...field('to')} />
          <div className={styles.buttons}>
            <Button type="submit">{m.apply}</Button>
            <Button type="button" variant="ghost" onClick={reset}>
              {m.reset}
            </Button>
          </div>
        </fieldset>
      </form>

      {events.isError && <ProblemAlert error={events.error} />}
      {events.isPending && <Spinner label={m.verifying} hideLabel />}
      {page && (
        <>
          <Table
            caption={m.caption}
            columns={columns}
            rows={page.items}
            rowKey={(e) => e.seq}
            empty={m.empty}
            stackOnMobile
          />
          <nav className={styles.pager} aria-label={m.pages}>
            <Button
              variant="outline"
              size="small"
              disabled={cursors.length < 2}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              ← {m.newer}
            </Button>
            <Button
              variant="outline"
              size="small"
              disabled={page.nextBeforeSeq === null}
              onClick={() => setCursors([...cursors, page.nextBeforeSeq])}
            >
              {m.older} →
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

const isRole = (role: string): role is (typeof roleSchema.options)[number] =>
  (roleSchema.options as readonly string[]).includes(role);
