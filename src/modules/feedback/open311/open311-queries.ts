import { sql, type Insertable } from 'kysely';
import { anyOf } from '../../../platform/db/any-of.js';
import type { Executor } from '../../../platform/db/transaction.js';
import type { FeedbackOpen311RequestTable } from '../tables.js';

export async function apiClientByKeyHash(db: Executor, keySha256: string) {
  return db
    .selectFrom('feedback_api_client')
    .select(['id', 'name', 'revoked_at'])
    .where('key_sha256', '=', keySha256)
    .executeTakeFirst();
}

export async function insertApiClient(db: Executor, name: string, keySha256: string) {
  return db
    .insertInto('feedback_api_client')
    .values({ name, key_sha256: keySha256 })
    .onConflict((oc) => oc.column('key_sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function insertPending(db: Executor, row: Insertable<FeedbackOpen311RequestTable>) {
  await db.insertInto('feedback_open311_request').values(row).execute();
}

export async function pendingByToken(db: Executor, token: string, opts: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('feedback_open311_request as p')
    .leftJoin('feedback_appeal as a', 'a.id', 'p.appeal_id')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([
      'p.token',
      'p.service_code',
      'p.description',
      'p.organisation_id',
      'p.lat',
      'p.lon',
      'p.address_string',
      'p.created_at',
      'p.expires_at',
      'p.appeal_id',
      'a.number',
      'o.short_name as organisation_name',
    ])
    .where('p.token', '=', token);
  if (opts.lock) q = q.modifyEnd(sql`for update of p`);
  return q.executeTakeFirst();
}

export async function markConfirmed(db: Executor, token: string, appealId: number, userId: string) {
  await db
    .updateTable('feedback_open311_request')
    .set({ appeal_id: String(appealId), confirmed_by: userId })
    .where('token', '=', token)
    .execute();
}

export interface PublicRequestFilter {
  numbers?: readonly string[];
  serviceCode?: string;
  from: Date;
  to: Date;
  statuses?: readonly string[];
  limit: number;
}

/** Appeals as Open311 shows them: no author, no text; the organisation's place, or the point rounded. */
export async function publicRequests(db: Executor, f: PublicRequestFilter) {
  let q = db
    .selectFrom('feedback_appeal as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.number',
      'a.status',
      'a.category_code',
      'a.created_at',
      'a.updated_at',
      'a.answer_due',
      'a.organisation_id',
      'a.lat',
      'a.lon',
      'o.short_name as organisation_name',
      'o.address as organisation_address',
      'o.lat as organisation_lat',
      'o.lon as organisation_lon',
    ]);
  if (f.numbers) q = q.where('a.number', '=', anyOf(f.numbers, 'text'));
  else q = q.where('a.created_at', '>=', f.from).where('a.created_at', '<=', f.to);
  if (f.serviceCode) q = q.where('a.category_code', '=', f.serviceCode);
  if (f.statuses) q = q.where('a.status', '=', anyOf(f.statuses, 'text'));
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).execute();
}
