import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { useEnrolmentAction, useMyEnrolments } from './clubs-api';
import styles from './clubs.module.css';
import { messages } from './messages';

/** «Мои кружки»: the family's enrolments, waitlist places, an offered seat to take, withdrawal. */
export function MyEnrolmentsPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const query = useMyEnrolments();
  const action = useEnrolmentAction();
  if (query.error) return <ProblemAlert error={query.error} title={m.loadFailed} />;
  if (!query.data) return <Spinner label={m.myTitle} />;
  const items = query.data.items;
  return (
    <div className={styles.page}>
      <PageHeader title={m.myTitle} lead={m.myLead} />
      {action.error && <ProblemAlert error={action.error} title={m.loadFailed} />}
      {items.length === 0 ? (
        <EmptyState title={m.myEmpty} actions={<Link to="/clubs">{m.title}</Link>} />
      ) : (
        <ul className={styles.list}>
          {items.map((e) => (
            <Card
              as="li"
              key={e.id}
              headingLevel={2}
              title={<Link to={`/clubs/programmes/${e.programme.id}`}>{e.programme.title}</Link>}
            >
              <p className={styles.meta}>
                <Badge
                  tone={e.status === 'refused' ? 'danger' : e.status === 'waitlisted' ? 'warning' : 'info'}
                >
                  {m.statuses[e.status]}
                </Badge>
                <span>{e.number}</span>
                <span>{`${e.child.firstName} ${e.child.lastName}`}</span>
                <span>{`${e.organisation.shortName} · ${e.group.name}`}</span>
              </p>
              {e.waitlistPlace !== null && <p>{m.waitlistPlace(e.waitlistPlace)}</p>}
              {e.reviewDue && e.status === 'registered' && <p>{m.reviewDue(e.reviewDue)}</p>}
              {e.refusalNote && <p>{e.refusalNote}</p>}
              <div className={styles.actions}>
                {e.permittedActions.includes('accept') && (
                  <Button variant="primary" onClick={() => action.mutate({ id: e.id, action: 'accept' })}>
                    {m.accept}
                  </Button>
                )}
                {e.permittedActions.includes('withdraw') && (
                  <Button variant="outline" onClick={() => action.mutate({ id: e.id, action: 'withdraw' })}>
                    {m.withdraw}
                  </Button>
                )}
              </div>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
