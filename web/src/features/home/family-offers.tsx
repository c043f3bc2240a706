import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ServiceModule } from '../../app/service-module';
import { useI18n } from '../../i18n/i18n-context';
import styles from './home.module.css';

/**
 * What the services offer a signed-in family by its own facts (each through its manifest's
 * `familyOffers`); nothing at all when none offers anything. A service that fails is left out.
 */
export function FamilyOffers({ modules }: { modules: readonly ServiceModule[] }) {
  const { t, locale } = useI18n();
  const sources = modules.flatMap((m) => (m.familyOffers ? [m.familyOffers] : []));
  const results = useQueries({
    queries: sources.map((o) => ({
      queryKey: [...o.queryKey, locale],
      queryFn: ({ signal }: { signal: AbortSignal }) => o.load(locale, signal),
      staleTime: 60_000,
    })),
  });
  const offers = results.flatMap((r) => r.data ?? []);
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby="offers-title" className={styles.panel}>
      <h2 id="offers-title" className={styles.sectionTitle}>
        {t('home.offers.title')}
      </h2>
      <p className={styles.panelLead}>{t('home.offers.lead')}</p>
      <ul className={styles.requests}>
        {offers.map((o) => (
          <li key={o.to} className={styles.request}>
            <div className={styles.requestMain}>
              <Link to={o.to}>{o.title}</Link>
              {o.detail && <span className={styles.resultDetail}>{o.detail}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
