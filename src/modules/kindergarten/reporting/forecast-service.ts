import type { ForecastResponse, Scenario } from '../../../contracts/kindergarten-reporting.js';
import type { Db } from '../../../platform/db/database.js';
import { AGES } from './forecast/area-history.js';
import { RECOMMENDED_METHOD } from './forecast/forecast-methods.js';
import type { IntervalCalibration } from './forecast/prediction-intervals.js';
import {
  INTERVAL_METHOD,
  birthsHistory,
  calibrateOnBirths,
  forecastMunicipalityDemand,
  type ForecastScenario,
} from './demand-forecast.js';
import { birthsByMunicipality, listMunicipalities, plannedKindergartens } from './queries.js';
import { defaultPeriodFrom } from './report-day.js';
import { today, type ReportingService } from './service.js';

/** The demand forecast inside the product: the region's own births, today's take-up, planned openings. */
export class ForecastService {
  private calibration: { at: number; value: Promise<IntervalCalibration | null> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly reporting: ReportingService,
  ) {}

  private async calibrate(births: Map<number, Map<number, number>>) {
    // Births change once a year; the backtest behind the intervals is redone at most every 10 minutes.
    if (!this.calibration || Date.now() - this.calibration.at > 600_000)
      this.calibration = {
        at: Date.now(),
        value: Promise.resolve(calibrateOnBirths([...births.values()].map((b) => birthsHistory(b)))),
      };
    return this.calibration.value;
  }

  async forecast(
    scenario: { id: number | null; name: string } & ForecastScenario,
  ): Promise<ForecastResponse> {
    const day = today();
    const [municipalities, birthRows, planned, counts] = await Promise.all([
      listMunicipalities(this.db),
      birthsByMunicipality(this.db),
      plannedKindergartens(this.db),
      this.reporting.counts(day, defaultPeriodFrom(day)),
    ]);
    const births = new Map<number, Map<number, number>>();
    for (const r of birthRows) {
      if (!births.has(r.municipality_id)) births.set(r.municipality_id, new Map());
      births.get(r.municipality_id)!.set(r.year, r.births);
    }
    const calibration = await this.calibrate(births);
    const demandNow = new Map<number, number[]>();
    for (const b of counts.bands) {
      const ages = demandNow.get(b.municipalityId) ?? Array<number>(AGES).fill(0);
      ages[Math.floor(b.band / 2)]! += b.actual + b.directed + b.enrolled;
      demandNow.set(b.municipalityId, ages);
    }
    const capacityNow = new Map<number, number>();
    for (const g of counts.groups)
      capacityNow.set(g.municipalityId, (capacityNow.get(g.municipalityId) ?? 0) + g.capacity);
    const takeUpTotals = Array<number>(AGES).fill(0);
    const out: ForecastResponse['municipalities'] = [];
    let origin = 0;
    for (const m of municipalities) {
      const b = births.get(m.id);
      if (!b || b.size === 0) continue;
      const result = forecastMunicipalityDemand(
        {
          municipalityId: m.id,
          births: b,
          demandNowByAge: demandNow.get(m.id) ?? Array<number>(AGES).fill(0),
          referenceYear: Number(day.slice(0, 4)),
          capacityNow: capacityNow.get(m.id) ?? 0,
          planned: planned
            .filter((k) => k.municipality_id === m.id)
            .map((k) => ({ openingDate: k.opening_date!, capacity: k.planned_capacity ?? 0 })),
        },
        calibration,
        scenario,
      );
      result.takeUp.forEach((x, a) => (takeUpTotals[a]! += x / municipalities.length));
      origin = Math.max(origin, (result.years[0]?.year ?? 1) - 1);
      out.push({ municipalityId: m.id, nameRu: m.name_ru, nameEn: m.name_en, years: result.years });
    }
    return {
      origin,
      method:
        'Births aged forward per municipality (P(a, t) = ½ (B(t − a − 1) + B(t − a))), births projected by ' +
        `the backtested model (${RECOMMENDED_METHOD.id}), times take-up by age (children placed or in ` +
        'актуальный спрос today per child of the cohort); capacity = places today + planned kindergartens ' +
        'opening by 1 September + the scenario’s places.',
      intervalMethod:
        calibration === null
          ? 'fixed fallback: demand × e^(±0.01 × years ahead); the births history is too short to backtest'
          : INTERVAL_METHOD,
      intervalSource: calibration === null ? ('fixed-fallback' as const) : ('backtest' as const),
      takeUpByAge: takeUpTotals.map((x) => Math.round(x * 1000) / 1000),
      scenario: { id: scenario.id, name: scenario.name, withoutPlanned: scenario.withoutPlanned },
      municipalities: out,
    };
  }
}

export function scenarioFromRow(row: {
  id: number;
  name: string;
  without_planned: boolean;
  additions: Scenario['additions'];
  created_at: Date;
}): Scenario {
  return {
    id: row.id,
    name: row.name,
    withoutPlanned: row.without_planned,
    additions: row.additions,
    createdAt: row.created_at.toISOString(),
  };
}
