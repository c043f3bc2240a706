import { lazy, Suspense, useMemo } from 'react';
import { useSearchState } from '../../app/search-state';
import { useI18n } from '../../i18n/i18n-context';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Tabs } from '../../ui/tabs';
import { AddressPoint, type ChosenPoint } from './address-point';
import { useKindergartenList, useMapPoints, useMunicipalitySummary, type QueryParams } from './catalog-api';
import { CatalogFilters, type FilterState } from './catalog-filters';
import styles from './catalog.module.css';
import { KindergartenCard } from './kindergarten-card';
import { messages } from './messages';
import { MunicipalitySummaryTable } from './municipality-summary';
import { useDebounced } from './use-debounced';

const KindergartenMap = lazy(() =>
  import('./kindergarten-map').then((x) => ({ default: x.KindergartenMap })),
);

const NUMBER_KEYS = ['municipalityId', 'age', 'lat', 'lon', 'page'] as const;
const BOOL_KEYS = ['freeOnly', 'accessible'] as const;
const PAGE_SIZE = 20;

/** The filters live in the URL: a search can be bookmarked, shared and survives «back». */
function readState(params: URLSearchParams): FilterState {
  const state: Record<string, unknown> = {};
  for (const [k, v] of params) {
    if ((NUMBER_KEYS as readonly string[]).includes(k)) {
      const n = Number(v);
      if (Number.isFinite(n)) state[k] = n;
    } else if ((BOOL_KEYS as readonly string[]).includes(k)) state[k] = v === 'true';
    else state[k] = v;
  }
  return state as FilterState;
}

export function CatalogPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const [params, setParams] = useSearchState();
  const state = readState(params);
  const view = params.get('view') ?? 'list';
  const q = useDebounced(state.text?.trim() ?? '', 250);

  const update = (patch: Partial<FilterState> & { view?: string }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '' || v === false) next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });

  const query: QueryParams = useMemo(
    () => ({
      q: q || undefined,
      municipalityId: state.municipalityId,
      age: state.age,
      status: state.status,
      orientation: state.orientation,
      stayMode: state.stayMode,
      language: state.language,
      freeOnly: state.freeOnly,
      accessible: state.accessible,
      lat: state.lat,
      lon: state.lon,
      sort: state.sort ?? (state.lat !== undefined ? 'distance' : 'name'),
      page: state.page ?? 1,
      pageSize: PAGE_SIZE,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params.toString(), q],
  );
  const list = useKindergartenList(query);
  const points = useMapPoints(query, view === 'map');
  const summary = useMunicipalitySummary(view === 'map');
  const point: ChosenPoint | null =
    state.lat !== undefined && state.lon !== undefined
      ? { lat: state.lat, lon: state.lon, label: state.place ?? '' }
      : null;

  const listPanel = (
    <>
      {list.error && <ProblemAlert error={list.error} title={m.loadFailed} />}
      {!list.data && !list.error && <Spinner label={m.title} />}
      {list.data && (
        <>
          <p className={styles.found} aria-live="polite">
            {m.found(list.data.total)}
          </p>
          {list.data.items.length === 0 ? (
            <EmptyState title={m.noResults} text={m.noResultsText} headingLevel={3} />
          ) : (
            <ul className={styles.cards} aria-label={m.title}>
              {list.data.items.map((k) => (
                <KindergartenCard key={k.id} k={k} age={state.age} />
              ))}
            </ul>
          )}
          <Pagination
            page={list.data.page}
            pageCount={Math.ceil(list.data.total / PAGE_SIZE)}
            onPageChange={(page) => update({ page })}
            label={m.page}
          />
        </>
      )}
    </>
  );

  const mapPanel = (
    <Suspense fallback={<Spinner label={m.map} />}>
      <KindergartenMap points={points.data?.items ?? []} summary={summary.data?.items} center={point} />
    </Suspense>
  );

  return (
    <div className={styles.page}>
      <PageHeader title={m.title} lead={m.lead} />
      <div className={styles.layout}>
        <div className={styles.side}>
          <CatalogFilters value={state} onChange={(patch) => update(patch)} />
          <AddressPoint
            point={point}
            onChange={(p) =>
              update(
                p
                  ? { lat: p.lat, lon: p.lon, place: p.label, sort: 'distance' }
                  : { lat: undefined, lon: undefined, place: undefined, sort: undefined },
              )
            }
          />
          <p>
            <a href="/open-data/">{m.openData}</a>
          </p>
        </div>
        <div className={styles.main}>
          <Tabs
            label={m.title}
            selectedId={view}
            onChange={(id) => update({ view: id === 'list' ? undefined : id, page: state.page })}
            items={[
              { id: 'list', label: m.list, panel: listPanel },
              { id: 'map', label: m.map, panel: mapPanel },
              { id: 'summary', label: m.summary, panel: <MunicipalitySummaryTable /> },
            ]}
          />
        </div>
      </div>
    </div>
  );
}
