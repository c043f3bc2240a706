import type { StaffAppeal } from '@contracts/feedback';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { TextArea } from '../../ui/text-area';
import styles from './feedback.module.css';
import { messages } from './messages';

/** An answered appeal of general interest into the public archive: the redacted texts, checked and edited. */
export function PublishForm({ appeal }: { appeal: StaffAppeal }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const url = `/api/staff/feedback/appeals/${appeal.id}/publication`;
  const preview = useQuery({
    queryKey: ['feedback', 'staff', 'publication', appeal.id],
    queryFn: ({ signal }) => api.get<{ question: string; answer: string }>(url, signal),
  });
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  useEffect(() => {
    if (preview.data) {
      setQuestion(preview.data.question);
      setAnswer(preview.data.answer);
    }
  }, [preview.data]);
  const publish = useMutation({ mutationFn: () => api.post<{ id: number }>(url, { question, answer }) });
  function submit(e: FormEvent) {
    e.preventDefault();
    publish.mutate();
  }
  if (publish.isSuccess)
    return (
      <Alert tone="success" live="status">
        {m.pDone}
      </Alert>
    );
  return (
    <Card title={m.pTitle} headingLevel={2}>
      <form className={styles.stack} onSubmit={submit} noValidate aria-label={m.pTitle}>
        <p className={styles.muted}>{m.pLead}</p>
        {preview.isError && <ProblemAlert error={preview.error} />}
        {publish.isError && <ProblemAlert error={publish.error} />}
        <TextArea
          label={m.aQuestion}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={4}
        />
        <TextArea label={m.answer} value={answer} onChange={(e) => setAnswer(e.target.value)} rows={4} />
        <div>
          <Button type="submit" variant="secondary" disabled={publish.isPending || !preview.data}>
            {m.pButton}
          </Button>
        </div>
      </form>
    </Card>
  );
}
