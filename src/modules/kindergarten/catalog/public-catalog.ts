import crypto from 'node:crypto';
import type {
  GeocodeResult,
  KindergartenDetail,
  KindergartenHistory,
  KindergartenList,
  MapPoint,
  MunicipalitySummary,
} from '../../../contracts/kindergarten-catalog.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { CatalogCache } from './catalog-cache.js';
import {
  filterKindergartens,
  sortMatches,
  toMapPoint,
  toSummary,
  type ListFilter,
} from './catalog-filter.js';
import { assembleSnapshot, type CatalogSnapshot } from './catalog-snapshot.js';
import { freePlaceHistory, historyDays } from './free-place-history.js';
import { municipalitySummaries } from './municipality-summary.js';
import {
  dataFingerprint,
  geocodeByAddress,
  historyRows,
  loadSnapshotRows,
  municipalityByName,
  searchKindergartenIds,
} from './queries.js';
import { addressTsQuery, prefixTsQuery } from './search-query.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The public side of the catalog: list, map, page, history, summary, all from the cached snapshot. */
export class PublicCatalog {
  readonly cache: CatalogCache;
  private summaries: { version: string; items: MunicipalitySummary[] } | null = null;
  // Answers per filter for the current snapshot: a parent's common filters repeat a lot.
  private memo = new Map<string, unknown>();
  private memoVersion = '';
  private static readonly MEMO_LIMIT = 2000;

  constructor(
    private readonly db: Db,
    ttlMs = 30_000,
  ) {
    this.cache = new CatalogCache(
      () => this.build(),
      ttlMs,
      Date.now,
      () => undefined,
      async () => this.fingerprint !== null && (await dataFingerprint(this.db, today())) === this.fingerprint,
    );
  }

  private fingerprint: string | null = null;

  private async build(): Promise<CatalogSnapshot> {
    const day = today();
    // Taken before the rows: a change committed in between makes the next check rebuild again.
    const fingerprint = await dataFingerprint(this.db, day);
    const rows = await loadSnapshotRows(this.db, day);
    this.fingerprint = fingerprint;
    return assembleSnapshot({
      ...rows,
      day,
      builtAt: new Date(),
      version: crypto.randomBytes(6).toString('hex'),
    });
  }

  snapshot(): Promise<CatalogSnapshot> {
    return this.cache.get();
  }

  private async searchIds(q: string | undefined): Promise<Set<number> | null> {
    if (!q) return null;
    const tsquery = prefixTsQuery(q);
    if (!tsquery) return null;
    return new Set(await searchKindergartenIds(this.db, tsquery));
  }

  private async memoized<T>(
    kind: string,
    f: ListFilter,
    compute: (s: CatalogSnapshot) => Promise<T>,
  ): Promise<T> {
    const s = await this.snapshot();
    if (s.version !== this.memoVersion) {
      this.memo.clear();
      this.memoVersion = s.version;
    }
    const key = `${kind}:${JSON.stringify(f)}`;
    const hit = this.memo.get(key) as T | undefined;
    if (hit) return hit;
    const value = await compute(s);
    if (this.memo.size >= PublicCatalog.MEMO_LIMIT) this.memo.clear();
    if (this.memoVersion === s.version) this.memo.set(key, value);
    return value;
  }

  list(f: ListFilter): Promise<KindergartenList & { version: string }> {
    return this.memoized('list', f, (s) => this.computeList(s, f));
  }

  map(f: ListFilter): Promise<{ items: MapPoint[]; version: string }> {
    return this.memoized('map', f, (s) => this.computeMap(s, f));
  }

  private async computeList(
    s: CatalogSnapshot,
    f: ListFilter,
  ): Promise<KindergartenList & { version: string }> {
    const ids = await this.searchIds(f.q);
    const sort = f.sort === 'distance' && (f.lat === undefined || f.lon === undefined) ? 'name' : f.sort;
    const matches = sortMatches(filterKindergartens(s.kindergartens, f, ids), sort);
    const start = (f.page - 1) * f.pageSize;
    return {
      items: matches.slice(start, start + f.pageSize).map(toSummary),
      total: matches.length,
      page: f.page,
      pageSize: f.pageSize,
      version: s.version,
    };
  }

  private async computeMap(
    s: CatalogSnapshot,
    f: ListFilter,
  ): Promise<{ items: MapPoint[]; version: string }> {
    const ids = await this.searchIds(f.q);
    const items: MapPoint[] = [];
    for (const m of filterKindergartens(s.kindergartens, f, ids)) {
      const p = toMapPoint(m);
      if (p) items.push(p);
    }
    return { items, version: s.version };
  }

  detail(id: number, includeClosed = false): Promise<KindergartenDetail & { version: string }> {
    return this.memoized(`detail:${id}:${includeClosed}`, {} as ListFilter, async (s) =>
      this.computeDetail(s, id, includeClosed),
    );
  }

  private computeDetail(
    s: CatalogSnapshot,
    id: number,
    includeClosed: boolean,
  ): KindergartenDetail & { version: string } {
    const k = s.byId.get(id);
    if (!k || (k.status === 'closed' && !includeClosed)) throw notFound('Kindergarten');
    const m = s.municipalities.get(k.municipalityId)!;
    return {
      ...toSummary({ k, freeForAge: null, distance: null }),
      municipalityNameRu: m.nameRu,
      municipalityNameEn: m.nameEn,
      phone: k.phone,
      email: k.email,
      website: k.website,
      headName: k.headName,
      workingHours: k.workingHours,
      description: k.description,
      photos: k.photos,
      plannedCapacity: k.plannedCapacity,
      groups: k.groups.map((g) => ({
        id: g.id,
        name: g.name,
        ageFrom: g.ageFrom,
        ageTo: g.ageTo,
        orientation: g.orientation,
        stayMode: g.stayMode,
        language: g.language,
        isOpen: g.isOpen,
        capacity: g.capacity,
        enrolled: g.enrolled,
        freePlaces: g.freePlaces,
        applicantsFirst: g.applicantsFirst,
        applicantsAny: g.applicantsAny,
      })),
      constructionNotes: s.notes.get(k.id) ?? [],
      version: s.version,
    };
  }

  async history(id: number, months: number): Promise<KindergartenHistory> {
    const s = await this.snapshot();
    const k = s.byId.get(id);
    if (!k || k.status === 'closed') throw notFound('Kindergarten');
    const rows = await historyRows(this.db, id);
    return {
      points: freePlaceHistory(
        historyDays(s.day, months),
        rows.capacity,
        rows.enrollments,
        rows.queue,
        k.status === 'under_construction' || k.status === 'planned' ? { opensOn: k.openingDate } : undefined,
      ),
    };
  }

  async summary(): Promise<{ items: MunicipalitySummary[]; version: string }> {
    const s = await this.snapshot();
    if (this.summaries?.version !== s.version) {
      this.summaries = { version: s.version, items: municipalitySummaries(s) };
    }
    return this.summaries;
  }

  /**
   * A point for an address without an outside geocoder: the kindergartens on the named street (their
   * mean position), else the centre of the municipality the text names.
   */
  async geocode(q: string): Promise<GeocodeResult> {
    const tsquery = addressTsQuery(q);
    if (tsquery) {
      const hit = await geocodeByAddress(this.db, tsquery);
      if (hit) return { lat: hit.lat, lon: hit.lon, label: hit.address, precision: 'street' };
    }
    const m = await municipalityByName(this.db, q);
    if (m) return { lat: m.center_lat, lon: m.center_lon, label: m.name_ru, precision: 'municipality' };
    throw notFound('Address');
  }
}
