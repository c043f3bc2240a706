import { useQueries } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { SearchHit, ServiceModule } from '../../app/service-module';
import { useI18n } from '../../i18n/i18n-context';
import { SearchIcon } from '../../ui/icons';
import styles from './home.module.css';
import { matchesQuery } from './match-services';

const MIN_LENGTH = 2;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * One search across services: the services themselves by their names and keywords (in the browser),
 * and the records of services that offer a cheap public search (kindergartens by name or address).
 */
export function PortalSearch({ modules }: { modules: readonly ServiceModule[] }) {
  const { t, locale } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 300);
  const active = query.length >= MIN_LENGTH;

  const services = active
    ? modules.filter(
        (m) =>
          m.home &&
          matchesQuery(query, [t(m.title), t(m.home.title), t(m.home.description), t(m.home.keywords)]),
      )
    : [];
  const searchable = modules.filter((m) => m.home?.search);
  const records = useQueries({
    queries: searchable.map((m) => ({
      queryKey: ['portal', 'search', m.id, locale, query],
      queryFn: ({ signal }: { signal: AbortSignal }) => m.home!.search!(query, locale, signal),
      enabled: active,
      staleTime: 60_000,
    })),
  });
  const recordGroups = searchable
    .map((m, i) => ({ module: m, hits: (records[i]?.data ?? []) as readonly SearchHit[] }))
    .filter((g) => g.hits.length > 0);
  const searching = active && records.some((r) => r.isFetching);
  const nothing = active && !searching && services.length === 0 && recordGroups.length === 0;

  return (
    <section aria-labelledby="portal-search-title" className={styles.search}>
      <h2 id="portal-search-title" className={styles.searchTitle}>
        {t('home.search.title')}
      </h2>
      <form role="search" className={styles.searchForm} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId} className={styles.searchLabel}>
          {t('home.search.label')}
        </label>
        <div className={styles.searchRow}>
          <SearchIcon />
          <input
            id={inputId}
            type="search"
            className={styles.searchInput}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={hintId}
            autoComplete="off"
            enterKeyHint="search"
          />
        </div>
        <p id={hintId} className={styles.searchHint}>
          {t('home.search.hint')}
        </p>
      </form>
      <div role="status" className={styles.searchStatus}>
        {searching && services.length === 0 ? t('home.search.searching') : null}
        {nothing ? t('home.search.nothing', { query }) : null}
      </div>
      {active && (services.length > 0 || recordGroups.length > 0) && (
        <div className={styles.searchResults} aria-label={t('home.search.results')} role="region">
          {services.length > 0 && (
            <div>
              <h3 className={styles.resultGroup}>{t('home.search.services')}</h3>
              <ul className={styles.resultList}>
                {services.map((m) => (
                  <li key={m.id}>
                    <Link to={m.home!.to}>{t(m.home!.title)}</Link>
                    <span className={styles.resultDetail}>{t(m.home!.description)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {recordGroups.map(({ module, hits }) => (
            <div key={module.id}>
              <h3 className={styles.resultGroup}>{t(module.title)}</h3>
              <ul className={styles.resultList}>
                {hits.map((hit) => (
                  <li key={hit.to}>
                    <Link to={hit.to}>{hit.title}</Link>
                    {hit.detail && <span className={styles.resultDetail}>{hit.detail}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
