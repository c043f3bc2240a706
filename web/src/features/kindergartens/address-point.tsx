import type { GeocodeResult } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import styles from './catalog.module.css';
import { messages } from './messages';

export interface ChosenPoint {
  lat: number;
  lon: number;
  label: string;
}

/** The point distances are measured from: an address (found by the catalog's own geocoder) or the device's location. */
export function AddressPoint({
  point,
  onChange,
}: {
  point: ChosenPoint | null;
  onChange: (p: ChosenPoint | null) => void;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length < 2) return;
    setBusy(true);
    setError(null);
    try {
      const hit = await api.get<GeocodeResult>(`/api/kindergartens/geocode?q=${encodeURIComponent(text)}`);
      onChange({ lat: hit.lat, lon: hit.lon, label: text.trim() });
    } catch {
      setError(m.addressNotFound);
    } finally {
      setBusy(false);
    }
  };

  const locate = () => {
    navigator.geolocation?.getCurrentPosition(
      (pos) => onChange({ lat: pos.coords.latitude, lon: pos.coords.longitude, label: m.myLocation }),
      () => setError(m.addressNotFound),
    );
  };

  return (
    <form className={styles.addressForm} onSubmit={find} role="search" aria-label={m.sortDistance}>
      <TextField
        label={m.address}
        hint={m.addressHint}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="street-address"
        className={styles.addressField}
      />
      <div className={styles.addressButtons}>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.findAddress}
        </Button>
        {'geolocation' in navigator && (
          <Button type="button" variant="ghost" onClick={locate}>
            {m.myLocation}
          </Button>
        )}
      </div>
      {point && (
        <p className={styles.pointNote} aria-live="polite">
          {m.pointSet(point.label)}{' '}
          <Button type="button" variant="ghost" size="small" onClick={() => onChange(null)}>
            {m.clearPoint}
          </Button>
        </p>
      )}
      {error && <Alert tone="warning">{error}</Alert>}
    </form>
  );
}
