import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * Reporting contracts: the official indicators (ФГИС ДДО, form 85-К), their time series, the monthly
 * report files and the demand forecast with scenarios. Shared by the API, the exports and the web app
 * so the dashboard and the XLSX read the very same numbers.
 */
const day = calendarDate;

export const indicatorsQuerySchema = z.object({
  date: day.optional(),
  periodFrom: day.optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  /** Half-year age bands 0–15, comma-separated (e.g. "6,7,8"); all when absent. */
  bands: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2})*$/, 'expected band numbers 0–15 separated by commas')
    .optional(),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuerySchema>;

export const bandRowSchema = z.object({
  band: z.number().int().min(0).max(15),
  actual: z.number().int(),
  deferred: z.number().int(),
  directed: z.number().int(),
  enrolled: z.number().int(),
  placed: z.number().int(),
});
export type BandRow = z.infer<typeof bandRowSchema>;

export const queueByClassSchema = z.object({
  extraordinary: z.number().int(),
  first: z.number().int(),
  sibling: z.number().int(),
  general: z.number().int(),
});

export const indicatorSummarySchema = z.object({
  actualDemand: z.number().int(),
  deferredDemand: z.number().int(),
  directed: z.number().int(),
  enrolled: z.number().int(),
  placed: z.number().int(),
  actualDemand37: z.number().int(),
  placed37: z.number().int(),
  /** Доступность 3–7, %, rounded to 2 decimals; null when nobody aged 3–7 is placed or waiting. */
  availability37: z.number().nullable(),
  queueByClass: queueByClassSchema,
  capacity: z.number().int(),
  freePlaces: z.number().int(),
  directions: z.number().int(),
  waitingMeanDays: z.number().nullable(),
  waitingMedianDays: z.number().nullable(),
  placementsByWave: z.array(z.object({ wave: z.string(), count: z.number().int() })),
  placementsByRank: z.array(z.object({ rank: z.number().int().nullable(), count: z.number().int() })),
  offersRefused: z.number().int(),
  serviceRefusals: z.number().int(),
  noShows: z.number().int(),
  bands: z.array(bandRowSchema),
});
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

export const kindergartenPlacesSchema = z.object({
  kindergartenId: z.number().int(),
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  directed: z.number().int(),
  freePlaces: z.number().int(),
});

export const indicatorsResponseSchema = z.object({
  day,
  periodFrom: day,
  bandsFilter: z.array(z.number().int()),
  region: indicatorSummarySchema,
  municipalities: z.array(
    indicatorSummarySchema.extend({
      municipalityId: z.number().int(),
      nameRu: z.string(),
      nameEn: z.string().nullable(),
      centerLat: z.number().nullable(),
      centerLon: z.number().nullable(),
    }),
  ),
  /** Filled when one municipality is asked for: its kindergartens' places on the day. */
  kindergartens: z.array(kindergartenPlacesSchema),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;

export const seriesQuerySchema = z.object({
  from: day,
  to: day,
  municipalityId: z.coerce.number().int().positive().optional(),
  bands: indicatorsQuerySchema.shape.bands,
});
export const seriesResponseSchema = z.object({
  points: z.array(
    z.object({
      day,
      actualDemand: z.number().int(),
      deferredDemand: z.number().int(),
      placed: z.number().int(),
      availability37: z.number().nullable(),
    }),
  ),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

/** Public statistics: the same aggregates without per-kindergarten directions or anything personal. */
export const publicStatisticsSchema = indicatorsResponseSchema.omit({ kindergartens: true });
export type PublicStatistics = z.infer<typeof publicStatisticsSchema>;

export const reportFileSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['monthly']),
  reportDay: day,
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export const reportFileListSchema = z.object({ items: z.array(reportFileSchema) });
export type ReportFile = z.infer<typeof reportFileSchema>;

// Forecast in the product.
export const forecastQuerySchema = z.object({
  scenarioId: z.coerce.number().int().positive().optional(),
  /** Leave the planned (not yet open) kindergartens out: the "without" scenario. */
  withoutPlanned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const forecastCellSchema = z.object({
  year: z.number().int(),
  horizon: z.number().int(),
  /** Children aged 0–7 by single year of age expected to want a place (population × take-up). */
  demand: z.array(z.number()),
  demandLower: z.array(z.number()),
  demandUpper: z.array(z.number()),
  population: z.array(z.number()),
  capacity: z.number().int(),
  totalDemand: z.number(),
  totalDemandLower: z.number(),
  totalDemandUpper: z.number(),
  /** max(0, demand − capacity): places missing. */
  deficit: z.number(),
});

export const forecastResponseSchema = z.object({
  origin: z.number().int(),
  method: z.string(),
  intervalMethod: z.string(),
  /**
   * Where the intervals come from: `backtest` (calibrated on the municipalities' own births) or
   * `fixed-fallback` (the births history is too short to backtest: ±1 % per year ahead only).
   */
  intervalSource: z.enum(['backtest', 'fixed-fallback']),
  takeUpByAge: z.array(z.number()),
  scenario: z.object({
    id: z.number().int().nullable(),
    name: z.string(),
    withoutPlanned: z.boolean(),
  }),
  municipalities: z.array(
    z.object({
      municipalityId: z.number().int(),
      nameRu: z.string(),
      nameEn: z.string().nullable(),
      years: z.array(forecastCellSchema),
    }),
  ),
});
export type ForecastResponse = z.infer<typeof forecastResponseSchema>;

export const scenarioInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  withoutPlanned: z.boolean().default(false),
  /** What-if capacity: places added in a municipality from a year on. */
  additions: z
    .array(
      z.object({
        municipalityId: z.number().int().positive(),
        fromYear: z.number().int().min(2000).max(2100),
        places: z.number().int().min(-5000).max(5000),
      }),
    )
    .max(50),
});
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;
export const scenarioSchema = scenarioInputSchema.extend({
  id: z.number().int(),
  createdAt: z.string(),
});
export const scenarioListSchema = z.object({ items: z.array(scenarioSchema) });
export type Scenario = z.infer<typeof scenarioSchema>;
