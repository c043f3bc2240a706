import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import styles from './analytics.module.css';
import type { AnalyticsMessages } from './messages';
import { todayLocal, type BandPreset } from './use-indicators';

/** Date and age-band filters; their values live in the address so a view can be shared. */
export function Filters({
  m,
  date,
  preset,
  onChange,
}: {
  m: AnalyticsMessages;
  date: string;
  preset: BandPreset;
  onChange: (patch: Record<string, string>) => void;
}) {
  return (
    <form className={styles.filters} onSubmit={(e) => e.preventDefault()} aria-label={m.date}>
      <TextField
        label={m.date}
        type="date"
        value={date}
        max={todayLocal()}
        onChange={(e) => e.target.value && onChange({ date: e.target.value })}
      />
      <Select
        label={m.ageBands}
        value={preset}
        onChange={(e) => onChange({ ages: e.target.value })}
        options={[
          { value: 'all', label: m.allAges },
          { value: '0-3', label: m.ages0to3 },
          { value: '1.5-3', label: m.ages1to3 },
          { value: '3-7', label: m.ages3to7 },
        ]}
        data-testid="ages-select"
      />
    </form>
  );
}
