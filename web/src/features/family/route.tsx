import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { AddChildForm } from './add-child-form';
import { useAcceptInvitation, useFamily } from './api';
import { ChildCard } from './child-card';
import styles from './family.module.css';
import { messages } from './messages';

/** «Моя семья» (/my/family): the citizen's children, adding one, the second parent's invitation. */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const family = useFamily();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const children = family.data?.children ?? [];
  const addButton = (
    <Button
      onClick={() => {
        setAdding(true);
        setNotice(null);
      }}
    >
      {m.addChild}
    </Button>
  );
  return (
    <div className={styles.page}>
      <PageHeader
        title={m.title}
        lead={m.lead}
        actions={!adding && children.length > 0 ? addButton : undefined}
      />
      {notice && (
        <Alert tone="success" live="status">
          {notice}
        </Alert>
      )}
      {family.isPending && <Spinner label={m.loading} />}
      {family.isError && <ProblemAlert error={family.error} />}
      {adding && (
        <AddChildForm
          onDone={(name) => {
            setAdding(false);
            if (name) setNotice(`${m.added} ${name}`);
          }}
        />
      )}
      {family.isSuccess && children.length === 0 && !adding && (
        <EmptyState title={m.emptyTitle} text={m.emptyText} actions={addButton} />
      )}
      <ul className={styles.children} aria-label={m.title}>
        {children.map((c) => (
          <li key={c.id}>
            <ChildCard child={c} />
          </li>
        ))}
      </ul>
      <AcceptInvitation onAccepted={() => setNotice(m.accepted)} />
    </div>
  );
}

function AcceptInvitation({ onAccepted }: { onAccepted: () => void }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const accept = useAcceptInvitation();
  const [code, setCode] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    accept.mutate(code, {
      onSuccess: () => {
        setCode('');
        onAccepted();
      },
    });
  }
  const errors = isApiError(accept.error) ? accept.error.fieldErrors() : {};
  return (
    <Card title={m.acceptTitle} headingLevel={2} flat>
      <form className={styles.acceptForm} onSubmit={submit} noValidate>
        <TextField
          label={m.acceptCode}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={
            errors.code ?? (accept.isError && !isApiError(accept.error) ? String(accept.error) : undefined)
          }
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
        <Button type="submit" variant="secondary" disabled={accept.isPending || code.trim() === ''}>
          {m.acceptButton}
        </Button>
      </form>
      {accept.isError && !errors.code && <ProblemAlert error={accept.error} />}
    </Card>
  );
}
