import type { KindergartenPhoto, KindergartenStatusName } from '../../../contracts/kindergarten-catalog.js';
import { freePlaces, groupTakesAge } from './free-places.js';
import { pressure } from './pressure.js';

/**
 * The public catalog in memory: every kindergarten with its groups and counts, built from a handful
 * of grouped queries (no per-kindergarten query) and reused for a few seconds. The public list, map,
 * page, summary and open data all read this one structure, so 1,000 requests a second cost no SQL.
 */
export interface SnapshotGroup {
  id: number;
  kindergartenId: number;
  name: string;
  ageFrom: number;
  ageTo: number;
  orientation: 'general' | 'compensating' | 'health' | 'combined';
  stayMode: 'short' | 'reduced' | 'full' | 'extended' | 'round_the_clock';
  language: string;
  isOpen: boolean;
  capacity: number;
  caretakers: number;
  enrolled: number;
  freePlaces: number;
  applicantsFirst: number;
  applicantsAny: number;
}

export interface SnapshotKindergarten {
  id: number;
  code: string;
  municipalityId: number;
  nameRu: string;
  nameEn: string | null;
  address: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  headName: string | null;
  workingHours: string | null;
  status: KindergartenStatusName;
  openingDate: string | null;
  plannedCapacity: number | null;
  accessible: boolean;
  languages: string[];
  description: string | null;
  /** Uploaded photos (captions and URLs, never bytes) in gallery order, then links typed into the card. */
  photos: KindergartenPhoto[];
  updatedAt: string;
  groups: SnapshotGroup[];
  capacity: number;
  enrolled: number;
  freePlaces: number;
  applicantsFirst: number;
  applicantsAny: number;
  /** Applicants by age (full years) for this kindergarten: [first choice, any choice]. */
  applicantsByAge: Map<number, [number, number]>;
  pressure: number | null;
  orientations: Set<string>;
  stayModes: Set<string>;
  /** Free places in open groups taking each age 0–7, and whether any open group takes it: the list's fast path. */
  freeByAge: Int32Array;
  takesAge: Uint8Array;
}

export interface SnapshotMunicipality {
  id: number;
  code: string;
  nameRu: string;
  nameEn: string;
  centerLat: number;
  centerLon: number;
  allowOverCapacity: boolean;
}

export interface CatalogSnapshot {
  /** Changes whenever the snapshot is rebuilt: the ETag of every public response. */
  version: string;
  builtAt: Date;
  /** The day the counts are for ('YYYY-MM-DD'). */
  day: string;
  kindergartens: SnapshotKindergarten[];
  byId: Map<number, SnapshotKindergarten>;
  groupsById: Map<number, SnapshotGroup>;
  municipalities: Map<number, SnapshotMunicipality>;
  notes: Map<
    number,
    { id: number; notedOn: string; progressPercent: number; textRu: string; textEn: string | null }[]
  >;
}

export type RawGroup = Omit<SnapshotGroup, 'enrolled' | 'freePlaces' | 'applicantsFirst' | 'applicantsAny'>;
export type RawKindergarten = Omit<
  SnapshotKindergarten,
  | 'groups'
  | 'capacity'
  | 'enrolled'
  | 'freePlaces'
  | 'applicantsFirst'
  | 'applicantsAny'
  | 'applicantsByAge'
  | 'pressure'
  | 'orientations'
  | 'stayModes'
  | 'freeByAge'
  | 'takesAge'
>;

export interface SnapshotInput {
  version: string;
  builtAt: Date;
  day: string;
  kindergartens: RawKindergarten[];
  groups: RawGroup[];
  enrolledByGroup: Map<number, number>;
  /** Per kindergarten, per age: [first-choice applicants, any-choice applicants]. */
  applicants: { kindergartenId: number; age: number; first: number; any: number }[];
  municipalities: SnapshotMunicipality[];
  notes: CatalogSnapshot['notes'];
}

/** Pure assembly of the snapshot from the grouped query results. */
// One collator: `localeCompare(x, 'ru')` builds one per call, which made sorting ~10k groups the
// slowest part of a rebuild (tens of milliseconds on the event loop).
const russian = new Intl.Collator('ru').compare;

