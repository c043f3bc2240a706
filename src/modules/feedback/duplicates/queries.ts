import { anyOf } from '../../../platform/db/any-of.js';
import type { Executor } from '../../../platform/db/transaction.js';

export interface CandidateFilter {
  categoryCode: string;
  organisationId: number | null;
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number } | null;
  from: string;
  to: string;
  statuses: readonly string[];
  excludeIds: readonly string[];
}

const CANDIDATE_LIMIT = 500;

/**
 * Appeals that may be duplicates: the same category registered in [from, to], about the same
 * organisation or inside the radius's bounding box (the pure rules then measure the distance and the
 * text). Newest first, at most 500.
 */
export async function duplicateCandidates(db: Executor, f: CandidateFilter) {
  if (f.organisationId === null && f.box === null) return [];
  let q = db
    .selectFrom('feedback_appeal as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.number',
      'a.category_code',
      'a.organisation_id',
      'a.lat',
      'a.lon',
      'a.text',
      'a.status',
      'a.registered_on',
      'a.answer_due',
      'o.short_name as organisation_name',
    ])
    .where('a.category_code', '=', f.categoryCode)
    .where('a.registered_on', '>=', f.from)
    .where('a.registered_on', '<=', f.to)
    .where('a.status', '=', anyOf(f.statuses, 'text'))
    .where((eb) => {
      const place = [];
      if (f.organisationId !== null) place.push(eb('a.organisation_id', '=', f.organisationId));
      if (f.box)
        place.push(
          eb.and([
            eb('a.lat', '>=', f.box.minLat),
            eb('a.lat', '<=', f.box.maxLat),
            eb('a.lon', '>=', f.box.minLon),
            eb('a.lon', '<=', f.box.maxLon),
          ]),
        );
      return eb.or(place);
    });
  if (f.excludeIds.length) q = q.where('a.id', 'not in', [...f.excludeIds]);
  return q.orderBy('a.id', 'desc').limit(CANDIDATE_LIMIT).execute();
}

export type CandidateRow = Awaited<ReturnType<typeof duplicateCandidates>>[number];

/** Appeals linked to `id`: the one it joined, those that joined it, and those that joined the same one. */
export async function linkedAppeals(db: Executor, id: string, duplicateOfId: string | null) {
  return db
    .selectFrom('feedback_appeal as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.number',
      'a.category_code',
      'a.organisation_id',
      'a.lat',
      'a.lon',
      'a.text',
      'a.status',
      'a.registered_on',
      'a.answer_due',
      'a.duplicate_of_id',
      'o.short_name as organisation_name',
    ])
    .where('a.id', '!=', id)
    .where((eb) =>
      eb.or([
        eb('a.duplicate_of_id', '=', id),
        ...(duplicateOfId !== null
          ? [eb('a.id', '=', duplicateOfId), eb('a.duplicate_of_id', '=', duplicateOfId)]
          : []),
      ]),
    )
    .orderBy('a.id')
    .limit(200)
    .execute();
}
