import type { ForecastResponse } from '@contracts/kindergarten-reporting';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import styles from './analytics.module.css';
import { DeficitMap, type DeficitPoint } from './deficit-map';
import { EChart } from './echart';
import { formatNumber } from './format';
import type { AnalyticsMessages } from './messages';
import { useForecast, useScenarios } from './use-indicators';

type Years = ForecastResponse['municipalities'][number]['years'];

/** Sum of the municipalities' years (the region), or one municipality's. */
function areaYears(f: ForecastResponse, municipalityId?: number): Years {
  const chosen = f.municipalities.filter(
    (x) => municipalityId === undefined || x.municipalityId === municipalityId,
  );
  const first = chosen[0]?.years ?? [];
  return first.map((y, i) => {
    const all = chosen.map((c) => c.years[i]!);
    const sum = (k: 'totalDemand' | 'totalDemandLower' | 'totalDemandUpper' | 'capacity' | 'deficit') =>
      Math.round(all.reduce((s, x) => s + x[k], 0) * 10) / 10;
    return {
      ...y,
      totalDemand: sum('totalDemand'),
      totalDemandLower: sum('totalDemandLower'),
      totalDemandUpper: sum('totalDemandUpper'),
      capacity: sum('capacity'),
      deficit: sum('deficit'),
    };
  });
}

export function ForecastPanel({
  m,
  locale,
  municipalityId,
  municipalities,
  tileUrl,
  onOpen,
}: {
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
  municipalityId?: number;
  municipalities: { id: number; name: string; lat: number | null; lon: number | null }[];
  tileUrl: string;
  onOpen: (id: number) => void;
}) {
  const [scenario, setScenario] = useState('with');
  const forecast = useForecast(scenario);
  const compare = useForecast(scenario === 'with' ? 'without' : 'with');
  const scenarios = useScenarios();
  const [yearIndex, setYearIndex] = useState(1);
  const n = (v: number) => formatNumber(locale, v);

  const years = useMemo(
    () => (forecast.data ? areaYears(forecast.data, municipalityId) : []),
    [forecast.data, municipalityId],
  );
  const baseline = useMemo(
    () => (compare.data ? areaYears(compare.data, municipalityId) : []),
    [compare.data, municipalityId],
  );

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 12, top: 12, bottom: 48 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value' },
      series: [
        { name: m.demand, type: 'line', data: years.map((y) => y.totalDemand), color: '#1864ab' },
        {
          name: `${m.interval} −`,
          type: 'line',
          data: years.map((y) => y.totalDemandLower),
          lineStyle: { type: 'dashed' },
          color: '#74c0fc',
          symbol: 'none',
        },
        {
          name: `${m.interval} +`,
          type: 'line',
          data: years.map((y) => y.totalDemandUpper),
          lineStyle: { type: 'dashed' },
          color: '#74c0fc',
          symbol: 'none',
        },
        { name: m.capacity, type: 'bar', data: years.map((y) => y.capacity), color: '#adb5bd' },
        {
          name: `${m.capacity}: ${scenario === 'with' ? m.withoutPlanned : m.withPlanned}`,
          type: 'line',
          step: 'end',
          data: baseline.map((y) => y.capacity),
          color: '#495057',
          lineStyle: { type: 'dotted' },
        },
      ],
    }),
    [years, baseline, m, scenario],
  );

  const points: DeficitPoint[] = useMemo(() => {
    if (!forecast.data) return [];
    return forecast.data.municipalities.flatMap((x) => {
      const where = municipalities.find((mm) => mm.id === x.municipalityId);
      const y = x.years[Math.min(yearIndex, x.years.length - 1)];
      if (!where || where.lat === null || where.lon === null || !y) return [];
      return [
        {
          id: x.municipalityId,
          name: where.name,
          lat: where.lat,
          lon: where.lon,
          deficit: y.deficit,
          demand: y.totalDemand,
          capacity: y.capacity,
        },
      ];
    });
  }, [forecast.data, municipalities, yearIndex]);

  const options = [
    { value: 'with', label: m.withPlanned },
    { value: 'without', label: m.withoutPlanned },
    ...(scenarios.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name })),
  ];

  return (
    <Card title={m.forecast} headingLevel={2}>
      <p className={styles.muted}>{m.forecastLead}</p>
      <div className={styles.filters}>
        <Select
          label={m.scenario}
          value={scenario}
          onChange={(e) => setScenario(e.target.value)}
          options={options}
          data-testid="scenario-select"
        />
        {years.length > 0 && (
          <Select
            label={m.year}
            value={String(yearIndex)}
            onChange={(e) => setYearIndex(Number(e.target.value))}
            options={years.map((y, i) => ({ value: String(i), label: String(y.year) }))}
          />
        )}
      </div>
      {forecast.isPending && <Spinner label={m.loading} />}
      {forecast.error && <ProblemAlert error={forecast.error} />}
      {forecast.data && (
        <>
          <EChart option={option} label={m.forecast} height={300} testId="forecast-chart" />
          <Table
            caption={m.forecast}
            captionHidden
            columns={[
              { id: 'year', header: m.year, rowHeader: true, cell: (y: Years[number]) => y.year },
              { id: 'demand', header: m.demand, align: 'end', cell: (y) => n(y.totalDemand) },
              {
                id: 'interval',
                header: m.interval,
                align: 'end',
                cell: (y) => `${n(y.totalDemandLower)} – ${n(y.totalDemandUpper)}`,
              },
              { id: 'capacity', header: m.capacity, align: 'end', cell: (y) => n(y.capacity) },
              { id: 'deficit', header: m.deficit, align: 'end', cell: (y) => n(y.deficit) },
            ]}
            rows={years}
            rowKey={(y) => y.year}
            stackOnMobile
          />
          <h3>{m.deficitMap}</h3>
          <p className={styles.muted}>{m.deficitMapHint}</p>
          <DeficitMap points={points} tileUrl={tileUrl} m={m} locale={locale} onOpen={onOpen} />
          <p className={styles.muted}>
            {m.method}: {m.methodText || `${forecast.data.method} ${forecast.data.intervalMethod}.`}
          </p>
        </>
      )}
      <WhatIfForm
        m={m}
        municipalities={municipalities}
        defaultMunicipality={municipalityId}
        firstYear={years[0]?.year}
        onSaved={(id) => setScenario(String(id))}
      />
    </Card>
  );
}

