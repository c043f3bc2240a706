// SQL of placement waves and directions (Kysely). Other modules' tables (application, child, group,
// kindergarten, enrollment) are read directly: same database, no internal imports.

import { sql } from 'kysely';
import { anyOf } from '../../../platform/db/any-of.js';
import type { Executor } from '../../../platform/db/transaction.js';
import type { ApplicationRow, GroupRow } from './build-instance.js';
import type { DirectionStatus, WaveRunStatus } from './tables.js';
import './tables.js';
import '../tables.js';

export const LIVE_DIRECTION: DirectionStatus[] = ['offered', 'accepted'];

export async function municipalityExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('municipality').select('id').where('id', '=', id).executeTakeFirst());
}

/** Open groups of operating kindergartens with their free places: capacity − attending − live directions. */
export async function freePlaces(db: Executor, municipalityId: number) {
  return db
    .selectFrom('kg_group as g')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select([
      'g.id as groupId',
      'g.capacity',
      (eb) =>
        eb
          .selectFrom('enrollment as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.group_id', '=', 'g.id')
          .where('e.left_on', 'is', null)
          .as('attending'),
      (eb) =>
        eb
          .selectFrom('direction as d')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('d.group_id', '=', 'g.id')
          .where('d.status', 'in', LIVE_DIRECTION)
          .as('directed'),
    ])
    .where('k.municipality_id', '=', municipalityId)
    .where('k.status', '=', 'operating')
    .where('g.is_open', '=', true)
    .orderBy('g.id')
    .execute();
}

export async function groupsOfMunicipality(db: Executor, municipalityId: number, groupIds: number[]) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('kg_group as g')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select(['g.id'])
    .where('k.municipality_id', '=', municipalityId)
    .where('g.id', 'in', groupIds)
    .execute();
}

