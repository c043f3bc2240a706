import type { PublicGroup } from '@contracts/kindergarten-catalog';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { useKindergarten, useKindergartenHistory } from './catalog-api';
import styles from './catalog.module.css';
import { HistoryChart } from './history-chart';
import { messages } from './messages';
import { PhotoGallery } from './photo-gallery';

/** A kindergarten's public page: card, groups with free places and applicants, charts, construction. */
export function KindergartenPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const id = Number(useParams().id);
  const query = useKindergarten(id);
  const history = useKindergartenHistory(id);
  const k = query.data;
  if (query.error) return <ProblemAlert error={query.error} title={m.loadFailed} />;
  if (!k) return <Spinner label={m.title} />;
  const name = locale === 'en' && k.nameEn ? k.nameEn : k.nameRu;
  const columns: TableColumn<PublicGroup>[] = [
    {
      id: 'name',
      header: m.group,
      rowHeader: true,
      cell: (g) => (g.isOpen ? g.name : `${g.name} (${m.closedGroup})`),
    },
    { id: 'age', header: m.ageRange, cell: (g) => m.ageFromTo(g.ageFrom, g.ageTo) },
    { id: 'orientation', header: m.orientation, cell: (g) => m.orientations[g.orientation] },
    { id: 'mode', header: m.stayMode, cell: (g) => m.stayModes[g.stayMode] },
    { id: 'capacity', header: m.capacity, align: 'end', cell: (g) => g.capacity },
    { id: 'enrolled', header: m.enrolled, align: 'end', cell: (g) => g.enrolled },
    {
      id: 'free',
      header: m.freePlaces,
      align: 'end',
      cell: (g) => (
        <strong className={g.freePlaces > 0 ? styles.freeYes : styles.freeNo}>{g.freePlaces}</strong>
      ),
    },
    { id: 'first', header: m.applicantsFirst, align: 'end', cell: (g) => g.applicantsFirst },
    { id: 'any', header: m.applicantsAny, align: 'end', cell: (g) => g.applicantsAny },
  ];
  const building = k.status === 'under_construction' || k.status === 'planned';
  return (
    <div className={styles.page}>
      <p>
        <Link to="/kindergartens">← {m.back}</Link>
      </p>
      <PageHeader
        title={name}
        lead={`${k.address} · ${locale === 'en' ? k.municipalityNameEn : k.municipalityNameRu}`}
        eyebrow={<Badge tone={building ? 'warning' : 'success'}>{m.statuses[k.status]}</Badge>}
      />
      <div className={styles.detailGrid}>
        <Card title={m.contacts}>
          <dl className={styles.facts}>
            <dt>{m.addressLabel}</dt>
            <dd>{k.address}</dd>
            {k.phone && (
              <>
                <dt>{m.phone}</dt>
                <dd>
                  <a href={`tel:${k.phone.replace(/[^\d+]/g, '')}`}>{k.phone}</a>
                </dd>
              </>
            )}
            {k.email && (
              <>
                <dt>{m.email}</dt>
                <dd>
                  <a href={`mailto:${k.email}`}>{k.email}</a>
                </dd>
              </>
            )}
            {k.website && (
              <>
                <dt>{m.website}</dt>
                <dd>
                  <a href={k.website} rel="noopener noreferrer">
                    {k.website}
                  </a>
                </dd>
              </>
            )}
            {k.headName && (
              <>
                <dt>{m.head}</dt>
                <dd>{k.headName}</dd>
              </>
            )}
            {k.workingHours && (
              <>
                <dt>{m.hours}</dt>
                <dd>{k.workingHours}</dd>
              </>
            )}
            <dt>{m.accessibility}</dt>
            <dd>{k.accessible ? m.accessibleYes : m.accessibleNo}</dd>
          </dl>
          {k.description && <p className={styles.muted}>{k.description}</p>}
          {/* The feedback service's public URL: the organisation and the topic come filled in. */}
          <p>
            <Link to={`/feedback/new?organisationId=${k.id}&category=education.kindergartens`}>
              {m.reportProblem}
            </Link>
          </p>
        </Card>
        {k.groups.length > 0 && (
          <Card title={m.freePlaces}>
            <p className={styles.bigNumber}>
              <strong className={k.freePlaces > 0 ? styles.freeYes : styles.freeNo}>{k.freePlaces}</strong>
            </p>
            <p>{m.totals(k.capacity, k.freePlaces)}</p>
            {building && (
              <p data-testid="not-open-yet">
                {m.notOpenYet(
                  k.openingDate ? new Date(k.openingDate).toLocaleDateString(locale) : null,
                  k.plannedCapacity,
                )}
              </p>
            )}
            <p className={styles.muted}>
              {m.applicantsFirst}: {k.applicantsFirst} · {m.applicantsAny}: {k.applicantsAny}
            </p>
          </Card>
        )}
      </div>
      {building && (
        <Card title={m.construction}>
          <dl className={styles.facts}>
            {k.plannedCapacity !== null && (
              <>
                <dt>{m.plannedCapacity}</dt>
                <dd>{k.plannedCapacity}</dd>
              </>
            )}
            {k.openingDate && (
              <>
                <dt>{m.openingDate}</dt>
                <dd>{new Date(k.openingDate).toLocaleDateString(locale)}</dd>
              </>
            )}
          </dl>
          <h3>{m.progress}</h3>
          {k.constructionNotes.length === 0 ? (
            <p>{m.noNotes}</p>
          ) : (
            <ol className={styles.notes}>
              {k.constructionNotes.map((n) => (
                <li key={n.id}>
                  <progress max={100} value={n.progressPercent} aria-label={`${n.progressPercent} %`} />{' '}
                  <strong>{n.progressPercent} %</strong> · {new Date(n.notedOn).toLocaleDateString(locale)} —{' '}
                  {locale === 'en' && n.textEn ? n.textEn : n.textRu}
                </li>
              ))}
            </ol>
          )}
        </Card>
      )}
      {k.photos.length > 0 && (
        <section aria-labelledby="kg-photos">
          <h2 id="kg-photos">{m.photos}</h2>
          <PhotoGallery photos={k.photos} locale={locale} />
        </section>
      )}
      {k.groups.length > 0 && (
        <section aria-labelledby="kg-groups">
          <h2 id="kg-groups">{m.groups}</h2>
          <Table
            caption={m.groups}
            captionHidden
            columns={columns}
            rows={k.groups}
            rowKey={(g) => g.id}
            stackOnMobile
          />
        </section>
      )}
      {k.groups.length > 0 && (
        <section aria-labelledby="kg-charts">
          <h2 id="kg-charts">{m.charts}</h2>
          {history.data ? <HistoryChart history={history.data} /> : <Spinner label={m.charts} />}
        </section>
      )}
    </div>
  );
}
