import { sql, type SqlBool } from 'kysely';
import type { ProgrammeListQuery } from '../../../contracts/clubs.js';
import { anyOf } from '../../../platform/db/any-of.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import '../tables.js';

/** The group-level conditions of a list query, applied to one and the same group. */
function groupConditions(f: ProgrammeListQuery, today: string) {
  const parts = [sql`g.programme_id = p.id`];
  if (f.open) parts.push(sql`g.enrolment_opens_on <= ${today} and g.enrolment_closes_on >= ${today}`);
  if (f.free) parts.push(sql`g.financing <> 'paid'`);
  if (f.maxPrice !== undefined) parts.push(sql`(g.financing <> 'paid' or g.monthly_price <= ${f.maxPrice})`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of published programmes matching the filters, with the figures the list shows (open
 * groups today, free seats in them, the cheapest price) and the total count.
 */
export async function listProgrammes(db: Db, f: ProgrammeListQuery, today: string) {
  const query = f.q ? sql`websearch_to_tsquery('russian', ${f.q})` : null;
  let q = db
    .selectFrom('clubs_programme as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('municipality as m', 'm.id', 'o.municipality_id')
    .where('p.status', '=', 'published')
    .where('o.status', '=', 'active');
  if (query) q = q.where(sql<SqlBool>`p.search @@ ${query}`);
  if (f.municipalityId !== undefined) q = q.where('o.municipality_id', '=', f.municipalityId);
  if (f.organisationId !== undefined) q = q.where('p.organisation_id', '=', f.organisationId);
  if (f.direction) q = q.where('p.direction', '=', f.direction);
  if (f.specialisation) q = q.where(sql<SqlBool>`lower(p.specialisation) = lower(${f.specialisation})`);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.age !== undefined) q = q.where('p.age_min', '<=', f.age).where('p.age_max', '>=', f.age);
  if (f.format) q = q.where('p.format', '=', f.format);
  if (f.ovz) q = q.where(sql<SqlBool>`${f.ovz} = any(p.ovz_types)`);
  if (f.open || f.free || f.maxPrice !== undefined)
    q = q.where(sql<SqlBool>`exists (select 1 from clubs_group g where ${groupConditions(f, today)})`);
  const openSeats = sql<number>`coalesce((select sum(g.seats - g.seats_taken)::int from clubs_group g
    where g.programme_id = p.id and g.enrolment_opens_on <= ${today} and g.enrolment_closes_on >= ${today}), 0)`;
  const minPrice = sql<
    number | null
  >`(select min(case when g.financing = 'paid' then g.monthly_price else 0 end) from clubs_group g where g.programme_id = p.id)`;
  let ordered = q.select([
    'p.id',
    'p.title',
    'p.direction',
    'p.specialisation',
    'p.level',
    'p.age_min',
    'p.age_max',
    'p.format',
    'p.ovz_types',
    'o.id as organisation_id',
    'o.short_name',
    'o.municipality_id',
    'm.name_ru as municipality',
    'o.address as organisation_address',
    openSeats.as('free_seats'),
    minPrice.as('min_price'),
    sql<number>`(select count(*)::int from clubs_group g where g.programme_id = p.id
      and g.enrolment_opens_on <= ${today} and g.enrolment_closes_on >= ${today})`.as('open_groups'),
    sql<
      string[]
    >`array(select distinct g.financing from clubs_group g where g.programme_id = p.id order by 1)`.as(
      'financing',
    ),
    sql<number>`count(*) over ()`.as('total'),
  ]);
  const sort = f.sort ?? (query ? 'relevance' : 'title');
  if (f.firstOrganisationId !== undefined)
    ordered = ordered.orderBy(
      sql`(p.organisation_id = ${f.firstOrganisationId} and ${openSeats} >= 0
      and exists (select 1 from clubs_group g where g.programme_id = p.id
        and g.enrolment_opens_on <= ${today} and g.enrolment_closes_on >= ${today}))`,
      'desc',
    );
  if (sort === 'relevance' && query) ordered = ordered.orderBy(sql`ts_rank(p.search, ${query})`, 'desc');
  else if (sort === 'price') ordered = ordered.orderBy(sql`${minPrice} asc nulls last`);
  else if (sort === 'free_seats') ordered = ordered.orderBy(sql`${openSeats}`, 'desc');
  ordered = ordered.orderBy('p.title').orderBy('p.id');
  return ordered
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
}

export async function programmeRow(db: Executor, id: number) {
  return db
    .selectFrom('clubs_programme as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('municipality as m', 'm.id', 'o.municipality_id')
    .select([
      'p.id',
      'p.title',
      'p.direction',
      'p.specialisation',
      'p.level',
      'p.age_min',
      'p.age_max',
      'p.format',
      'p.ovz_types',
      'p.description',
      'p.goals',
      'p.teacher_name',
      'p.address',
      'p.entrance_tests',
      'p.status',
      'o.id as organisation_id',
      'o.short_name',
      'o.municipality_id',
      'm.name_ru as municipality',
      'o.address as organisation_address',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function groupsOfProgrammes(db: Executor, programmeIds: readonly number[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('clubs_group as g')
    .select([
      'g.id',
      'g.programme_id',
      'g.name',
      'g.financing',
      'g.monthly_price',
      'g.enrolment_opens_on',
      'g.enrolment_closes_on',
      'g.starts_on',
      'g.ends_on',
      'g.hours_per_year',
      'g.schedule',
      'g.seats',
      'g.seats_taken',
      sql<number>`(select count(*)::int from clubs_enrolment e where e.group_id = g.id and e.status = 'waitlisted')`.as(
        'waitlisted',
      ),
    ])
    .where('g.programme_id', '=', anyOf(programmeIds, 'int'))
    .orderBy('g.enrolment_opens_on')
    .orderBy('g.id')
    .execute();
}

/** Every published programme with its groups, for the open data files. */
export async function openDataRows(db: Db) {
  return db
    .selectFrom('clubs_group as g')
    .innerJoin('clubs_programme as p', 'p.id', 'g.programme_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('municipality as m', 'm.id', 'o.municipality_id')
    .select([
      'p.id as programme_id',
      'p.title',
      'p.direction',
      'p.specialisation',
      'p.level',
      'p.age_min',
      'p.age_max',
      'p.format',
      'p.ovz_types',
      'o.id as organisation_id',
      'o.short_name',
      'o.inn',
      'm.name_ru as municipality',
      'g.id as group_id',
      'g.name as group_name',
      'g.financing',
      'g.monthly_price',
      'g.enrolment_opens_on',
      'g.enrolment_closes_on',
      'g.starts_on',
      'g.ends_on',
      'g.hours_per_year',
      'g.seats',
      'g.seats_taken',
    ])
    .where('p.status', '=', 'published')
    .where('o.status', '=', 'active')
    .orderBy('p.id')
    .orderBy('g.id')
    .execute();
}
