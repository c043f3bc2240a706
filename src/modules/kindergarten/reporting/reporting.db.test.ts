import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ForecastResponse,
  IndicatorsResponse,
  IndicatorSummary,
} from '../../../contracts/kindergarten-reporting.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { HAND_ANSWERS, HAND_DAYS, expectedSummary } from './hand-region-answers.js';
import { loadHandRegion } from './hand-region-db.js';
import { MONTHLY_TOPIC, reportsDir } from './monthly-report.js';
import { SUMMARY_COLUMNS } from './report-tables.js';
import { ForecastService } from './forecast-service.js';
import { warmDashboard } from './module.js';
import { ReportingService, resolveQuery, today } from './service.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof loadHandRegion>>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await loadHandRegion(t.db, t.fixture);
});
afterAll(() => t?.close());

const strip = ({
  municipalityId: _m,
  nameRu: _n,
  nameEn: _e,
  centerLat: _a,
  centerLon: _b,
  ...rest
}: IndicatorsResponse['municipalities'][number]) => rest as IndicatorSummary;

describe('indicators in SQL match the answers computed on paper', () => {
  for (const day of HAND_DAYS)
    it(`on ${day}: region and both municipalities`, async () => {
      const admin = await t.asFixture('admin');
      const res = await admin.get(`/api/reporting/indicators?date=${day}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<IndicatorsResponse>();
      expect(body.region).toEqual(expectedSummary(HAND_ANSWERS[day].region));
      const byId = new Map(body.municipalities.map((m) => [m.municipalityId, strip(m)]));
      expect(byId.get(ids.muni.A)).toEqual(expectedSummary(HAND_ANSWERS[day].A));
      expect(byId.get(ids.muni.B)).toEqual(expectedSummary(HAND_ANSWERS[day].B));
    });

  it('drill-down to a municipality lists its kindergartens with places on the day', async () => {
    const officer = await t.asFixture('officerA');
    const res = await officer.get(`/api/reporting/indicators?date=2024-10-01&municipalityId=${ids.muni.A}`);
    expect(res.statusCode).toBe(200);
    const kgs = res.json<IndicatorsResponse>().kindergartens;
    const ka1 = kgs.find((k) => k.kindergartenId === ids.kg.KA1)!;
    // KA1: Young 12 (1 directed) + Older 20 (1 enrolled) → capacity 32, free 30.
    expect([ka1.capacity, ka1.enrolled, ka1.directed, ka1.freePlaces]).toEqual([32, 1, 1, 30]);
  });
});

describe('time series', () => {
  it('month-end points; the last point is the day itself with the paper answer', async () => {
    const admin = await t.asFixture('admin');
    const res = await admin.get('/api/reporting/indicators/series?from=2024-08-15&to=2024-10-01');
    expect(res.statusCode).toBe(200);
    const { points } = res.json<{ points: { day: string }[] }>();
    expect(points.map((p) => p.day)).toEqual(['2024-08-31', '2024-09-30', '2024-10-01']);
    expect(points[2]).toEqual({
      day: '2024-10-01',
      actualDemand: 4,
      deferredDemand: 1,
      placed: 2,
      availability37: 40,
    });
    const b = await admin.get(
      `/api/reporting/indicators/series?from=2024-08-15&to=2024-10-01&municipalityId=${ids.muni.B}`,
    );
    expect(b.json<{ points: unknown[] }>().points[2]).toEqual({
      day: '2024-10-01',
      actualDemand: 1,
      deferredDemand: 0,
      placed: 0,
      availability37: 0,
    });
  });
});

describe('exports hold the same numbers as the API', () => {
  it('XLSX: every summary cell equals the dashboard field', async () => {
    const admin = await t.asFixture('admin');
    const api = (await admin.get('/api/reporting/indicators?date=2024-03-01')).json<IndicatorsResponse>();
    const res = await admin.get('/api/reporting/indicators.xlsx?date=2024-03-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('ФГИС ДДО')!;
    const areas = [...api.municipalities, api.region];
    areas.forEach((area, i) => {
      const row = ws.getRow(3 + i);
      SUMMARY_COLUMNS.forEach((c, j) => {
        if (c.key === 'area') return;
        const cell = row.getCell(j + 1).value;
        expect(cell ?? null, `${c.key} of row ${i}`).toBe(area[c.key as keyof IndicatorSummary]);
      });
    });
    const bands = wb.getWorksheet('Возраст')!;
    api.region.bands.forEach((b, i) => {
      expect(bands.getRow(3 + i).getCell(2).value).toBe(b.actual);
      expect(bands.getRow(3 + i).getCell(6).value).toBe(b.placed);
    });
  });

  it('CSV: the summary table, semicolon-separated', async () => {
    const admin = await t.asFixture('admin');
    const res = await admin.get('/api/reporting/indicators.csv?date=2024-10-01');
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 2 + 1);
    const region = lines[3]!.split(';');
    expect(region[1]).toBe('4'); // актуальный спрос
    expect(region[8]).toBe('40'); // доступность 3–7
  });
});

describe('access, validation and public statistics', () => {
  it('an officer may not drill into another municipality; anonymous may not read staff indicators', async () => {
    const officer = await t.asFixture('officerA');
    expect((await officer.get(`/api/reporting/indicators?municipalityId=${ids.muni.B}`)).statusCode).toBe(
      403,
    );
    expect((await t.anonymous.get('/api/reporting/indicators')).statusCode).toBe(401);
  });

  it('bad input is a 4xx naming the field', async () => {
    const admin = await t.asFixture('admin');
    const future = await admin.get('/api/reporting/indicators?date=2999-01-01');
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('date');
    const bands = await admin.get('/api/reporting/indicators?bands=3,17');
    expect(bands.statusCode).toBe(422);
    expect(bands.body).toContain('bands');
    expect((await admin.get('/api/reporting/indicators?municipalityId=99999')).statusCode).toBe(404);
    // An impossible calendar day is refused by the shared date schema, before the service.
    const feb30 = await admin.get('/api/reporting/indicators?date=2024-02-30');
    expect([feb30.statusCode, feb30.body.includes('date')]).toEqual([400, true]);
  });

  it('public statistics: the same aggregates, no kindergartens, no personal data', async () => {
    const res = await t.anonymous.get('/api/public/statistics?date=2024-10-01');
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorsResponse>();
    expect(body.region).toEqual(expectedSummary(HAND_ANSWERS['2024-10-01'].region));
    expect('kindergartens' in body).toBe(false);
    expect(res.body).not.toMatch(/Тестов|II-ТС/);
  });
});

describe('monthly report files', () => {
  it('generates, registers with audit, lists and downloads a month; a second run is idempotent', async () => {
    const admin = await t.asFixture('admin');
    const made = await admin.post('/api/reporting/reports', { month: '2024-09' });
    expect(made.statusCode).toBe(200);
    const file = made.json<{ id: number; reportDay: string }>();
    expect(file.reportDay).toBe('2024-09-30');
    expect((await admin.post('/api/reporting/reports', { month: '2024-09' })).json<{ id: number }>().id).toBe(
      file.id,
    );
    const list = (await admin.get('/api/reporting/reports')).json<{ items: { id: number }[] }>();
    expect(list.items.map((i) => i.id)).toContain(file.id);
    const dl = await admin.get(`/api/reporting/reports/${file.id}`);
    expect(dl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.rawPayload as never);
    expect(wb.getWorksheet('85-К')!.rowCount).toBe(2 + 3);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'reporting.report.generated')
      .execute();
    expect(audit).toHaveLength(1);
    const officer = await t.asFixture('officerA');
    expect((await officer.post('/api/reporting/reports', { month: '2024-08' })).statusCode).toBe(403);
    expect((await admin.post('/api/reporting/reports', { month: '2999-01' })).statusCode).toBe(422);
  });
});

describe('the scheduled monthly job', () => {
  it('writes the file of its month, registers it and schedules the next month', async () => {
    await t.db
      .insertInto('outbox')
      .values({
        topic: MONTHLY_TOPIC,
        payload: JSON.stringify({ reportDay: '2024-08-31' }),
        dedupe_key: `${MONTHLY_TOPIC}:2024-08-31`,
      })
      .execute();
    await t.drainJobs();
    const file = await t.db
      .selectFrom('report_file')
      .selectAll()
      .where('report_day', '=', '2024-08-31')
      .executeTakeFirst();
    expect(file?.file_name).toBe('monthly-2024-08-31.xlsx');
    expect(fs.existsSync(path.join(reportsDir(t.config.dataDir), file!.file_name))).toBe(true);
    const next = await t.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'run_after'])
      .where('dedupe_key', '=', `${MONTHLY_TOPIC}:2024-09-30`)
      .executeTakeFirst();
    expect(next?.run_after.toISOString()).toBe('2024-09-30T22:00:00.000Z');
  });
});

describe('demand forecast with scenarios', () => {
  it('demand vs capacity per municipality; a planned kindergarten and a what-if scenario change capacity', async () => {
    const year = new Date().getUTCFullYear();
    await t.db
      .insertInto('municipality_births')
      .values(
        Array.from({ length: 14 }, (_, i) => ({
          municipality_id: ids.muni.A,
          year: year - 14 + i,
          births: 100 + i,
        })),
      )
      .execute();
    await t.db
      .insertInto('kindergarten')
      .values({
        municipality_id: ids.muni.A,
        code: 'KA9',
        name_ru: 'Строящийся детский сад',
        address: 'г. Альфа, мкр. Новый',
        status: 'under_construction',
        opening_date: `${year + 1}-08-01`,
        planned_capacity: 220,
      })
      .execute();
    const admin = await t.asFixture('admin');
    const withPlanned = (await admin.get('/api/reporting/forecast')).json<ForecastResponse>();
    const without = (await admin.get('/api/reporting/forecast?withoutPlanned=true')).json<ForecastResponse>();
    // The response says whether its intervals are backtested or the fixed fallback.
    expect(['backtest', 'fixed-fallback']).toContain(withPlanned.intervalSource);
    expect(withPlanned.intervalMethod.startsWith('fixed fallback')).toBe(
      withPlanned.intervalSource === 'fixed-fallback',
    );
    const a = withPlanned.municipalities.find((m) => m.municipalityId === ids.muni.A)!;
    const a0 = without.municipalities.find((m) => m.municipalityId === ids.muni.A)!;
    expect(a.years).toHaveLength(5);
    expect(withPlanned.intervalMethod).toMatch(/log scale/);
    for (const [y, y0] of a.years.map((y, i) => [y, a0.years[i]!] as const)) {
      expect(y.capacity - y0.capacity).toBe(y.year >= year + 1 ? 220 : 0);
      expect(y.totalDemandLower).toBeLessThanOrEqual(y.totalDemand);
      expect(y.deficit).toBeCloseTo(Math.max(0, y.totalDemand - y.capacity), 0);
    }
    const saved = await admin.post('/api/reporting/scenarios', {
      name: 'Пристройка на 60 мест',
      withoutPlanned: true,
      additions: [{ municipalityId: ids.muni.A, fromYear: year + 2, places: 60 }],
    });
    expect(saved.statusCode).toBe(200);
    const id = saved.json<{ id: number }>().id;
    const whatIf = (await admin.get(`/api/reporting/forecast?scenarioId=${id}`)).json<ForecastResponse>();
    const w = whatIf.municipalities.find((m) => m.municipalityId === ids.muni.A)!;
    w.years.forEach((y, i) => expect(y.capacity - a0.years[i]!.capacity).toBe(y.year >= year + 2 ? 60 : 0));
    const officerB = await t.asFixture('officerB');
    const denied = await officerB.post('/api/reporting/scenarios', {
      name: 'Чужой муниципалитет',
      additions: [{ municipalityId: ids.muni.A, fromYear: year + 1, places: 10 }],
    });
    expect(denied.statusCode).toBe(422);
    expect(denied.body).toContain('additions.0.municipalityId');
    expect(await t.db.selectFrom('forecast_scenario').select('id').execute()).toHaveLength(1);
  });
});

describe('the dashboard first load, computed ahead', () => {
  it('after warm(), the counts of the day and the series read the cache, not the database', async () => {
    let queries = 0;
    const counted = t.db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const service = new ReportingService(counted);
    const forecasts = new ForecastService(counted, service);
    await warmDashboard(service, forecasts);
    const day = today();
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const from = new Date(Date.UTC(y - 1, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
    const afterWarm = queries;
    await service.series(from, day);
    await service.counts(day, resolveQuery({}).periodFrom);
    // The series' 13 month ends and the day's counts: not one statement more.
    expect(queries - afterWarm).toBe(0);
    // A series a month shorter reuses the month ends it shares.
    const shorter = new Date(Date.UTC(y - 1, m, Math.min(d, 28))).toISOString().slice(0, 10);
    await service.series(shorter, day);
    expect(queries - afterWarm).toBe(0);
  });
});
