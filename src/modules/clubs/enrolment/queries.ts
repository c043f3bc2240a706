import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/transaction.js';
import { recordFamilyRequest } from '../../../platform/requests/family-requests.js';
import '../tables.js';

/** A group with what enrolment needs of its programme and organisation; `lock` takes the row. */
export async function groupForEnrolment(db: Executor, groupId: number, lock = false) {
  let q = db
    .selectFrom('clubs_group as g')
    .innerJoin('clubs_programme as p', 'p.id', 'g.programme_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([
      'g.id',
      'g.name',
      'g.seats',
      'g.seats_taken',
      'g.enrolment_opens_on',
      'g.enrolment_closes_on',
      'g.starts_on',
      'p.id as programme_id',
      'p.title',
      'p.age_min',
      'p.age_max',
      'p.ovz_types',
      'p.entrance_tests',
      'p.status as programme_status',
      'o.id as organisation_id',
      'o.short_name',
      'o.municipality_id',
    ])
    .where('g.id', '=', groupId);
  if (lock) q = q.forUpdate(['g']);
  return q.executeTakeFirst();
}

/** Takes one seat if one is free: the row's own check keeps the count ≤ seats under any race. */
export async function takeSeat(tx: Executor, groupId: number): Promise<boolean> {
  const row = await tx
    .updateTable('clubs_group')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', groupId)
    .where(sql<boolean>`seats_taken < seats`)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function releaseSeat(tx: Executor, groupId: number) {
  await tx
    .updateTable('clubs_group')
    .set({ seats_taken: sql`seats_taken - 1` })
    .where('id', '=', groupId)
    .where('seats_taken', '>', 0)
    .execute();
}

export async function nextEnrolmentNumber(tx: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('clubs_enrolment_number_seq')::int as n`.execute(
    tx,
  );
  return rows[0]!.n;
}

export async function aliveEnrolment(tx: Executor, groupId: number, childId: string) {
  return tx
    .selectFrom('clubs_enrolment')
    .select(['id', 'number', 'status'])
    .where('group_id', '=', groupId)
    .where('child_id', '=', childId)
    .where('status', 'not in', ['finished', 'withdrawn', 'refused'])
    .executeTakeFirst();
}

export async function insertEnrolment(
  tx: Executor,
  e: {
    number: string;
    groupId: number;
    childId: string;
    applicantUserId: string;
    status: string;
    channel: 'web' | 'vk' | 'widget' | 'staff' | 'demo';
    waitlistedAt: Date | null;
    reviewDue: string | null;
    createdAt?: Date;
  },
) {
  return tx
    .insertInto('clubs_enrolment')
    .values({
      number: e.number,
      group_id: e.groupId,
      child_id: e.childId,
      applicant_user_id: e.applicantUserId,
      status: e.status,
      channel: e.channel,
      waitlisted_at: e.waitlistedAt,
      offer_expires_at: null,
      review_due: e.reviewDue,
      refusal_reason: null,
      refusal_note: null,
      ...(e.createdAt ? { created_at: e.createdAt, updated_at: e.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertEnrolmentEvent(
  tx: Executor,
  e: {
    enrolmentId: number;
    actorUserId: string | null;
    from: string | null;
    to: string;
    note?: string | null;
  },
) {
  await tx
    .insertInto('clubs_enrolment_event')
    .values({
      enrolment_id: e.enrolmentId,
      actor_user_id: e.actorUserId,
      from_status: e.from,
      to_status: e.to,
      note: e.note ?? null,
    })
    .execute();
}

export async function updateEnrolment(
  tx: Executor,
  id: number,
  set: {
    status: string;
    offerExpiresAt?: Date | null;
    refusalReason?: string | null;
    refusalNote?: string | null;
  },
) {
  await tx
    .updateTable('clubs_enrolment')
    .set({
      status: set.status,
      ...(set.offerExpiresAt !== undefined ? { offer_expires_at: set.offerExpiresAt } : {}),
      ...(set.refusalReason !== undefined ? { refusal_reason: set.refusalReason } : {}),
      ...(set.refusalNote !== undefined ? { refusal_note: set.refusalNote } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

const ENROLMENT_COLUMNS = [
  'e.id',
  'e.number',
  'e.status',
  'e.group_id',
  'e.child_id',
  'e.applicant_user_id',
  'e.waitlisted_at',
  'e.offer_expires_at',
  'e.review_due',
  'e.refusal_reason',
  'e.refusal_note',
  'e.created_at',
  'c.first_name',
  'c.last_name',
  'c.birth_date',
  'g.name as group_name',
  'g.starts_on',
  'p.id as programme_id',
  'p.title',
  'o.id as organisation_id',
  'o.short_name',
  'o.municipality_id',
] as const;

function enrolmentQuery(db: Executor) {
  return db
    .selectFrom('clubs_enrolment as e')
    .innerJoin('child as c', 'c.id', 'e.child_id')
    .innerJoin('clubs_group as g', 'g.id', 'e.group_id')
    .innerJoin('clubs_programme as p', 'p.id', 'g.programme_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(ENROLMENT_COLUMNS);
}
export type EnrolmentRow = Awaited<ReturnType<typeof enrolmentById>> & object;

export async function enrolmentById(db: Executor, id: number, lock = false) {
  let q = enrolmentQuery(db).where('e.id', '=', id);
  if (lock) q = q.forUpdate(['e']);
  return q.executeTakeFirst();
}

/** The enrolments made by a user or for the children they represent, newest first. */
export async function enrolmentsOfFamily(db: Db, userId: string) {
  return enrolmentQuery(db)
    .where((eb) =>
      eb.or([
        eb('e.applicant_user_id', '=', userId),
        eb(
          'e.child_id',
          'in',
          eb.selectFrom('child_representative').select('child_id').where('user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export async function enrolmentsOfOrganisation(
  db: Db,
  f: { organisationId: number; groupId?: number; status?: string },
) {
  let q = enrolmentQuery(db).where('o.id', '=', f.organisationId);
  if (f.groupId !== undefined) q = q.where('e.group_id', '=', f.groupId);
  if (f.status) q = q.where('e.status', '=', f.status);
  return q.orderBy('e.group_id').orderBy('e.created_at').orderBy('e.id').limit(1000).execute();
}

export async function eventsOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('clubs_enrolment_event')
    .select(['enrolment_id', 'at', 'from_status', 'to_status', 'note'])
    .where('enrolment_id', '=', sql<number>`any(${[...ids]}::int[])`)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The 1-based place on the waitlist: arrival order, then number (as waitlist.ts orders). */
export async function waitlistPlaceOf(db: Executor, groupId: number, id: number, at: Date) {
  const row = await db
    .selectFrom('clubs_enrolment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'waitlisted')
    .where(sql<boolean>`(waitlisted_at, id) <= (${at}::timestamptz, ${id}::int)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The waitlist of a group in arrival order, locked, for promotion. */
export async function waitlistOf(tx: Executor, groupId: number, limit: number) {
  return tx
    .selectFrom('clubs_enrolment')
    .select(['id', 'number', 'applicant_user_id', 'child_id', 'waitlisted_at'])
    .where('group_id', '=', groupId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlisted_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
}

export async function enrolmentScopeRow(db: Executor, id: number) {
  return db
    .selectFrom('clubs_enrolment as e')
    .innerJoin('clubs_group as g', 'g.id', 'e.group_id')
    .innerJoin('clubs_programme as p', 'p.id', 'g.programme_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['e.applicant_user_id', 'e.child_id', 'o.id as organisation_id', 'o.municipality_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function isRepresentative(db: Executor, childId: string, userId: string) {
  const row = await db
    .selectFrom('child_representative')
    .select('user_id')
    .where('child_id', '=', childId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export async function upsertFamilyRequest(
  tx: Executor,
  r: {
    enrolmentId: number;
    ownerUserId: string;
    childId: string;
    organisationId: number;
    number: string;
    status: string;
    state: 'open' | 'done' | 'refused' | 'withdrawn';
    link: string;
    submittedAt: Date;
  },
) {
  await recordFamilyRequest(tx, {
    module: 'clubs',
    kind: 'enrolment',
    externalId: r.enrolmentId,
    ownerUserId: r.ownerUserId,
    childId: r.childId,
    organisationId: r.organisationId,
    reference: r.number,
    status: r.status,
    state: r.state,
    link: r.link,
    submittedAt: r.submittedAt,
  });
}

export async function organisationMunicipality(db: Executor, organisationId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'municipality_id'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** Offers past their time, locked, oldest first. */
export async function expiredOfferIds(tx: Executor, now: Date) {
  const rows = await tx
    .selectFrom('clubs_enrolment')
    .select('id')
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .orderBy('offer_expires_at')
    .orderBy('id')
    .limit(500)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The database's clock now (not the transaction's start): read after the group's row lock, it puts
 * waitlist arrivals in the order the seat decisions were made, across server processes.
 */
export async function lockedClock(tx: Executor): Promise<Date> {
  const { rows } = await sql<{ at: Date }>`select clock_timestamp() as at`.execute(tx);
  return new Date(rows[0]!.at);
}
