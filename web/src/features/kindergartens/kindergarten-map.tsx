import type { MapPoint, MunicipalitySummary } from '@contracts/kindergarten-catalog';
import type * as LeafletNs from 'leaflet';
import type { LayerGroup, Map as LeafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { useRegion } from '../region/region';
import styles from './catalog.module.css';
import { messages } from './messages';

type Leaflet = typeof LeafletNs;

// leaflet.markercluster extends the global `L`: load Leaflet first, expose it, then the plugin.
async function loadLeaflet(): Promise<Leaflet> {
  const L = (await import('leaflet')).default;
  (window as unknown as { L: Leaflet }).L = L;
  await import('leaflet.markercluster');
  return L;
}

export const PRESSURE_COLOURS = { low: '#17693b', medium: '#b07800', high: '#b3261e' } as const;

export interface KindergartenMapProps {
  points: readonly MapPoint[];
  summary?: readonly MunicipalitySummary[];
  center?: { lat: number; lon: number } | null;
  /**
   * When given, a marker opens a popup with this content instead of the kindergarten's page: the
   * caller renders what to show and its own button that chooses the kindergarten (`close` closes the
   * popup and gives focus back to the marker). The content is a React portal, so it follows the
   * caller's state while open (e.g. a button becoming disabled).
   */
  renderPopup?: (kindergartenId: number, close: () => void) => ReactNode;
  /** The legend of the municipality circles; off when no `summary` is drawn. */
  pressureLegend?: boolean;
}

interface OpenPopup {
  id: number;
  el: HTMLElement;
}

/**
 * The map: kindergartens as clustered markers (green with free places, grey without, blue being built)
 * and each municipality's pressure as a coloured circle. Tiles come from the region's configuration;
 * when they fail the markers still show on a plain background.
 */
export function KindergartenMap({
  points,
  summary,
  center,
  renderPopup,
  pressureLegend = true,
}: KindergartenMapProps) {
  const { locale } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const layerRef = useRef<LayerGroup | null>(null);
  const [L, setL] = useState<Leaflet | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [popup, setPopup] = useState<OpenPopup | null>(null);
  const choosing = renderPopup !== undefined;

  useEffect(() => {
    let cancelled = false;
    void loadLeaflet().then((lib) => {
      if (!cancelled) setL(lib);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!L || !box.current || mapRef.current || !region) return;
    const first = region.municipalities[0];
    const map = L.map(box.current, { zoomControl: true, attributionControl: true }).setView(
      [first?.centerLat ?? 58.6, first?.centerLon ?? 49.6],
      7,
    );
    const tiles = L.tileLayer(region.tileUrl, {
      maxZoom: 18,
      attribution: '&copy; OpenStreetMap',
    });
    let errors = 0;
    tiles.on('tileerror', () => {
      errors++;
      if (errors >= 2) setTilesFailed(true);
    });
    tiles.addTo(map);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [L, region]);

  useEffect(() => {
    const map = mapRef.current;
    if (!L || !map) return;
    layerRef.current?.remove();
    const group = L.layerGroup().addTo(map);
    layerRef.current = group;
    for (const s of summary ?? []) {
      L.circle([s.centerLat, s.centerLon], {
        radius: 9000,
        color: PRESSURE_COLOURS[s.pressureLevel],
        weight: 2,
        fillOpacity: 0.12,
        interactive: false,
      }).addTo(group);
    }
    const cluster = (L as unknown as { markerClusterGroup: (o: object) => LayerGroup }).markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 50,
    });
    const bounds: [number, number][] = [];
    for (const p of points) {
      const free = p.freeForAge ?? p.freePlaces;
      const kind = p.status !== 'operating' ? 'building' : free > 0 ? 'free' : 'full';
      const name = locale === 'en' && p.nameEn ? p.nameEn : p.nameRu;
      const marker = L.marker([p.lat, p.lon], {
        title: name,
        alt: name,
        keyboard: true,
        icon: L.divIcon({
          className: `${styles.marker} ${styles[`marker_${kind}`]}`,
          html: p.status === 'operating' ? String(free) : '…',
          iconSize: [30, 30],
        }),
      });
      const label =
        p.status === 'operating' ? `${name}: ${m.free} ${free}` : `${name}: ${m.statuses[p.status]}`;
      // A divIcon's name would otherwise be its number alone; the icon is recreated on unclustering.
      marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
      if (choosing) {
        marker.bindPopup(
          () => {
            // Render the caller's content before Leaflet measures the popup, so it is sized and placed right.
            const el = document.createElement('div');
            flushSync(() => setPopup({ id: p.id, el }));
            return el;
          },
          // Narrow enough to sit beside the zoom buttons on a 390 px phone.
          {
            maxWidth: 200,
            minWidth: 160,
            autoPanPaddingTopLeft: [52, 12],
            autoPanPaddingBottomRight: [12, 12],
          },
        );
        marker.on('popupopen', (e) => {
          const container = e.popup.getElement();
          const target =
            container?.querySelector<HTMLElement>('.leaflet-popup-content button:not(:disabled)') ??
            container?.querySelector<HTMLElement>('.leaflet-popup-close-button');
          target?.focus({ preventScroll: true });
        });
        marker.on('popupclose', (e) => {
          setPopup((open) => (open?.id === p.id ? null : open));
          const active = document.activeElement;
          // Keyboard users go back to the marker they came from, not to the top of the page.
          if (!active || active === document.body || e.popup.getElement()?.contains(active))
            marker.getElement()?.focus({ preventScroll: true });
        });
      } else {
        marker.on('click', () => navigate(`/kindergartens/${p.id}`));
        marker.on('keypress', (e) => {
          if ((e.originalEvent as KeyboardEvent).key === 'Enter') navigate(`/kindergartens/${p.id}`);
        });
      }
      cluster.addLayer(marker);
      bounds.push([p.lat, p.lon]);
    }
    cluster.addTo(group);
    if (center) map.setView([center.lat, center.lon], 12);
    else if (bounds.length > 0) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
  }, [L, points, summary, center, locale, navigate, region, choosing, m]);

  const close = () => mapRef.current?.closePopup();

  return (
    <div className={styles.mapWrap}>
      {tilesFailed && <Alert tone="info">{m.tilesFailed}</Alert>}
      <div
        ref={box}
        className={styles.map}
        role="region"
        aria-label={m.mapLabel}
        // Leaflet closes a popup on Escape only while the map itself has the focus, not its buttons.
        onKeyDown={popup ? (e) => e.key === 'Escape' && close() : undefined}
      />
      {popup && renderPopup && createPortal(renderPopup(popup.id, close), popup.el)}
      {pressureLegend && (
        <ul className={styles.legend} aria-label={m.pressure}>
          {(['low', 'medium', 'high'] as const).map((level) => (
            <li key={level}>
              <span
                className={styles.swatch}
                style={{ borderColor: PRESSURE_COLOURS[level] }}
                aria-hidden="true"
              />
              {m.pressure}: {m.pressureLevels[level]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