function WhatIfForm({
  m,
  municipalities,
  defaultMunicipality,
  firstYear,
  onSaved,
}: {
  m: AnalyticsMessages;
  municipalities: { id: number; name: string }[];
  defaultMunicipality?: number;
  firstYear?: number;
  onSaved: (id: number) => void;
}) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [muni, setMuni] = useState(String(defaultMunicipality ?? municipalities[0]?.id ?? ''));
  const [fromYear, setFromYear] = useState(String((firstYear ?? new Date().getFullYear()) + 1));
  const [places, setPlaces] = useState('100');
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: number }>('/api/reporting/scenarios', {
        name,
        withoutPlanned: false,
        additions: [{ municipalityId: Number(muni), fromYear: Number(fromYear), places: Number(places) }],
      }),
    onSuccess: async (s) => {
      await qc.invalidateQueries({ queryKey: ['reporting', 'scenarios'] });
      onSaved(s.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={m.whatIf}>
      <h3>{m.whatIf}</h3>
      <div className={styles.form}>
        <TextField
          label={m.scenarioName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          minLength={2}
        />
        <Select
          label={m.municipality}
          value={muni}
          onChange={(e) => setMuni(e.target.value)}
          options={municipalities.map((x) => ({ value: String(x.id), label: x.name }))}
        />
        <TextField
          label={m.fromYear}
          type="number"
          value={fromYear}
          onChange={(e) => setFromYear(e.target.value)}
          required
        />
        <TextField
          label={m.places}
          type="number"
          value={places}
          onChange={(e) => setPlaces(e.target.value)}
          required
        />
        <Button type="submit" loading={save.isPending}>
          {m.save}
        </Button>
      </div>
      {save.error && <ProblemAlert error={save.error} />}
    </form>
  );
}
