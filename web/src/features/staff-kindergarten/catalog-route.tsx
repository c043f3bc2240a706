import type { KindergartenCreateInput } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { useRegion } from '../region/region';
import { KindergartenEditor } from './kindergarten-editor';
import { messages } from './messages';
import { useCatalogWrite, useStaffKindergartenList } from './staff-api';
import styles from './staff.module.css';

function CreateForm() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const { user } = useSession();
  const navigate = useNavigate();
  const own = user?.grants.find((g) => g.role === 'municipal_officer')?.municipalityId ?? null;
  const [f, setF] = useState({
    municipalityId: String(own ?? region?.municipalities[0]?.id ?? ''),
    code: '',
    nameRu: '',
    address: '',
    status: 'under_construction',
    openingDate: '',
    plannedCapacity: '',
  });
  const write = useCatalogWrite<KindergartenCreateInput>('POST', () => '/api/staff/kindergartens');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      {
        municipalityId: Number(f.municipalityId),
        code: f.code,
        nameRu: f.nameRu,
        address: f.address,
        status: f.status as KindergartenCreateInput['status'],
        openingDate: f.openingDate || null,
        plannedCapacity: f.plannedCapacity ? Number(f.plannedCapacity) : null,
      },
      { onSuccess: (res) => navigate(`/staff/catalog/${(res as { id: number }).id}`) },
    );
  };
  return (
    <Card title={m.addKindergarten}>
      <form className={styles.wideForm} onSubmit={submit}>
        <Select
          label={m.municipality}
          value={f.municipalityId}
          options={(region?.municipalities ?? [])
            .filter((x) => own === null || x.id === own)
            .map((x) => ({ value: String(x.id), label: locale === 'en' ? x.nameEn : x.nameRu }))}
          onChange={(e) => setF({ ...f, municipalityId: e.target.value })}
        />
        <TextField
          label={m.code}
          value={f.code}
          required
          onChange={(e) => setF({ ...f, code: e.target.value })}
        />
        <TextField
          label={m.nameRu}
          value={f.nameRu}
          required
          onChange={(e) => setF({ ...f, nameRu: e.target.value })}
        />
        <TextField
          label={m.address}
          value={f.address}
          required
          onChange={(e) => setF({ ...f, address: e.target.value })}
        />
        <Select
          label={m.status}
          value={f.status}
          options={Object.entries(m.statuses).map(([value, label]) => ({ value, label }))}
          onChange={(e) => setF({ ...f, status: e.target.value })}
        />
        <TextField
          label={m.openingDate}
          type="date"
          value={f.openingDate}
          onChange={(e) => setF({ ...f, openingDate: e.target.value })}
        />
        <TextField
          label={m.plannedCapacity}
          type="number"
          value={f.plannedCapacity}
          onChange={(e) => setF({ ...f, plannedCapacity: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={write.isPending}>
            {m.create}
          </Button>
        </div>
        {write.error && <ProblemAlert error={write.error} />}
      </form>
    </Card>
  );
}

function CatalogList() {
  const { locale } = useI18n();
  const m = messages[locale];
  const list = useStaffKindergartenList();
  return (
    <div className={styles.page}>
      <PageHeader title={m.catalogTitle} lead={m.catalogLead} />
      {list.error && <ProblemAlert error={list.error} title={m.loadFailed} />}
      {!list.data ? (
        <Spinner label={m.catalogTitle} />
      ) : (
        <>
          {list.data.permittedActions.includes('catalog.kindergarten.create') && <CreateForm />}
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className="visually-hidden">{m.catalogTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.nameRu}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.capacity}</th>
                  <th scope="col">{m.enrolled}</th>
                  <th scope="col">{m.free}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">
                      <Link to={`/staff/catalog/${k.id}`}>{k.nameRu}</Link>
                    </th>
                    <td>{m.statuses[k.status]}</td>
                    <td>{k.capacity}</td>
                    <td>{k.enrolled}</td>
                    <td>{k.freePlaces}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function EditorById() {
  return <KindergartenEditor id={Number(useParams().id)} />;
}

/** Детские сады for a municipal officer or the regional administrator (/staff/catalog). */
export function Component() {
  return (
    <Routes>
      <Route index element={<CatalogList />} />
      <Route path=":id" element={<EditorById />} />
    </Routes>
  );
}
