import { sql } from 'kysely';
import { kindergartenPhotoUrl, type KindergartenPhoto } from '../../../contracts/kindergarten-catalog.js';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import type { RawGroup, RawKindergarten, SnapshotInput, SnapshotMunicipality } from './catalog-snapshot.js';
import type { CapacityRow, EnrollmentSpan, QueueSpan } from './free-place-history.js';
import { allPhotoCaptions } from './photo-queries.js';

// The statuses of an application still waiting in the queue: the applicants the catalog counts.
export const WAITING_STATUSES = ['registered', 'benefit_check', 'change_requested'] as const;

/**
 * What the snapshot depends on, cheaply: every change of kindergartens, groups, enrollments and
 * applications writes an audit event in its transaction, so the newest audit sequence number (with the
 * day, since free places depend on it) tells whether a rebuild could change anything.
 */
export async function dataFingerprint(db: Db, day: string): Promise<string> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return `${day}:${row?.seq ?? 0}`;
}

/** Everything the catalog snapshot needs, in seven grouped queries run side by side. */
export async function loadSnapshotRows(
  db: Db,
  day: string,
): Promise<Omit<SnapshotInput, 'version' | 'builtAt' | 'day'>> {
  const [kindergartens, groups, enrolled, applicants, municipalities, notes, photos] = await Promise.all([
    db
      .selectFrom('kindergarten')
      .select([
        'id',
        'code',
        'municipality_id',
        'name_ru',
        'name_en',
        'address',
        'lat',
        'lon',
        'phone',
        'email',
        'website',
        'head_name',
        'working_hours',
        'status',
        'opening_date',
        'planned_capacity',
        'accessible',
        'languages',
        'description',
        'photos',
        'updated_at',
      ])
      .execute(),
    db
      .selectFrom('kg_group')
      .select([
        'id',
        'kindergarten_id',
        'name',
        'age_from',
        'age_to',
        'orientation',
        'stay_mode',
        'language',
        'is_open',
        'capacity',
        'caretakers',
      ])
      .execute(),
    db
      .selectFrom('enrollment')
      .select(['group_id', sql<number>`count(*)::int`.as('n')])
      .where('left_on', 'is', null)
      .groupBy('group_id')
      .execute(),
    // Age on 1 September of the school year the child would start: the desired date's, or this
    // year's when the desired date has passed (the child waits for a place now).
    sql<{ kindergarten_id: number; age: number; first: number; any: number }>`
      select ac.kindergarten_id,
             greatest(0, extract(year from age(
               make_date(extract(year from d.start)::int - (case when extract(month from d.start) < 9 then 1 else 0 end), 9, 1),
               c.birth_date)))::int as age,
             count(*) filter (where ac.rank = 1)::int as first,
             count(*)::int as any
      from application_choice ac
      join application a on a.id = ac.application_id
      join child c on c.id = a.child_id
      cross join lateral (select greatest(a.desired_date, ${day}::date) as start) d
      where a.status in ('registered', 'benefit_check', 'change_requested')
      group by 1, 2`.execute(db),
    db
      .selectFrom('municipality as m')
      .leftJoin('catalog_config as cc', 'cc.municipality_id', 'm.id')
      .select([
        'm.id',
        'm.code',
        'm.name_ru',
        'm.name_en',
        'm.center_lat',
        'm.center_lon',
        'cc.allow_over_capacity',
      ])
      .execute(),
    db
      .selectFrom('construction_note')
      .select(['id', 'kindergarten_id', 'noted_on', 'progress_percent', 'text_ru', 'text_en'])
      .orderBy('noted_on')
      .orderBy('id')
      .execute(),
    allPhotoCaptions(db),
  ]);
  const uploaded = new Map<number, KindergartenPhoto[]>();
  for (const p of photos) {
    const list = uploaded.get(p.kindergarten_id) ?? [];
    list.push({
      id: p.id,
      url: kindergartenPhotoUrl(p.kindergarten_id, p.id),
      alt: p.alt_ru,
      altEn: p.alt_en,
      width: p.width,
      height: p.height,
    });
    uploaded.set(p.kindergarten_id, list);
  }
  const noteMap: SnapshotInput['notes'] = new Map();
  for (const n of notes) {
    const list = noteMap.get(n.kindergarten_id) ?? [];
    list.push({
      id: n.id,
      notedOn: n.noted_on,
      progressPercent: n.progress_percent,
      textRu: n.text_ru,
      textEn: n.text_en,
    });
    noteMap.set(n.kindergarten_id, list);
  }
  return {
    kindergartens: kindergartens.map((k): RawKindergarten => ({
      id: k.id,
      code: k.code,
      municipalityId: k.municipality_id,
      nameRu: k.name_ru,
      nameEn: k.name_en,
      address: k.address,
      lat: k.lat,
      lon: k.lon,
      phone: k.phone,
      email: k.email,
      website: k.website,
      headName: k.head_name,
      workingHours: k.working_hours,
      status: k.status,
      openingDate: k.opening_date,
      plannedCapacity: k.planned_capacity,
      accessible: k.accessible,
      languages: k.languages,
      description: k.description,
      photos: [
        ...(uploaded.get(k.id) ?? []),
        // A loader writing a JS [] through pg stores '{}': anything but an array means no links.
        ...(Array.isArray(k.photos) ? k.photos : []).map((p): KindergartenPhoto => ({
          id: null,
          url: p.url,
          alt: p.alt,
          altEn: null,
          width: null,
          height: null,
        })),
      ],
      updatedAt: k.updated_at.toISOString(),
    })),
    groups: groups.map((g): RawGroup => ({
      id: g.id,
      kindergartenId: g.kindergarten_id,
      name: g.name,
      ageFrom: g.age_from,
      ageTo: g.age_to,
      orientation: g.orientation,
      stayMode: g.stay_mode,
      language: g.language,
      isOpen: g.is_open,
      capacity: g.capacity,
      caretakers: g.caretakers,
    })),
    enrolledByGroup: new Map(enrolled.map((e) => [e.group_id, e.n])),
    applicants: applicants.rows.map((a) => ({
      kindergartenId: a.kindergarten_id,
      age: a.age,
      first: a.first,
      any: a.any,
    })),
    municipalities: municipalities.map((m): SnapshotMunicipality => ({
      id: m.id,
      code: m.code,
      nameRu: m.name_ru,
      nameEn: m.name_en,
      centerLat: m.center_lat,
      centerLon: m.center_lon,
      allowOverCapacity: m.allow_over_capacity ?? false,
    })),
    notes: noteMap,
  };
}

