import type { z } from 'zod';
import type {
  KindergartenSummary,
  kindergartenListQuerySchema,
  MapPoint,
} from '../../../contracts/kindergarten-catalog.js';
import type { SnapshotGroup, SnapshotKindergarten } from './catalog-snapshot.js';
import { distanceKm } from './distance.js';
import { groupTakesAge } from './free-places.js';

export type ListFilter = z.output<typeof kindergartenListQuerySchema>;

/** Groups that would take the child the filter describes (age, orientation, stay mode, language). */
function matchingGroups(k: SnapshotKindergarten, f: ListFilter): SnapshotGroup[] {
  return k.groups.filter(
    (g) =>
      g.isOpen &&
      (f.age === undefined || groupTakesAge(g, f.age)) &&
      (f.orientation === undefined || g.orientation === f.orientation) &&
      (f.stayMode === undefined || g.stayMode === f.stayMode) &&
      (f.language === undefined || g.language === f.language),
  );
}

const groupFilterGiven = (f: ListFilter) =>
  f.age !== undefined || f.orientation !== undefined || f.stayMode !== undefined || f.language !== undefined;

interface Match {
  k: SnapshotKindergarten;
  freeForAge: number | null;
  distance: number | null;
}

/**
 * Filters the snapshot: municipality, status, accessibility and search ids on the kindergarten; age,
 * orientation, stay mode and language on its groups (a kindergarten matches when one of its open groups
 * does; a kindergarten under construction matches on its planned languages only).
 */
export function filterKindergartens(
  all: readonly SnapshotKindergarten[],
  f: ListFilter,
  searchIds: ReadonlySet<number> | null,
): Match[] {
  const out: Match[] = [];
  const byGroups = groupFilterGiven(f);
  const ageOnly =
    f.age !== undefined &&
    f.orientation === undefined &&
    f.stayMode === undefined &&
    f.language === undefined;
  const near = f.lat !== undefined && f.lon !== undefined ? { lat: f.lat, lon: f.lon } : null;
  for (const k of all) {
    if (f.municipalityId !== undefined && k.municipalityId !== f.municipalityId) continue;
    if (f.status !== undefined ? k.status !== f.status : k.status === 'closed') continue;
    if (f.accessible && !k.accessible) continue;
    if (searchIds && !searchIds.has(k.id)) continue;
    let freeForAge: number | null = null;
    if (ageOnly && f.age !== undefined) {
      // Fast path (the common filter): precomputed per-age free places, no loop over groups.
      if (!k.takesAge[f.age]) continue;
      freeForAge = k.freeByAge[f.age]!;
      if (f.freeOnly && freeForAge <= 0) continue;
    } else if (byGroups || f.freeOnly) {
      const groups = matchingGroups(k, f);
      const free = groups.reduce((s, g) => s + g.freePlaces, 0);
      if (byGroups) {
        const plannedMatch =
          k.status !== 'operating' &&
          k.groups.length === 0 &&
          f.age === undefined &&
          f.orientation === undefined &&
          f.stayMode === undefined &&
          (f.language === undefined || k.languages.includes(f.language));
        if (groups.length === 0 && !plannedMatch) continue;
        freeForAge = free;
      }
      if (f.freeOnly && free <= 0) continue;
    }
    const distance =
      near && k.lat !== null && k.lon !== null ? distanceKm(near.lat, near.lon, k.lat, k.lon) : null;
    out.push({ k, freeForAge, distance });
  }
  return out;
}

export function sortMatches(matches: Match[], sort: ListFilter['sort']): Match[] {
  if (sort === 'distance') {
    return matches.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.k.id - b.k.id);
  }
  if (sort === 'free') {
    return matches.sort(
      (a, b) =>
        (b.freeForAge ?? b.k.freePlaces) - (a.freeForAge ?? a.k.freePlaces) ||
        (a.distance ?? 0) - (b.distance ?? 0) ||
        a.k.id - b.k.id,
    );
  }
  return matches; // The snapshot is already in name order.
}

export function toSummary(m: Match): KindergartenSummary {
  const k = m.k;
  const ages = new Map<string, { ageFrom: number; ageTo: number; capacity: number; freePlaces: number }>();
  for (const g of k.groups) {
    if (!g.isOpen) continue;
    const key = `${g.ageFrom}-${g.ageTo}`;
    const a = ages.get(key) ?? { ageFrom: g.ageFrom, ageTo: g.ageTo, capacity: 0, freePlaces: 0 };
    a.capacity += g.capacity;
    a.freePlaces += g.freePlaces;
    ages.set(key, a);
  }
  return {
    id: k.id,
    code: k.code,
    municipalityId: k.municipalityId,
    nameRu: k.nameRu,
    nameEn: k.nameEn,
    address: k.address,
    lat: k.lat,
    lon: k.lon,
    status: k.status,
    openingDate: k.openingDate,
    accessible: k.accessible,
    languages: k.languages,
    capacity: k.capacity,
    enrolled: k.enrolled,
    freePlaces: k.freePlaces,
    freeForAge: m.freeForAge,
    applicantsFirst: k.applicantsFirst,
    applicantsAny: k.applicantsAny,
    pressure: k.pressure === null ? null : Math.round(k.pressure * 100) / 100,
    distanceKm: m.distance === null ? null : Math.round(m.distance * 100) / 100,
    ageGroups: [...ages.values()],
  };
}

export function toMapPoint(m: Match): MapPoint | null {
  if (m.k.lat === null || m.k.lon === null) return null;
  return {
    id: m.k.id,
    nameRu: m.k.nameRu,
    nameEn: m.k.nameEn,
    lat: m.k.lat,
    lon: m.k.lon,
    status: m.k.status,
    freePlaces: m.k.freePlaces,
    freeForAge: m.freeForAge,
  };
}
