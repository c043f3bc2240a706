import {
  programmeUrl,
  type ClubGroup,
  type Programme,
  type ProgrammeSummary,
} from '../../../contracts/clubs.js';
import { whyNotJoinable, type NotJoinableReason } from './programme-model.js';
import type { groupsOfProgrammes, listProgrammes, programmeRow } from './queries.js';

type ListRow = Awaited<ReturnType<typeof listProgrammes>>[number];
type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof programmeRow>>>;
type GroupRow = Awaited<ReturnType<typeof groupsOfProgrammes>>[number];

function organisationOf(r: ListRow | ProgrammeRow) {
  return {
    id: r.organisation_id,
    shortName: r.short_name,
    municipalityId: r.municipality_id,
    municipality: r.municipality,
    address: r.organisation_address,
  };
}

export function toSummary(r: ListRow): ProgrammeSummary {
  return {
    id: r.id,
    title: r.title,
    direction: r.direction as ProgrammeSummary['direction'],
    specialisation: r.specialisation,
    level: r.level as ProgrammeSummary['level'],
    ageMin: r.age_min,
    ageMax: r.age_max,
    format: r.format as ProgrammeSummary['format'],
    ovzTypes: r.ovz_types as ProgrammeSummary['ovzTypes'],
    organisation: organisationOf(r),
    openGroups: Number(r.open_groups),
    freeSeats: Number(r.free_seats),
    minPrice: r.min_price === null ? null : Number(r.min_price),
    financing: r.financing as ProgrammeSummary['financing'],
    url: programmeUrl(r.id),
  };
}

/** The reasons nobody may take a seat today, whoever the child (window and seats). */
export function groupReasons(p: { age_min: number; age_max: number }, g: GroupRow, today: string) {
  return whyNotJoinable(
    {
      ageMin: p.age_min,
      ageMax: p.age_max,
      ovzTypes: [],
      enrolmentOpensOn: g.enrolment_opens_on,
      enrolmentClosesOn: g.enrolment_closes_on,
      startsOn: g.starts_on,
      seats: g.seats,
      seatsTaken: g.seats_taken,
    },
    null,
    today,
  );
}

export function toGroup(p: { age_min: number; age_max: number }, g: GroupRow, today: string): ClubGroup {
  return {
    id: g.id,
    name: g.name,
    financing: g.financing as ClubGroup['financing'],
    monthlyPrice: g.monthly_price,
    enrolmentOpensOn: g.enrolment_opens_on,
    enrolmentClosesOn: g.enrolment_closes_on,
    startsOn: g.starts_on,
    endsOn: g.ends_on,
    hoursPerYear: g.hours_per_year,
    schedule: (g.schedule ?? []) as ClubGroup['schedule'],
    seats: g.seats,
    freeSeats: g.seats - g.seats_taken,
    waitlisted: Number(g.waitlisted),
    notJoinable: groupReasons(p, g, today) as NotJoinableReason[],
  };
}

/**
 * The programme page: its groups, the ones open today first (and, when the mini app was opened from
 * a community, the caller sorts that organisation first in the list, not here).
 */
export function toProgramme(p: ProgrammeRow, groups: GroupRow[], today: string): Programme {
  const views = groups.map((g) => toGroup(p, g, today));
  const open = views.filter((g) => g.enrolmentOpensOn <= today && g.enrolmentClosesOn >= today);
  const prices = views.map((g) => (g.financing === 'paid' ? g.monthlyPrice! : 0));
  return {
    id: p.id,
    title: p.title,
    direction: p.direction as Programme['direction'],
    specialisation: p.specialisation,
    level: p.level as Programme['level'],
    ageMin: p.age_min,
    ageMax: p.age_max,
    format: p.format as Programme['format'],
    ovzTypes: p.ovz_types as Programme['ovzTypes'],
    organisation: organisationOf(p),
    openGroups: open.length,
    freeSeats: open.reduce((n, g) => n + g.freeSeats, 0),
    minPrice: prices.length ? Math.min(...prices) : null,
    financing: [...new Set(views.map((g) => g.financing))].sort(),
    url: programmeUrl(p.id),
    description: p.description,
    goals: p.goals,
    teacherName: p.teacher_name,
    address: p.address ?? p.organisation_address,
    entranceTests: p.entrance_tests,
    groups: [...open, ...views.filter((g) => !open.includes(g))],
  };
}
