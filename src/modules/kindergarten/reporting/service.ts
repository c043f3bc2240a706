import type {
  IndicatorsQuery,
  IndicatorsResponse,
  PublicStatistics,
  SeriesResponse,
} from '../../../contracts/kindergarten-reporting.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { BAND_COUNT } from './age-bands.js';
import type { IndicatorCounts } from './indicator-counts.js';
import { summarize } from './indicators.js';
import {
  hasPlacementWaveTable,
  listKindergartens,
  listMunicipalities,
  loadIndicatorCounts,
  municipalityExists,
} from './queries.js';
import {
  DEFAULT_UTC_OFFSET_MINUTES,
  addDays,
  dayNumber,
  dayString,
  defaultPeriodFrom,
  localDay,
} from './report-day.js';

/**
 * Indicators use cases. Counts of a (day, period) are cached briefly: a dashboard asks for the same
 * day several times (summary, drill-down, export) and every answer must be the very same numbers.
 */
const CACHE_MS = 60_000;
/**
 * Month-end stocks of a past day change only by a backdated correction: kept 6 hours (a correction
 * shows in the series within that), the current day's 5 minutes.
 */
const PAST_STOCKS_MS = 6 * 3_600_000;
const TODAY_STOCKS_MS = 5 * CACHE_MS;

export interface ResolvedQuery {
  day: string;
  periodFrom: string;
  municipalityId?: number;
  bands?: number[];
}

export function today(now = Date.now()): string {
  return localDay(now, DEFAULT_UTC_OFFSET_MINUTES);
}

/** 'YYYY-MM-DD' naming a real day (2024-02-30 is not one, though Date.parse accepts it). */
export function isCalendarDay(day: string): boolean {
  const n = dayNumber(day);
  return Number.isFinite(n) && dayString(n) === day;
}

export function resolveQuery(q: IndicatorsQuery, now = Date.now()): ResolvedQuery {
  const day = q.date ?? today(now);
  if (!isCalendarDay(day)) throw invalidField('date', 'Not a calendar date', 'YYYY-MM-DD');
  if (day > today(now))
    throw invalidField('date', 'The day must not be in the future', 'YYYY-MM-DD up to today');
  const periodFrom = q.periodFrom ?? defaultPeriodFrom(day);
  if (!isCalendarDay(periodFrom)) throw invalidField('periodFrom', 'Not a calendar date', 'YYYY-MM-DD');
  if (periodFrom > day)
    throw invalidField('periodFrom', 'The period must start on or before the day', `≤ ${day}`);
  let bands: number[] | undefined;
  if (q.bands) {
    bands = [...new Set(q.bands.split(',').map(Number))].sort((a, b) => a - b);
    if (bands.some((b) => b >= BAND_COUNT)) throw invalidField('bands', 'Age bands are 0–15', '0–15');
  }
  return { day, periodFrom, municipalityId: q.municipalityId, bands };
}

export class ReportingService {
  private cache = new Map<string, { at: number; counts: Promise<IndicatorCounts> }>();
  private waveTable: Promise<boolean> | null = null;
  private stocksCache = new Map<string, { at: number; counts: Promise<IndicatorCounts> }>();

  constructor(private readonly db: Db) {}

