import type { Direction } from '@contracts/kindergarten-placement';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { messages, type Messages } from './messages';
import styles from './directions.module.css';

interface MyPlacement {
  directions: Direction[];
  unplaced: {
    applicationNumber: string;
    childName: string;
    waveTitle: string;
    explanation: { ru: string; en: string };
  }[];
}

const TONE: Record<Direction['status'], BadgeTone> = {
  offered: 'warning',
  accepted: 'info',
  declined: 'neutral',
  expired: 'danger',
  enrolled: 'success',
};

/** Мои направления (/my-directions): a parent's directions, explanations, PDF, accept or decline. */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const mine = useQuery({
    queryKey: ['my-directions'],
    queryFn: () => api.get<MyPlacement>('/api/my/directions'),
  });
  return (
    <>
      <PageHeader title={m.title} lead={m.lead} />
      {mine.isPending ? (
        <Spinner label={m.loading} />
      ) : mine.isError ? (
        <ProblemAlert error={mine.error} />
      ) : (
        <div className={styles.stack}>
          {mine.data.directions.length === 0 && <EmptyState title={m.none} text={m.noneText} />}
          {mine.data.directions.map((d) => (
            <DirectionCard key={d.id} d={d} m={m} />
          ))}
          {mine.data.unplaced.length > 0 && (
            <section aria-labelledby="unplaced-heading">
              <h2 id="unplaced-heading">{m.unplaced}</h2>
              {mine.data.unplaced.map((u) => (
                <Card
                  key={u.applicationNumber + u.waveTitle}
                  title={`${u.childName} · ${u.applicationNumber}`}
                  headingLevel={3}
                >
                  <p>
                    {m.wave}: {u.waveTitle}
                  </p>
                  <p>{u.explanation[locale]}</p>
                </Card>
              ))}
            </section>
          )}
        </div>
      )}
    </>
  );
}

function DirectionCard({ d, m }: { d: Direction; m: Messages }) {
  const { locale, formatDate } = useI18n();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'decline') =>
      api.post<Direction>(`/api/directions/${d.id}/${decision}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-directions'] }),
  });
  const canDecide = d.permittedActions.includes('placement.direction.decide');
  return (
    <Card title={m.direction(d.number)} headingLevel={2}>
      <dl className={styles.facts}>
        <dt>{m.status}</dt>
        <dd>
          <Badge tone={TONE[d.status]}>{m.statuses[d.status]}</Badge>
        </dd>
        <dt>{m.child}</dt>
        <dd>{d.childName}</dd>
        <dt>{m.application}</dt>
        <dd>{d.applicationNumber}</dd>
        <dt>{m.kindergarten}</dt>
        <dd>
          {d.kindergartenName}
          <br />
          {d.kindergartenAddress}
        </dd>
        <dt>{m.group}</dt>
        <dd>{d.groupName}</dd>
        <dt>{m.validUntil}</dt>
        <dd>{formatDate(d.validUntil)}</dd>
      </dl>
      <h3 className={styles.why}>{m.why}</h3>
      <p>{d.explanation[locale]}</p>
      <div className={styles.actions}>
        <a className={styles.pdf} href={`/api/directions/${d.id}/pdf`} download>
          {m.pdf}
        </a>
        {canDecide && (
          <>
            <Button onClick={() => decide.mutate('accept')} disabled={decide.isPending}>
              {m.accept}
            </Button>
            <Button
              variant="outline"
              onClick={() => {
                if (window.confirm(m.declineQuestion)) decide.mutate('decline');
              }}
              disabled={decide.isPending}
            >
              {m.decline}
            </Button>
          </>
        )}
      </div>
      {decide.isError && <ProblemAlert error={decide.error} />}
      {decide.isSuccess && (
        <Alert tone="success" live="status">
          {decide.variables === 'accept' ? m.accepted : m.declined}
        </Alert>
      )}
    </Card>
  );
}
