import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { useRegion } from '../region/region';
import { placementApi } from './api';
import { messages } from './messages';
import styles from './placement.module.css';

function nextSeptember(): string {
  const now = new Date();
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-09-01`;
}

export function WaveListPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const waves = useQuery({ queryKey: ['placement', 'waves'], queryFn: () => placementApi.waves() });
  return (
    <>
      <PageHeader title={m.title} lead={m.lead} />
      <div className={styles.stack}>
        <CreateWaveForm />
        <section aria-labelledby="waves-heading">
          <h2 id="waves-heading">{m.waves}</h2>
          {waves.isPending ? (
            <Spinner label={m.loading} />
          ) : waves.isError ? (
            <ProblemAlert error={waves.error} />
          ) : waves.data.items.length === 0 ? (
            <EmptyState title={m.noWaves} text={m.noWavesText} headingLevel={3} />
          ) : (
            <Table
              caption={m.waves}
              captionHidden
              stackOnMobile
              rows={waves.data.items}
              rowKey={(w) => w.id}
              columns={[
                {
                  id: 'title',
                  header: m.waveTitle,
                  rowHeader: true,
                  cell: (w) => <Link to={w.id}>{w.title}</Link>,
                },
                { id: 'date', header: m.placementDate, cell: (w) => w.placementDate },
                {
                  id: 'status',
                  header: m.status,
                  cell: (w) =>
                    w.status === 'confirmed' ? (
                      <Badge tone="success">{m.statusConfirmed}</Badge>
                    ) : w.latestRun ? (
                      <Badge tone="info">{m.runStatus[w.latestRun.status]}</Badge>
                    ) : (
                      <Badge>{m.statusOpen}</Badge>
                    ),
                },
                { id: 'seats', header: m.seats, align: 'end', cell: (w) => w.seatsOffered },
                { id: 'groups', header: m.groups, align: 'end', cell: (w) => w.groupsOffered },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}

function CreateWaveForm() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const { region } = useRegion();
  const navigate = useNavigate();
  const client = useQueryClient();
  const own = user?.grants.find((g) => g.role === 'municipal_officer')?.municipalityId ?? null;
  const [municipalityId, setMunicipalityId] = useState<string>(own ? String(own) : '');
  const [kind, setKind] = useState<'main' | 'additional'>('main');
  const [title, setTitle] = useState(locale === 'ru' ? 'Основное комплектование' : 'Main placement');
  const [placementDate, setPlacementDate] = useState(nextSeptember());
  const [desiredDateReached, setDesired] = useState(true);
  const [includeBenefitCheck, setBenefitCheck] = useState(false);
  const [ageMin, setAgeMin] = useState('0');
  const [ageMax, setAgeMax] = useState('7');
  const [seatSource, setSeatSource] = useState<'free' | 'capacity'>('free');
  const create = useMutation({
    mutationFn: () =>
      placementApi.create({
        municipalityId: Number(municipalityId || own),
        kind,
        title,
        placementDate,
        seatSource,
        rules: { desiredDateReached, includeBenefitCheck, ageMin: Number(ageMin), ageMax: Number(ageMax) },
      }),
    onSuccess: async (wave) => {
      await client.invalidateQueries({ queryKey: ['placement', 'waves'] });
      void navigate(wave.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const ages = Array.from({ length: 8 }, (_, i) => ({ value: String(i), label: String(i) }));
  return (
    <Card title={m.create} headingLevel={2}>
      <form onSubmit={submit} className={styles.form} aria-label={m.create}>
        {!own && (
          <Select
            label={m.municipality}
            required
            value={municipalityId}
            onChange={(e) => setMunicipalityId(e.target.value)}
            placeholder="—"
            options={(region?.municipalities ?? []).map((mu) => ({
              value: String(mu.id),
              label: locale === 'ru' ? mu.nameRu : (mu.nameEn ?? mu.nameRu),
            }))}
          />
        )}
        <Select
          label={m.kind}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'main' | 'additional')}
          options={[
            { value: 'main', label: m.kindMain },
            { value: 'additional', label: m.kindAdditional },
          ]}
        />
        <TextField
          label={m.waveTitle}
          required
          minLength={2}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={m.placementDate}
          type="date"
          required
          value={placementDate}
          onChange={(e) => setPlacementDate(e.target.value)}
        />
        <fieldset className={styles.fieldset}>
          <legend>{m.rules}</legend>
          <Checkbox
            label={m.desiredDateReached}
            checked={desiredDateReached}
            onChange={(e) => setDesired(e.target.checked)}
          />
          <Checkbox
            label={m.includeBenefitCheck}
            checked={includeBenefitCheck}
            onChange={(e) => setBenefitCheck(e.target.checked)}
          />
          <div className={styles.row}>
            <Select
              label={m.ageMin}
              value={ageMin}
              onChange={(e) => setAgeMin(e.target.value)}
              options={ages}
            />
            <Select
              label={m.ageMax}
              value={ageMax}
              onChange={(e) => setAgeMax(e.target.value)}
              options={ages}
            />
          </div>
        </fieldset>
        <Select
          label={m.seatSource}
          hint={m.seatsHint}
          value={seatSource}
          onChange={(e) => setSeatSource(e.target.value as 'free' | 'capacity')}
          options={[
            { value: 'free', label: m.seatFree },
            { value: 'capacity', label: m.seatCapacity },
          ]}
        />
        {create.isError && <ProblemAlert error={create.error} />}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {m.create}
          </Button>
        </div>
      </form>
    </Card>
  );
}
