import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSchoolSearch } from './meals-api';
import styles from './meals.module.css';

/** The schools of the region, searchable by name or address, each linking to its menu. */
export function SchoolSearchPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const schools = useSchoolSearch(q);
  return (
    <div className={styles.page}>
      <PageHeader title={t('meals.title')} lead={t('meals.lead')} />
      <TextField
        label={t('meals.search')}
        hint={t('meals.searchHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        type="search"
      />
      {schools.error && <ProblemAlert error={schools.error} title={t('meals.loadFailed')} />}
      {!schools.data && !schools.error && <Spinner label={t('meals.title')} />}
      {schools.data && schools.data.length === 0 && <EmptyState title={t('meals.noSchools')} />}
      <ul className={styles.schools}>
        {(schools.data ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/meals/${s.id}`}>{s.shortName}</Link>
            {s.address && <div className={styles.facts}>{s.address}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
