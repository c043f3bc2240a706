import type { KindergartenSummary, MapPoint } from '@contracts/kindergarten-catalog';
import { lazy, Suspense, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Spinner } from '../../ui/spinner';
import { fill, messages } from './messages';
import styles from './my-applications.module.css';

// The catalog's map, loaded with Leaflet only when the parent switches to it.
const KindergartenMap = lazy(() =>
  import('../kindergartens/kindergarten-map').then((x) => ({ default: x.KindergartenMap })),
);

/**
 * The wizard's map view: a marker per kindergarten the child may choose; its popup tells the free
 * places for the age and the queue, and adds the kindergarten to the end of the ordered list.
 */
export function KindergartenChoiceMap({
  kindergartens,
  chosen,
  max,
  onAdd,
}: {
  /** Already narrowed to those with a group for the child's age. */
  kindergartens: readonly KindergartenSummary[];
  chosen: readonly number[];
  max: number;
  onAdd: (id: number) => void;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const byId = useMemo(() => new Map(kindergartens.map((k) => [k.id, k])), [kindergartens]);
  const points = useMemo(
    (): MapPoint[] =>
      kindergartens.flatMap((k) =>
        k.lat === null || k.lon === null
          ? []
          : [
              {
                id: k.id,
                nameRu: k.nameRu,
                nameEn: k.nameEn,
                lat: k.lat,
                lon: k.lon,
                status: k.status,
                freePlaces: k.freePlaces,
                freeForAge: k.freeForAge,
              },
            ],
      ),
    [kindergartens],
  );

  const popup = (id: number, close: () => void) => {
    const k = byId.get(id);
    if (!k) return null;
    const isChosen = chosen.includes(id);
    const full = chosen.length >= max;
    return (
      <div className={styles.popup}>
        <strong>{locale === 'en' && k.nameEn ? k.nameEn : k.nameRu}</strong>
        <span>{k.address}</span>
        <span>
          {fill(m.free, { n: k.freeForAge ?? k.freePlaces })} · {fill(m.applicants, { n: k.applicantsAny })}
        </span>
        <Button
          size="small"
          disabled={isChosen || full}
          onClick={() => {
            onAdd(id);
            close();
          }}
        >
          {isChosen ? m.alreadyChosen : m.addToList}
        </Button>
        {full && !isChosen && <span className={styles.muted}>{fill(m.maxReached, { max })}</span>}
      </div>
    );
  };

  return (
    <div className={styles.stack}>
      <p className={styles.muted}>{points.length > 0 ? m.mapHint : m.mapEmpty}</p>
      <Suspense fallback={<Spinner label={m.loading} />}>
        <KindergartenMap points={points} pressureLegend={false} renderPopup={popup} />
      </Suspense>
    </div>
  );
}
