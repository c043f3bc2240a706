import type { ConstructionNoteInput, StaffKindergarten } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { CardEditor } from './card-editor';
import { ChildrenPanel } from './children-panel';
import { GroupRowEditor, percent } from './group-row-editor';
import { messages } from './messages';
import { PhotosEditor } from './photos-editor';
import { useCatalogWrite, useStaffKindergarten } from './staff-api';
import styles from './staff.module.css';

function ConstructionPanel({ k }: { k: StaffKindergarten }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [note, setNote] = useState({
    notedOn: new Date().toISOString().slice(0, 10),
    progressPercent: '0',
    textRu: '',
  });
  const write = useCatalogWrite<ConstructionNoteInput>(
    'POST',
    () => `/api/staff/kindergartens/${k.id}/construction-notes`,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({
      notedOn: note.notedOn,
      progressPercent: Number(note.progressPercent),
      textRu: note.textRu,
    });
  };
  return (
    <Card title={m.construction}>
      <ol>
        {k.constructionNotes.map((n) => (
          <li key={n.id}>
            {n.notedOn}: {n.progressPercent} % — {n.textRu}
          </li>
        ))}
      </ol>
      <form className={styles.form} onSubmit={submit}>
        <TextField
          label={m.notedOn}
          type="date"
          value={note.notedOn}
          onChange={(e) => setNote({ ...note, notedOn: e.target.value })}
        />
        <TextField
          label={m.progress}
          type="number"
          value={note.progressPercent}
          onChange={(e) => setNote({ ...note, progressPercent: e.target.value })}
        />
        <TextField
          label={m.note}
          value={note.textRu}
          required
          onChange={(e) => setNote({ ...note, textRu: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={write.isPending}>
            {m.addNote}
          </Button>
        </div>
        {write.error && <ProblemAlert error={write.error} />}
      </form>
    </Card>
  );
}

function OverCapacitySetting({ k }: { k: StaffKindergarten }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const write = useCatalogWrite<{ allowOverCapacity: boolean }>(
    'PUT',
    () => `/api/staff/municipalities/${k.municipalityId}/catalog-config`,
  );
  return (
    <Checkbox
      label={m.allowOver}
      checked={k.allowOverCapacity}
      disabled={write.isPending}
      onChange={(e) => write.mutate({ allowOverCapacity: e.target.checked })}
    />
  );
}

/** A kindergarten for its head or an officer: card, groups with occupancy, children, construction. */
export function KindergartenEditor({ id }: { id: number }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const query = useStaffKindergarten(id);
  const k = query.data;
  if (query.error) return <ProblemAlert error={query.error} title={m.loadFailed} />;
  if (!k) return <Spinner label={m.title} />;
  const canEditGroups = k.permittedActions.includes('catalog.group.update');
  const over = k.occupancy !== null && k.occupancy > 1;
  const building = k.status === 'under_construction' || k.status === 'planned';
  return (
    <div className={styles.page}>
      <PageHeader
        title={k.nameRu}
        lead={k.address}
        actions={<Link to={`/kindergartens/${k.id}`}>{m.publicPage}</Link>}
      />
      <section aria-labelledby="staff-groups" className={styles.section}>
        <h2 id="staff-groups">{m.groups}</h2>
        <p className={styles.muted}>{m.occupancyHint}</p>
        <p>
          {m.total}: {m.occupancy} <strong>{percent(k.occupancy, locale)}</strong>
        </p>
        {over && (
          <Alert tone="warning">{`${m.occupancy} ${percent(k.occupancy, locale)} — ${m.overLimit}`}</Alert>
        )}
        {k.permittedActions.includes('catalog.config.update') && <OverCapacitySetting k={k} />}
        <ul className={styles.groups}>
          {k.groups.map((g) => (
            <GroupRowEditor key={`${g.id}-${g.capacity}-${g.caretakers}`} group={g} canEdit={canEditGroups} />
          ))}
        </ul>
      </section>
      <ChildrenPanel k={k} />
      {k.permittedActions.includes('catalog.kindergarten.update') && <CardEditor key={k.id} k={k} />}
      {k.permittedActions.includes('catalog.kindergarten.update') && <PhotosEditor k={k} />}
      {building && k.permittedActions.includes('catalog.kindergarten.manage') && <ConstructionPanel k={k} />}
    </div>
  );
}
