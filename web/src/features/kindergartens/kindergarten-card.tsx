import type { KindergartenSummary } from '@contracts/kindergarten-catalog';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import styles from './catalog.module.css';
import { messages } from './messages';

const statusTone = {
  operating: 'success',
  under_construction: 'warning',
  planned: 'info',
  closed: 'neutral',
} as const;

/** One kindergarten in the list: name, address, status, free places (for the chosen age), distance. */
export function KindergartenCard({ k, age }: { k: KindergartenSummary; age?: number }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const name = locale === 'en' && k.nameEn ? k.nameEn : k.nameRu;
  const free = k.freeForAge ?? k.freePlaces;
  return (
    <li className={styles.card}>
      <div className={styles.cardHead}>
        <h3 className={styles.cardTitle}>
          <Link to={`/kindergartens/${k.id}`}>{name}</Link>
        </h3>
        <Badge tone={statusTone[k.status]}>{m.statuses[k.status]}</Badge>
      </div>
      <p className={styles.muted}>{k.address}</p>
      {k.status === 'operating' ? (
        <p className={styles.freeLine}>
          <strong className={free > 0 ? styles.freeYes : styles.freeNo}>
            {free > 0 ? `${free} ${age !== undefined ? m.freeFor(age) : m.free}` : m.noPlaces}
          </strong>
          <span className={styles.muted}>
            {' · '}
            {m.totals(k.capacity, k.freePlaces)}
          </span>
        </p>
      ) : (
        k.openingDate && <p>{m.opening(new Date(k.openingDate).toLocaleDateString(locale))}</p>
      )}
      <p className={styles.meta}>
        {k.distanceKm !== null && (
          <span>
            {k.distanceKm.toLocaleString(locale, { maximumFractionDigits: 1 })} {m.km}
          </span>
        )}
        {k.accessible && <Badge tone="info">{m.accessibleBadge}</Badge>}
        {k.ageGroups.length > 0 && (
          <span className={styles.muted}>
            {m.ages}: {k.ageGroups.map((a) => `${a.ageFrom}–${a.ageTo}`).join(', ')}
          </span>
        )}
      </p>
    </li>
  );
}
