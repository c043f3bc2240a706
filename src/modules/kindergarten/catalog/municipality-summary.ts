import type { MunicipalitySummary } from '../../../contracts/kindergarten-catalog.js';
import type { CatalogSnapshot } from './catalog-snapshot.js';
import { groupTakesAge } from './free-places.js';
import { pressure, pressureLevel } from './pressure.js';

/** Ages the summary reports (full years): nursery 1–2 to pre-school 6–7. */
export const SUMMARY_AGES = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Summary by municipality: operating kindergartens, capacity, enrolled, free places and applicants by
 * age, and the pressure (first-choice applicants per free place) the map colours by.
 */
export function municipalitySummaries(s: CatalogSnapshot): MunicipalitySummary[] {
  const out: MunicipalitySummary[] = [];
  for (const m of s.municipalities.values()) {
    const kgs = s.kindergartens.filter((k) => k.municipalityId === m.id);
    const operating = kgs.filter((k) => k.status === 'operating');
    const byAge = SUMMARY_AGES.map((age) => {
      let capacity = 0;
      let free = 0;
      let applicants = 0;
      for (const k of operating) {
        for (const g of k.groups) {
          if (g.isOpen && groupTakesAge(g, age)) {
            capacity += g.capacity;
            free += g.freePlaces;
          }
        }
        applicants += k.applicantsByAge.get(age)?.[0] ?? 0;
      }
      return { age, capacity, freePlaces: free, applicants };
    });
    const capacity = operating.reduce((a, k) => a + k.capacity, 0);
    const enrolled = operating.reduce((a, k) => a + k.enrolled, 0);
    const free = operating.reduce((a, k) => a + k.freePlaces, 0);
    const applicants = operating.reduce((a, k) => a + k.applicantsFirst, 0);
    const p = pressure(applicants, free);
    out.push({
      municipalityId: m.id,
      nameRu: m.nameRu,
      nameEn: m.nameEn,
      centerLat: m.centerLat,
      centerLon: m.centerLon,
      kindergartens: operating.length,
      underConstruction: kgs.filter((k) => k.status === 'under_construction' || k.status === 'planned')
        .length,
      capacity,
      enrolled,
      freePlaces: free,
      applicants,
      pressure: p === null ? null : Math.round(p * 100) / 100,
      pressureLevel: pressureLevel(p),
      byAge,
    });
  }
  return out.sort((a, b) => a.nameRu.localeCompare(b.nameRu, 'ru'));
}
