import type { Appeal, Open311Pending } from '@contracts/feedback';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { useCategories } from './api';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

/**
 * /feedback/confirm/:token: a request an Open311 app (a city app, a chat bot) sent becomes the
 * citizen's own message only when they confirm it here, signed in through Госуслуги.
 */
export function Component() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categories = useCategories();
  const pending = useQuery({
    queryKey: ['feedback', 'open311', token],
    queryFn: ({ signal }) => api.get<Open311Pending>(`/api/my/feedback/open311/${token}`, signal),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<Appeal>(`/api/my/feedback/open311/${token}/confirm`, {}),
    onSuccess: async (appeal) => {
      await client.invalidateQueries({ queryKey: ['feedback', 'my'] });
      navigate(`/feedback/appeals/${appeal.id}`, { state: { registered: true } });
    },
  });
  if (pending.isPending) return <Spinner label={m.loading} />;
  if (pending.isError)
    return (
      <>
        <PageHeader title={m.confirmTitle} />
        <ProblemAlert error={pending.error} />
      </>
    );
  const p = pending.data;
  const leaf = categories.data?.groups.flatMap((g) => g.leaves).find((l) => l.code === p.serviceCode);
  const expired = new Date(p.expiresAt) <= new Date();
  return (
    <div className={styles.page}>
      <PageHeader title={m.confirmTitle} lead={m.confirmLead} />
      <Card>
        <dl className={styles.facts}>
          <div>
            <dt>{m.category}</dt>
            <dd>{leaf ? (locale === 'en' ? leaf.en : leaf.ru) : p.serviceCode}</dd>
          </div>
          {p.organisationName && (
            <div>
              <dt>{m.organisationOf}</dt>
              <dd>{p.organisationName}</dd>
            </div>
          )}
          {p.addressString && (
            <div>
              <dt>{m.point}</dt>
              <dd>{p.addressString}</dd>
            </div>
          )}
        </dl>
        <p className={styles.text}>{p.description}</p>
      </Card>
      {p.confirmed ? (
        <Alert tone="info">{m.confirmDone}</Alert>
      ) : expired ? (
        <Alert tone="warning">{m.confirmExpired}</Alert>
      ) : (
        <div className={styles.stack}>
          <p className={styles.muted}>
            {fill(m.confirmUntil, {
              date: formatDate(p.expiresAt, { dateStyle: 'long', timeStyle: 'short' }),
            })}
          </p>
          {confirm.isError && <ProblemAlert error={confirm.error} />}
          <div className={styles.row}>
            <Button onClick={() => confirm.mutate()} disabled={confirm.isPending}>
              {m.confirmButton}
            </Button>
            <LinkButton to="/feedback" variant="ghost">
              {m.cancel}
            </LinkButton>
          </div>
        </div>
      )}
    </div>
  );
}