  /** Counts of a day; with `exec` (an open transaction, e.g. a job's) read there and bypass the cache. */
  async counts(day: string, periodFrom: string, exec?: Executor): Promise<IndicatorCounts> {
    if (exec)
      return loadIndicatorCounts(exec, { day, periodFrom, hasWaveTable: await hasPlacementWaveTable(exec) });
    const key = `${day}|${periodFrom}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.counts;
    this.waveTable ??= hasPlacementWaveTable(this.db);
    const counts = this.waveTable.then((hasWaveTable) =>
      loadIndicatorCounts(this.db, { day, periodFrom, hasWaveTable }),
    );
    counts.catch(() => this.cache.delete(key));
    if (this.cache.size > 50) this.cache.clear();
    this.cache.set(key, { at: now, counts });
    return counts;
  }

  /** Forget cached counts (after a report is generated from fresh data, or in tests). */
  invalidate(): void {
    this.cache.clear();
    this.stocksCache.clear();
  }

  /** The stocks (children, no places or flows) on a day, cached per day (see PAST_STOCKS_MS). */
  private stocks(day: string): Promise<IndicatorCounts> {
    const now = Date.now();
    const hit = this.stocksCache.get(day);
    const ttl = day < today(now) ? PAST_STOCKS_MS : TODAY_STOCKS_MS;
    if (hit && now - hit.at < ttl) return hit.counts;
    const counts = loadIndicatorCounts(this.db, { day, periodFrom: day, stocksOnly: true });
    counts.catch(() => this.stocksCache.delete(day));
    if (this.stocksCache.size > 200) this.stocksCache.clear();
    this.stocksCache.set(day, { at: now, counts });
    return counts;
  }

  /**
   * What the analytics dashboard asks for on its first load, computed ahead: today's indicators and
   * the year's month-end series. The server runs it at start and every minute (module.ts), so an
   * officer opening the dashboard reads the cache instead of waiting for the counts.
   */
  async warm(now = Date.now()): Promise<void> {
    const day = today(now);
    await this.counts(day, defaultPeriodFrom(day));
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const from = new Date(Date.UTC(y - 1, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
    await this.series(from, day);
  }

  async indicators(q: ResolvedQuery, exec?: Executor): Promise<IndicatorsResponse> {
    const db = exec ?? this.db;
    if (q.municipalityId !== undefined && !(await municipalityExists(db, q.municipalityId)))
      throw notFound('Municipality');
    const counts = await this.counts(q.day, q.periodFrom, exec);
    const municipalities = await listMunicipalities(db);
    const shown = municipalities.filter((m) => q.municipalityId === undefined || m.id === q.municipalityId);
    let kindergartens: IndicatorsResponse['kindergartens'] = [];
    if (q.municipalityId !== undefined) {
      const places = new Map<
        number,
        { capacity: number; enrolled: number; directed: number; free: number }
      >();
      for (const g of counts.groups) {
        if (g.municipalityId !== q.municipalityId) continue;
        const p = places.get(g.kindergartenId) ?? { capacity: 0, enrolled: 0, directed: 0, free: 0 };
        p.capacity += g.capacity;
        p.enrolled += g.enrolled;
        p.directed += g.directed;
        p.free += Math.max(0, g.capacity - g.enrolled - g.directed);
        places.set(g.kindergartenId, p);
      }
      kindergartens = (await listKindergartens(db, q.municipalityId))
        .filter((k) => places.has(k.id))
        .map((k) => {
          const p = places.get(k.id)!;
          return {
            kindergartenId: k.id,
            code: k.code,
            nameRu: k.name_ru,
            nameEn: k.name_en,
            lat: k.lat,
            lon: k.lon,
            capacity: p.capacity,
            enrolled: p.enrolled,
            directed: p.directed,
            freePlaces: p.free,
          };
        });
    }
    return {
      day: q.day,
      periodFrom: q.periodFrom,
      bandsFilter: q.bands ?? Array.from({ length: BAND_COUNT }, (_, i) => i),
      region: summarize(counts, { bands: q.bands }),
      municipalities: shown.map((m) => ({
        municipalityId: m.id,
        nameRu: m.name_ru,
        nameEn: m.name_en,
        centerLat: m.center_lat,
        centerLon: m.center_lon,
        ...summarize(counts, { municipalityId: m.id, bands: q.bands }),
      })),
      kindergartens,
    };
  }

  async publicStatistics(q: ResolvedQuery): Promise<PublicStatistics> {
    const { kindergartens: _omitted, ...rest } = await this.indicators({ ...q, municipalityId: undefined });
    return rest;
  }

  /** Month-end points from `from` to `to` (at most 36), each the same indicators as the dashboard's. */
  async series(from: string, to: string, municipalityId?: number, bands?: number[]): Promise<SeriesResponse> {
    if (!isCalendarDay(from)) throw invalidField('from', 'Not a calendar date', 'YYYY-MM-DD');
    if (!isCalendarDay(to)) throw invalidField('to', 'Not a calendar date', 'YYYY-MM-DD');
    if (from > to) throw invalidField('from', 'The series must start on or before its end', `≤ ${to}`);
    if (to > today()) throw invalidField('to', 'The day must not be in the future', 'up to today');
    const days: string[] = [];
    for (let d = monthEnd(from); d < to && days.length < 36; d = monthEnd(addDays(d, 1))) days.push(d);
    if (days.length >= 36) throw invalidField('from', 'At most 36 months in one series', 'a shorter range');
    days.push(to);
    // The children on each month end (no places, no flows), cached per day: a drill-down, an age
    // filter or the next month's series re-reads the same counts instead of the database.
    const all = await Promise.all(days.map((day) => this.stocks(day)));
    const points = all.map((counts) => {
      const s = summarize(counts, { municipalityId, bands });
      return {
        day: counts.day,
        actualDemand: s.actualDemand,
        deferredDemand: s.deferredDemand,
        placed: s.placed,
        availability37: s.availability37,
      };
    });
    return { points };
  }
}

export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
