import type { BandRow, IndicatorSummary } from '../../../contracts/kindergarten-reporting.js';
import { AVAILABILITY_BANDS, BAND_COUNT } from './age-bands.js';
import type { IndicatorCounts } from './indicator-counts.js';

/**
 * The indicators (docs/indicators.md) derived from additive counts: pure, so the dashboard, the
 * public page, the XLSX/CSV exports and the monthly report all call this one function on one
 * `IndicatorCounts` and cannot disagree.
 */
export interface SummaryFilter {
  /** Only this municipality; the whole region when absent. */
  municipalityId?: number;
  /** Only these age bands (stock indicators); all when absent. Flows and places are not by age. */
  bands?: readonly number[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median of a histogram {value → count}; the mean of the two middle values when the total is even. */
export function histogramMedian(entries: readonly { value: number; count: number }[]): number | null {
  const sorted = [...entries].filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, e) => s + e.count, 0);
  if (total === 0) return null;
  const valueAt = (k: number) => {
    let seen = 0;
    for (const e of sorted) {
      seen += e.count;
      if (k < seen) return e.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return (valueAt(Math.floor((total - 1) / 2)) + valueAt(Math.floor(total / 2))) / 2;
}

/** Доступность = placed / (placed + актуальный спрос) × 100 %, 2 decimals; null on an empty base. */
export function availability(placed: number, actual: number): number | null {
  return placed + actual === 0 ? null : round((placed / (placed + actual)) * 100, 2);
}

export function summarize(counts: IndicatorCounts, filter: SummaryFilter = {}): IndicatorSummary {
  const inArea = (r: { municipalityId: number }) =>
    filter.municipalityId === undefined || r.municipalityId === filter.municipalityId;
  const bandSet = new Set(filter.bands ?? Array.from({ length: BAND_COUNT }, (_, i) => i));
  const bands: BandRow[] = Array.from({ length: BAND_COUNT }, (_, band) => ({
    band,
    actual: 0,
    deferred: 0,
    directed: 0,
    enrolled: 0,
    placed: 0,
  }));
  for (const r of counts.bands) {
    if (!inArea(r)) continue;
    const b = bands[r.band]!;
    b.actual += r.actual;
    b.deferred += r.deferred;
    b.directed += r.directed;
    b.enrolled += r.enrolled;
    b.placed += r.directed + r.enrolled;
  }
  const chosen = bands.filter((b) => bandSet.has(b.band));
  const sum = (rows: BandRow[], key: keyof BandRow) => rows.reduce((s, r) => s + r[key], 0);
  const band37 = chosen.filter((b) => AVAILABILITY_BANDS.includes(b.band));

  const queueByClass = { extraordinary: 0, first: 0, sibling: 0, general: 0 };
  for (const c of counts.classes) if (inArea(c) && bandSet.has(c.band)) queueByClass[c.queueClass] += c.count;

  let capacity = 0;
  let freePlaces = 0;
  for (const g of counts.groups) {
    if (!inArea(g)) continue;
    capacity += g.capacity;
    // A group over its capacity has no free place; it does not lend places to another group.
    freePlaces += Math.max(0, g.capacity - g.enrolled - g.directed);
  }

  const waits = counts.waits.filter(inArea);
  const directions = waits.reduce((s, w) => s + w.count, 0);
  const totalDays = waits.reduce((s, w) => s + w.days * w.count, 0);
  const byValue = new Map<number, number>();
  for (const w of waits) byValue.set(w.days, (byValue.get(w.days) ?? 0) + w.count);

  const byWave = new Map<string, number>();
  const byRank = new Map<number | null, number>();
  for (const p of counts.placements) {
    if (!inArea(p)) continue;
    byWave.set(p.wave, (byWave.get(p.wave) ?? 0) + p.count);
    byRank.set(p.rank, (byRank.get(p.rank) ?? 0) + p.count);
  }
  const exits = counts.exits.filter(inArea);

  const placed37 = sum(band37, 'placed');
  const actual37 = sum(band37, 'actual');
  return {
    actualDemand: sum(chosen, 'actual'),
    deferredDemand: sum(chosen, 'deferred'),
    directed: sum(chosen, 'directed'),
    enrolled: sum(chosen, 'enrolled'),
    placed: sum(chosen, 'placed'),
    actualDemand37: actual37,
    placed37,
    availability37: availability(placed37, actual37),
    queueByClass,
    capacity,
    freePlaces,
    directions: counts.placements.filter(inArea).reduce((s, p) => s + p.count, 0),
    waitingMeanDays: directions === 0 ? null : round(totalDays / directions, 1),
    waitingMedianDays: histogramMedian([...byValue].map(([value, count]) => ({ value, count }))),
    placementsByWave: [...byWave]
      .map(([wave, count]) => ({ wave, count }))
      .sort((a, b) => a.wave.localeCompare(b.wave)),
    placementsByRank: [...byRank]
      .map(([rank, count]) => ({ rank, count }))
      .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)),
    offersRefused: exits.reduce((s, e) => s + e.offersRefused, 0),
    serviceRefusals: exits.reduce((s, e) => s + e.serviceRefusals, 0),
    noShows: exits.reduce((s, e) => s + e.noShows, 0),
    bands,
  };
}
