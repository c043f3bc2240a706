import { Route, Routes } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { useMyApplications } from './api';
import { ApplicationPage } from './application-page';
import { ApplyWizard } from './apply-wizard';
import { messages } from './messages';
import styles from './my-applications.module.css';

function MyList() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const list = useMyApplications();
  return (
    <>
      <PageHeader
        title={m.title}
        lead={m.lead}
        actions={<LinkButton to="/my/apply">{m.newApplication}</LinkButton>}
      />
      {list.isPending && <Spinner label={m.loading} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data?.items.length === 0 && (
        <EmptyState title={m.empty} actions={<LinkButton to="/my/apply">{m.newApplication}</LinkButton>} />
      )}
      <ul className={styles.list}>
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <Card title={`${a.childName} · ${a.number}`} headingLevel={2}>
              <p>
                {m.status}: <strong>{m.statuses[a.status]}</strong>
              </p>
              <p className={styles.muted}>
                {m.registeredAt}: {formatDate(a.registeredAt, { dateStyle: 'medium' })} · {m.desiredDate}:{' '}
                {formatDate(a.desiredDate, { dateStyle: 'medium' })}
              </p>
              <LinkButton
                to={`/my/applications/${a.id}`}
                variant="outline"
                size="small"
                aria-label={`${m.open}: ${a.number}`}
              >
                {m.open}
              </LinkButton>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Мои заявления (/my): the list, the apply wizard (/my/apply) and one application (/my/applications/:id). */
export function Component() {
  return (
    <Routes>
      <Route index element={<MyList />} />
      <Route path="apply" element={<ApplyWizard />} />
      <Route path="applications/:applicationId" element={<ApplicationPage />} />
    </Routes>
  );
}
