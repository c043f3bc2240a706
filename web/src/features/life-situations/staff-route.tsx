import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import fieldStyles from '../../ui/field.module.css';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSaveSituation, useSituation, useSituations, useVersions } from './api';
import styles from './life.module.css';
import { pick, useMessages } from './use-messages';

function Editor({ code }: { code: string }) {
  const m = useMessages();
  const { formatDate } = useI18n();
  const id = useId();
  const situation = useSituation(code);
  const versions = useVersions(code);
  const save = useSaveSituation(code);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [badJson, setBadJson] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const loaded = situation.data?.definition;
  useEffect(() => {
    if (loaded) setText(JSON.stringify(loaded, null, 2));
  }, [loaded]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
      setBadJson(false);
    } catch {
      setBadJson(true);
      return;
    }
    save.mutate(
      { definition, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (r) => {
          setSaved(r.version);
          setNote('');
        },
      },
    );
  }

  if (situation.isPending) return <Spinner label={m.loading} />;
  if (situation.isError) return <ProblemAlert error={situation.error} />;
  return (
    <>
      <form className={styles.panel} onSubmit={submit} aria-label={m.staffDefinition} noValidate>
        <div className={fieldStyles.field}>
          <label htmlFor={`${id}-definition`} className={fieldStyles.label}>
            {m.staffDefinition}
          </label>
          <p id={`${id}-hint`} className={fieldStyles.hint}>
            {m.staffDefinitionHint}
          </p>
          <textarea
            id={`${id}-definition`}
            className={`${fieldStyles.control} ${styles.editor}`}
            value={text}
            spellCheck={false}
            aria-invalid={badJson ? true : undefined}
            aria-describedby={`${id}-hint${badJson ? ` ${id}-error` : ''}`}
            onChange={(e) => setText(e.target.value)}
          />
          {badJson && (
            <p id={`${id}-error`} className={fieldStyles.error}>
              {m.staffBadJson}
            </p>
          )}
        </div>
        <TextField
          label={m.staffNote}
          hint={m.staffNoteHint}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {save.isError && <ProblemAlert error={save.error} />}
        {saved !== null && (
          <Alert tone="success" live="status">
            {m.staffSaved(saved)}
          </Alert>
        )}
        <p>
          <Button type="submit" loading={save.isPending}>
            {m.staffSave}
          </Button>
        </p>
      </form>
      <section aria-labelledby="life-versions" className={styles.panel}>
        <h2 id="life-versions" className={styles.sectionTitle}>
          {m.staffVersions}
        </h2>
        {versions.isPending && <Spinner label={m.loading} />}
        {versions.isError && <ProblemAlert error={versions.error} />}
        {versions.data && (
          <ol className={styles.plain}>
            {versions.data.items.map((v) => (
              <li key={v.version}>
                <strong>{m.staffVersionBy(v.version, formatDate(v.createdAt))}</strong>
                {v.note ? ` — ${v.note}` : ''}
                {!v.createdBy && <span className={styles.muted}> ({m.staffShipped})</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** /staff/life-situations — the regional admin edits a situation; every save is a new audited version. */
export function Component() {
  const m = useMessages();
  const { locale } = useI18n();
  const list = useSituations('', '');
  const [code, setCode] = useState('');
  const current = code || list.data?.items[0]?.code || '';
  return (
    <div className={styles.page}>
      <PageHeader title={m.staffTitle} lead={m.staffLead} />
      {list.isPending && <Spinner label={m.loading} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <Select
          label={m.staffSituation}
          value={current}
          onChange={(e) => setCode(e.target.value)}
          options={list.data.items.map((s) => ({ value: s.code, label: pick(locale, s.titleRu, s.titleEn) }))}
        />
      )}
      {current && <Editor key={current} code={current} />}
    </div>
  );
}
