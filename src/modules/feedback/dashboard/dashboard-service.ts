import type { DashboardQuery, FeedbackDashboard } from '../../../contracts/feedback.js';
import type { Principal } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { queueCoverage } from '../appeals/staff-service.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { regionDay } from '../calendar/region-today.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { denominators, openNow, periodFigures, type FigureRow } from './dashboard-queries.js';

const SOON_DAYS = 3;
const TOP_ORGANISATIONS = 20;
const round = (x: number | null, digits = 1) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const perThousand = (count: number, base: number | null) =>
  base === null || base === 0 ? null : round((count * 1000) / base, 2);

function figures(r: FigureRow) {
  return {
    registered: r.registered,
    answered: r.answered,
    overdue: r.overdue,
    meanDaysToAnswer: round(r.meanDays),
    p90DaysToAnswer: round(r.p90Days),
    meanRating: round(r.meanRating, 2),
  };
}

/** The ЦУР dashboard: the period's appeals by month, municipality, topic and organisation, and today's load. */
export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async dashboard(principal: Principal, q: DashboardQuery): Promise<FeedbackDashboard> {
    const coverage = queueCoverage(principal);
    const today = regionDay(this.now());
    const [rows, load] = await Promise.all([
      periodFigures(this.db, coverage, { ...q, today }),
      openNow(this.db, coverage, {
        municipalityId: q.municipalityId,
        today,
        soon: addDays(today, SOON_DAYS),
      }),
    ]);
    const of = (g: FigureRow['grouping']) => rows.filter((r) => r.grouping === g);
    const total = of('total')[0] ?? {
      grouping: 'total',
      key: null,
      registered: 0,
      answered: 0,
      overdue: 0,
      meanDays: null,
      p90Days: null,
      meanRating: null,
      rated: 0,
      ratings: [0, 0, 0, 0, 0],
    };
    const topOrganisations = of('organisation')
      .filter((r) => r.key !== null)
      .sort((a, b) => b.registered - a.registered || Number(a.key) - Number(b.key))
      .slice(0, TOP_ORGANISATIONS);
    const names = await denominators(
      this.db,
      topOrganisations.map((r) => Number(r.key)),
    );
    const pupilsOfOrganisation = new Map(names.pupils.map((p) => [p.organisation_id, p.n]));
    const pupilsOfMunicipality = new Map<number, number>();
    for (const p of names.pupils)
      if (p.municipality_id !== null)
        pupilsOfMunicipality.set(p.municipality_id, (pupilsOfMunicipality.get(p.municipality_id) ?? 0) + p.n);
    const municipality = new Map(names.municipalities.map((m) => [m.id, m]));
    const organisationName = new Map(names.organisations.map((o) => [o.id, o.short_name]));

    return {
      from: q.from,
      to: q.to,
      today,
      coverage: coverage.region ? 'region' : 'partial',
      total: { ...figures(total), rated: total.rated, ratings: total.ratings },
      now: load,
      byMonth: of('month')
        .sort((a, b) => a.key!.localeCompare(b.key!))
        .map((r) => ({ month: r.key!, ...figures(r) })),
      byMunicipality: of('municipality')
        .sort((a, b) => b.registered - a.registered)
        .map((r) => {
          const id = r.key === null ? null : Number(r.key);
          const m = id === null ? undefined : municipality.get(id);
          const pupils = id === null ? 0 : (pupilsOfMunicipality.get(id) ?? 0);
          const residents = m?.population ? Number(m.population) : null;
          return {
            municipalityId: id,
            nameRu: m?.name_ru ?? 'Без муниципалитета',
            nameEn: m?.name_en ?? 'No municipality',
            ...figures(r),
            pupils,
            perThousandPupils: perThousand(r.registered, pupils),
            residents,
            perThousandResidents: perThousand(r.registered, residents),
          };
        }),
      byCategory: of('category')
        .sort((a, b) => b.registered - a.registered || a.key!.localeCompare(b.key!))
        .map((r) => {
          const leaf = CATEGORIES.leaf(r.key!);
          return {
            categoryCode: r.key!,
            titleRu: leaf?.ru ?? r.key!,
            titleEn: leaf?.en ?? r.key!,
            ...figures(r),
            share:
              total.registered === 0 ? 0 : Math.round((r.registered / total.registered) * 10_000) / 10_000,
          };
        }),
      byOrganisation: topOrganisations.map((r) => {
        const id = Number(r.key);
        const pupils = pupilsOfOrganisation.get(id) ?? 0;
        return {
          organisationId: id,
          name: organisationName.get(id) ?? `#${id}`,
          ...figures(r),
          pupils,
          perThousandPupils: perThousand(r.registered, pupils),
        };
      }),
    };
  }
}
