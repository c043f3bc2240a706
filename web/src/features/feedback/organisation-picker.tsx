import { useDeferredValue, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useOrganisation, useOrganisationSearch } from './api';
import styles from './feedback.module.css';
import { messages } from './messages';

/** Finds the organisation an appeal is about by name or address (the platform's registry). */
export function OrganisationPicker({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const found = useOrganisationSearch(query);
  const chosen = useOrganisation(value);
  const nameOf = (o: { shortName: string; nameEn: string | null }) =>
    (locale === 'en' && o.nameEn) || o.shortName;
  if (value !== null)
    return (
      <div className={styles.stack} role="group" aria-label={m.organisation}>
        <p>
          <strong>{m.organisation}:</strong>{' '}
          {chosen.data
            ? `${nameOf(chosen.data)}${chosen.data.address ? `, ${chosen.data.address}` : ''}`
            : '…'}
        </p>
        <div>
          <Button type="button" variant="secondary" size="small" onClick={() => onChange(null)}>
            {m.organisationChange}
          </Button>
        </div>
      </div>
    );
  return (
    <div className={styles.stack}>
      <TextField
        label={m.organisation}
        hint={m.organisationHint}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={error}
        autoComplete="off"
        name="organisation"
      />
      {found.isFetching && <Spinner label={m.loading} size="small" />}
      {found.data && query.trim().length >= 2 && (
        <ul className={styles.results} aria-label={m.organisationSearch}>
          {found.data.items.length === 0 && <li className={styles.muted}>{m.organisationNone}</li>}
          {found.data.items.map((o) => (
            <li key={o.id}>
              <button type="button" className={styles.result} onClick={() => onChange(o.id)}>
                <strong>{nameOf(o)}</strong>
                {o.address && <span className={styles.muted}> · {o.address}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
