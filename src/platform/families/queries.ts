import type { Relation } from '../db/organisation-family-tables.js';
import { anyOf } from '../db/any-of.js';
import type { Executor } from '../db/transaction.js';
import type { ChildAttendance } from './attendance.js';

const CHILD_COLUMNS = [
  'c.id',
  'c.last_name',
  'c.first_name',
  'c.patronymic',
  'c.birth_date',
  'c.sex',
  'c.birth_certificate',
  'c.snils',
  'c.registration_address',
  'c.source',
] as const;

/** The children a user represents, youngest last (by birth date, then name). */
export async function childrenOf(db: Executor, userId: string, childId?: string) {
  let q = db
    .selectFrom('child as c')
    .innerJoin('child_representative as r', 'r.child_id', 'c.id')
    .select(CHILD_COLUMNS)
    .where('r.user_id', '=', userId);
  if (childId) q = q.where('c.id', '=', childId);
  return q.orderBy('c.birth_date').orderBy('c.first_name').orderBy('c.id').execute();
}
export type ChildRow = Awaited<ReturnType<typeof childrenOf>>[number];

export async function representativesOf(db: Executor, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('child_representative as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.child_id', 'r.user_id', 'r.relation', 'u.full_name'])
    .where('r.child_id', '=', anyOf(childIds, 'uuid'))
    .orderBy('r.added_at')
    .orderBy('u.full_name')
    .execute();
}

/** The ids of a child's representatives (empty for no such child). */
export async function representativeIds(db: Executor, childId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('child_representative')
    .select('user_id')
    .where('child_id', '=', childId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function activeHealthFacts(db: Executor, childIds: readonly string[], lock = false) {
  if (childIds.length === 0) return [];
  let q = db
    .selectFrom('child_health_fact')
    .select(['id', 'child_id', 'kind', 'detail', 'consent_at'])
    .where('child_id', '=', anyOf(childIds, 'uuid'))
    .where('withdrawn_at', 'is', null)
    .orderBy('kind')
    .orderBy('detail');
  if (lock) q = q.forUpdate();
  return q.execute();
}

/** The platform's own attendance: the school each pupil attends now, with grade and letter. */
export async function schoolAttendance(
  db: Executor,
  childIds: readonly string[],
): Promise<ChildAttendance[]> {
  if (childIds.length === 0) return [];
  const rows = await db
    .selectFrom('pupil_enrolment as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.child_id', 'o.id', 'o.short_name', 'p.grade', 'p.letter', 'p.enrolled_on'])
    .where('p.child_id', '=', anyOf(childIds, 'uuid'))
    .where('p.left_on', 'is', null)
    .execute();
  return rows.map((r) => ({
    childId: r.child_id,
    module: 'platform',
    kind: 'school',
    organisationId: r.id,
    organisationName: r.short_name,
    unit: `${r.grade} «${r.letter}»`,
    since: r.enrolled_on,
  }));
}

/**
 * The user's own requests about these children, newest first: another representative's application
 * is theirs to show (its page answers only its applicant).
 */
export async function requestsOf(db: Executor, userId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('family_request')
    .select([
      'child_id',
      'module',
      'kind',
      'reference',
      'status',
      'state',
      'link',
      'submitted_at',
      'updated_at',
    ])
    .where('child_id', '=', anyOf(childIds, 'uuid'))
    .where('owner_user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(500)
    .execute();
}

/** A child already on file under one of these spellings of its birth certificate. */
export async function childByCertificate(tx: Executor, spellings: readonly string[]) {
  return tx
    .selectFrom('child')
    .select(['id', 'birth_date'])
    .where('birth_certificate', '=', anyOf(spellings, 'text'))
    .executeTakeFirst();
}

export async function insertChild(
  tx: Executor,
  c: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    birthDate: string;
    sex: 'm' | 'f' | null;
    birthCertificate: string;
    snils: string | null;
    registrationAddress: string | null;
    source: 'manual' | 'esia';
    createdBy: string;
  },
) {
  return tx
    .insertInto('child')
    .values({
      last_name: c.lastName,
      first_name: c.firstName,
      patronymic: c.patronymic,
      birth_date: c.birthDate,
      sex: c.sex,
      birth_certificate: c.birthCertificate,
      snils: c.snils,
      registration_address: c.registrationAddress,
      source: c.source,
      created_by: c.createdBy,
    })
    .onConflict((oc) => oc.column('birth_certificate').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function addRepresentative(
  tx: Executor,
  childId: string,
  userId: string,
  relation: Relation,
  via: 'manual' | 'esia' | 'invitation',
): Promise<boolean> {
  const added = await tx
    .insertInto('child_representative')
    .values({ child_id: childId, user_id: userId, relation, added_via: via })
    .onConflict((oc) => oc.columns(['child_id', 'user_id']).doNothing())
    .returning('child_id')
    .executeTakeFirst();
  return !!added;
}

// ——— invitations ———

/** A new invitation makes the inviter's earlier open ones for the child useless: they are revoked. */
export async function revokeOpenInvitations(tx: Executor, childId: string, invitedBy: string, now: Date) {
  return tx
    .updateTable('family_invitation')
    .set({ revoked_at: now })
    .where('child_id', '=', childId)
    .where('invited_by', '=', invitedBy)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .execute();
}

export async function insertInvitation(
  tx: Executor,
  i: { childId: string; invitedBy: string; relation: Relation; codeHash: string; expiresAt: Date; now: Date },
) {
  return tx
    .insertInto('family_invitation')
    .values({
      child_id: i.childId,
      invited_by: i.invitedBy,
      relation: i.relation,
      code_hash: i.codeHash,
      created_at: i.now,
      expires_at: i.expiresAt,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export async function lockInvitationByHash(tx: Executor, codeHash: string) {
  return tx
    .selectFrom('family_invitation')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationAccepted(tx: Executor, id: string, userId: string, now: Date) {
  await tx
    .updateTable('family_invitation')
    .set({ accepted_by: userId, accepted_at: now })
    .where('id', '=', id)
    .execute();
}

// ——— health facts ———

export async function insertHealthFact(
  tx: Executor,
  f: { childId: string; kind: 'disability' | 'ovz' | 'food_allergy'; detail: string; consentBy: string },
) {
  return tx
    .insertInto('child_health_fact')
    .values({ child_id: f.childId, kind: f.kind, detail: f.detail, consent_by: f.consentBy })
    .returning(['id', 'kind'])
    .executeTakeFirstOrThrow();
}

export async function withdrawHealthFacts(tx: Executor, ids: readonly number[], now: Date) {
  if (ids.length === 0) return;
  await tx
    .updateTable('child_health_fact')
    .set({ withdrawn_at: now })
    .where('id', '=', anyOf(ids, 'int'))
    .execute();
}

export async function userName(tx: Executor, userId: string) {
  const u = await tx.selectFrom('app_user').select('full_name').where('id', '=', userId).executeTakeFirst();
  return u?.full_name ?? '';
}
