import { Link } from 'react-router';
import { CLUB_DIRECTIONS, CLUB_FORMATS, CLUB_LEVELS, CLUB_OVZ_TYPES } from '@contracts/clubs';
import { useSearchState } from '../../app/search-state';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { listQueryString, useProgrammes } from './clubs-api';
import styles from './clubs.module.css';
import { messages } from './messages';

const PAGE_SIZE = 20;
const AGES = Array.from({ length: 16 }, (_, i) => i + 3);

/** «Кружки и секции»: the public catalog with filters in the URL. */
export function CatalogPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const [params, update] = useSearchState();
  const qs = listQueryString(params);
  const query = useProgrammes(`${qs}${qs ? '&' : ''}pageSize=${PAGE_SIZE}`);
  const set = (name: string, value: string) =>
    update((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'page') next.delete('page');
      return next;
    });
  const page = Number(params.get('page') ?? '1');
  const list = query.data;
  return (
    <div className={styles.page}>
      <PageHeader title={m.title} lead={m.lead} />
      <div className={styles.layout}>
        <form className={styles.filters} role="search" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label={m.search}
            hint={m.searchHint}
            type="search"
            value={params.get('q') ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
          <Select
            label={m.direction}
            placeholder={m.anyDirection}
            value={params.get('direction') ?? ''}
            onChange={(e) => set('direction', e.target.value)}
            options={CLUB_DIRECTIONS.map((d) => ({ value: d, label: m.directions[d]! }))}
          />
          <Select
            label={m.age}
            placeholder={m.anyAge}
            value={params.get('age') ?? ''}
            onChange={(e) => set('age', e.target.value)}
            options={AGES.map((a) => ({ value: String(a), label: m.years(a) }))}
          />
          <Select
            label={m.level}
            placeholder={m.anyLevel}
            value={params.get('level') ?? ''}
            onChange={(e) => set('level', e.target.value)}
            options={CLUB_LEVELS.map((l) => ({ value: l, label: m.levels[l]! }))}
          />
          <Select
            label={m.format}
            placeholder={m.anyFormat}
            value={params.get('format') ?? ''}
            onChange={(e) => set('format', e.target.value)}
            options={CLUB_FORMATS.map((f) => ({ value: f, label: m.formats[f]! }))}
          />
          <Select
            label={m.ovz}
            placeholder={m.anyOvz}
            value={params.get('ovz') ?? ''}
            onChange={(e) => set('ovz', e.target.value)}
            options={CLUB_OVZ_TYPES.map((o) => ({ value: o, label: m.ovzTypes[o]! }))}
          />
          <Checkbox
            label={m.openOnly}
            checked={params.get('open') === 'true'}
            onChange={(e) => set('open', e.target.checked ? 'true' : '')}
          />
          <Checkbox
            label={m.freeOnly}
            checked={params.get('free') === 'true'}
            onChange={(e) => set('free', e.target.checked ? 'true' : '')}
          />
        </form>
        <div>
          {query.error && <ProblemAlert error={query.error} title={m.loadFailed} />}
          {!list && !query.error && <Spinner label={m.title} />}
          {list && (
            <>
              <p aria-live="polite">{m.found(list.total)}</p>
              {list.items.length === 0 ? (
                <EmptyState title={m.nothing} text={m.nothingText} />
              ) : (
                <ul className={styles.list}>
                  {list.items.map((p) => (
                    <Card
                      as="li"
                      key={p.id}
                      headingLevel={2}
                      title={<Link to={`/clubs/programmes/${p.id}`}>{p.title}</Link>}
                    >
                      <p className={styles.meta}>
                        <Badge tone="info">{m.directions[p.direction]}</Badge>
                        <span>{m.ages(p.ageMin, p.ageMax)}</span>
                        <span>{m.levels[p.level]}</span>
                        <span>{m.formats[p.format]}</span>
                      </p>
                      <p>
                        {p.organisation.shortName}
                        {p.organisation.municipality ? ` · ${p.organisation.municipality}` : ''}
                      </p>
                      <p className={styles.meta}>
                        <Badge tone={p.freeSeats > 0 ? 'success' : 'neutral'}>
                          {m.freeSeats(p.freeSeats)}
                        </Badge>
                        {p.minPrice !== null && (
                          <span>{p.minPrice === 0 ? m.free : m.fromPrice(p.minPrice)}</span>
                        )}
                      </p>
                    </Card>
                  ))}
                </ul>
              )}
              {list.total > PAGE_SIZE && (
                <Pagination
                  page={page}
                  pageCount={Math.ceil(list.total / PAGE_SIZE)}
                  onPageChange={(p) => set('page', String(p))}
                />
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
