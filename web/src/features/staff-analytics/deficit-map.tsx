import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import styles from './analytics.module.css';
import { formatNumber } from './format';
import type { AnalyticsMessages } from './messages';

export interface DeficitPoint {
  id: number;
  name: string;
  lat: number;
  lon: number;
  deficit: number;
  demand: number;
  capacity: number;
}

/** Municipalities as circles sized and coloured by their forecast place deficit (Leaflet). */
export function DeficitMap({
  points,
  tileUrl,
  m,
  locale,
  onOpen,
}: {
  points: DeficitPoint[];
  tileUrl: string;
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
  onOpen?: (id: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const mapInstance = L.map(ref.current!, { scrollWheelZoom: false, attributionControl: true });
    L.tileLayer(tileUrl, { attribution: '© OpenStreetMap', maxZoom: 18 }).addTo(mapInstance);
    layer.current = L.layerGroup().addTo(mapInstance);
    map.current = mapInstance;
    return () => {
      mapInstance.remove();
      map.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const mapInstance = map.current;
    const group = layer.current;
    if (!mapInstance || !group) return;
    group.clearLayers();
    const max = Math.max(1, ...points.map((p) => p.deficit));
    for (const p of points) {
      const share = p.deficit / max;
      const color = p.deficit <= 0 ? '#2b8a3e' : share > 0.5 ? '#c92a2a' : '#f08c00';
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 8 + 22 * Math.sqrt(share),
        color,
        fillColor: color,
        fillOpacity: 0.45,
        weight: 2,
      });
      marker.bindTooltip(
        `${p.name}: ${m.deficit.toLowerCase()} ${formatNumber(locale, p.deficit)} (${m.demand.toLowerCase()} ${formatNumber(locale, p.demand)}, ${m.capacity.toLowerCase()} ${formatNumber(locale, p.capacity)})`,
      );
      if (onOpen) marker.on('click', () => onOpen(p.id));
      group.addLayer(marker);
    }
    if (points.length > 0) mapInstance.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])).pad(0.2));
    else mapInstance.setView([58.6, 49.6], 6);
  }, [points, m, locale, onOpen]);

  return <div ref={ref} className={styles.map} role="region" aria-label={m.deficitMap} />;
}
