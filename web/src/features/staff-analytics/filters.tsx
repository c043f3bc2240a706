import { useState } from 'react';
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
  // While a date is half typed the browser reports it as empty. Controlled by `date` alone, the field
  // was put back to the old date at that keystroke and lost the segment being typed; the draft keeps
  // what is typed, and only whole dates go up.
  const [draft, setDraft] = useState(date);
  const [shown, setShown] = useState(date);
  if (date !== shown) {
    // A date from outside (back, forward, a link) replaces the draft.
    setShown(date);
    setDraft(date);
  }
  return (
    <form className={styles.filters} onSubmit={(e) => e.preventDefault()} aria-label={m.filtersLabel}>
      <TextField
        label={m.date}
        type="date"
        value={draft}
        max={todayLocal()}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value) onChange({ date: e.target.value });
        }}
        // Left half typed, the field shows the date the numbers are for again.
        onBlur={() => setDraft(date)}
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
