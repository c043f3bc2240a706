import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  APPLICATION_STATUSES,
  BENEFIT_KINDS,
  type ApplicationDetail,
  type ApplicationStatusName,
} from '@contracts/kindergarten-queue';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { systemReason } from '../../i18n/system-reasons';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { fill, messages } from './messages';
import styles from './staff.module.css';

type Benefit = ApplicationDetail['benefits'][number];

function BenefitDocuments({ applicationId, benefit }: { applicationId: string; benefit: Benefit }) {
  const { locale } = useI18n();
  const m = messages[locale];
  if (benefit.documentIds.length === 0) return <div className={styles.muted}>{m.noDocument}</div>;
  return (
    <ul className={styles.inlineList} aria-label={m.documents}>
      {benefit.documentIds.map((id, i) => (
        <li key={id}>
          <a
            href={`/api/kindergarten/applications/${applicationId}/documents/${id}`}
            target="_blank"
            rel="noreferrer"
          >
            {fill(m.documentLink, { n: i + 1 })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** What the officer's decision rests on: the child's address, age group, desired date and choices. */
function DecisionFacts({ a }: { a: ApplicationDetail }) {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  return (
    <Card title={m.factsTitle} headingLevel={2}>
      <dl className={styles.facts}>
        <dt>{m.paperApplicant}</dt>
        <dd>
          {a.applicant.fullName}
          {a.applicant.phone ? ` · ${a.applicant.phone}` : ''}
          {a.applicant.email ? ` · ${a.applicant.email}` : ''}
        </dd>
        <dt>{m.paperAddress}</dt>
        <dd>{a.address}</dd>
        <dt>{m.paperDesiredDate}</dt>
        <dd>{formatDate(a.desiredDate, { dateStyle: 'long' })}</dd>
        <dt>{m.ageGroup}</dt>
        <dd>{fill(m.ageGroupValue, { n: a.ageGroup })}</dd>
        <dt>{m.choices}</dt>
        <dd>
          <ol className={styles.choices}>
            {a.choices.map((c) => (
              <li key={c.kindergartenId}>
                <Link to={`/kindergartens/${c.kindergartenId}`}>
                  {(locale === 'en' && c.nameEn) || c.nameRu}
                </Link>
              </li>
            ))}
          </ol>
        </dd>
      </dl>
    </Card>
  );
}

function BenefitDecision({ applicationId, benefit }: { applicationId: string; benefit: Benefit }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'verify' | 'reject') =>
      api.post(`/api/kindergarten/applications/${applicationId}/benefit-decision`, {
        benefitId: benefit.id,
        decision,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['staff-app', applicationId] }),
  });
  const kind = BENEFIT_KINDS[benefit.kind as keyof typeof BENEFIT_KINDS];
  return (
    <li className={styles.item}>
      <div>
        <strong>{kind ? (locale === 'en' ? kind.en : kind.ru) : benefit.kind}</strong> ·{' '}
        {m.benefitStatus[benefit.status]}
      </div>
      <BenefitDocuments applicationId={applicationId} benefit={benefit} />
      {benefit.decisionReason && <div className={styles.muted}>{benefit.decisionReason}</div>}
      {benefit.status === 'claimed' && (
        <div className={styles.row}>
          <TextField
            label={m.reason}
            hint={m.reasonHint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button onClick={() => decide.mutate('verify')} disabled={decide.isPending}>
            {m.verify}
          </Button>
          <Button variant="danger" onClick={() => decide.mutate('reject')} disabled={decide.isPending}>
            {m.reject}
          </Button>
        </div>
      )}
      {decide.isError && <ProblemAlert error={decide.error} />}
    </li>
  );
}

/** One application for an officer: benefits to decide, a status move with a reason, the history. */
export function ApplicationDesk() {
  const { applicationId = '' } = useParams();
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const client = useQueryClient();
  const app = useQuery({
    queryKey: ['staff-app', applicationId],
    queryFn: ({ signal }) =>
      api.get<ApplicationDetail>(`/api/kindergarten/applications/${applicationId}`, signal),
  });
  const [to, setTo] = useState<ApplicationStatusName | ''>('');
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: () => api.post(`/api/kindergarten/applications/${applicationId}/status`, { to, reason }),
    onSuccess: () => {
      setReason('');
      void client.invalidateQueries({ queryKey: ['staff-app', applicationId] });
    },
  });
  if (app.isPending) return <Spinner label={m.loading} />;
  if (app.isError) return <ProblemAlert error={app.error} />;
  const a = app.data;
  return (
    <>
      <PageHeader
        title={`${m.number} ${a.number}`}
        lead={`${a.child.lastName} ${a.child.firstName} · ${formatDate(a.child.birthDate, { dateStyle: 'medium' })}`}
        actions={<Badge tone="info">{m.statuses[a.status]}</Badge>}
      />
      <div className={styles.stack}>
        <p>
          <Link to="/staff/applications">{m.back}</Link>
        </p>
        <DecisionFacts a={a} />
        <Card title={m.benefits} headingLevel={2}>
          <ul className={styles.list}>
            {a.benefits.map((b) => (
              <BenefitDecision key={b.id} applicationId={a.id} benefit={b} />
            ))}
          </ul>
        </Card>
        <Card title={m.moveStatus} headingLevel={2}>
          <form
            className={styles.row}
            onSubmit={(e) => {
              e.preventDefault();
              move.mutate();
            }}
          >
            <Select
              label={m.to}
              required
              placeholder="—"
              value={to}
              onChange={(e) => setTo(e.target.value as ApplicationStatusName)}
              options={APPLICATION_STATUSES.filter((s) => s !== a.status).map((s) => ({
                value: s,
                label: m.statuses[s],
              }))}
            />
            <TextField
              label={m.reason}
              required
              minLength={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button type="submit" disabled={move.isPending}>
              {m.move}
            </Button>
          </form>
          {move.isError && <ProblemAlert error={move.error} />}
        </Card>
        <Card title={m.timeline} headingLevel={2}>
          <ol className={styles.list}>
            {a.timeline.map((e) => (
              <li key={e.id} className={styles.item}>
                <strong>{locale === 'en' ? e.textEn : e.textRu}</strong>
                <span className={styles.muted}>
                  {formatDate(e.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
                {e.reason && <span>{systemReason(e.reason, locale)}</span>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
