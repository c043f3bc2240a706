import type { RequestState } from '../../contracts/platform-portal.js';
import type { Db } from '../db/database.js';

export interface PageFilter {
  page: number;
  pageSize: number;
}

const REQUEST_COLUMNS = [
  'id',
  'module',
  'kind',
  'reference',
  'status',
  'state',
  'child_id',
  'organisation_id',
  'link',
  'submitted_at',
  'updated_at',
] as const;

/** A user's requests in every service, newest first (by submission, then id for equal times). */
export async function listRequestsOf(db: Db, ownerUserId: string, f: PageFilter & { state?: RequestState }) {
  let q = db.selectFrom('family_request').where('owner_user_id', '=', ownerUserId);
  if (f.state) q = q.where('state', '=', f.state);
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(REQUEST_COLUMNS)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export type FamilyRequestRow = Awaited<ReturnType<typeof listRequestsOf>>['rows'][number];

/** The portal's news, newest first. */
export async function listNews(db: Db, f: PageFilter) {
  const total = await db
    .selectFrom('portal_news')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('portal_news')
    .select(['id', 'published_on', 'module', 'title_ru', 'title_en', 'body_ru', 'body_en', 'link'])
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
