import { CATALOG_ORIENTATIONS, CATALOG_SORTS, CATALOG_STAY_MODES } from '@contracts/kindergarten-catalog';
import { useI18n } from '../../i18n/i18n-context';
import { Checkbox } from '../../ui/checkbox';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { useRegion } from '../region/region';
import styles from './catalog.module.css';
import { messages } from './messages';

export interface FilterState {
  /** What the search box shows (the query sent is debounced). */
  text?: string;
  municipalityId?: number;
  age?: number;
  status?: 'operating' | 'under_construction' | 'planned';
  orientation?: (typeof CATALOG_ORIENTATIONS)[number];
  stayMode?: (typeof CATALOG_STAY_MODES)[number];
  language?: string;
  freeOnly?: boolean;
  accessible?: boolean;
  sort?: (typeof CATALOG_SORTS)[number];
  lat?: number;
  lon?: number;
  /** The chosen point's label (address found or «my location»). */
  place?: string;
  page?: number;
}

/** The catalog's filters: every control labelled, changes apply at once (no submit button). */
export function CatalogFilters({
  value,
  onChange,
}: {
  value: FilterState;
  onChange: (patch: Partial<FilterState>) => void;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const sortLabels = { name: m.sortName, distance: m.sortDistance, free: m.sortFree };
  return (
    <section aria-labelledby="catalog-filters" className={styles.filters}>
      <h2 id="catalog-filters" className="visually-hidden">
        {m.filters}
      </h2>
      <TextField
        label={m.search}
        hint={m.searchHint}
        type="search"
        value={value.text ?? ''}
        onChange={(e) => onChange({ text: e.target.value })}
        autoComplete="off"
        className={styles.searchField}
      />
      <Select
        label={m.municipality}
        placeholder={m.anyMunicipality}
        value={value.municipalityId ? String(value.municipalityId) : ''}
        options={(region?.municipalities ?? []).map((x) => ({
          value: String(x.id),
          label: locale === 'en' ? x.nameEn : x.nameRu,
        }))}
        onChange={(e) => onChange({ municipalityId: e.target.value ? Number(e.target.value) : undefined })}
      />
      <Select
        label={m.age}
        placeholder={m.anyAge}
        value={value.age !== undefined ? String(value.age) : ''}
        options={[0, 1, 2, 3, 4, 5, 6, 7].map((a) => ({ value: String(a), label: m.years(a) }))}
        onChange={(e) => onChange({ age: e.target.value ? Number(e.target.value) : undefined })}
      />
      <div className={styles.checks}>
        <Checkbox
          label={m.freeOnly}
          checked={!!value.freeOnly}
          onChange={(e) => onChange({ freeOnly: e.target.checked || undefined })}
        />
        <Checkbox
          label={m.accessible}
          checked={!!value.accessible}
          onChange={(e) => onChange({ accessible: e.target.checked || undefined })}
        />
      </div>
      <details className={styles.more}>
        <summary>{m.moreFilters}</summary>
        <div className={styles.filters}>
          <Select
            label={m.status}
            placeholder={m.anyStatus}
            value={value.status ?? ''}
            options={(['operating', 'under_construction', 'planned'] as const).map((s) => ({
              value: s,
              label: m.statuses[s]!,
            }))}
            onChange={(e) => onChange({ status: (e.target.value || undefined) as FilterState['status'] })}
          />
          <Select
            label={m.orientation}
            placeholder={m.any}
            value={value.orientation ?? ''}
            options={CATALOG_ORIENTATIONS.map((o) => ({ value: o, label: m.orientations[o]! }))}
            onChange={(e) =>
              onChange({ orientation: (e.target.value || undefined) as FilterState['orientation'] })
            }
          />
          <Select
            label={m.stayMode}
            placeholder={m.anyMode}
            value={value.stayMode ?? ''}
            options={CATALOG_STAY_MODES.map((o) => ({ value: o, label: m.stayModes[o]! }))}
            onChange={(e) => onChange({ stayMode: (e.target.value || undefined) as FilterState['stayMode'] })}
          />
          <Select
            label={m.language}
            placeholder={m.anyMode}
            value={value.language ?? ''}
            options={Object.entries(m.languages).map(([code, label]) => ({ value: code, label }))}
            onChange={(e) => onChange({ language: e.target.value || undefined })}
          />
          <Select
            label={m.sort}
            value={value.sort ?? 'name'}
            options={CATALOG_SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
            onChange={(e) => onChange({ sort: e.target.value as FilterState['sort'] })}
          />
        </div>
      </details>
    </section>
  );
}