/** Ids of kindergartens whose name or address matches a Russian prefix tsquery. */
export async function searchKindergartenIds(db: Db, tsquery: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select id from kindergarten where search @@ to_tsquery('russian', ${tsquery})`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Points of kindergartens whose address matches (a street-level stand-in for a geocoder). */
export async function geocodeByAddress(
  db: Db,
  tsquery: string,
): Promise<{ lat: number; lon: number; n: number; address: string } | null> {
  const rows = await sql<{ lat: number; lon: number; n: number; address: string }>`
    select avg(lat)::float8 as lat, avg(lon)::float8 as lon, count(*)::int as n, min(address) as address
    from kindergarten
    where lat is not null and to_tsvector('russian', address) @@ to_tsquery('russian', ${tsquery})`.execute(
    db,
  );
  const r = rows.rows[0];
  return r && r.n > 0 ? r : null;
}

export async function municipalityByName(db: Db, text: string) {
  return db
    .selectFrom('municipality')
    .select(['id', 'name_ru', 'center_lat', 'center_lon'])
    .where(sql<boolean>`position(lower(name_ru) in lower(${text})) > 0`)
    .executeTakeFirst();
}

export async function historyRows(
  db: Db,
  kindergartenId: number,
): Promise<{ capacity: CapacityRow[]; enrollments: EnrollmentSpan[]; queue: QueueSpan[] }> {
  const [capacity, enrollments, queue] = await Promise.all([
    db
      .selectFrom('kg_group_capacity as c')
      .innerJoin('kg_group as g', 'g.id', 'c.group_id')
      .select([
        'c.group_id',
        sql<string>`to_char(c.valid_from at time zone 'UTC', 'YYYY-MM-DD')`.as('valid_from'),
        'c.capacity',
      ])
      .where('g.kindergarten_id', '=', kindergartenId)
      .execute(),
    db
      .selectFrom('enrollment as e')
      .innerJoin('kg_group as g', 'g.id', 'e.group_id')
      .select(['e.group_id', 'e.enrolled_on', 'e.left_on'])
      .where('g.kindergarten_id', '=', kindergartenId)
      .execute(),
    sql<{ registered_on: string; left_on: string | null }>`
      select to_char(a.registered_at at time zone 'UTC', 'YYYY-MM-DD') as registered_on,
             case when a.status in ('registered', 'benefit_check', 'change_requested') then null
                  else to_char(a.status_changed_at at time zone 'UTC', 'YYYY-MM-DD') end as left_on
      from application_choice ac join application a on a.id = ac.application_id
      where ac.kindergarten_id = ${kindergartenId} and a.status not in ('new')`.execute(db),
  ]);
  return {
    capacity: capacity.map((c) => ({ groupId: c.group_id, validFrom: c.valid_from, capacity: c.capacity })),
    enrollments: enrollments.map((e) => ({
      groupId: e.group_id,
      enrolledOn: e.enrolled_on,
      leftOn: e.left_on,
    })),
    queue: queue.rows.map((q) => ({ registeredOn: q.registered_on, leftOn: q.left_on })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Staff reads and writes (inside the service's transaction)

export async function kindergartenScope(db: Executor, kindergartenId: number) {
  return db
    .selectFrom('kindergarten')
    .select(['id', 'municipality_id'])
    .where('id', '=', kindergartenId)
    .executeTakeFirst();
}

export async function groupScope(db: Executor, groupId: number) {
  return db
    .selectFrom('kg_group as g')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select(['g.id', 'g.kindergarten_id', 'k.municipality_id'])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}

export async function municipalityExists(db: Executor, municipalityId: number): Promise<boolean> {
  const row = await db
    .selectFrom('municipality')
    .select('id')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return !!row;
}

export async function lockKindergarten(tx: Executor, id: number) {
  return tx.selectFrom('kindergarten').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockGroup(tx: Executor, id: number) {
  return tx.selectFrom('kg_group').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function attendingCount(tx: Executor, groupId: number): Promise<number> {
  const row = await tx
    .selectFrom('enrollment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('group_id', '=', groupId)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function allowOverCapacity(tx: Executor, municipalityId: number): Promise<boolean> {
  const row = await tx
    .selectFrom('catalog_config')
    .select('allow_over_capacity')
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row?.allow_over_capacity ?? false;
}

export async function attendingChildren(db: Executor, kindergartenId: number) {
  return db
    .selectFrom('enrollment as e')
    .innerJoin('kg_group as g', 'g.id', 'e.group_id')
    .innerJoin('child as c', 'c.id', 'e.child_id')
    .select([
      'e.id',
      'e.group_id',
      'e.enrolled_on',
      'c.last_name',
      'c.first_name',
      'c.patronymic',
      'c.birth_date',
    ])
    .where('g.kindergarten_id', '=', kindergartenId)
    .where('e.left_on', 'is', null)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .execute();
}

/** Capacity in force and children attending per group on a past day (from history, nothing overwritten). */
export async function vacanciesOn(db: Db, day: string) {
  const rows = await sql<{
    group_id: number;
    kindergarten_id: number;
    municipality_code: string;
    age_from: number;
    age_to: number;
    capacity: number;
    enrolled: number;
  }>`
    select g.id as group_id, g.kindergarten_id, m.code as municipality_code, g.age_from, g.age_to,
           c.capacity, coalesce(e.n, 0)::int as enrolled
    from kg_group g
    join kindergarten k on k.id = g.kindergarten_id
    join municipality m on m.id = k.municipality_id
    join lateral (
      select capacity from kg_group_capacity
      where group_id = g.id and valid_from < (${day}::date + 1)
      order by valid_from desc limit 1) c on true
    left join (
      select group_id, count(*) as n from enrollment
      where enrolled_on <= ${day}::date and (left_on is null or left_on > ${day}::date)
      group by group_id) e on e.group_id = g.id
    where k.status <> 'closed'
    order by g.id`.execute(db);
  return rows.rows;
}
