import type {
  MyRatable,
  Rating,
  RatingList,
  RatingRequest,
  RatingSummary,
} from '../../../contracts/life-situations.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import type { Principal } from '../../../platform/auth/roles.js';
import { REGION_WIDE_ROLES } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { FamilyHooks } from '../../../platform/families/attendance.js';
import { conflict, HttpProblem } from '../../../platform/http/problem.js';
import { ANSWERING_ROLES } from '../permissions.js';
import * as q from './queries.js';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toRating(r: q.RatingRow): Rating {
  const scores = {
    timeToResult: r.time_to_result,
    waitingTime: r.waiting_time,
    staffPoliteness: r.staff_politeness,
    comfort: r.comfort,
    information: r.information,
  };
  const sum = Object.values(scores).reduce((a, b) => a + b, 0);
  return {
    id: Number(r.id),
    requestId: Number(r.family_request_id),
    module: r.module,
    kind: r.kind,
    organisationId: r.organisation_id,
    organisationName: r.short_name ?? null,
    municipalityId: r.municipality_id,
    scores,
    average: Math.round((sum / 5) * 100) / 100,
    comment: r.comment,
    createdAt: iso(r.created_at),
    answer: r.answer_body && r.answered_at ? { body: r.answer_body, answeredAt: iso(r.answered_at) } : null,
  };
}

const requestProblem = (status: number, message: string, expected: string) =>
  new HttpProblem(status, status === 404 ? 'not-found' : 'conflict', message, {
    errors: [{ field: 'params.requestId', message, expected }],
  });

/** The scope of a request of the registry: its owner; another family's is indistinguishable from none. */
export async function requestOwner(db: Db, requestId: number, caller: string | null): Promise<string> {
  const row = await q.requestById(db, requestId);
  if (!row || !row.owner_user_id || row.owner_user_id !== caller)
    throw requestProblem(404, 'Request not found.', 'one of your requests');
  return row.owner_user_id;
}

/**
 * The organisation that gave the service: the registry's, or — for a module that does not report it
 * (the kindergarten queue's rows carry none) — where the request's child now attends under that
 * module, as the modules tell the platform («Моя семья» attendance hooks).
 */
async function organisationOf(
  db: Db,
  hooks: FamilyHooks,
  r: { module: string; child_id: string | null; organisation_id: number | null },
) {
  if (r.organisation_id !== null || !r.child_id) return r.organisation_id;
  for (const source of hooks.attendance) {
    const found = (await source(db, [r.child_id])).find((a) => a.module === r.module);
    if (found) return found.organisationId;
  }
  return null;
}

/** A family rates its finished request once, on the five criteria; the rating is public without names. */
export async function rate(
  db: Db,
  hooks: FamilyHooks,
  actor: Actor & { userId: string },
  requestId: number,
  body: RatingRequest,
): Promise<Rating> {
  const request = await q.requestById(db, requestId);
  if (!request || request.owner_user_id !== actor.userId)
    throw requestProblem(404, 'Request not found.', 'one of your requests');
  if (request.state !== 'done')
    throw requestProblem(
      409,
      'The request is not finished yet: rate it once it is done.',
      'a finished request',
    );
  const organisationId = await organisationOf(db, hooks, request);
  const municipalityId = organisationId ? await q.organisationMunicipality(db, organisationId) : null;
  return inTransaction(db, async (tx) => {
    const id = await q.insertRating(tx, {
      family_request_id: requestId,
      rated_by: actor.userId,
      module: request.module,
      kind: request.kind,
      organisation_id: organisationId,
      municipality_id: municipalityId,
      time_to_result: body.timeToResult,
      waiting_time: body.waitingTime,
      staff_politeness: body.staffPoliteness,
      comfort: body.comfort,
      information: body.information,
      comment: body.comment ?? null,
    });
    if (id === null) throw requestProblem(409, 'The request is already rated.', 'a request not rated yet');
    await recordAudit(tx, actor, {
      action: 'service_rating.created',
      subjectType: 'service_rating',
      subjectId: id,
      municipalityId,
      summary: { requestId, module: request.module, kind: request.kind, organisationId },
    });
    return toRating(await q.ratingById(tx, id));
  });
}

export async function answer(db: Db, actor: Actor & { userId: string }, ratingId: number, body: string) {
  return inTransaction(db, async (tx) => {
    const scope = await q.ratingScope(tx, ratingId);
    if (!scope) throw new HttpProblem(404, 'not-found', 'Rating not found.');
    if (!(await q.insertAnswer(tx, { ratingId, by: actor.userId, body })))
      throw conflict('The rating is already answered.', {
        errors: [
          { field: 'params.ratingId', message: 'already answered', expected: 'a rating without an answer' },
        ],
      });
    await recordAudit(tx, actor, {
      action: 'service_rating.answered',
      subjectType: 'service_rating',
      subjectId: ratingId,
      municipalityId: scope.municipality_id,
      summary: { organisationId: scope.organisation_id },
    });
    return toRating(await q.ratingById(tx, ratingId));
  });
}

export async function myRatable(db: Db, userId: string): Promise<MyRatable> {
  const requests = await q.finishedRequestsOf(db, userId);
  const ratings = await q.ratingsByRequests(
    db,
    requests.map((r) => Number(r.id)),
  );
  return {
    items: requests.map((r) => {
      const rating = ratings.find((x) => Number(x.family_request_id) === Number(r.id));
      return {
        requestId: Number(r.id),
        module: r.module,
        kind: r.kind,
        reference: r.reference,
        status: r.status,
        updatedAt: iso(r.updated_at),
        rating: rating ? toRating(rating) : null,
      };
    }),
  };
}

export async function list(db: Db, f: q.RatingFilter): Promise<RatingList> {
  const { total, rows } = await q.listRatings(db, f);
  return { items: rows.map(toRating), total, page: f.page, pageSize: f.pageSize };
}

/** What a staff member's answering grants cover: null for the whole region. */
export function staffCoverage(principal: Principal) {
  const grants = principal.grants.filter((g) => (ANSWERING_ROLES as readonly string[]).includes(g.role));
  if (grants.some((g) => REGION_WIDE_ROLES.has(g.role))) return null;
  return {
    organisationIds: grants.flatMap((g) => {
      const id = g.organisationId ?? g.kindergartenId;
      return g.role !== 'municipal_officer' && id ? [id] : [];
    }),
    municipalityIds: grants.flatMap((g) =>
      g.role === 'municipal_officer' && g.municipalityId ? [g.municipalityId] : [],
    ),
  };
}

export async function summary(
  db: Db,
  f: { by: 'service' | 'organisation' | 'municipality'; module?: string; municipalityId?: number },
): Promise<RatingSummary> {
  const { groups, months } = await q.summarise(db, f);
  return {
    by: f.by,
    groups: groups.map((g) => ({
      key: g.key,
      name: g.name,
      count: Number(g.count),
      averages: {
        timeToResult: Number(g.time_to_result),
        waitingTime: Number(g.waiting_time),
        staffPoliteness: Number(g.staff_politeness),
        comfort: Number(g.comfort),
        information: Number(g.information),
        overall: Number(g.overall),
      },
    })),
    months: months.map((m) => ({ month: m.month, count: Number(m.count), overall: Number(m.overall) })),
  };
}
