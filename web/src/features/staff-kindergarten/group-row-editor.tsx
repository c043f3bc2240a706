import type { StaffGroup } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { ageRange } from '../../i18n/age-range';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ProblemAlert } from '../../ui/problem-alert';
import { TextField } from '../../ui/text-field';
import styles from './staff.module.css';
import { messages } from './messages';
import { useCatalogWrite } from './staff-api';

export const percent = (v: number | null, locale: string) =>
  v === null ? '—' : `${(v * 100).toLocaleString(locale, { maximumFractionDigits: 0 })} %`;

/** One group: counts, occupancy (warning above 100 %) and a small form for capacity and caretakers. */
export function GroupRowEditor({ group, canEdit }: { group: StaffGroup; canEdit: boolean }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [capacity, setCapacity] = useState(String(group.capacity));
  const [caretakers, setCaretakers] = useState(String(group.caretakers));
  const write = useCatalogWrite<{ capacity: number; caretakers: number }>(
    'PATCH',
    () => `/api/staff/groups/${group.id}`,
  );
  const over = group.occupancy !== null && group.occupancy > 1;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ capacity: Number(capacity), caretakers: Number(caretakers) });
  };

  return (
    <li className={styles.groupRow} data-group-id={group.id}>
      <div className={styles.groupHead}>
        <h3 className={styles.groupName}>{group.name}</h3>
        <span className={styles.muted}>{ageRange(locale, group.ageFrom, group.ageTo)}</span>
      </div>
      <dl className={styles.counts}>
        <div>
          <dt>{m.capacity}</dt>
          <dd>{group.capacity}</dd>
        </div>
        <div>
          <dt>{m.enrolled}</dt>
          <dd>{group.enrolled}</dd>
        </div>
        <div>
          <dt>{m.free}</dt>
          <dd data-testid="group-free">{group.freePlaces}</dd>
        </div>
        <div>
          <dt>{m.fill}</dt>
          <dd data-testid="group-fill">
            {percent(group.capacity > 0 ? group.enrolled / group.capacity : null, locale)}{' '}
            {group.overCapacity && <Badge tone="danger">{m.overCapacity}</Badge>}
          </dd>
        </div>
        <div>
          <dt>{m.caretakers}</dt>
          <dd>{group.caretakers}</dd>
        </div>
        <div>
          <dt>{m.occupancy}</dt>
          <dd data-testid="group-load">
            {percent(group.occupancy, locale)} {over && <Badge tone="warning">{m.overLimit}</Badge>}
          </dd>
        </div>
      </dl>
      {canEdit && (
        <form className={styles.inlineForm} onSubmit={submit} aria-label={m.editGroup(group.name)}>
          <TextField
            label={m.capacityOf(group.name)}
            type="number"
            inputMode="numeric"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
          <TextField
            label={m.caretakersOf(group.name)}
            type="number"
            inputMode="numeric"
            value={caretakers}
            onChange={(e) => setCaretakers(e.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            disabled={write.isPending}
            aria-label={m.saveGroup(group.name)}
          >
            {m.save}
          </Button>
          {write.isSuccess && <span role="status">{m.saved}</span>}
        </form>
      )}
      {write.error && (
        <ProblemAlert error={write.error} fieldLabels={{ capacity: m.capacity, caretakers: m.caretakers }} />
      )}
    </li>
  );
}
