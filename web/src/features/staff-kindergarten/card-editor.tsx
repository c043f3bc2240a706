import type { KindergartenCardInput, StaffKindergarten } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { messages } from './messages';
import { useCatalogWrite } from './staff-api';
import styles from './staff.module.css';

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The kindergarten's card; status and construction fields only for those who may manage them. */
export function CardEditor({ k }: { k: StaffKindergarten }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const manage = k.permittedActions.includes('catalog.kindergarten.manage');
  const [f, setF] = useState({
    nameRu: k.nameRu,
    address: k.address,
    phone: k.phone ?? '',
    email: k.email ?? '',
    website: k.website ?? '',
    headName: k.headName ?? '',
    workingHours: k.workingHours ?? '',
    description: k.description ?? '',
    accessible: k.accessible,
    status: k.status,
    openingDate: k.openingDate ?? '',
    plannedCapacity: k.plannedCapacity === null ? '' : String(k.plannedCapacity),
  });
  const write = useCatalogWrite<KindergartenCardInput>('PATCH', () => `/api/staff/kindergartens/${k.id}`);
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: KindergartenCardInput = {
      nameRu: f.nameRu,
      address: f.address,
      phone: orNull(f.phone),
      email: orNull(f.email),
      website: orNull(f.website),
      headName: orNull(f.headName),
      workingHours: orNull(f.workingHours),
      description: orNull(f.description),
      accessible: f.accessible,
    };
    if (manage) {
      body.status = f.status;
      body.openingDate = orNull(f.openingDate);
      body.plannedCapacity = f.plannedCapacity === '' ? null : Number(f.plannedCapacity);
    }
    write.mutate(body);
  };

  return (
    <Card title={m.card}>
      <form className={styles.wideForm} onSubmit={submit}>
        <TextField
          label={m.nameRu}
          value={f.nameRu}
          onChange={(e) => set({ nameRu: e.target.value })}
          required
        />
        <TextField
          label={m.address}
          value={f.address}
          onChange={(e) => set({ address: e.target.value })}
          required
        />
        <TextField
          label={m.phone}
          value={f.phone}
          onChange={(e) => set({ phone: e.target.value })}
          type="tel"
        />
        <TextField
          label={m.email}
          value={f.email}
          onChange={(e) => set({ email: e.target.value })}
          type="email"
        />
        <TextField
          label={m.website}
          value={f.website}
          onChange={(e) => set({ website: e.target.value })}
          type="url"
        />
        <TextField
          label={m.headName}
          value={f.headName}
          onChange={(e) => set({ headName: e.target.value })}
        />
        <TextField
          label={m.workingHours}
          value={f.workingHours}
          onChange={(e) => set({ workingHours: e.target.value })}
        />
        <TextField
          label={m.description}
          value={f.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <Checkbox
          label={m.accessible}
          checked={f.accessible}
          onChange={(e) => set({ accessible: e.target.checked })}
        />
        {manage && (
          <>
            <Select
              label={m.status}
              value={f.status}
              options={Object.entries(m.statuses).map(([value, label]) => ({ value, label }))}
              onChange={(e) => set({ status: e.target.value as typeof f.status })}
            />
            <TextField
              label={m.openingDate}
              type="date"
              value={f.openingDate}
              onChange={(e) => set({ openingDate: e.target.value })}
            />
            <TextField
              label={m.plannedCapacity}
              type="number"
              value={f.plannedCapacity}
              onChange={(e) => set({ plannedCapacity: e.target.value })}
            />
          </>
        )}
        <div>
          <Button type="submit" disabled={write.isPending}>
            {m.save}
          </Button>{' '}
          {write.isSuccess && <span role="status">{m.saved}</span>}
        </div>
        {write.error && <ProblemAlert error={write.error} />}
      </form>
    </Card>
  );
}
