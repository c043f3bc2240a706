import { useState, type FormEvent } from 'react';
import type { FamilyChild, HealthFactKind } from '@contracts/platform-families';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { useSetHealthFacts } from './api';
import styles from './family.module.css';
import { fill, messages } from './messages';

const KINDS: HealthFactKind[] = ['ovz', 'disability', 'food_allergy'];

/** The child's health facts: shown with their consent date; changed only with consent ticked. */
export function HealthFacts({ child }: { child: FamilyChild }) {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className={styles.section} aria-labelledby={`health-${child.id}`}>
      <h3 id={`health-${child.id}`} className={styles.sectionTitle}>
        {m.healthTitle}
      </h3>
      {child.healthFacts.length === 0 ? (
        <p className={styles.muted}>{m.healthNone}</p>
      ) : (
        <ul className={styles.plain}>
          {child.healthFacts.map((f) => (
            <li key={f.id}>
              <strong>{m.healthKinds[f.kind]}</strong>
              {f.detail ? `: ${f.detail}` : ''}{' '}
              <span className={styles.muted}>
                ({fill(m.consentGiven, { date: formatDate(f.consentAt, { dateStyle: 'medium' }) })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {saved && !editing && (
        <Alert tone="success" live="status">
          {m.healthSaved}
        </Alert>
      )}
      {editing ? (
        <HealthFactsForm
          child={child}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      ) : (
        <Button variant="outline" size="small" onClick={() => setEditing(true)}>
          {m.healthEdit}
        </Button>
      )}
    </section>
  );
}

function HealthFactsForm({ child, onDone }: { child: FamilyChild; onDone: (saved: boolean) => void }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const save = useSetHealthFacts(child.id);
  const [facts, setFacts] = useState(child.healthFacts.map((f) => ({ kind: f.kind, detail: f.detail })));
  const [consent, setConsent] = useState(false);
  const errors = isApiError(save.error) ? save.error.fieldErrors() : {};
  const update = (i: number, change: Partial<(typeof facts)[number]>) =>
    setFacts((list) => list.map((f, j) => (j === i ? { ...f, ...change } : f)));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ facts, consent }, { onSuccess: () => onDone(true) });
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={m.healthEdit}>
      {save.isError && (
        <ProblemAlert error={save.error} fieldLabels={{ consent: m.consent, facts: m.healthTitle }} />
      )}
      {facts.map((f, i) => (
        <fieldset key={i} className={styles.factRow}>
          <legend className={styles.visuallyHidden}>
            {m.healthTitle} {i + 1}
          </legend>
          <Select
            label={m.healthKind}
            value={f.kind}
            onChange={(e) => update(i, { kind: e.target.value as HealthFactKind })}
            options={KINDS.map((k) => ({ value: k, label: m.healthKinds[k] }))}
          />
          <TextField
            label={m.healthDetail}
            value={f.detail}
            maxLength={100}
            onChange={(e) => update(i, { detail: e.target.value })}
          />
          <Button
            type="button"
            variant="ghost"
            size="small"
            onClick={() => setFacts((list) => list.filter((_, j) => j !== i))}
          >
            {m.healthRemove}
          </Button>
        </fieldset>
      ))}
      <div>
        <Button
          type="button"
          variant="outline"
          size="small"
          onClick={() => setFacts((l) => [...l, { kind: 'food_allergy', detail: '' }])}
        >
          {m.healthAdd}
        </Button>
      </div>
      <Checkbox
        label={m.consent}
        checked={consent}
        onChange={(e) => setConsent(e.target.checked)}
        error={errors.consent}
      />
      <div className={styles.row}>
        <Button type="submit" disabled={save.isPending}>
          {m.healthSave}
        </Button>
        <Button type="button" variant="ghost" onClick={() => onDone(false)}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}
