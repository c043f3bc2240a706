import { normaliseText, words } from '../classifier/normalise.js';
import { stemRussian } from '../classifier/russian-stemmer.js';
import { daysBetween } from '../calendar/day-arithmetic.js';

/**
 * Possible duplicates (issue 15): two appeals are about the same problem when they name the same
 * category, the same organisation or points within a radius, were registered within a window of
 * days, and their texts share enough stems (Jaccard similarity of the stem sets, after the
 * classifier's normaliser). Pure: the service feeds it candidates from the database.
 */
export interface DuplicateRules {
  radiusMetres: number;
  windowDays: number;
  /** 0…1: |A ∩ B| / |A ∪ B| of the texts' stem sets. */
  minSimilarity: number;
}

export const DEFAULT_DUPLICATE_RULES: DuplicateRules = {
  radiusMetres: 300,
  windowDays: 30,
  minSimilarity: 0.3,
};

export interface Point {
  lat: number;
  lon: number;
}

export interface DuplicateSubject {
  categoryCode: string;
  organisationId: number | null;
  point: Point | null;
  /** YYYY-MM-DD, the day of registration (today for an appeal not yet filed). */
  registeredOn: string;
  stems: ReadonlySet<string>;
}

// Words that say nothing of the problem; short words (≤ 2 letters) are dropped as well.
const STOP_STEMS = new Set(
  [
    'что',
    'как',
    'это',
    'для',
    'или',
    'при',
    'так',
    'уже',
    'все',
    'всё',
    'его',
    'она',
    'они',
    'над',
    'под',
    'без',
    'нас',
    'нам',
    'наш',
    'мой',
    'мы',
    'вы',
    'вас',
    'вам',
    'был',
    'была',
    'были',
    'быть',
    'есть',
    'нет',
    'очень',
    'просим',
    'прошу',
    'пожалуйста',
    'здравствуйте',
    'который',
    'которая',
    'также',
    'только',
    'когда',
    'где',
    'там',
    'тут',
    'здесь',
    'этот',
    'эта',
    'эти',
    'том',
    'уже',
  ].map((w) => stemRussian(w)),
);

/** The stems of a text: normalised words of three letters or more, stemmed, stop words out. */
export function textStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(normaliseText(text))) {
    if (w.length < 3) continue;
    const stem = stemRussian(w);
    if (stem.length >= 2 && !STOP_STEMS.has(stem)) out.add(stem);
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box that holds every point within `metres` of `p` (a cheap index filter). */
export function boundingBox(p: Point, metres: number) {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(0.01, Math.cos(rad(p.lat)));
  const dLon = dLat / cos;
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLon: p.lon - dLon, maxLon: p.lon + dLon };
}

export interface DuplicateMatch {
  similarity: number;
  /** Metres between the points when both have one, else null (matched by organisation). */
  distanceMetres: number | null;
  sameOrganisation: boolean;
}

/** Whether `b` is a possible duplicate of `a` under `rules`; null when it is not. Symmetric. */
export function duplicateMatch(
  a: DuplicateSubject,
  b: DuplicateSubject,
  rules: DuplicateRules,
): DuplicateMatch | null {
  if (a.categoryCode !== b.categoryCode) return null;
  if (Math.abs(daysBetween(a.registeredOn, b.registeredOn)) > rules.windowDays) return null;
  const sameOrganisation = a.organisationId !== null && a.organisationId === b.organisationId;
  const distance = a.point && b.point ? distanceMetres(a.point, b.point) : null;
  if (!sameOrganisation && (distance === null || distance > rules.radiusMetres)) return null;
  const similarity = jaccard(a.stems, b.stems);
  if (similarity < rules.minSimilarity) return null;
  return { similarity, distanceMetres: distance, sameOrganisation };
}

/** The candidates that are possible duplicates of `subject`, most similar first (ties: nearer). */
export function rankDuplicates<T extends DuplicateSubject>(
  subject: DuplicateSubject,
  candidates: readonly T[],
  rules: DuplicateRules,
  limit: number,
): { candidate: T; match: DuplicateMatch }[] {
  const out: { candidate: T; match: DuplicateMatch }[] = [];
  for (const candidate of candidates) {
    const match = duplicateMatch(subject, candidate, rules);
    if (match) out.push({ candidate, match });
  }
  out.sort(
    (x, y) =>
      y.match.similarity - x.match.similarity ||
      (x.match.distanceMetres ?? 0) - (y.match.distanceMetres ?? 0),
  );
  return out.slice(0, limit);
}