export function assembleSnapshot(input: SnapshotInput): CatalogSnapshot {
  const applicantsByKg = new Map<number, Map<number, [number, number]>>();
  for (const a of input.applicants) {
    let m = applicantsByKg.get(a.kindergartenId);
    if (!m) applicantsByKg.set(a.kindergartenId, (m = new Map()));
    const prev = m.get(a.age) ?? [0, 0];
    m.set(a.age, [prev[0] + a.first, prev[1] + a.any]);
  }
  const groupsByKg = new Map<number, SnapshotGroup[]>();
  const groupsById = new Map<number, SnapshotGroup>();
  for (const raw of input.groups) {
    const enrolled = input.enrolledByGroup.get(raw.id) ?? 0;
    const byAge = applicantsByKg.get(raw.kindergartenId);
    let first = 0;
    let any = 0;
    if (byAge) {
      for (const [age, [f, a]] of byAge) {
        if (groupTakesAge(raw, age)) {
          first += f;
          any += a;
        }
      }
    }
    // Explicit literals (not spreads of driver rows) keep one object shape: the list loops over these.
    const g: SnapshotGroup = {
      id: raw.id,
      kindergartenId: raw.kindergartenId,
      name: raw.name,
      ageFrom: raw.ageFrom,
      ageTo: raw.ageTo,
      orientation: raw.orientation,
      stayMode: raw.stayMode,
      language: raw.language,
      isOpen: raw.isOpen,
      capacity: raw.capacity,
      caretakers: raw.caretakers,
      enrolled,
      freePlaces: raw.isOpen ? freePlaces(raw.capacity, enrolled) : 0,
      applicantsFirst: first,
      applicantsAny: any,
    };
    groupsById.set(g.id, g);
    const list = groupsByKg.get(g.kindergartenId);
    if (list) list.push(g);
    else groupsByKg.set(g.kindergartenId, [g]);
  }
  const kindergartens = input.kindergartens.map((raw): SnapshotKindergarten => {
    const groups = (groupsByKg.get(raw.id) ?? []).sort(
      (a, b) => a.ageFrom - b.ageFrom || a.ageTo - b.ageTo || russian(a.name, b.name),
    );
    const byAge = applicantsByKg.get(raw.id) ?? new Map<number, [number, number]>();
    let applicantsFirst = 0;
    let applicantsAny = 0;
    for (const [f, a] of byAge.values()) {
      applicantsFirst += f;
      applicantsAny += a;
    }
    const open = groups.filter((g) => g.isOpen);
    const capacity = open.reduce((s, g) => s + g.capacity, 0);
    const enrolled = groups.reduce((s, g) => s + g.enrolled, 0);
    const free = open.reduce((s, g) => s + g.freePlaces, 0);
    const freeByAge = new Int32Array(8);
    const takesAge = new Uint8Array(8);
    for (const g of open) {
      for (let age = g.ageFrom; age < g.ageTo && age < 8; age++) {
        freeByAge[age]! += g.freePlaces;
        takesAge[age] = 1;
      }
    }
    return {
      id: raw.id,
      code: raw.code,
      municipalityId: raw.municipalityId,
      nameRu: raw.nameRu,
      nameEn: raw.nameEn,
      address: raw.address,
      lat: raw.lat,
      lon: raw.lon,
      phone: raw.phone,
      email: raw.email,
      website: raw.website,
      headName: raw.headName,
      workingHours: raw.workingHours,
      status: raw.status,
      openingDate: raw.openingDate,
      plannedCapacity: raw.plannedCapacity,
      accessible: raw.accessible,
      languages: raw.languages,
      description: raw.description,
      photos: raw.photos,
      updatedAt: raw.updatedAt,
      freeByAge,
      takesAge,
      groups,
      capacity,
      enrolled,
      freePlaces: free,
      applicantsFirst,
      applicantsAny,
      applicantsByAge: byAge,
      pressure: raw.status === 'operating' ? pressure(applicantsFirst, free) : null,
      orientations: new Set(open.map((g) => g.orientation)),
      stayModes: new Set(open.map((g) => g.stayMode)),
    };
  });
  kindergartens.sort((a, b) => russian(a.nameRu, b.nameRu) || a.id - b.id);
  return {
    version: input.version,
    builtAt: input.builtAt,
    day: input.day,
    kindergartens,
    byId: new Map(kindergartens.map((k) => [k.id, k])),
    groupsById,
    municipalities: new Map(input.municipalities.map((m) => [m.id, m])),
    notes: input.notes,
  };
}