export async function insertWave(
  db: Executor,
  wave: {
    municipalityId: number;
    kind: 'main' | 'additional';
    title: string;
    placementDate: string;
    schoolYearStart: string;
    rules: Record<string, unknown>;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('placement_wave')
    .values({
      municipality_id: wave.municipalityId,
      kind: wave.kind,
      title: wave.title,
      placement_date: wave.placementDate,
      school_year_start: wave.schoolYearStart,
      rules: JSON.stringify(wave.rules),
      created_by: wave.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSeats(db: Executor, waveId: string, seats: { groupId: number; seats: number }[]) {
  for (let i = 0; i < seats.length; i += 1000)
    await db
      .insertInto('wave_seat')
      .values(
        seats.slice(i, i + 1000).map((s) => ({
          wave_id: waveId,
          group_id: s.groupId,
          seats: s.seats,
          excluded_reason: null,
          excluded_by: null,
          excluded_at: null,
        })),
      )
      .execute();
}

export async function findWave(db: Executor, id: string) {
  return db.selectFrom('placement_wave').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockWave(db: Executor, id: string) {
  return db.selectFrom('placement_wave').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listWaves(db: Executor, municipalityIds: number[] | null) {
  let q = db.selectFrom('placement_wave').selectAll().orderBy('created_at', 'desc').limit(200);
  if (municipalityIds !== null) {
    if (municipalityIds.length === 0) return [];
    q = q.where('municipality_id', 'in', municipalityIds);
  }
  return q.execute();
}

export async function waveCounts(db: Executor, waveId: string) {
  const seats = await db
    .selectFrom('wave_seat')
    .select([
      sql<number>`coalesce(sum(seats) filter (where excluded_reason is null), 0)::int`.as('seats'),
      sql<number>`(count(*) filter (where excluded_reason is null and seats > 0))::int`.as('groups'),
    ])
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  const excluded = await db
    .selectFrom('wave_application')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  return { seats: seats.seats, groups: seats.groups, excluded: excluded.n };
}

const groupColumns = [
  'g.id as groupId',
  'g.kindergarten_id as kindergartenId',
  'k.code as kindergartenCode',
  'g.age_from as ageFrom',
  'g.age_to as ageTo',
  'g.orientation',
  'g.stay_mode as stayMode',
] as const;

export async function offeredGroups(db: Executor, waveId: string): Promise<GroupRow[]> {
  return db
    .selectFrom('wave_seat as s')
    .innerJoin('kg_group as g', 'g.id', 's.group_id')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select([...groupColumns, 's.seats'])
    .where('s.wave_id', '=', waveId)
    .where('s.excluded_reason', 'is', null)
    .orderBy('g.id')
    .execute();
}

export async function groupsById(db: Executor, ids: number[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('kg_group as g')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select([...groupColumns])
    .where('g.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, seats: 0 }));
}

/** Applications of the municipality that may take part in a wave, with choices, benefits and exclusions. */
export async function candidateApplications(
  db: Executor,
  municipalityId: number,
  waveId: string,
): Promise<ApplicationRow[]> {
  const apps = await db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select([
      'a.id',
      'a.number',
      'a.serial',
      'a.status',
      'a.registered_at',
      'a.desired_date',
      'c.birth_date',
      'a.orientation',
      'a.stay_mode',
      'a.current_group_id',
      (eb) =>
        eb
          .selectFrom('wave_application as w')
          .select(sql<boolean>`true`.as('x'))
          .whereRef('w.application_id', '=', 'a.id')
          .where('w.wave_id', '=', waveId)
          .as('excluded'),
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', ['registered', 'change_requested', 'benefit_check'])
    .execute();
  const choices = await db
    .selectFrom('application_choice as ch')
    .innerJoin('application as a', 'a.id', 'ch.application_id')
    .select(['ch.application_id', 'ch.rank', 'ch.kindergarten_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', ['registered', 'change_requested', 'benefit_check'])
    .orderBy('ch.application_id')
    .orderBy('ch.rank')
    .execute();
  const benefits = await db
    .selectFrom('benefit as b')
    .innerJoin('application as a', 'a.id', 'b.application_id')
    .select(['b.application_id', 'b.class', 'b.status', 'b.valid_until', 'b.sibling_kindergarten_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', 'in', ['registered', 'change_requested', 'benefit_check'])
    .execute();
  const choicesOf = new Map<string, number[]>();
  for (const c of choices) {
    const list = choicesOf.get(c.application_id) ?? [];
    list.push(c.kindergarten_id);
    choicesOf.set(c.application_id, list);
  }
  const benefitsOf = new Map<string, ApplicationRow['benefits'][number][]>();
  for (const b of benefits) {
    const list = benefitsOf.get(b.application_id) ?? [];
    list.push({
      class: b.class,
      status: b.status,
      validUntil: b.valid_until,
      siblingKindergartenId: b.sibling_kindergarten_id,
    });
    benefitsOf.set(b.application_id, list);
  }
  return apps.map((a) => ({
    applicationId: a.id,
    number: a.number,
    serial: Number(a.serial),
    status: a.status,
    registeredAt: a.registered_at,
    desiredDate: a.desired_date,
    birthDate: a.birth_date,
    orientation: a.orientation,
    stayMode: a.stay_mode,
    currentGroupId: a.current_group_id,
    choices: choicesOf.get(a.id) ?? [],
    benefits: benefitsOf.get(a.id) ?? [],
    excluded: a.excluded === true,
  }));
}

export async function kindergartenNames(db: Executor, municipalityId: number) {
  return db
    .selectFrom('kindergarten')
    .select(['id', 'code', 'name_ru', 'lat', 'lon', 'address'])
    .where('municipality_id', '=', municipalityId)
    .execute();
}

export async function groupNames(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('kg_group').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function childNames(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(['a.id', 'c.last_name', 'c.first_name', 'c.patronymic'])
    .where('a.id', '=', anyOf(applicationIds, 'uuid'))
    .execute();
}

export async function insertRun(db: Executor, waveId: string, requestedBy: string | null): Promise<number> {
  const row = await db
    .insertInto('wave_run')
    .values({ wave_id: waveId, requested_by: requestedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findRun(db: Executor, id: number) {
  return db.selectFrom('wave_run').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestRun(db: Executor, waveId: string) {
  return db
    .selectFrom('wave_run')
    .select(['id', 'status', 'requested_at', 'finished_at', 'error'])
    .where('wave_id', '=', waveId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The run a review shows: the confirmed one, else the newest draft. */
export async function reviewedRun(db: Executor, waveId: string) {
  return db
    .selectFrom('wave_run')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('status', 'in', ['draft', 'confirmed'])
    .orderBy(sql`status = 'confirmed'`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function finishRun(
  db: Executor,
  id: number,
  values: {
    status: WaveRunStatus;
    instance?: unknown;
    result?: unknown;
    review?: unknown;
    inputSha256?: string;
    error?: string;
  },
) {
  await db
    .updateTable('wave_run')
    .set({
      status: values.status,
      finished_at: new Date(),
      instance: values.instance === undefined ? null : JSON.stringify(values.instance),
      result: values.result === undefined ? null : JSON.stringify(values.result),
      review: values.review === undefined ? null : JSON.stringify(values.review),
      input_sha256: values.inputSha256 ?? null,
      error: values.error ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export async function supersedeDrafts(db: Executor, waveId: string, exceptRunId: number) {
  await db
    .updateTable('wave_run')
    .set({ status: 'superseded' })
    .where('wave_id', '=', waveId)
    .where('status', '=', 'draft')
    .where('id', '<>', exceptRunId)
    .execute();
}

export async function markRunConfirmed(
  db: Executor,
  runId: number,
  published: { instance: unknown; result: unknown },
) {
  await db
    .updateTable('wave_run')
    .set({
      status: 'confirmed',
      published_instance: JSON.stringify(published.instance),
      published_result: JSON.stringify(published.result),
    })
    .where('id', '=', runId)
    .execute();
}

export async function markWaveConfirmed(db: Executor, waveId: string, by: string | null) {
  await db
    .updateTable('placement_wave')
    .set({ status: 'confirmed', confirmed_at: new Date(), confirmed_by: by })
    .where('id', '=', waveId)
    .execute();
}

export async function excludeSeat(
  db: Executor,
  waveId: string,
  groupId: number,
  reason: string,
  by: string | null,
) {
  const r = await db
    .updateTable('wave_seat')
    .set({ excluded_reason: reason, excluded_by: by, excluded_at: new Date() })
    .where('wave_id', '=', waveId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function excludeApplication(
  db: Executor,
  waveId: string,
  applicationId: string,
  reason: string,
  by: string | null,
) {
  await db
    .insertInto('wave_application')
    .values({ wave_id: waveId, application_id: applicationId, excluded_reason: reason, excluded_by: by })
    .onConflict((oc) => oc.columns(['wave_id', 'application_id']).doUpdateSet({ excluded_reason: reason }))
    .execute();
}

export async function applicationOfMunicipality(db: Executor, applicationId: string, municipalityId: number) {
  return db
    .selectFrom('application')
    .select(['id'])
    .where('id', '=', applicationId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function applicationsForDirections(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('application')
    .select([
      'id',
      'number',
      'status',
      'applicant_id',
      'applicant_email',
      'desired_date',
      'child_id',
      'current_group_id',
    ])
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
}

export async function insertDirections(
  db: Executor,
  rows: {
    wave_id: string;
    run_id: number;
    application_id: string;
    group_id: number;
    kindergarten_id: number;
    number: string;
    valid_until: string;
    explanation: string;
  }[],
) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('direction')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function setApplicationStatus(
  db: Executor,
  ids: string[],
  status: 'registered' | 'directed' | 'enrolled' | 'no_show',
  extra: { desiredDate?: string } = {},
) {
  if (ids.length === 0) return;
  await db
    .updateTable('application')
    .set({
      status,
      status_changed_at: new Date(),
      updated_at: new Date(),
      ...(extra.desiredDate ? { desired_date: extra.desiredDate } : {}),
    })
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
}

export async function insertApplicationEvents(
  db: Executor,
  events: {
    application_id: string;
    kind: 'status' | 'desired_date' | 'details';
    from_status: string | null;
    to_status: string | null;
    reason: string;
    data: Record<string, unknown>;
    actor_id: string | null;
  }[],
) {
  for (let i = 0; i < events.length; i += 500)
    await db
      .insertInto('application_event')
      .values(events.slice(i, i + 500).map((e) => ({ ...e, data: JSON.stringify(e.data) })))
      .execute();
}

const directionColumns = [
  'd.id',
  'd.number',
  'd.wave_id',
  'w.title as wave_title',
  'd.application_id',
  'a.number as application_number',
  'a.applicant_id',
  'a.applicant_email',
  'a.desired_date',
  'a.child_id',
  'a.current_group_id',
  'a.status as application_status',
  'c.last_name',
  'c.first_name',
  'c.patronymic',
  'c.birth_date',
  'd.kindergarten_id',
  'k.name_ru as kindergarten_name',
  'k.address as kindergarten_address',
  'k.municipality_id',
  'd.group_id',
  'g.name as group_name',
  'd.issued_at',
  'd.valid_until',
  'd.status',
  'd.decided_at',
  'd.explanation',
  'w.placement_date',
] as const;

function directionQuery(db: Executor) {
  return db
    .selectFrom('direction as d')
    .innerJoin('placement_wave as w', 'w.id', 'd.wave_id')
    .innerJoin('application as a', 'a.id', 'd.application_id')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .innerJoin('kindergarten as k', 'k.id', 'd.kindergarten_id')
    .innerJoin('kg_group as g', 'g.id', 'd.group_id')
    .select([...directionColumns]);
}
export type DirectionRow = Awaited<ReturnType<typeof findDirection>> & object;

export async function findDirection(db: Executor, id: string) {
  return directionQuery(db).where('d.id', '=', id).executeTakeFirst();
}

export async function lockDirection(db: Executor, id: string) {
  await db.selectFrom('direction').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return findDirection(db, id);
}

export async function directionsOfApplicant(db: Executor, userId: string) {
  return directionQuery(db).where('a.applicant_id', '=', userId).orderBy('d.issued_at', 'desc').execute();
}

export async function directionsOfKindergarten(db: Executor, kindergartenId: number) {
  return directionQuery(db)
    .where('d.kindergarten_id', '=', kindergartenId)
    .orderBy('d.status')
    .orderBy('d.issued_at', 'desc')
    .limit(500)
    .execute();
}

export async function overdueDirections(db: Executor, today: string) {
  return directionQuery(db)
    .where('d.status', 'in', LIVE_DIRECTION)
    .where('d.valid_until', '<', today)
    .limit(1000)
    .execute();
}

export async function setDirectionStatus(
  db: Executor,
  id: string,
  status: DirectionStatus,
  by: string | null,
) {
  await db
    .updateTable('direction')
    .set({ status, decided_at: new Date(), decided_by: by })
    .where('id', '=', id)
    .execute();
}

export async function endEnrollment(db: Executor, childId: string, on: string, reason: string) {
  await db
    .updateTable('enrollment')
    .set({ left_on: on, leave_reason: reason })
    .where('child_id', '=', childId)
    .where('left_on', 'is', null)
    .execute();
}

export async function insertEnrollment(
  db: Executor,
  e: { groupId: number; childId: string; applicationId: string; on: string },
) {
  await db
    .insertInto('enrollment')
    .values({ group_id: e.groupId, child_id: e.childId, application_id: e.applicationId, enrolled_on: e.on })
    .execute();
}

export async function regionConfig(db: Executor): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('region').select('config').executeTakeFirst();
  return (row?.config as Record<string, unknown> | undefined) ?? {};
}

/** Unplaced children of the user's applications in confirmed waves, with their explanations. */
export async function confirmedRunsOfMunicipalities(db: Executor, municipalityIds: number[]) {
  if (municipalityIds.length === 0) return [];
  return db
    .selectFrom('wave_run as r')
    .innerJoin('placement_wave as w', 'w.id', 'r.wave_id')
    .select(['r.id', 'r.review', 'w.title', 'w.confirmed_at'])
    .where('r.status', '=', 'confirmed')
    .where('w.municipality_id', 'in', municipalityIds)
    .orderBy('w.confirmed_at', 'desc')
    .limit(5)
    .execute();
}

export async function applicationsOfApplicant(db: Executor, userId: string) {
  return db
    .selectFrom('application as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .select(['a.id', 'a.number', 'a.municipality_id', 'c.last_name', 'c.first_name'])
    .where('a.applicant_id', '=', userId)
    .execute();
}

export async function publishedWaves(db: Executor) {
  return db
    .selectFrom('wave_run as r')
    .innerJoin('placement_wave as w', 'w.id', 'r.wave_id')
    .select(['w.id', 'w.municipality_id', 'w.title', 'w.confirmed_at', 'r.input_sha256', 'r.result'])
    .where('r.status', '=', 'confirmed')
    .orderBy('w.confirmed_at', 'desc')
    .execute();
}

export async function publishedFile(db: Executor, waveId: string) {
  return db
    .selectFrom('wave_run')
    .select(['published_instance', 'published_result'])
    .where('wave_id', '=', waveId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
}

export async function waveSeats(db: Executor, waveId: string) {
  return db
    .selectFrom('wave_seat as s')
    .innerJoin('kg_group as g', 'g.id', 's.group_id')
    .innerJoin('kindergarten as k', 'k.id', 'g.kindergarten_id')
    .select([
      's.group_id',
      'g.name as group_name',
      'k.id as kindergarten_id',
      'k.name_ru as kindergarten_name',
      'g.age_from',
      'g.age_to',
      's.seats',
      's.excluded_reason',
    ])
    .where('s.wave_id', '=', waveId)
    .orderBy('k.name_ru')
    .orderBy('g.age_from')
    .orderBy('g.id')
    .execute();
}

/** Sets a group's seats in the wave (adding the group if new); a withdrawn offer is offered again. */
export async function setSeats(db: Executor, waveId: string, groupId: number, seats: number) {
  await db
    .insertInto('wave_seat')
    .values({
      wave_id: waveId,
      group_id: groupId,
      seats,
      excluded_reason: null,
      excluded_by: null,
      excluded_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['wave_id', 'group_id'])
        .doUpdateSet({ seats, excluded_reason: null, excluded_by: null, excluded_at: null }),
    )
    .execute();
}
