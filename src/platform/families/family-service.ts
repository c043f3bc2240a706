import type { AddChildInput, FamilyChild } from '../../contracts/platform-families.js';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { HttpProblem, invalidField, notFound } from '../http/problem.js';
import type { ChildAttendance, FamilyHooks } from './attendance.js';
import { storedSpellings } from '../../contracts/birth-certificate.js';
import { birthDateProblem } from './child-age.js';
import * as q from './queries.js';

/** The region's calendar day (Moscow time, as the kindergarten queue counts days). */
export function regionDay(now: Date): string {
  return new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A certificate already on file for a child the caller does not represent. The answer is the one
 * the kindergarten queue gives (docs/SECURITY.md, «A birth certificate already on file confirms
 * nothing»): what to do, never whose child it is, its name or its birth date.
 */
const CERTIFICATE_IN_USE = () =>
  new HttpProblem(
    409,
    'certificate-in-use',
    'A child with this birth certificate cannot be added online. Please contact the ' +
      "municipality's education office and bring the child's birth certificate and your identity " +
      'document, so that the staff can check the records.',
    {
      errors: [
        { field: 'birthCertificate', message: 'cannot be added online: contact the education office' },
      ],
    },
  );

/** The children the user represents, with where each attends (the platform's schools and every module's). */
export async function familyOf(db: Db, hooks: FamilyHooks, userId: string, childId?: string) {
  const rows = await q.childrenOf(db, userId, childId);
  const ids = rows.map((r) => r.id);
  const [reps, facts, requests, ...told] = await Promise.all([
    q.representativesOf(db, ids),
    q.activeHealthFacts(db, ids),
    q.requestsOf(db, userId, ids),
    q.schoolAttendance(db, ids),
    ...hooks.attendance.map((source) => source(db, ids)),
  ]);
  const byChild = new Map<string, ChildAttendance[]>();
  for (const a of told.flat())
    if (ids.includes(a.childId)) byChild.set(a.childId, [...(byChild.get(a.childId) ?? []), a]);
  const children: FamilyChild[] = rows.map((r) => ({
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    birthCertificate: r.birth_certificate,
    snils: r.snils,
    registrationAddress: r.registration_address,
    source: r.source,
    attends: (byChild.get(r.id) ?? []).map(({ childId: _childId, ...a }) => a),
    representatives: reps
      .filter((p) => p.child_id === r.id)
      .map((p) => ({ fullName: p.full_name, relation: p.relation, isMe: p.user_id === userId })),
    healthFacts: facts
      .filter((f) => f.child_id === r.id)
      .map((f) => ({ id: f.id, kind: f.kind, detail: f.detail, consentAt: f.consent_at.toISOString() })),
    requests: requests
      .filter((x) => x.child_id === r.id)
      .map((x) => ({
        module: x.module,
        kind: x.kind,
        reference: x.reference,
        status: x.status,
        state: x.state,
        link: x.link,
        submittedAt: new Date(x.submitted_at).toISOString(),
        updatedAt: x.updated_at.toISOString(),
      })),
  }));
  return children;
}

export async function childOf(db: Db, hooks: FamilyHooks, userId: string, childId: string) {
  const [child] = await familyOf(db, hooks, userId, childId);
  if (!child) throw notFound('Child');
  return child;
}

/**
 * Adds a child by hand with the caller as its legal representative. A certificate already on file
 * is the caller's own child (409 saying so) or someone else's (409 that confirms nothing).
 */
export async function addChild(
  db: Db,
  actor: Actor & { userId: string },
  input: AddChildInput,
  now = new Date(),
) {
  const problem = birthDateProblem(input.birthDate, regionDay(now));
  if (problem) throw invalidField('birthDate', problem);
  return inTransaction(db, async (tx) => {
    const spellings = storedSpellings(input.birthCertificate);
    const existing = await q.childByCertificate(tx, spellings);
    if (existing) throw await alreadyOnFile(tx, existing.id, actor.userId);
    const inserted = await q.insertChild(tx, {
      lastName: input.lastName,
      firstName: input.firstName,
      patronymic: input.patronymic ?? null,
      birthDate: input.birthDate,
      sex: input.sex,
      birthCertificate: input.birthCertificate,
      snils: input.snils ?? null,
      registrationAddress: input.registrationAddress ?? null,
      source: 'manual',
      createdBy: actor.userId,
    });
    // A concurrent request registered the same certificate first.
    if (!inserted)
      throw await alreadyOnFile(tx, (await q.childByCertificate(tx, spellings))!.id, actor.userId);
    await q.addRepresentative(tx, inserted.id, actor.userId, input.relation, 'manual');
    await recordAudit(tx, actor, {
      action: 'family.child.added',
      subjectType: 'child',
      subjectId: inserted.id,
      summary: { source: 'manual', relation: input.relation, snils: input.snils !== undefined },
    });
    return inserted.id;
  });
}

async function alreadyOnFile(tx: Parameters<typeof q.representativeIds>[0], childId: string, userId: string) {
  const reps = await q.representativeIds(tx, childId);
  if (reps.includes(userId))
    return new HttpProblem(409, 'child-already-in-family', 'This child is already in your family.', {
      errors: [{ field: 'birthCertificate', message: 'this child is already in your family' }],
      childId,
    });
  return CERTIFICATE_IN_USE();
}
