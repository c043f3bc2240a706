import type { WaveReview } from '@contracts/kindergarten-placement';
import type * as LeafletNs from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useRegion } from '../region/region';
import type { Messages } from './messages';
import styles from './placement.module.css';

type Leaflet = typeof LeafletNs;

/** Kindergartens of the wave as circles: red when full, green with seats left; the popup gives numbers. */
export function WaveMap({
  kindergartens,
  label,
  m,
}: {
  kindergartens: WaveReview['kindergartens'];
  label: string;
  m: Messages;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { region } = useRegion();
  useEffect(() => {
    if (!box.current || !region) return;
    let map: LeafletNs.Map | null = null;
    let cancelled = false;
    void import('leaflet').then(({ default: L }: { default: Leaflet }) => {
      if (cancelled || !box.current) return;
      const points = kindergartens.filter((k) => k.lat !== null && k.lon !== null);
      map = L.map(box.current, { attributionControl: true });
      L.tileLayer(region.tileUrl, { maxZoom: 18, attribution: '&copy; OpenStreetMap' }).addTo(map);
      for (const k of points)
        L.circleMarker([k.lat!, k.lon!], {
          radius: 6 + Math.min(10, Math.sqrt(k.seats)),
          color: k.seatsLeft > 0 ? '#17693b' : '#b3261e',
          fillOpacity: 0.6,
        })
          .bindPopup(`${k.name}<br>${m.admitted}: ${k.admitted} / ${k.seats}, ${m.seatsLeft}: ${k.seatsLeft}`)
          .addTo(map);
      if (points.length > 0)
        map.fitBounds(L.latLngBounds(points.map((k) => [k.lat!, k.lon!])), { maxZoom: 13 });
      else
        map.setView(
          [region.municipalities[0]?.centerLat ?? 58.6, region.municipalities[0]?.centerLon ?? 49.6],
          9,
        );
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [kindergartens, region, m]);
  return <div ref={box} className={styles.map} role="region" aria-label={label} />;
}
